// Entry of a job worker thread: register tsx (workers do not take `--import` from execArgv on
// Node 20), then load the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
