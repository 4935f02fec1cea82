/**
 * `npm start`: serve the client, the HTTP API and the websocket. Environment: PORT (default 8080),
 * PLENIPO_DB (default data/plenipo.db), PLENIPO_DEMO (0 disables demo accounts), PLENIPO_SYNC
 * (full | normal), HOST (default 127.0.0.1; 0.0.0.0 to serve a room's network). Stops cleanly on SIGINT/SIGTERM.
 */
import { startServer } from './start.ts';

const sync = process.env.PLENIPO_SYNC ?? 'normal';
if (sync !== 'full' && sync !== 'normal') throw new RangeError(`PLENIPO_SYNC must be full or normal, not ${JSON.stringify(sync)}`);

const running = await startServer({
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? '127.0.0.1',
  dbPath: process.env.PLENIPO_DB ?? 'data/plenipo.db',
  demo: process.env.PLENIPO_DEMO !== '0',
  importFixtures: true,
  sync,
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(() => process.exit(0), (error) => {
      console.error(error);
      process.exit(1);
    });
  });
}
