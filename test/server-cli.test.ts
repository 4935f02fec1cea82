import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../server/storage/index.ts';
import { tempDir, treatyJSON } from './server-helpers.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Run the plenipo CLI on a database; resolves with its stdout lines. */
async function plenipo(dbPath: string, ...args: string[]): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: root, env: { ...process.env, PLENIPO_DB: dbPath },
  });
  return stdout.trimEnd().split('\n');
}

function database(): { dir: string; dbPath: string } {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return { dir: temp.dir, dbPath: join(temp.dir, 'cli.db') };
}

describe('plenipo CLI', () => {
  it('adds an account and prints its token as the last line; user list shows it', async () => {
    const { dbPath } = database();
    const lines = await plenipo(dbPath, 'user', 'add', '--name', 'Kenya', '--delegation', 'KE', '--role', 'delegate');
    const token = lines.at(-1)!;
    const store = openSqliteStore(dbPath);
    const account = await store.accountByToken(token);
    await store.close();
    expect(account).toMatchObject({ name: 'Kenya', delegation: 'KE', role: 'delegate' });
    expect(await plenipo(dbPath, 'user', 'list')).toEqual([`${account!.id}\tdelegate\tKE\tKenya`]);
  });

  it('refuses an unknown role with exit status 2, naming it', async () => {
    const { dbPath } = database();
    const failure = await plenipo(dbPath, 'user', 'add', '--name', 'X', '--delegation', 'X', '--role', 'king').catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('"king"');
  });

  it('imports a ProseMirror JSON file, prints the new id, and doc list shows it', async () => {
    const { dir, dbPath } = database();
    const file = join(dir, 'treaty.json');
    writeFileSync(file, JSON.stringify(treatyJSON()));
    const [id] = await plenipo(dbPath, 'doc', 'import', file, '--title', 'Zero draft');
    expect(id).toMatch(/^doc_/);
    expect(await plenipo(dbPath, 'doc', 'list')).toEqual([`${id}\tconvention-2001\tZero draft`]);
  });

  it('imports a plain-text treaty through the importer', async () => {
    const { dir, dbPath } = database();
    const file = join(dir, 'treaty.txt');
    writeFileSync(file, '# Protocol on Cybercrime\n\nArticle 1 – Definitions\n\nFor the purposes of this Protocol, [ITU Membership] means the members.\n');
    const lines = await plenipo(dbPath, 'doc', 'import', file, '--title', 'Text draft', '--base', 'convention-2001');
    const store = openSqliteStore(dbPath);
    const record = await store.getDocument(lines.at(-1)!);
    const loaded = await store.load(record!.id);
    await store.close();
    expect(record).toMatchObject({ title: 'Text draft', base: 'convention-2001' });
    expect(loaded.seq).toBe(1);
  });
});
