/** Server child: Hocuspocus 3 with its SQLite extension (default debounce: 2 s, at most 10 s). */
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { serveChild } from './child.ts';

serveChild(async (args) => {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database: String(args.database) })] });
  await server.listen();
  return { port: server.address.port, close: () => server.destroy() };
});
