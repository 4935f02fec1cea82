import { describe, it, expect, afterEach } from 'vitest';
import { whenDoc } from './server-helpers.ts';
import { startBracketServer, treatyOf, join, bracketIds, definitionsText , requestAs } from './helpers/bracket-server.ts';

let test: Awaited<ReturnType<typeof startBracketServer>>;
afterEach(async () => { await test?.stop(); });

const api = (who: string, path: string, body?: unknown) => requestAs(test, who, path, body);

async function drop(bracketId: string): Promise<{ id: string; updateSeq: number | null }> {
  const response = await api('chair', `/brackets/${bracketId}/resolve`, { action: 'drop' });
  expect(response.status).toBe(200);
  return response.json();
}

describe('undoing a chair\'s resolution', () => {
  it('brings the dropped bracket back for every connected client and records the undo', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const resolution = await drop('b1');
    expect(resolution.updateSeq).toEqual(expect.any(Number));
    await whenDoc(fr.doc, () => !bracketIds(treatyOf(fr.doc)).includes('b1'));
    const response = await api('chair', `/resolutions/${resolution.id}/undo`, {});
    expect(response.status).toBe(200);
    await whenDoc(fr.doc, () => bracketIds(treatyOf(fr.doc)).includes('b1'));
    const restored = treatyOf(fr.doc);
    restored.check();
    expect(bracketIds(restored)).toEqual(expect.arrayContaining(['b1', 'b2']));
    expect(restored.textContent).toContain('open to States with ITU Membership for Members.');
    const log = await (await api('fr', '/resolutions')).json();
    expect(log.map((r: { action: string }) => r.action)).toEqual(['drop', 'undo']);
    expect(log[1]).toMatchObject({ bracketId: 'b1', optionId: resolution.id, accountId: test.accounts.chair.id, account: { delegation: test.accounts.chair.delegation } });
  });

  it('keeps an edit made after the resolution', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const us = await join(test, 'us');
    const chair = await join(test, 'chair');
    const resolution = await drop('b1');
    await whenDoc(chair.doc, () => !bracketIds(treatyOf(chair.doc)).includes('b1'));
    // Agreed text: the chair holds the pen.
    definitionsText(chair.doc).insert(0, 'all ');
    await whenDoc(us.doc, () => treatyOf(us.doc).textContent.includes('all open to States'));
    expect((await api('chair', `/resolutions/${resolution.id}/undo`, {})).status).toBe(200);
    await whenDoc(us.doc, () => bracketIds(treatyOf(us.doc)).includes('b1'));
    expect(treatyOf(us.doc).textContent).toContain('all open to States with ITU Membership for Members.');
    await whenDoc(fr.doc, () => treatyOf(fr.doc).textContent.includes('all open to States with ITU Membership for Members.'));
  });

  it('puts back the brackets a kept text lost', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const response = await api('chair', '/brackets/b2/resolve', { action: 'keep' });
    const resolution = await response.json();
    await whenDoc(fr.doc, () => !bracketIds(treatyOf(fr.doc)).includes('b2'));
    expect((await api('chair', `/resolutions/${resolution.id}/undo`, {})).status).toBe(200);
    await whenDoc(fr.doc, () => bracketIds(treatyOf(fr.doc)).includes('b2'));
    expect(treatyOf(fr.doc).textContent).toContain('open to States with ITU Membership for Members.');
  });

  it('refuses a delegate with 403 and changes nothing', async () => {
    test = await startBracketServer();
    const resolution = await drop('b1');
    expect((await api('fr', `/resolutions/${resolution.id}/undo`, {})).status).toBe(403);
    expect((await (await api('fr', '/resolutions')).json()).map((r: { action: string }) => r.action)).toEqual(['drop']);
    expect((await (await api('fr', '/brackets')).json()).map((b: { id: string }) => b.id)).not.toContain('b1');
  });

  it('answers 404 for an unknown resolution and 409 for a second undo', async () => {
    test = await startBracketServer();
    const resolution = await drop('bp');
    expect((await api('chair', '/resolutions/nope/undo', {})).status).toBe(404);
    expect((await api('chair', `/resolutions/${resolution.id}/undo`, {})).status).toBe(200);
    expect((await api('chair', `/resolutions/${resolution.id}/undo`, {})).status).toBe(409);
    expect((await (await api('fr', '/brackets')).json()).map((b: { id: string }) => b.id)).toContain('bp');
  });
});
