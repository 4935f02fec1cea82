/**
 * `npm start`: serve the client, the HTTP API and the websocket, configured by the environment
 * (`server/env-options.ts`). Stops cleanly on SIGINT/SIGTERM. A bad variable, or a database it
 * cannot write, stops it at once with a message saying so (exit status 1).
 */
import { startOptionsFromEnv } from './env-options.ts';
import { startServer, type RunningServer } from './start.ts';

let running: RunningServer;
try {
  running = await startServer(startOptionsFromEnv(process.env));
} catch (error) {
  console.error(`plenipo: not started: ${(error as Error).message}`);
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(() => process.exit(0), (error) => {
      console.error(error);
      process.exit(1);
    });
  });
}
