/** Server child: the Plenipo sync server (`server/start.ts`), SQLite synchronous policy from the parent. */
import { startServer } from '../../server/start.ts';
import { serveChild } from './child.ts';

serveChild(async (args) => {
  const sync = args.sync === 'full' ? 'full' : 'normal';
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: String(args.dbPath), demo: false, importFixtures: false, quiet: true, sync, staticRoot: null });
  return { port: server.port, close: () => server.close() };
});
