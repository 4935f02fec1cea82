import { describe, it, expect, afterEach } from 'vitest';
import { schema } from '../shared/schema/index.ts';
import { whenDoc } from './server-helpers.ts';
import { startBracketServer, treatyOf, join, bracketIds , requestAs } from './helpers/bracket-server.ts';

let test: Awaited<ReturnType<typeof startBracketServer>>;
afterEach(async () => { await test?.stop(); });

const api = (who: string, path: string, body?: unknown) => requestAs(test, who, path, body);

describe('the chair\'s desk', () => {
  it('lists open brackets with article, sponsors and text', async () => {
    test = await startBracketServer();
    const list = await (await api('fr', '/brackets')).json();
    expect(list.find((b: { id: string }) => b.id === 'b2')).toMatchObject({ kind: 'insert', shape: 'inline', text: 'with ITU Membership', sponsors: ['US'], article: { id: 'a1' }, status: 'open' });
  });

  it('shows a chair\'s resolution to every client and records it', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const us = await join(test, 'us');
    const response = await api('chair', '/brackets/b1/resolve', { action: 'drop' });
    expect(response.status).toBe(200);
    await whenDoc(fr.doc, () => !bracketIds(treatyOf(fr.doc)).includes('b1'));
    await whenDoc(us.doc, () => !bracketIds(treatyOf(us.doc)).includes('b1'));
    expect(treatyOf(us.doc).textContent).toContain('open to States.');
    const log = await (await api('fr', '/resolutions')).json();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ bracketId: 'b1', action: 'drop', accountId: test.accounts.chair.id });
    expect(log[0].beforeText).toContain('ITU Membership');
    expect(log[0].afterText).not.toContain('ITU Membership');
  });

  it('refuses a delegate with 403 and changes nothing', async () => {
    test = await startBracketServer();
    expect((await api('fr', '/brackets/b1/resolve', { action: 'keep' })).status).toBe(403);
    expect(await (await api('fr', '/resolutions')).json()).toEqual([]);
    expect((await (await api('fr', '/brackets')).json()).map((b: { id: string }) => b.id)).toContain('b1');
  });

  it('answers 404 for an unknown bracket and 400 for a bad body', async () => {
    test = await startBracketServer();
    expect((await api('chair', '/brackets/nope/resolve', { action: 'keep' })).status).toBe(404);
    expect((await api('chair', '/brackets/b1/resolve', { action: 'burn' })).status).toBe(400);
    expect((await api('chair', '/brackets/b1/resolve', { action: 'choose' })).status).toBe(400);
  });

  it('keeps the document valid when dropping a whole-article bracket and a numbered paragraph', async () => {
    test = await startBracketServer();
    expect((await api('chair', '/brackets/ba/resolve', { action: 'drop' })).status).toBe(200);
    expect((await api('chair', '/brackets/bp/resolve', { action: 'drop' })).status).toBe(200);
    const { doc } = await (await test.server.app.request(`/api/documents/${test.docId}`, { headers: { Authorization: `Bearer ${test.tokens.fr}` } })).json();
    const node = schema.nodeFromJSON(doc);
    node.check();
    expect(node.textContent).not.toContain('Scope');
    expect(node.textContent).not.toContain('Only text.');
  });

  it('keeps every bracket of an article in bulk', async () => {
    test = await startBracketServer();
    const records = await (await api('chair', '/articles/a1/resolve', { action: 'keep' })).json();
    expect(records.map((r: { bracketId: string }) => r.bracketId).sort()).toEqual(['b1', 'b2', 'bp']);
    const text = await (await api('fr', '/text?view=bracketed')).text();
    expect(text).toContain('open to States with ITU Membership for Members.');
  });

  it('renders the clean text without the open brackets', async () => {
    test = await startBracketServer();
    const clean = await (await api('fr', '/text?view=clean')).text();
    expect(clean).not.toContain('ITU Membership');
    expect(clean).toContain('Definitions');
  });
});
