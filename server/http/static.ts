/** Serves the built client (dist/client) with an index.html fallback for client-side routes. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './env.ts';

/** Static route group for the built client at `root` (absolute path); empty when it is not built. */
export function staticRoutes(root: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const index = join(root, 'index.html');
  if (!existsSync(index)) return app;
  app.use('/*', serveStatic({ root: relative(process.cwd(), root) }));
  app.get('*', (c) => c.html(readFileSync(index, 'utf8')));
  return app;
}
