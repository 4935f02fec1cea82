import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { importProseMirrorDocument, updateFromProseMirrorJSON } from '../server/import-document.ts';
import { openSqliteStore, type SqliteStore } from '../server/storage/index.ts';
import { HISTORY_EVERY } from '../server/storage/sqlite-store.ts';
import { treatyOfState } from '../server/versions/texts.ts';
import { compareDocuments, type Redline } from '../shared/redline/index.ts';
import { firstPlain, firstPlainText, startTestServer, synced, tempDir, treatyJSON, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer | null = null;
afterEach(async () => {
  await test?.stop();
  test = null;
});

const T0 = Date.parse('2026-03-01T09:00:00Z');

/**
 * Give document `docId` of `store` `count` logged keystroke updates, one per second of log time
 * from T0 (each types one character at the end of the first provision). Resolves with the times
 * of the first and the last.
 */
async function typeKeystrokes(store: SqliteStore, docId: string, count: number): Promise<{ first: number; last: number }> {
  const doc = new Y.Doc();
  for (const update of (await store.load(docId)).updates) Y.applyUpdate(doc, update);
  const text = firstPlain(doc);
  let batch: Array<{ data: Uint8Array; accountId: string | null; createdAt: number }> = [];
  for (let i = 0; i < count; i++) {
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    batch.push({ data: Y.encodeStateAsUpdate(doc, before), accountId: null, createdAt: T0 + i * 1000 });
    if (batch.length === 1000) {
      await store.append(docId, batch);
      batch = [];
    }
  }
  if (batch.length) await store.append(docId, batch);
  doc.destroy();
  return { first: T0, last: T0 + (count - 1) * 1000 };
}

/** Resolves once `condition` holds, checking after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** A server whose document was created at T0 - 1 s and holds `count` logged keystrokes. */
async function serverWithLog(count: number, jobs?: { workers?: number; queueLimit?: number; timeLimitMs?: number }) {
  const temp = tempDir();
  const dbPath = `${temp.dir}/jobs.db`;
  const store = openSqliteStore(dbPath);
  const record = await importProseMirrorDocument(store, { json: treatyJSON(), title: 'Long log' });
  store.db.prepare('UPDATE documents SET created_at = ? WHERE id = ?').run(T0 - 1000, record.id);
  store.db.prepare('UPDATE updates SET created_at = ? WHERE doc_id = ?').run(T0 - 1000, record.id);
  const times = await typeKeystrokes(store, record.id, count);
  const quiet = await importProseMirrorDocument(store, { json: treatyJSON('Typing here: '), title: 'Typing' });
  await store.close();
  test = await startTestServer({ dbPath, jobs });
  const stop = test.stop;
  test.stop = async () => {
    await stop();
    temp.cleanup();
  };
  const redlineUrl = (from: number, to: number, format = 'json') =>
    `${test!.server.url}/api/documents/${record.id}/redline?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&format=${format}`;
  return { docId: record.id, typingDocId: quiet.id, times, redlineUrl, token: test.tokens.fr };
}

describe('time-travel redlines on a worker thread', () => {
  it('keep /healthz and typing answering while a redline over 20,000 logged updates runs', async () => {
    const { times, redlineUrl, token, typingDocId } = await serverWithLog(Number(process.env.PLENIPO_JOB_UPDATES ?? 20_000));
    // The secretariat holds the pen, so it types agreed text directly; Kenya watches.
    const fr = test!.connect('sec', { docId: typingDocId });
    const ke = test!.connect('ke', { docId: typingDocId });
    await Promise.all([synced(fr.provider), synced(ke.provider)]);
    let redlineDone = false;
    const redline = fetch(redlineUrl(times.first + 10_000_000, times.last), { headers: { authorization: `Bearer ${token}` } }).then(async (response) => {
      redlineDone = true;
      return { status: response.status, body: (await response.json()) as Redline };
    });
    await until(() => test!.server.jobs.load.running === 1);
    const health = await fetch(`${test!.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(redlineDone).toBe(false);
    firstPlain(fr.doc).insert(0, 'The secretariat types. ');
    await whenDoc(ke.doc, () => firstPlainText(ke.doc).startsWith('The secretariat types.'));
    expect(redlineDone).toBe(false);
    const answer = await redline;
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toBeDefined();
  });

  it('gives the same redline as comparing the rebuilt texts directly', async () => {
    const { docId, times, redlineUrl, token } = await serverWithLog(300);
    const from = times.first + 100_000;
    const answer = (await (await fetch(redlineUrl(from, times.last), { headers: { authorization: `Bearer ${token}` } })).json()) as Redline;
    const store = test!.server.store;
    const expected = compareDocuments(treatyOfState(await store.stateAt(docId, from)), treatyOfState(await store.stateAt(docId, times.last)), {
      from: answer.from, to: answer.to,
    });
    expect(answer).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('answers 503 with a plain message when the queue is full, and the running redline still completes', async () => {
    const { times, redlineUrl, token } = await serverWithLog(5000, { workers: 1, queueLimit: 0 });
    const first = fetch(redlineUrl(times.first + 1000, times.last), { headers: { authorization: `Bearer ${token}` } });
    await until(() => test!.server.jobs.load.running === 1);
    const second = await fetch(redlineUrl(times.first + 2000, times.last), { headers: { authorization: `Bearer ${token}` } });
    expect(second.status).toBe(503);
    expect(((await second.json()) as { error: string }).error).toBe('The server is busy with other redlines and exports (1 running, 0 waiting); try again in a minute');
    expect((await first).status).toBe(200);
  });

  it('stops a job over its time limit with 503 and frees its place', async () => {
    const { times, redlineUrl, token } = await serverWithLog(20_000, { workers: 1, timeLimitMs: 50 });
    const slow = await fetch(redlineUrl(times.first + 1000, times.last), { headers: { authorization: `Bearer ${token}` } });
    expect(slow.status).toBe(503);
    expect(((await slow.json()) as { error: string }).error).toMatch(/took longer than 0 s and was stopped/);
    expect(test!.server.jobs.load).toEqual({ running: 0, queued: 0 });
  });
});

describe('the text at a past time', () => {
  it('is the same from the nearest kept checkpoint as from the whole log', async () => {
    const temp = tempDir();
    const store = openSqliteStore(`${temp.dir}/history.db`);
    const record = await store.createDocument({ title: 'T', initialUpdate: updateFromProseMirrorJSON(treatyJSON()), createdAt: T0 - 1000 });
    const count = HISTORY_EVERY * 2 + 300;
    const times = await typeKeystrokes(store, record.id, count);
    const full = (time: number) => Y.mergeUpdates((store.db.prepare('SELECT data FROM updates WHERE doc_id = ? AND created_at <= ? ORDER BY seq').all(record.id, time) as Array<{ data: Buffer }>).map((row) => new Uint8Array(row.data)));
    for (const seq of [HISTORY_EVERY + 1, HISTORY_EVERY * 2 + 1]) {
      const state = Y.mergeUpdates((await store.updatesAfter(record.id, 0)).filter((u) => u.seq <= seq).map((u) => u.data));
      await store.checkpoint(record.id, seq, state);
    }
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM checkpoint_history').get() as { n: number }).n).toBe(2);
    for (const time of [T0 - 1000, times.first + 500_000, times.first + HISTORY_EVERY * 1000, times.first + (HISTORY_EVERY + 5) * 1000, times.last]) {
      expect(treatyOfState(await store.stateAt(record.id, time)).toJSON()).toEqual(treatyOfState(full(time)).toJSON());
    }
    await store.close();
    temp.cleanup();
  });
});
