import { describe, it, expect, afterEach } from 'vitest';
import { whenDoc } from './server-helpers.ts';
import { startBracketServer, treatyOf, join, requestAs } from './helpers/bracket-server.ts';
import type { Node } from 'prosemirror-model';

let test: Awaited<ReturnType<typeof startBracketServer>>;
afterEach(async () => { await test?.stop(); });

const api = (who: string, path: string, body?: unknown) => requestAs(test, who, path, body);

/** The status attribute of article `id` in `doc`. */
function statusOf(doc: Node, id: string): string | null {
  let status: string | null = null;
  doc.descendants((node) => {
    if (node.type.name === 'article' && node.attrs.id === id) status = node.attrs.status;
    return status === null;
  });
  return status;
}

describe('the article status API', () => {
  it('lists every article with its number, heading, status and open proposals', async () => {
    test = await startBracketServer();
    const list = await (await api('fr', '/articles')).json();
    expect(list).toEqual([
      { id: 'a1', number: '1', heading: 'Definitions', status: 'open', openBrackets: 3 },
      { id: 'a2', number: '2', heading: 'Scope', status: 'open', openBrackets: 2 },
    ]);
  });

  it('lets the chair agree an article ad referendum, live for every client, and records it', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const response = await api('chair', '/articles/a1/status', { status: 'agreed' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.article).toMatchObject({ id: 'a1', status: 'agreed' });
    expect(body.resolution).toMatchObject({ bracketId: 'a1', action: 'status', optionId: 'agreed', beforeText: 'Article 1: open', afterText: 'Article 1: agreed' });
    await whenDoc(fr.doc, () => statusOf(treatyOf(fr.doc), 'a1') === 'agreed');
    expect((await (await api('fr', '/articles')).json())[0].status).toBe('agreed');
    const log = await (await api('fr', '/resolutions')).json();
    expect(log.map((r: { action: string }) => r.action)).toEqual(['status']);
    expect(log[0].updateSeq).toEqual(expect.any(Number));
  });

  it('lets the chair reopen an agreed article, and undo a status change', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    await api('chair', '/articles/a2/status', { status: 'agreed' });
    expect((await api('chair', '/articles/a2/status', { status: 'open' })).status).toBe(200);
    await whenDoc(fr.doc, () => statusOf(treatyOf(fr.doc), 'a2') === 'open');
    const [, reopened] = await (await api('fr', '/resolutions')).json();
    expect((await api('chair', `/resolutions/${reopened.id}/undo`, {})).status).toBe(200);
    await whenDoc(fr.doc, () => statusOf(treatyOf(fr.doc), 'a2') === 'agreed');
  });

  it('answers 200 without a record when the article already has that status', async () => {
    test = await startBracketServer();
    const body = await (await api('chair', '/articles/a1/status', { status: 'open' })).json();
    expect(body.resolution).toBeNull();
    expect(await (await api('fr', '/resolutions')).json()).toEqual([]);
  });

  it.each(['fr', 'secretariat', 'observer'])('refuses %s with 403 and changes nothing', async (who) => {
    test = await startBracketServer();
    if (!test.tokens[who]) {
      const role = who === 'fr' ? 'delegate' : who;
      test.tokens[who] = (await test.server.store.createAccount({ name: who, delegation: who.toUpperCase(), role: role as 'secretariat' | 'observer' })).token;
    }
    const fr = await join(test, 'fr');
    expect((await api(who, '/articles/a1/status', { status: 'agreed' })).status).toBe(403);
    expect(await (await api('fr', '/resolutions')).json()).toEqual([]);
    expect((await (await api('fr', '/articles')).json())[0].status).toBe('open');
    expect(statusOf(treatyOf(fr.doc), 'a1')).toBe('open');
  });

  it('answers 404 for an unknown article and 400 for an unknown status', async () => {
    test = await startBracketServer();
    expect((await api('chair', '/articles/nope/status', { status: 'agreed' })).status).toBe(404);
    expect((await api('chair', '/articles/a1/status', { status: 'done' })).status).toBe(400);
    expect((await api('chair', '/articles/a1/status', { state: 'agreed' })).status).toBe(400);
  });
});
