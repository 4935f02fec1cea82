import { describe, it, expect, afterEach } from 'vitest';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { startBracketServer, treatyOf, join, requestAs } from './helpers/bracket-server.ts';
import { whenDoc } from './server-helpers.ts';
import { treaty, article, heading, plain, br } from './helpers/bracket-builders.ts';

let test: Awaited<ReturnType<typeof startBracketServer>>;
afterEach(async () => { await test?.stop(); });

const api = (who: string, path: string, body?: unknown) => requestAs(test, who, path, body);

/** What typing, deleting, replacing and proposing an inline alternative leave in the text. */
const proposals = () => treaty(article({ id: 'a1' }, heading('Definitions'),
  plain({ id: 'l1' }, 'send ', br('s', 'FR', 'g1')('spam'), ' ', br('u', 'US', 'g1')('unsolicited messages'), ' to ', br('i', 'KE')('any '), 'users'),
  plain({ id: 'l2' }, 'the ', br('d', 'KE', null, 'delete')('serious'), br('r', 'KE')('grave'), ' harm ', br('x', 'FR', null, 'delete')('and interoperable'), '.')));

async function startWithProposals() {
  test = await startBracketServer();
  test.docId = (await importProseMirrorDocument(test.server.store, { json: proposals().toJSON(), title: 'Proposals' })).id;
}

describe('the proposals listing', () => {
  it('lists insertions, deletions and replacements with kind, sponsors and text', async () => {
    await startWithProposals();
    const list = await (await api('fr', '/brackets')).json();
    const byId = new Map(list.map((b: { id: string }) => [b.id, b]));
    expect(byId.get('i')).toMatchObject({ kind: 'insert', shape: 'inline', sponsors: ['KE'], text: 'any ' });
    expect(byId.get('x')).toMatchObject({ kind: 'delete', shape: 'inline', sponsors: ['FR'], text: 'and interoperable' });
    expect(byId.get('d')).toMatchObject({ kind: 'delete', text: 'serious' });
    expect(byId.get('r')).toMatchObject({ kind: 'insert', text: 'grave' });
  });

  it('lists inline alternatives as one entry with its options', async () => {
    await startWithProposals();
    const list = await (await api('fr', '/brackets')).json();
    expect(list.map((b: { id: string }) => b.id)).not.toContain('s');
    expect(list.find((b: { id: string }) => b.id === 'g1')).toMatchObject({
      kind: 'alternatives', shape: 'alternatives', group: 'g1', sponsors: ['FR', 'US'],
      options: [
        { id: 's', label: 'Option 1', text: 'spam', sponsors: ['FR'], kind: 'insert' },
        { id: 'u', label: 'Option 2', text: 'unsolicited messages', sponsors: ['US'], kind: 'insert' },
      ],
    });
  });

  it('lets the chair choose option 2 of inline alternatives: that one stays, the other goes', async () => {
    await startWithProposals();
    const fr = await join(test, 'fr');
    expect((await api('chair', '/brackets/g1/resolve', { action: 'choose', optionId: 'u' })).status).toBe(200);
    await whenDoc(fr.doc, () => treatyOf(fr.doc).textContent.includes('send unsolicited messages to'));
    expect(treatyOf(fr.doc).textContent).not.toContain('spam');
    const list = await (await api('fr', '/brackets')).json();
    expect(list.map((b: { id: string }) => b.id)).not.toContain('g1');
    expect(list.map((b: { id: string }) => b.id)).not.toContain('u');
  });

  it('keeps one inline alternative without silently deleting the other', async () => {
    await startWithProposals();
    const fr = await join(test, 'fr');
    expect((await api('chair', '/brackets/s/resolve', { action: 'keep' })).status).toBe(200);
    await whenDoc(fr.doc, () => !(JSON.stringify(treatyOf(fr.doc).toJSON()).includes('"id":"s"')));
    expect(treatyOf(fr.doc).textContent).toContain('spam unsolicited messages');
    expect((await (await api('fr', '/brackets')).json()).find((b: { id: string }) => b.id === 'u')).toMatchObject({ kind: 'insert', group: 'g1' });
  });
});
