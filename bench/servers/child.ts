/**
 * The IPC side of a server child process: wait for `{ type: 'start', ...args }`, start the server,
 * post `{ type: 'ready', port }`; on `{ type: 'stop' }` close it and exit 0.
 */

/** A started server as the child sees it. */
export interface ChildServer { port: number; close(): Promise<void> }

/** Run `start` when the parent says so, and report back over IPC. */
export function serveChild(start: (args: Record<string, unknown>) => Promise<ChildServer>): void {
  let server: ChildServer | null = null;
  process.on('message', (message: { type: string } & Record<string, unknown>) => {
    if (message.type === 'start') {
      start(message)
        .then((started) => { server = started; process.send!({ type: 'ready', port: started.port }); })
        .catch((error: Error) => { process.send!({ type: 'failed', error: error.stack ?? error.message }); process.exit(1); });
    } else if (message.type === 'stop') {
      Promise.resolve(server?.close()).finally(() => process.exit(0));
    }
  });
}
