/**
 * A job worker thread. Messages in: `{ id, name, input }`; out: `{ id, ok: true, result }` or
 * `{ id, ok: false, message, status? }` (status: the HTTP status of an `HTTPException`). The
 * database named in `workerData.dbPath` is opened read-only on first use.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { JOBS, type JobContext, type JobName } from './tasks.ts';

/** A job request sent to a worker. */
export interface JobRequest { id: number; name: JobName; input: unknown }
/** A worker's answer to a `JobRequest`. */
export type JobReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string; status?: number };

let db: Database.Database | null = null;
const context: JobContext = {
  db() {
    if (!workerData?.dbPath) throw new Error('This job worker has no database');
    db ??= new Database(workerData.dbPath as string, { readonly: true, fileMustExist: true });
    return db;
  },
};

/** The ArrayBuffers of a result, moved rather than copied to the main thread. */
function transferables(result: unknown): ArrayBuffer[] {
  return result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength && result.buffer instanceof ArrayBuffer ? [result.buffer] : [];
}

parentPort!.on('message', async (request: JobRequest) => {
  let reply: JobReply;
  try {
    const run = JOBS[request.name] as (input: unknown, context: JobContext) => Promise<unknown>;
    if (!run) throw new RangeError(`Unknown job ${JSON.stringify(request.name)}`);
    const result = await run(request.input, context);
    reply = { id: request.id, ok: true, result };
    parentPort!.postMessage(reply, transferables(result));
    return;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    reply = { id: request.id, ok: false, message: (error as Error).message ?? String(error), ...(typeof status === 'number' ? { status } : {}) };
  }
  parentPort!.postMessage(reply);
});
