/**
 * Issue 10's holes 1–4 and 8, each reproduced with raw websocket clients against a real server on
 * a loopback port: the hostile delegation (France, or an observer) crafts the update, and the
 * record — Kenya's brackets, options and comment, the schema, the log — must come out untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { closeRawClients, denied, rawClient, type RawClient, type RawMessage } from './helpers/raw-client.ts';
import {
  announce, bracketKey, burst, changeOf, elementById, othersRecord, recordChanges, skipUpdate, startHostileServer, stripDeleteSet, textOf,
  treatyOf, type HostileServer,
} from './helpers/hostile.ts';

let test: HostileServer;
afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

/** An update broadcast by the server (in these tests only the attacker writes, so it is the attacker's echo). */
const broadcast = (m: RawMessage) => m.kind === 'update' && m.syncType === 2;

/** The next `count` answers (refusals or echoes) `client` gets after message index `from`. */
async function answers(client: RawClient, from: number, count: number): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  let at = from;
  while (out.length < count) {
    const message = await client.next((m) => denied(m) || broadcast(m), at);
    at = client.messages.indexOf(message, at) + 1;
    out.push(message);
  }
  return out;
}

async function serverTreaty() {
  const room = test.server.rooms.get(test.docId)!;
  await room.drain();
  return treatyOf(room.doc);
}

const rows = async () => (await test.server.store.updatesAfter(test.docId, 0)).length;

/** A comment element `id` in `delegation`'s name holding `text`. */
function commentElement(id: string, delegation: string, text: string, author = delegation): Y.XmlElement {
  const element = new Y.XmlElement('comment');
  element.setAttribute('id', id);
  element.setAttribute('delegation', delegation);
  element.setAttribute('author', author);
  const block = new Y.XmlElement('plain');
  block.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [block]);
  return element;
}

const commentsOf = (doc: Y.Doc) => doc.getXmlFragment('prosemirror').toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'comments') as Y.XmlElement;

/** Connect France by hand and note the record and the log before she attacks. */
async function france(options: { clientId?: number } = {}) {
  const fr = await rawClient(test, 'fr', { docId: test.docId, ...options });
  return { fr, record: othersRecord(await serverTreaty(), 'FR'), rowsBefore: await rows() };
}

/** The record of everyone but France, the schema and the log are as they were. */
async function expectUntouched(record: Map<string, string>, rowsBefore: number, added = 0): Promise<void> {
  const doc = await serverTreaty();
  doc.check();
  expect(recordChanges(record, othersRecord(doc, 'FR'))).toEqual([]);
  expect(await rows()).toBe(rowsBefore + added);
}

describe('hole 1: an update that waits for missing structs', () => {
  it('refuses an update whose structs start after France\'s unsent keystroke, so the keystroke releases nothing', async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    const keystroke = changeOf(fr.doc, (d) => textOf(d, 'x3').insert(7, 'k'));
    const attack = stripDeleteSet(changeOf(fr.doc, (d) => {
      const block = elementById(d, 'p1');
      block.removeAttribute('bracket');
      block.removeAttribute('sponsors');
      const words = textOf(d, 'x1');
      const k1 = bracketKey(words, 'k1');
      words.format(k1.from, k1.to - k1.from, { [k1.key]: null });
      elementById(d, 'o3').setAttribute('sponsors', ['FR'] as never);
      commentsOf(d).insert(commentsOf(d).length, [commentElement('c9', 'KE', 'Kenya accepts the text as agreed', 'Kenya')]);
      d.getXmlFragment('prosemirror').insert(2, [new Y.XmlElement('comments')]);
    }), fr.doc);
    fr.send(attack);
    expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/^4422 .*start at clock/) });
    const from = fr.messages.length;
    fr.send(keystroke);
    expect((await answers(fr, from, 1))[0].kind).toBe('update');
    await expectUntouched(record, rowsBefore, 1);
    expect((await serverTreaty()).textContent).toContain('France koption one.');
  });

  it('refuses a deletion of content the server does not have yet', async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    changeOf(fr.doc, (d) => textOf(d, 'x3').insert(0, 'unsent '));
    changeOf(fr.doc, (d) => textOf(d, 'x3').delete(0, 3));
    // Only the delete set, which names France's unsent characters.
    const attack = Y.encodeStateAsUpdate(fr.doc, Y.encodeStateVector(fr.doc));
    fr.send(attack);
    expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/^4422 .*deletes/) });
    await expectUntouched(record, rowsBefore);
  });
});

describe('hole 2: updates read in one turn', () => {
  it('checks the second of two deletions sent in one write on the state the first leaves: Kenya\'s bracket survives', async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    const first = changeOf(fr.doc, (d) => textOf(d, 'x1').delete(bracketKey(textOf(d, 'x1'), 'k1').from, 4));
    const second = changeOf(fr.doc, (d) => {
      const k1 = bracketKey(textOf(d, 'x1'), 'k1');
      textOf(d, 'x1').delete(k1.from, k1.to - k1.from);
    });
    const got = await answers(fr, burst(fr, [first, second]), 2);
    expect(got.map((m) => m.kind)).toEqual(['denied', 'denied']);
    await expectUntouched(record, rowsBefore);
  });

  it('refuses the second of two withdrawals of France\'s own options, which would leave alternatives without any', async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    const first = changeOf(fr.doc, (d) => elementById(d, 'alt2').delete(0, 1));
    const second = changeOf(fr.doc, (d) => elementById(d, 'alt2').delete(0, 1));
    const got = await answers(fr, burst(fr, [first, second]), 2);
    expect(got.filter((m) => m.kind === 'update')).toHaveLength(1);
    expect(got.find(denied)).toMatchObject({ reason: expect.stringMatching(/^4422 Invalid content: the update leaves the document invalid/) });
    await expectUntouched(record, rowsBefore, 1);
    expect((await serverTreaty()).textContent).toContain('Second French wording.');
  });
});

describe('hole 3: ownership of words, places and ids', () => {
  const attacks: Array<[string, (d: Y.Doc) => void]> = [
    ['retyping the words inside Kenya\'s bracket, still in Kenya\'s name', (d) => {
      const words = textOf(d, 'x1');
      const k1 = bracketKey(words, 'k1');
      words.delete(k1.from, k1.to - k1.from);
      words.insert(k1.from, 'never', { [k1.key]: k1.attrs });
    }],
    ['retyping Kenya\'s option', (d) => {
      textOf(d, 'x5').delete(0, 5);
      textOf(d, 'x5').insert(0, 'France');
    }],
    ['retyping Kenya\'s comment', (d) => {
      const text = (commentsOf(d).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
      (text.get(0) as Y.XmlText).insert(0, 'Not ');
    }],
    ['moving Kenya\'s bracket mark onto other words', (d) => {
      const words = textOf(d, 'x1');
      const k1 = bracketKey(words, 'k1');
      words.format(k1.from, k1.to - k1.from, { [k1.key]: null });
      words.format(k1.to + 1, 9, { [k1.key]: k1.attrs });
    }],
    ['moving Kenya\'s block bracket onto another article', (d) => {
      elementById(d, 'p1').removeAttribute('bracket');
      elementById(d, 'p1').removeAttribute('sponsors');
      elementById(d, 'a2').setAttribute('bracket', 'kb');
      elementById(d, 'a2').setAttribute('sponsors', ['KE'] as never);
    }],
    ['forging a comment by reusing Kenya\'s comment id', (d) => {
      commentsOf(d).insert(commentsOf(d).length, [commentElement('c1', 'FR', 'Reused id')]);
    }],
    ['forging a bracket by reusing Kenya\'s bracket id in France\'s own option', (d) => {
      textOf(d, 'x3').insert(0, 'mine ', { 'bracket--FRreuse1': { id: 'k1', sponsors: ['FR'], kind: 'insert' } });
    }],
    ['forging a block by reusing the id of Kenya\'s paragraph text', (d) => {
      const block = new Y.XmlElement('plain');
      block.setAttribute('id', 'x2');
      block.insert(0, [new Y.XmlText('Forged')]);
      elementById(d, 'o1').insert(1, [block]);
    }],
  ];

  for (const [name, change] of attacks) {
    it(`refuses ${name}`, async () => {
      test = await startHostileServer();
      const { fr, record, rowsBefore } = await france();
      fr.send(changeOf(fr.doc, change));
      expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/^44(03|22) /) });
      await expectUntouched(record, rowsBefore);
    });
  }
});

/** A Yjs v1 update holding only a garbage-collected struct of `length` clocks for `client`. */
function gcUpdate(client: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const n of [1, 1, client, 0]) encoding.writeVarUint(encoder, n);
  encoding.writeUint8(encoder, 0);
  encoding.writeVarUint(encoder, length);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

describe('hole 4: client ids', () => {
  it('binds nothing for an observer\'s Skip struct under Kenya\'s announced id, and Kenya then types in her bracket', async () => {
    test = await startHostileServer();
    const ke = await rawClient(test, 'ke', { docId: test.docId });
    announce(ke);
    const observer = await rawClient(test, 'observer', { docId: test.docId });
    observer.send(skipUpdate(ke.doc.clientID, 0, 5));
    // The observer's next, real change is refused; by then the Skip has been handled.
    const probe = observer.edit((d) => textOf(d, 'x6').insert(0, 'x'));
    expect(await observer.next(denied, probe)).toMatchObject({ reason: expect.stringMatching(/^4403 /) });
    const from = ke.edit((d) => textOf(d, 'x1').insert(bracketKey(textOf(d, 'x1'), 'k1').from + 2, 'x'));
    expect((await answers(ke, from, 1))[0].kind).toBe('update');
    expect(await test.server.store.clientOwners(test.docId)).toContainEqual({ clientId: ke.doc.clientID, accountId: test.accounts.ke.id });
  });

  it('refuses France writing under a client id Kenya\'s connection announces in awareness', async () => {
    test = await startHostileServer();
    const ke = await rawClient(test, 'ke', { docId: test.docId });
    announce(ke);
    await new Promise<void>((resolve) => {
      const room = test.server.rooms.get(test.docId)!;
      const check = () => [...room.connections].some((c) => c.awarenessIds.has(ke.doc.clientID)) && resolve();
      check();
      room.awareness.on('update', check);
    });
    const { fr, record, rowsBefore } = await france({ clientId: ke.doc.clientID });
    fr.edit((d) => textOf(d, 'x3').insert(0, 'squat '));
    expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/client id \d+ is in use by another connection/) });
    await expectUntouched(record, rowsBefore);
  });

  it('refuses one update that would bind twenty client ids, binding none', async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    const owners = (await test.server.store.clientOwners(test.docId)).length;
    const parts = Array.from({ length: 20 }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = 900_000 + i;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(fr.doc));
      return changeOf(doc, (d) => textOf(d, 'x3').insert(0, 'z'));
    });
    fr.send(Y.mergeUpdates(parts));
    expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/20 new client ids \(at most 4\)/) });
    expect((await test.server.store.clientOwners(test.docId)).length).toBe(owners);
    await expectUntouched(record, rowsBefore);
  });

  it('refuses a garbage-collected struct that would bind a client id without content', async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    fr.send(gcUpdate(777_777, 3));
    expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/client id 777777 would be bound without content/) });
    await expectUntouched(record, rowsBefore);
  });
});

describe('hole 8: characters XML cannot carry', () => {
  const attacks: Array<[string, (d: Y.Doc) => void]> = [
    ['U+0001 typed in text', (d) => textOf(d, 'x3').insert(0, 'a\u0001b')],
    ['U+FFFE typed in text', (d) => textOf(d, 'x3').insert(0, '\uFFFE')],
    ['U+FFFF in a comment attribute', (d) => commentsOf(d).insert(commentsOf(d).length, [commentElement('c8', 'FR', 'Fine', 'Fr\uFFFFance')])],
    ['a control character in a bracket mark\'s value', (d) => textOf(d, 'x3').insert(0, 'mine ', { 'bracket--FRctrl01': { id: 'fr\u0002x', sponsors: ['FR'], kind: 'insert' } })],
  ];
  for (const [name, change] of attacks) {
    it(`refuses ${name}, and the connection stays open`, async () => {
      test = await startHostileServer();
      const { fr, record, rowsBefore } = await france();
      fr.send(changeOf(fr.doc, change));
      expect(await fr.next(denied)).toMatchObject({ reason: expect.stringMatching(/^4422 Invalid content: the text holds a character XML cannot carry \(U\+/) });
      await expectUntouched(record, rowsBefore);
      expect(fr.socket.readyState).toBe(fr.socket.OPEN);
    });
  }
});

describe('content its place cannot hold', () => {
  it('refuses a shared type slipped into an attribute through a neighbour, even from the chair, and every editor keeps plain values', async () => {
    test = await startHostileServer();
    const chair = await rawClient(test, 'chair', { docId: test.docId });
    const ke = await rawClient(test, 'ke', { docId: test.docId });
    const rowsBefore = await rows();
    // Overwriting an attribute gives the new entry the old one as its neighbour, so Yjs encodes no
    // parent and no key: the decoded update shows what looks like a child element's text.
    const update = changeOf(chair.doc, (d) => elementById(d, 'o4').setAttribute('id', new Y.XmlText('o4') as never));
    const item = (Y.decodeUpdate(update).structs as Y.Item[]).find((s) => s.content instanceof Y.ContentType)!;
    expect(item.parentSub).toBeNull();
    const from = chair.messages.length;
    chair.send(update);
    expect(await chair.next(denied, from)).toMatchObject({ reason: expect.stringMatching(/the attribute "id" holds a shared type/) });
    expect(await rows()).toBe(rowsBefore);
    const doc = await serverTreaty();
    doc.check();
    doc.descendants((node) => {
      for (const value of Object.values(node.attrs)) expect(value === null || typeof value !== 'object' || Array.isArray(value)).toBe(true);
      return true;
    });
    expect(ke.messages.some((m) => m.kind === 'update' && m.syncType === 2)).toBe(false);
  });
});

describe('structs that repeat part of what the server has', () => {
  it("refuses a struct whose start the server has and whose end is new, even from the chair, so every copy decodes the same text", async () => {
    test = await startHostileServer();
    const chair = await rawClient(test, 'chair', { docId: test.docId, clientId: 424242 });
    const fork = new Y.Doc();
    fork.clientID = 424242;
    Y.applyUpdate(fork, Y.encodeStateAsUpdate(chair.doc));
    // The chair's own keystroke (clock 0), accepted.
    const typed = chair.edit((d) => textOf(d, 'x6').insert(0, 'x'));
    for (let tries = 0; tries < 200 && Y.getState(test.server.rooms.get(test.docId)!.accepted.doc.store, 424242) === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(chair.messages.slice(typed).some(denied)).toBe(false);
    const rowsBefore = await rows();
    // Another history under the same id: one struct for clocks 0..2 whose first clock the server
    // holds as other content; Yjs would hang "qr" on the server's "x", wherever that stands.
    const overlapping = changeOf(fork, (d) => textOf(d, 'x1').insert(0, 'pqr'));
    const from = chair.messages.length;
    chair.send(overlapping);
    expect(await chair.next(denied, from)).toMatchObject({ reason: expect.stringMatching(/repeats clocks 0\.\.0 the document has/) });
    expect(await rows()).toBe(rowsBefore);
    const room = test.server.rooms.get(test.docId)!;
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(room.accepted.doc));
    expect(treatyOf(fresh).toJSON()).toEqual(treatyOf(room.accepted.doc).toJSON());
  });
});

describe('attribute values', () => {
  it("refuses France's list where a block's bracket kind belongs, so Kenya still types in her own bracket", async () => {
    test = await startHostileServer();
    const { fr, record, rowsBefore } = await france();
    const from = fr.edit((d) => elementById(d, 'x1').setAttribute('bracketKind', ['FR'] as never));
    expect(await fr.next(denied, from)).toMatchObject({ reason: expect.stringMatching(/leaves the document invalid .*got \["FR"\]/) });
    await expectUntouched(record, rowsBefore);
    const ke = await rawClient(test, 'ke', { docId: test.docId });
    const typed = ke.edit((d) => textOf(d, 'x1').insert(bracketKey(textOf(d, 'x1'), 'k1').from + 1, 'r'));
    // Kenya's keystroke is stored (the server does not echo it to her, so wait for the log).
    for (let tries = 0; tries < 200 && (await rows()) === rowsBefore; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ke.messages.slice(typed).some(denied)).toBe(false);
    expect(await rows()).toBe(rowsBefore + 1);
  });
});

describe('updates that change nothing', () => {
  it('stores none of them, from a delegate or an observer', async () => {
    test = await startHostileServer();
    const { fr, rowsBefore } = await france();
    const observer = await rawClient(test, 'observer', { docId: test.docId });
    for (let i = 0; i < 5; i++) {
      fr.send(Y.encodeStateAsUpdate(fr.doc));
      observer.send(Y.encodeStateAsUpdate(observer.doc));
    }
    const probe = observer.edit((d) => textOf(d, 'x6').insert(0, 'x'));
    expect(await observer.next(denied, probe)).toMatchObject({ reason: expect.stringMatching(/^4403 /) });
    const from = fr.edit((d) => textOf(d, 'x3').insert(0, 'Own '));
    expect((await answers(fr, from, 1))[0].kind).toBe('update');
    expect(await rows()).toBe(rowsBefore + 1);
  });
});
