import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/start.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { plainText } from '../shared/model/index.ts';
import { currentTreaty } from '../server/resolution/index.ts';
import { firstPlain, firstPlainText, startTestServer, synced, tempDir, treatyJSON, whenDoc, type TestServer } from './server-helpers.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

let test: TestServer | null = null;
let restored: RunningServer | null = null;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await restored?.close();
  restored = null;
  await test?.stop();
  test = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Run the plenipo CLI in its own process; resolves with stdout, or rejects with the exit code and stderr. */
async function plenipo(dbPath: string, ...args: string[]): Promise<string> {
  return (await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', '--db', dbPath, ...args], { cwd: root })).stdout;
}

/** Every document's plain text, by id. */
async function texts(server: RunningServer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const doc of await server.store.listDocuments()) out[doc.id] = plainText(await currentTreaty(server.rooms, doc.id));
  return out;
}

const logCount = (server: RunningServer) => (server.store.db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n;

describe('online backup and restore', () => {
  it('backs up a running server with live edits; a fresh server on the restored copy has every document and log entry', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    test = await startTestServer();
    const second = await importProseMirrorDocument(test.server.store, { json: treatyJSON('Typing goes on here: '), title: 'Second' });
    // Only the pen-holders write agreed text directly.
    const fr = test.connect('sec');
    const ke = test.connect('chair');
    await Promise.all([synced(fr.provider), synced(ke.provider)]);
    firstPlain(fr.doc).insert(0, 'France adds this. ');
    firstPlain(ke.doc).insert(0, 'Kenya adds that. ');
    await whenDoc(fr.doc, () => firstPlainText(fr.doc).includes('Kenya adds that.'));
    await whenDoc(ke.doc, () => firstPlainText(ke.doc).includes('France adds this.'));
    await test.server.rooms.get(test.docId)!.drain();

    // Keep typing into the second document while the backup runs in another process.
    const typist = test.connect('sec', { docId: second.id });
    await synced(typist.provider);
    let typing = true;
    let typed = 0;
    const typingDone = (async () => {
      while (typing) {
        firstPlain(typist.doc).insert(firstPlainText(typist.doc).length, String(typed++ % 10));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const liveTexts = await texts(test.server);
    const liveLog = logCount(test.server) - (await test.server.store.updatesAfter(second.id, 0)).length;

    const backup = join(temp.dir, 'backup.db');
    const output = await plenipo(test.dbPath, 'backup', backup);
    typing = false;
    await typingDone;
    expect(output).toMatch(/^Backed up .* to .*backup\.db: 2 documents, \d+ logged updates, 6 accounts/);

    const target = join(temp.dir, 'restored', 'plenipo.db');
    expect(await plenipo(target, 'restore', backup)).toMatch(/^Restored .*backup\.db to .*restored\/plenipo\.db: 2 documents/);
    restored = await startServer({ dbPath: target, quiet: true, staticRoot: null });
    const restoredTexts = await texts(restored);
    // The first document was quiet during the backup: exactly the same text and log.
    expect(restoredTexts[test.docId]).toBe(liveTexts[test.docId]);
    const restoredFirstLog = logCount(restored) - (await restored.store.updatesAfter(second.id, 0)).length;
    expect(restoredFirstLog).toBe(liveLog);
    // The second was being typed into: the copy holds a state the typist went through.
    const finalSecond = plainText(await currentTreaty(test.server.rooms, second.id));
    expect(restoredTexts[second.id].length).toBeGreaterThanOrEqual(liveTexts[second.id].length);
    expect(finalSecond.startsWith(restoredTexts[second.id].trimEnd())).toBe(true);
    // Accounts come back too: France's token still signs in on the restored server.
    expect((await restored.store.accountByToken(test.tokens.fr))?.id).toBe(test.accounts.fr.id);
  });

  it('refuses to restore over an existing database, and refuses a file that is not a database', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    test = await startTestServer();
    const backup = join(temp.dir, 'backup.db');
    await plenipo(test.dbPath, 'backup', backup);
    await expect(plenipo(test.dbPath, 'restore', backup)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`${test.dbPath} already exists; restore into a new file`) });
    const junk = join(temp.dir, 'junk.db');
    writeFileSync(junk, 'not a database at all');
    const target = join(temp.dir, 'new.db');
    await expect(plenipo(target, 'restore', junk)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('is not a readable Plenipo database') });
    expect(existsSync(target)).toBe(false);
    await expect(plenipo(test.dbPath, 'backup', backup)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already exists; choose a new file name') });
  });
});
