/**
 * The resolution record people can read: each entry names the article by number and heading, the
 * bracket's own words with a few words either side, its sponsors and the decision in words; a
 * day's record exports as a meeting summary in HTML and Word.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { describeResolution, decisionSentence, sessionAgenda } from '../shared/resolution/index.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { documentRequest, startTestServer, type TestServer } from './server-helpers.ts';
import { zipEntry } from './helpers/zip.ts';
import { treaty, article, heading, plain, paragraph, alternatives, option, br } from './helpers/bracket-builders.ts';

const sample = () => treaty(
  article({ id: 'a1' }, heading('Definitions'),
    plain({ id: 'x1' }, 'The Convention shall be open to States ', br('b1', 'US')('with ITU Membership'), ' and to regional organisations for their signature.'),
    paragraph({ id: 'p1', bracket: 'bp', sponsors: ['KE'] }, plain('Each Party may reserve the right.'))),
  article({ id: 'a2' }, heading('Spam'),
    plain({ id: 'x2' }, 'Sending ', br('g1', 'FR', 'grp')('spam'), ' ', br('g2', 'KE', 'grp')('unsolicited messages'), ' is an offence.'),
    alternatives({ id: 'alt' }, option({ id: 'o1', sponsors: ['US'] }, plain('First wording.')), option({ id: 'o2', sponsors: ['FR'] }, plain('Second wording.')))),
);

describe('describing a resolution', () => {
  it('gives the article number and heading, the bracket words and a few words either side', () => {
    const d = describeResolution(sample(), 'b1', 'keep', null);
    expect(d).toMatchObject({
      article: { id: 'a1', number: '1', heading: 'Definitions' }, text: 'with ITU Membership', sponsors: ['US'], decision: 'kept',
      context: { before: '… Convention shall be open to States', after: 'and to regional organisations for their …' },
    });
    expect(decisionSentence(d)).toBe('Kept “with ITU Membership” (proposed by US).');
  });

  it('says which option was chosen in an inline alternatives group, counted from 1', () => {
    const d = describeResolution(sample(), 'grp', 'choose', 'g2');
    expect(d).toMatchObject({ article: { number: '2', heading: 'Spam' }, decision: 'chose', option: { index: 2, text: 'unsolicited messages' }, sponsors: ['FR', 'KE'] });
    expect(d.context.before).toBe('Sending');
    expect(decisionSentence(d)).toBe('Chose option 2: “unsolicited messages” (proposed by FR, KE).');
  });

  it('describes a block alternative and a dropped block bracket without ids', () => {
    const alt = describeResolution(sample(), 'alt', 'choose', 'o1');
    expect(alt).toMatchObject({ decision: 'chose', option: { index: 1, text: 'First wording.' } });
    expect(alt.context.before).toContain('is an offence');
    const block = describeResolution(sample(), 'bp', 'drop', null);
    expect(block).toMatchObject({ decision: 'dropped', text: expect.stringContaining('Each Party may reserve the right.'), sponsors: ['KE'] });
    expect(JSON.stringify([decisionSentence(alt), decisionSentence(block)])).not.toMatch(/\b(o1|bp|alt|br_|opt_)\b/);
  });
});

describe("the chair's session agenda", () => {
  it('lists every open decision in document order, inline alternatives as one item with their options', () => {
    const agenda = sessionAgenda(sample());
    expect(agenda.map((i) => [i.id, i.shape, i.article?.number, i.options?.map((o) => o.id) ?? null])).toEqual([
      ['b1', 'inline', '1', null], ['bp', 'block', '1', null], ['grp', 'alternatives', '2', ['g1', 'g2']], ['alt', 'alternatives', '2', ['o1', 'o2']],
    ]);
    expect(agenda[2]!.options!.map((o) => [o.text, o.sponsors])).toEqual([['spam', ['FR']], ['unsolicited messages', ['KE']]]);
    expect(agenda[0]!.context).toEqual({ before: '… Convention shall be open to States', after: 'and to regional organisations for their …' });
  });
});

let test: TestServer;
afterEach(async () => { await test?.stop(); });

const call = (token: string, path: string, body?: unknown): Promise<Response> => documentRequest(test, token, path, { body });

describe('the record through the server', () => {
  it('lists each resolution with article, text, context and decision, and exports the day as HTML and Word', async () => {
    test = await startTestServer();
    test.docId = (await importProseMirrorDocument(test.server.store, { json: sample().toJSON(), title: 'Protocol' })).id;
    expect((await call(test.tokens.chair, '/brackets/b1/resolve', { action: 'drop' })).status).toBe(200);
    expect((await call(test.tokens.chair, '/brackets/grp/resolve', { action: 'choose', optionId: 'g1' })).status).toBe(200);
    const list = await (await call(test.tokens.fr, '/resolutions')).json();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ article: { id: 'a1', number: '1', heading: 'Definitions' }, text: 'with ITU Membership', decision: 'dropped', sponsors: ['US'], account: { name: 'Chair' } });
    expect(list[0].context.after).toMatch(/^and to regional/);
    expect(list[1]).toMatchObject({ decision: 'chose', option: { index: 1, text: 'spam' } });

    const today = new Date().toISOString().slice(0, 10);
    const html = await (await call(test.tokens.fr, `/resolutions/summary?date=${today}&format=html`)).text();
    expect(html).toContain('Article 1 – Definitions');
    expect(html).toContain('Dropped “with ITU Membership” (proposed by US).');
    expect(html).toContain('Chose option 1: “spam”');
    expect(html).not.toMatch(/\bb1\b|\bgrp\b/);
    const docx = await call(test.tokens.fr, `/resolutions/summary?date=${today}&format=docx`);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xml = zipEntry(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml');
    expect(xml).toContain('Dropped “with ITU Membership” (proposed by US).');
    expect(await (await call(test.tokens.fr, '/resolutions/summary?date=2001-01-01')).text()).toContain('No decisions were recorded on this day.');
    expect((await call(test.tokens.fr, '/resolutions/summary?date=yesterday')).status).toBe(400);
  });

  it('describes an undo in words', async () => {
    test = await startTestServer();
    test.docId = (await importProseMirrorDocument(test.server.store, { json: sample().toJSON(), title: 'Protocol' })).id;
    const record = await (await call(test.tokens.chair, '/brackets/b1/resolve', { action: 'keep' })).json();
    expect((await call(test.tokens.chair, `/resolutions/${record.id}/undo`, {})).status).toBe(200);
    const list = await (await call(test.tokens.fr, '/resolutions')).json();
    expect(list[1]).toMatchObject({ decision: 'undone', text: 'with ITU Membership', article: { number: '1' } });
  });

  it("describes the chair's status changes in words", async () => {
    test = await startTestServer();
    test.docId = (await importProseMirrorDocument(test.server.store, { json: sample().toJSON(), title: 'Protocol' })).id;
    expect((await call(test.tokens.chair, '/articles/a2/status', { status: 'first-reading' })).status).toBe(200);
    expect((await call(test.tokens.chair, '/articles/a2/status', { status: 'agreed' })).status).toBe(200);
    const list = await (await call(test.tokens.fr, '/resolutions')).json();
    expect(list.map((r: { decision: string; status: string }) => [r.decision, r.status])).toEqual([['status', 'first-reading'], ['status', 'agreed']]);
    expect(list[1].article).toEqual({ id: 'a2', number: '2', heading: 'Spam' });
    expect(decisionSentence(list[1])).toBe('Marked the article agreed ad referendum.');
    expect(decisionSentence(list[0])).toBe('Marked the article in first reading.');
  });
});
