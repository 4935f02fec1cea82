/** Server child: the Plenipo sync server (`server/start.ts`), fsync policy from PLENIPO_SYNC. */
import { serveChild } from './child.ts';

serveChild(async (args) => {
  const { startServer } = await import(new URL('../../server/start.ts', import.meta.url).href);
  const server = await startServer({ port: 0, dbPath: String(args.dbPath), demo: false, importFixtures: false, quiet: true });
  return { port: server.port, close: () => server.close() };
});
