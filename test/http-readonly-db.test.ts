import { execFile } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../server/storage/index.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { tempDir, treatyJSON } from './server-helpers.ts';

const root = join(import.meta.dirname, '..');
const cleanups: Array<() => void> = [];

/**
 * As root the server runs as `nobody`, who must be able to pass through the checkout's folders to
 * reach its code (a clone in `mktemp -d` is 0700): give the folders on the way search permission
 * for the duration of these tests, and take it back after.
 */
const opened: Array<[string, number]> = [];
beforeAll(() => {
  if (process.getuid?.() !== 0) return;
  for (let dir = root; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      opened.push([dir, mode]);
      chmodSync(dir, mode | 0o001);
    }
  }
});
afterAll(() => {
  for (const [dir, mode] of opened.splice(0)) chmodSync(dir, mode);
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * Run `npm start`'s entry on `dbPath` in its own process, as user `nobody` when the tests run as
 * root (root writes through file modes); resolves with the exit code and stderr. A server that
 * did start is stopped and reported with code "listening".
 */
function startOn(dbPath: string): Promise<{ code: number | string | null; stderr: string; stdout: string }> {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root, ...asNobody, timeout: 60_000,
      env: { ...process.env, PLENIPO_DB: dbPath, PORT: '0', PLENIPO_DEMO: '0', TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
    }, (error, stdout, stderr) => resolve({ code: stdout.includes('listening') ? 'listening' : (error?.code ?? 0), stderr, stdout }));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) child.kill('SIGTERM');
    });
  });
}

/** A migrated database with one document in a fresh folder any user can enter; resolves with the folder and file. */
async function database(): Promise<{ dir: string; dbPath: string }> {
  const temp = tempDir();
  cleanups.push(() => {
    chmodSync(temp.dir, 0o755);
    temp.cleanup();
  });
  const dbPath = join(temp.dir, 'plenipo.db');
  const store = openSqliteStore(dbPath);
  await importProseMirrorDocument(store, { json: treatyJSON() });
  await store.close();
  return { dir: temp.dir, dbPath };
}

describe('a database the server cannot write', () => {
  it('stops the server at start with a message naming the read-only file', async () => {
    const { dir, dbPath } = await database();
    chmodSync(dir, 0o777);
    chmodSync(dbPath, 0o444);
    const result = await startOn(dbPath);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`plenipo: not started: Database ${dbPath} is not writable (attempt to write a readonly database); check the permissions`);
  });

  it('stops the server at start when the folder of the database is read-only', async () => {
    const { dir, dbPath } = await database();
    chmodSync(dbPath, 0o666);
    chmodSync(dir, 0o555);
    const result = await startOn(dbPath);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/plenipo: not started: .*plenipo\.db .*check the permissions of the file and of its folder/);
  });

  it('starts on the same database once it is writable', async () => {
    const { dir, dbPath } = await database();
    chmodSync(dir, 0o777);
    chmodSync(dbPath, 0o666);
    expect((await startOn(dbPath)).code).toBe('listening');
  });
});
