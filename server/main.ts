/**
 * `npm start`: serve the client, the HTTP API and the websocket. Environment: PORT (default 8080),
 * PLENIPO_DB (default data/plenipo.db), PLENIPO_DEMO (0 disables demo accounts), PLENIPO_SYNC
 * (full | normal), HOST (default 127.0.0.1; 0.0.0.0 to serve a room's network), PLENIPO_ORIGINS
 * (comma-separated origins allowed besides the server's own, e.g. behind a TLS proxy),
 * PLENIPO_TRUST_PROXY (1: believe X-Forwarded-Proto/-Host/-For), PLENIPO_JOB_WORKERS (worker
 * threads for redlines and exports, default 1). Stops cleanly on SIGINT/SIGTERM; a database it
 * cannot write stops it at once with a message saying so (exit status 1).
 */
import { startServer, type RunningServer } from './start.ts';

const sync = process.env.PLENIPO_SYNC ?? 'normal';
if (sync !== 'full' && sync !== 'normal') throw new RangeError(`PLENIPO_SYNC must be full or normal, not ${JSON.stringify(sync)}`);

const origins = (process.env.PLENIPO_ORIGINS ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean);
for (const origin of origins) {
  if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new RangeError(`PLENIPO_ORIGINS entries must look like https://host[:port], not ${JSON.stringify(origin)}`);
}
const workers = Number(process.env.PLENIPO_JOB_WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`PLENIPO_JOB_WORKERS must be a whole number of at least 1, not ${JSON.stringify(process.env.PLENIPO_JOB_WORKERS)}`);

let running: RunningServer;
try {
  running = await startServer({
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    dbPath: process.env.PLENIPO_DB ?? 'data/plenipo.db',
    demo: process.env.PLENIPO_DEMO !== '0',
    importFixtures: true,
    sync,
    origins,
    trustProxy: process.env.PLENIPO_TRUST_PROXY === '1',
    jobs: { workers },
  });
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
