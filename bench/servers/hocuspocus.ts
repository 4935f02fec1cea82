/**
 * Server child: Hocuspocus 3 with its SQLite extension (default debounce: 2 s, at most 10 s).
 * The extension creates its table without waiting for it, racing the first document load on a
 * fresh file; the table is created here first so that race does not decide the bench.
 */
import Database from 'better-sqlite3';
import { Server } from '@hocuspocus/server';
import { SQLite, schema } from '@hocuspocus/extension-sqlite';
import { serveChild } from './child.ts';

serveChild(async (args) => {
  const database = String(args.database);
  const db = new Database(database);
  db.exec(schema);
  db.close();
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
  await server.listen();
  return { port: server.address.port, close: () => server.destroy() };
});
