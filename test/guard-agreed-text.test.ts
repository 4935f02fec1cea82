/**
 * Issue 11 through raw clients against a real server (port 0, SQLite, the permission guard):
 * France's crafted update that deletes or retypes agreed text, deletes a whole agreed paragraph,
 * changes an agreed article, marks another delegation's block or signs a comment falsely is
 * refused with the plain sentence the editor would show; Kenya, connected all along, never sees
 * it, and the log gains no row. France's honest proposal to delete a paragraph (a block bracket
 * of kind `delete`) and her honest comment go through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { REFUSAL_MESSAGES } from '../shared/permissions/index.ts';
import { closeRawClients, carries, denied, rawClient, type RawClient } from './helpers/raw-client.ts';
import { elementById, startHostileServer, textOf, treatyOf, type HostileServer } from './helpers/hostile.ts';
import { treaty, article, heading, paragraph, plain, comments, comment } from './helpers/bracket-builders.ts';

let test: HostileServer;
afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

/** Agreed text in Article 1, Kenya's proposed paragraph, Article 2 agreed ad referendum, Kenya's comment. */
function agreedTreaty(): Node {
  return treaty(
    article({ id: 'a1' }, heading('Scope'),
      paragraph({ id: 'p1' }, plain({ id: 'x1' }, 'States shall cooperate fully.')),
      paragraph({ id: 'p2' }, plain({ id: 'x2' }, 'Each Party shall adopt measures.')),
      paragraph({ id: 'p3', bracket: 'kb', sponsors: ['KE'] }, plain({ id: 'x3' }, 'Kenya block text.'))),
    article({ id: 'a2', status: 'agreed' }, heading('Agreed'), paragraph({ id: 'p4' }, plain({ id: 'x4' }, 'Agreed words of article two.'))),
    comments(comment({ id: 'c1', delegation: 'KE', author: 'Kenya', target: 'x1', createdAt: Date.now() }, plain('Kenya thinks so.'))),
  );
}

const rows = async () => (await test.server.store.updatesAfter(test.docId, 0)).length;

async function serverTreaty(): Promise<Node> {
  const room = test.server.rooms.get(test.docId)!;
  await room.drain();
  return treatyOf(room.doc);
}

const json = (doc: Y.Doc) => JSON.stringify(treatyOf(doc).toJSON());

/** Kenya's probe: a proposal of her own in Article 1, sent after France's attack was answered. */
const probe = (d: Y.Doc) => textOf(d, 'x1').insert(0, 'Probe ', { 'bracket--KEprobe1': { id: 'ke-probe', sponsors: ['KE'], kind: 'insert' } });

/** France and Kenya connected by hand; the log's length before France acts. */
async function connect(): Promise<{ fr: RawClient; ke: RawClient; rowsBefore: number }> {
  test = await startHostileServer(agreedTreaty());
  const fr = await rawClient(test, 'fr', { docId: test.docId });
  const ke = await rawClient(test, 'ke', { docId: test.docId });
  return { fr, ke, rowsBefore: await rows() };
}

/**
 * France sends `attack`: it must be refused with `message`, and once Kenya's probe comes back to
 * her, Kenya's text and the server's are what they were plus the probe, with one new log row.
 */
async function expectRefused(attack: (d: Y.Doc) => void, message: string): Promise<void> {
  const { fr, ke, rowsBefore } = await connect();
  const expected = new Y.Doc();
  Y.applyUpdate(expected, Y.encodeStateAsUpdate(ke.doc));
  const refusal = await fr.next(denied, fr.edit(attack));
  expect(refusal).toEqual({ kind: 'denied', reason: `4403 ${message}` });
  const from = ke.edit(probe);
  probe(expected);
  await ke.next(carries(ke.doc.clientID), from);
  expect(json(ke.doc)).toBe(json(expected));
  expect(JSON.stringify((await serverTreaty()).toJSON())).toBe(json(expected));
  expect(await rows()).toBe(rowsBefore + 1);
}

/** A comment element in `attrs`' name holding `text`. */
function commentElement(attrs: Record<string, unknown>, text: string): Y.XmlElement {
  const element = new Y.XmlElement('comment');
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as never);
  const block = new Y.XmlElement('plain');
  block.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [block]);
  return element;
}

const commentsOf = (d: Y.Doc) => d.getXmlFragment('prosemirror').toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'comments') as Y.XmlElement;
const addComment = (attrs: Record<string, unknown>) => (d: Y.Doc) => commentsOf(d).insert(commentsOf(d).length, [commentElement({ id: 'c-fr', delegation: 'FR', status: 'open', ...attrs }, 'France has a question.')]);

/** Give block `id` a block bracket. */
const markBlock = (id: string, bracket: string, sponsors: string[], kind: string | null) => (d: Y.Doc) => {
  const block = elementById(d, id);
  block.setAttribute('bracket', bracket);
  block.setAttribute('sponsors', sponsors as never);
  if (kind) block.setAttribute('bracketKind', kind);
};

describe('agreed text through raw clients', () => {
  it('refuses deleting agreed words outright, and nobody else sees it', async () => {
    await expectRefused((d) => textOf(d, 'x1').delete('States '.length, 'shall '.length), REFUSAL_MESSAGES.agreedText);
  });

  it('refuses retyping agreed words, and nobody else sees it', async () => {
    await expectRefused((d) => {
      textOf(d, 'x1').delete('States '.length, 'shall'.length);
      textOf(d, 'x1').insert('States '.length, 'may');
    }, REFUSAL_MESSAGES.agreedText);
  });

  it('refuses deleting a whole agreed paragraph outright, and nobody else sees it', async () => {
    await expectRefused((d) => {
      const scope = elementById(d, 'a1');
      const index = scope.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === 'p2');
      scope.delete(index, 1);
    }, REFUSAL_MESSAGES.agreedText);
  });

  it('refuses wrapping an agreed paragraph in an insertion bracket (its words would stop being agreed)', async () => {
    await expectRefused(markBlock('p2', 'fr-own', ['FR'], null), REFUSAL_MESSAGES.agreedText);
  });
});

describe('an article agreed ad referendum through raw clients', () => {
  it('refuses a proposed insertion in it, and nobody else sees it', async () => {
    await expectRefused((d) => textOf(d, 'x4').insert(0, 'New ', { 'bracket--FRagree1': { id: 'fr-in', sponsors: ['FR'], kind: 'insert' } }), REFUSAL_MESSAGES.agreedArticle);
  });

  it('refuses a proposal to delete one of its paragraphs', async () => {
    await expectRefused(markBlock('p4', 'fr-del', ['FR'], 'delete'), REFUSAL_MESSAGES.agreedArticle);
  });

  it('refuses a proposal to delete the whole article', async () => {
    await expectRefused(markBlock('a2', 'fr-del', ['FR'], 'delete'), REFUSAL_MESSAGES.agreedArticle);
  });

  it('refuses reopening it', async () => {
    await expectRefused((d) => elementById(d, 'a2').setAttribute('status', 'open'), REFUSAL_MESSAGES.agreedArticle);
  });
});

describe('proposing to delete a block through raw clients', () => {
  it('accepts France proposing to delete an agreed paragraph with a block bracket of kind delete, seen by Kenya', async () => {
    const { fr, ke, rowsBefore } = await connect();
    const from = fr.edit(markBlock('p2', 'fr-del', ['FR'], 'delete'));
    await fr.next((m) => denied(m) || carries(fr.doc.clientID)(m), from).then((m) => expect(m.kind).toBe('update'));
    await ke.next(carries(fr.doc.clientID));
    let attrs: Record<string, unknown> = {};
    treatyOf(ke.doc).descendants((node) => { if (node.attrs.id === 'p2') attrs = node.attrs; return true; });
    expect(attrs).toMatchObject({ bracket: 'fr-del', sponsors: ['FR'], bracketKind: 'delete' });
    expect(treatyOf(ke.doc).textContent).toContain('Each Party shall adopt measures.');
    expect(await rows()).toBe(rowsBefore + 1);
  });

  // Kenya's proposed words would read as agreed text proposed for deletion: the agreed text would change.
  it('refuses France marking Kenya\'s proposed paragraph for deletion in her own name', async () => {
    await expectRefused(markBlock('p3', 'fr-del', ['FR'], 'delete'), REFUSAL_MESSAGES.agreedText);
  });

  it('refuses France turning Kenya\'s proposed paragraph into a deletion she co-sponsors', async () => {
    await expectRefused(markBlock('p3', 'kb', ['KE', 'FR'], 'delete'), REFUSAL_MESSAGES.agreedText);
  });

  it('refuses France re-sponsoring Kenya\'s proposed paragraph as hers', async () => {
    await expectRefused(markBlock('p3', 'kb', ['FR'], null), REFUSAL_MESSAGES.sponsors);
  });

  it('refuses France proposing a deletion in Kenya\'s name', async () => {
    await expectRefused(markBlock('p2', 'ke-del', ['KE'], 'delete'), REFUSAL_MESSAGES.ownName);
  });
});

describe('signed comments through raw clients', () => {
  it('accepts France\'s comment signed with her account name and the time', async () => {
    const { fr, ke, rowsBefore } = await connect();
    const from = fr.edit(addComment({ author: 'France', createdAt: Date.now() }));
    await fr.next((m) => denied(m) || carries(fr.doc.clientID)(m), from).then((m) => expect(m.kind).toBe('update'));
    await ke.next(carries(fr.doc.clientID));
    expect(treatyOf(ke.doc).textContent).toContain('France has a question.');
    expect(await rows()).toBe(rowsBefore + 1);
  });

  it('refuses a comment signed with another name, and nobody else sees it', async () => {
    await expectRefused(addComment({ author: 'Kenya', createdAt: Date.now() }), REFUSAL_MESSAGES.commentSignature);
  });

  it('refuses a comment dated next week, and nobody else sees it', async () => {
    await expectRefused(addComment({ author: 'France', createdAt: Date.now() + 7 * 86_400_000 }), REFUSAL_MESSAGES.commentSignature);
  });

  it('refuses a comment with a time that is not a time, and nobody else sees it', async () => {
    await expectRefused(addComment({ author: 'France', createdAt: 'before the chair decided' }), REFUSAL_MESSAGES.commentSignature);
  });

  it('refuses France re-dating Kenya\'s comment, and nobody else sees it', async () => {
    await expectRefused((d) => (commentsOf(d).get(0) as Y.XmlElement).setAttribute('createdAt', 1 as never), REFUSAL_MESSAGES.comment);
  });
});
