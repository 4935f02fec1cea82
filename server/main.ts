/**
 * `npm start`: serve the client, the HTTP API and the websocket. Environment: PORT (default 8080),
 * PLENIPO_DB (default data/plenipo.db), PLENIPO_DEMO (0 disables demo accounts), PLENIPO_SYNC
 * (full | normal). Stops cleanly on SIGINT/SIGTERM.
 */
import { startServer } from './start.ts';

const sync = process.env.PLENIPO_SYNC ?? 'normal';
if (sync !== 'full' && sync !== 'normal') throw new RangeError(`PLENIPO_SYNC must be full or normal, not ${JSON.stringify(sync)}`);

const running = await startServer({
  port: Number(process.env.PORT ?? 8080),
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
