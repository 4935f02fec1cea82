/**
 * Concurrent server-side edits of one document against a real server: 50 `applyResolution` calls
 * started at once, 20 resolution POSTs over HTTP at once, and resolutions mixed with a status
 * change, a renumbering and a version restore. Each bracket is resolved exactly once, in the
 * order the calls were made, no word is duplicated, the update log replays to the live document
 * and every connected editor converges with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../shared/schema/index.ts';
import { listBrackets } from '../shared/model/index.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { applyArticleStatus, applyResolution, renumberLive, undoResolution } from '../server/resolution/index.ts';
import { restoreVersion, cutVersion } from '../server/versions/index.ts';
import { treaty, article, heading, plain, br } from './helpers/bracket-builders.ts';
import { startTestServer, synced, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

/** A treaty of `articles` articles, each one paragraph of `perArticle` FR brackets "w<i>". */
function bracketedTreaty(articles: number, perArticle: number): Node {
  return treaty(...Array.from({ length: articles }, (_, a) => article({ id: `a${a}` }, heading(`Heading ${a}`),
    plain({ id: `x${a}` }, `Lead ${a} `, ...Array.from({ length: perArticle }, (_, j) => br(`b${a * perArticle + j}`, 'FR')(`w${a * perArticle + j} `)), 'end.'))));
}

/** The expected text when even brackets are kept and odd ones dropped. */
function expectedWords(articles: number, perArticle: number): string[] {
  const words: string[] = [];
  for (let a = 0; a < articles; a++) {
    words.push('Lead', `${a}`);
    for (let j = 0; j < perArticle; j++) if ((a * perArticle + j) % 2 === 0) words.push(`w${a * perArticle + j}`);
    words.push('end.');
  }
  return words;
}

function treatyOf(doc: Y.Doc): Node {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('prosemirror'), schema);
}

/** The words of the articles' paragraphs (headings and title aside). */
function paragraphWords(doc: Node): string[] {
  const words: string[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'plain') return true;
    words.push(...node.textContent.split(/\s+/).filter(Boolean));
    return false;
  });
  return words;
}

/** Start a server with the bracketed treaty and four editors (FR, KE, the chair, an observer) synced to it. */
async function setUp(articles: number, perArticle: number) {
  test = await startTestServer();
  const record = await importProseMirrorDocument(test.server.store, { json: bracketedTreaty(articles, perArticle).toJSON(), title: 'Concurrent' });
  test.docId = record.id;
  const editors = ['fr', 'ke', 'chair', 'observer'].map((who) => test.connect(who, { docId: record.id }));
  await Promise.all(editors.map((e) => synced(e.provider)));
  return editors;
}

/** The log replayed on a fresh Y.Doc, as a treaty. */
async function replayedLog(docId: string): Promise<Node> {
  const doc = new Y.Doc();
  for (const row of await test.server.store.updatesAfter(docId, 0)) Y.applyUpdate(doc, row.data);
  const node = treatyOf(doc);
  doc.destroy();
  return node;
}

/** Checks that the live document is valid, equals the replayed log, and every editor converges with it. */
async function expectConverged(editors: Array<{ doc: Y.Doc }>): Promise<Node> {
  const live = treatyOf(test.server.rooms.get(test.docId)!.doc);
  live.check();
  expect((await replayedLog(test.docId)).eq(live)).toBe(true);
  const want = JSON.stringify(live.toJSON());
  await Promise.all(editors.map((e) => whenDoc(e.doc, () => JSON.stringify(treatyOf(e.doc).toJSON()) === want)));
  return live;
}

describe('concurrent resolutions of one document', () => {
  it('50 applyResolution calls started at once each apply once, in order, without duplicating a word', async () => {
    const editors = await setUp(5, 10);
    const calls = Array.from({ length: 50 }, (_, i) => applyResolution(test.server.rooms, test.server.store, test.accounts.chair, test.docId, { bracketId: `b${i}`, action: i % 2 === 0 ? 'keep' : 'drop' }));
    const results = await Promise.all(calls);
    expect(results.map((records) => records.map((r) => r.bracketId))).toEqual(Array.from({ length: 50 }, (_, i) => [`b${i}`]));

    const record = await test.server.store.listResolutions(test.docId);
    expect(record.map((r) => r.bracketId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `b${i}`).sort());
    const seqs = results.map((records) => records[0].updateSeq);
    expect(seqs.every((seq) => typeof seq === 'number')).toBe(true);
    expect([...seqs].sort((x, y) => x! - y!)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(50);

    const live = await expectConverged(editors);
    expect(listBrackets(live)).toEqual([]);
    expect(paragraphWords(live)).toEqual(expectedWords(5, 10));
  });

  it('20 resolution POSTs sent at once each apply once and every editor converges', async () => {
    const editors = await setUp(2, 10);
    const post = (i: number) => fetch(`${test.server.url}/api/documents/${test.docId}/brackets/b${i}/resolve`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${test.tokens.chair}`, 'Content-Type': 'application/json', Origin: test.server.url },
      body: JSON.stringify({ action: i % 2 === 0 ? 'keep' : 'drop' }),
    });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ bracketId: string }>));
    expect(bodies.map((b) => b.bracketId)).toEqual(Array.from({ length: 20 }, (_, i) => `b${i}`));

    const record = await test.server.store.listResolutions(test.docId);
    expect(record).toHaveLength(20);
    expect(new Set(record.map((r) => r.bracketId)).size).toBe(20);
    const live = await expectConverged(editors);
    expect(listBrackets(live)).toEqual([]);
    expect(paragraphWords(live)).toEqual(expectedWords(2, 10));

    // Resolving one of them again is refused: the bracket is gone.
    expect((await post(3)).status).toBe(404);
  });

  it('resolutions mixed with a status change, a renumbering and a version restore apply each once', async () => {
    const editors = await setUp(3, 4);
    const version = await cutVersion(test.server.rooms, test.server.store, test.accounts.sec, test.docId, 'Rev.1');
    const chair = test.accounts.chair;
    const { rooms, store } = test.server;
    const outcomes = await Promise.all([
      applyResolution(rooms, store, chair, test.docId, { bracketId: 'b0', action: 'keep' }),
      applyArticleStatus(rooms, store, chair, test.docId, 'a1', 'agreed'),
      applyResolution(rooms, store, chair, test.docId, { articleId: 'a2', action: 'drop' }),
      renumberLive(rooms, test.accounts.sec, test.docId),
      applyResolution(rooms, store, chair, test.docId, { bracketId: 'b1', action: 'drop' }),
      restoreVersion(rooms, test.accounts.sec, version),
      applyResolution(rooms, store, chair, test.docId, { bracketId: 'b2', action: 'keep' }),
    ]);
    expect(outcomes[2]).toHaveLength(4);
    const live = await expectConverged(editors);
    // The restore came after b0, b1, the status and a2's brackets: it brought them back; b2 was resolved after it.
    const open = listBrackets(live).map((b) => b.id);
    expect(open).toEqual(['b0', 'b1', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11']);
    expect(paragraphWords(live)).toEqual(['Lead', '0', 'w0', 'w1', 'w2', 'w3', 'end.', 'Lead', '1', 'w4', 'w5', 'w6', 'w7', 'end.', 'Lead', '2', 'w8', 'w9', 'w10', 'w11', 'end.']);
    const words = paragraphWords(live).filter((w) => /^w\d+$/.test(w));
    expect(new Set(words).size).toBe(words.length);
  });

  it('two undos of one resolution sent at once: one undoes it, the other is refused with 409', async () => {
    const editors = await setUp(1, 3);
    const { rooms, store } = test.server;
    const [resolution] = await applyResolution(rooms, store, test.accounts.chair, test.docId, { bracketId: 'b1', action: 'drop' });
    const outcomes = await Promise.allSettled([0, 1].map(() => undoResolution(rooms, store, test.accounts.chair, test.docId, resolution.id)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.status).toBe(409);
    const live = await expectConverged(editors);
    expect(paragraphWords(live)).toEqual(['Lead', '0', 'w0', 'w1', 'w2', 'end.']);
    expect(listBrackets(live).map((b) => b.id)).toEqual(['b0', 'b1', 'b2']);
  });
});
