/**
 * Build the browser client into dist/client when it is missing or older than its sources,
 * so that `npm start` on a fresh clone serves a working editor. Run as `npm start`'s prestart.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'dist', 'client', 'index.html');

/** Newest modification time (ms) of any file below the given folders. */
function newestSourceTime(folders: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const folder of folders) if (existsSync(folder)) visit(folder);
  return newest;
}

/** True when dist/client is absent or stale relative to client/ and shared/. */
export function clientNeedsBuild(): boolean {
  if (!existsSync(builtIndex)) return true;
  return newestSourceTime([join(root, 'client'), join(root, 'shared')]) > statSync(builtIndex).mtimeMs;
}

/** Run `vite build` with the project's vite.config.ts when the client is missing or stale. */
export async function buildClientIfNeeded(log: (line: string) => void = console.log): Promise<void> {
  if (!existsSync(join(root, 'client', 'index.html'))) {
    log('plenipo: no client/ sources yet; serving the API only');
    return;
  }
  if (!clientNeedsBuild()) return;
  log('plenipo: building the client (vite build)...');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  log('plenipo: client built into dist/client');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildClientIfNeeded();
}
