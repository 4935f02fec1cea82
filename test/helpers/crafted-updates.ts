/**
 * A seeded generator of crafted Yjs updates, as a hostile delegation (or an observer) would send
 * them: random edits made on a copy of the accepted state — typing anywhere with any bracket
 * attributes, deleting, formatting and unformatting, setting attributes, inserting elements with
 * reused ids, deleting elements — written under the attacker's own, another delegation's, an
 * announced or a fresh client id; then sent as is, with the delete set stripped, split and
 * reordered (a gap the server does not have), merged, or replaced by Skip structs and replays.
 */
import * as Y from 'yjs';
import { changeOf, skipUpdate, stripDeleteSet } from './hostile.ts';
import { seededRandom } from './seeded-random.ts';

/** The seeded random source with the picks the generator needs. */
export class Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = seededRandom(seed);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Who attacks, and the client ids the generator may write under. */
export interface AttackContext {
  delegation: string;
  /** The attacker's own client id (bound to it once it writes). */
  ownClientId: number;
  /** Client ids other accounts own or announce. */
  foreignClientIds: number[];
}

/** One crafted update with a description (printed when a check fails). */
export interface Crafted {
  update: Uint8Array;
  what: string;
}

const WORDS = ['x', 'shall ', 'Kenya agrees ', 'never', ' and', 'a\u0001b', '\uFFFE', 'é', '[', 'Article 99 '];
const DELEGATIONS = ['KE', 'FR', 'US', 'CHAIR'];
const IDS = ['k1', 'kb', 'c1', 'o1', 'o3', 'x1', 'x2', 'alt1', 'p1', 'a2'];

function textsOf(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment('prosemirror'));
  return out;
}

function elementsOf(doc: Y.Doc): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(doc.getXmlFragment('prosemirror'));
  return out;
}

/** Format keys of brackets present in `text`, with their attributes. */
function bracketFormats(text: Y.XmlText): Array<[string, Record<string, unknown>]> {
  const found = new Map<string, Record<string, unknown>>();
  for (const op of text.toDelta() as Array<{ attributes?: Record<string, Record<string, unknown>> }>) {
    for (const [key, attrs] of Object.entries(op.attributes ?? {})) if (key.startsWith('bracket')) found.set(key, attrs);
  }
  return [...found];
}

function bracketAttrs(random: Random, own: string): Record<string, unknown> {
  return {
    id: random.chance(0.5) ? random.pick(IDS) : `fz${random.int(1e6)}`,
    sponsors: random.chance(0.5) ? [own] : [random.pick(DELEGATIONS)],
    kind: random.pick(['insert', 'delete']),
    ...(random.chance(0.2) ? { group: random.pick(['g1', 'alt1', null]) } : {}),
  };
}

function newElement(random: Random, own: string): Y.XmlElement {
  const name = random.pick(['plain', 'paragraph', 'comment', 'option', 'alternatives', 'article']);
  const element = new Y.XmlElement(name);
  const id = random.chance(0.5) ? random.pick(IDS) : `fz${random.int(1e6)}`;
  element.setAttribute('id', id);
  const plainBlock = () => {
    const block = new Y.XmlElement('plain');
    block.insert(0, [new Y.XmlText(random.pick(WORDS))]);
    return block;
  };
  if (name === 'plain') element.insert(0, [new Y.XmlText(random.pick(WORDS))]);
  if (name === 'paragraph' || name === 'comment' || name === 'option') element.insert(0, [plainBlock()]);
  if (name === 'alternatives') {
    const choice = new Y.XmlElement('option');
    choice.setAttribute('sponsors', [random.pick([own, 'KE'])] as never);
    choice.insert(0, [plainBlock()]);
    element.insert(0, [choice]);
  }
  if (name === 'article') {
    const title = new Y.XmlElement('heading');
    title.insert(0, [new Y.XmlText('Fuzz')]);
    element.insert(0, [title, plainBlock()]);
  }
  if (name === 'comment') {
    element.setAttribute('delegation', random.pick([own, 'KE']));
    element.setAttribute('author', random.pick(['Kenya', 'France']));
  }
  if (random.chance(0.5)) {
    element.setAttribute('bracket', random.chance(0.5) ? random.pick(IDS) : `fz${random.int(1e6)}`);
    element.setAttribute('sponsors', [random.pick([own, 'KE'])] as never);
  }
  return element;
}

/** Make one random edit on `doc` as `own`; returns what it did. */
export function randomEdit(doc: Y.Doc, random: Random, own: string): string {
  const texts = textsOf(doc);
  const elements = elementsOf(doc);
  const choice = random.int(7);
  // Earlier edits on the copy may have removed every text; then only structural edits are left.
  if (texts.length === 0 && choice !== 3 && choice !== 4 && choice !== 5) return 'nothing';
  const text = texts.length ? random.pick(texts) : new Y.XmlText();
  switch (choice) {
    case 0: {
      const at = random.int(text.length + 1);
      const word = random.pick(WORDS);
      const formats = bracketFormats(text);
      const attrs = random.pick([undefined, undefined, {}, formats.length ? Object.fromEntries([random.pick(formats)]) : undefined,
        { [`bracket--fz${String(random.int(1e6)).padStart(6, '0')}`]: bracketAttrs(random, own) }]);
      text.insert(at, word, attrs);
      return `type ${JSON.stringify(word)} at ${at} with ${JSON.stringify(attrs)}`;
    }
    case 1: {
      if (text.length === 0) return 'nothing';
      const from = random.int(text.length);
      const length = 1 + random.int(Math.min(8, text.length - from));
      text.delete(from, length);
      return `delete ${from}+${length}`;
    }
    case 2: {
      if (text.length === 0) return 'nothing';
      const from = random.int(text.length);
      const length = 1 + random.int(text.length - from);
      const formats = bracketFormats(text);
      const [key, attrs] = formats.length && random.chance(0.6) ? random.pick(formats) : [`bracket--fz${String(random.int(1e6)).padStart(6, '0')}`, bracketAttrs(random, own)];
      const value = random.pick([null, attrs, { ...attrs, sponsors: [own] }, bracketAttrs(random, own)]);
      text.format(from, length, { [key]: value });
      return `format ${from}+${length} ${key}=${JSON.stringify(value)}`;
    }
    case 3: {
      if (elements.length === 0) return 'nothing';
      const element = random.pick(elements);
      const key = random.pick(['sponsors', 'bracket', 'id', 'delegation', 'status', 'author', 'bracketKind', 'target']);
      const value = random.pick<unknown>([null, ['KE'], [own], ['KE', own], 'kb', 'k1', 'agreed', 'KE', own, 'delete', 'x\u0003']);
      if (value === null) element.removeAttribute(key);
      else element.setAttribute(key, value as never);
      return `set ${element.nodeName}#${element.getAttribute('id')} ${key}=${JSON.stringify(value)}`;
    }
    case 4: {
      const parent = random.chance(0.2) || elements.length === 0 ? doc.getXmlFragment('prosemirror') : random.pick(elements);
      const at = random.int(parent.length + 1);
      const element = newElement(random, own);
      parent.insert(at, [element]);
      return `insert ${element.nodeName} into ${parent instanceof Y.XmlElement ? parent.nodeName : 'root'} at ${at}`;
    }
    case 5: {
      const parent = random.chance(0.2) || elements.length === 0 ? doc.getXmlFragment('prosemirror') : random.pick(elements);
      if (parent.length === 0) return 'nothing';
      const at = random.int(parent.length);
      const count = 1 + random.int(Math.min(2, parent.length - at));
      parent.delete(at, count);
      return `delete ${count} children of ${parent instanceof Y.XmlElement ? parent.nodeName : 'root'} at ${at}`;
    }
    default: {
      // Move a bracket: unmark it where it is, mark other words with the same attributes.
      const formats = bracketFormats(text);
      if (formats.length === 0 || text.length < 2) return 'nothing';
      const [key, attrs] = random.pick(formats);
      text.format(0, text.length, { [key]: null });
      const from = random.int(text.length - 1);
      text.format(from, 1 + random.int(text.length - from - 1), { [key]: attrs });
      return `move ${key}`;
    }
  }
}

/**
 * Craft a few updates against `accepted` (not changed: the edits are made on a copy) as `context`
 * describes; `replays` are earlier updates that may be sent again.
 */
export function craftUpdates(accepted: Y.Doc, random: Random, context: AttackContext, replays: Uint8Array[]): Crafted[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(accepted));
  const writer = random.pick([context.ownClientId, context.ownClientId, context.ownClientId, ...context.foreignClientIds, 1 + random.int(2 ** 30)]);
  copy.clientID = writer;
  const under = writer === context.ownClientId ? 'own id' : context.foreignClientIds.includes(writer) ? `foreign id ${writer}` : `fresh id ${writer}`;
  const out: Crafted[] = [];
  const edit = () => {
    const what: string[] = [];
    const update = changeOf(copy, (d) => {
      for (let i = 1 + random.int(3); i > 0; i--) what.push(randomEdit(d, random, context.delegation));
    });
    return { update, what: `${what.join('; ')} (${under})` };
  };
  switch (random.int(7)) {
    case 0:
    case 1:
      out.push(edit());
      break;
    case 2: {
      const crafted = edit();
      out.push({ update: stripDeleteSet(crafted.update, copy), what: `${crafted.what}, delete set stripped` });
      break;
    }
    case 3: {
      // Split and reordered: the second part first (it waits for the first), then maybe the first.
      const first = edit();
      const second = edit();
      out.push({ update: random.chance(0.5) ? stripDeleteSet(second.update, copy) : second.update, what: `${second.what}, sent before its predecessor` });
      if (random.chance(0.5)) out.push({ update: first.update, what: `${first.what}, the predecessor` });
      break;
    }
    case 4: {
      const parts = [edit(), edit()];
      out.push({ update: Y.mergeUpdates(parts.map((p) => p.update)), what: `merged: ${parts.map((p) => p.what).join(' + ')}` });
      break;
    }
    case 5: {
      const client = random.pick([...context.foreignClientIds, context.ownClientId, 1 + random.int(2 ** 30)]);
      out.push({ update: skipUpdate(client, random.int(3), 1 + random.int(50)), what: `skip struct for ${client}` });
      break;
    }
    default:
      if (replays.length > 0) out.push({ update: random.pick(replays), what: 'replay of an earlier update' });
      else out.push(edit());
  }
  copy.destroy();
  return out;
}
