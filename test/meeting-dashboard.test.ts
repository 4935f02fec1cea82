/**
 * The negotiation dashboard: per article its status, open brackets (inline alternatives once),
 * options and open comments, the totals, and the totals of each stored version for the chart.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { textProgress } from '../shared/model/index.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { documentRequest, startTestServer, type TestServer } from './server-helpers.ts';
import { treaty, article, heading, plain, paragraph, alternatives, option, br, comments, comment } from './helpers/bracket-builders.ts';

const sample = () => treaty(
  article({ id: 'a1', status: 'agreed' }, heading('Definitions'), plain({ id: 'x1' }, 'Open to States ', br('b1', 'US')('with ITU Membership'), '.')),
  article({ id: 'a2' }, heading('Spam'),
    plain({ id: 'x2' }, 'Sending ', br('g1', 'FR', 'grp')('spam'), ' ', br('g2', 'KE', 'grp')('unsolicited messages'), '.'),
    paragraph({ id: 'p1', bracket: 'bp', sponsors: ['KE'] }, plain('Each Party may reserve the right.')),
    alternatives({ id: 'alt' }, option({ id: 'o1' }, plain('One.')), option({ id: 'o2' }, plain('Two.')), option({ id: 'o3' }, plain('Three.')))),
  comments(
    comment({ id: 'c1', target: 'x2', delegation: 'US', status: 'open' }, plain('Why?')),
    comment({ id: 'c2', target: 'x1', delegation: 'FR', status: 'resolved' }, plain('Done.'))),
);

describe('dashboard figures', () => {
  it('counts brackets, options and open comments per article and in total', () => {
    const p = textProgress(sample());
    expect(p.articles).toEqual([
      { id: 'a1', number: '1', heading: 'Definitions', status: 'agreed', brackets: 1, options: 0, comments: 0 },
      { id: 'a2', number: '2', heading: 'Spam', status: 'open', brackets: 3, options: 5, comments: 1 },
    ]);
    expect(p.totals).toEqual({ brackets: 4, options: 5, comments: 1, articles: 2, agreed: 1 });
  });
});

let test: TestServer;
afterEach(async () => { await test?.stop(); });

const call = (token: string, path: string, body?: unknown): Promise<Response> => documentRequest(test, token, path, { body });

describe('the dashboard route', () => {
  it('gives the live figures and how brackets and options moved from version to version', async () => {
    test = await startTestServer();
    const secretariat = (await test.server.store.createAccount({ name: 'Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' })).token;
    test.docId = (await importProseMirrorDocument(test.server.store, { json: sample().toJSON(), title: 'Protocol' })).id;
    expect((await call(secretariat, '/versions', { label: 'Rev.1' })).status).toBe(201);
    await call(test.tokens.chair, '/brackets/grp/resolve', { action: 'choose', optionId: 'g1' });
    await call(test.tokens.chair, '/brackets/alt/resolve', { action: 'choose', optionId: 'o2' });
    expect((await call(secretariat, '/versions', { label: 'Rev.2' })).status).toBe(201);
    await call(test.tokens.chair, '/brackets/b1/resolve', { action: 'drop' });
    const dashboard = await (await call(test.tokens.fr, '/dashboard')).json();
    expect(dashboard.totals).toMatchObject({ brackets: 1, options: 0, articles: 2, agreed: 1 });
    expect(dashboard.articles[1]).toMatchObject({ id: 'a2', brackets: 1, options: 0, comments: 1 });
    expect(dashboard.versions.map((v: { label: string; brackets: number; options: number }) => [v.label, v.brackets, v.options]))
      .toEqual([['Rev.1', 4, 5], ['Rev.2', 2, 0], ['Now', 1, 0]]);
  });
});
