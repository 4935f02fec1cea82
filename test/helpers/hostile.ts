/**
 * A hostile delegation's kit: a treaty holding Kenya's and France's proposals, a real server with
 * the permission guard on it, crafted-update helpers (stripped delete sets, Skip structs, bursts in
 * one TCP write) and the record checks the adversarial suite runs after every attack.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Node } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import { importProseMirrorDocument } from '../../server/import-document.ts';
import { createPermissionGuard, type GuardPath } from '../../server/sync/permission-guard.ts';
import { startTestServer, type TestServer } from '../server-helpers.ts';
import { syncMessage, type RawClient } from './raw-client.ts';
import { treaty, article, heading, paragraph, plain, alternatives, option, comments, comment, br } from './bracket-builders.ts';

/**
 * The hostile treaty: Kenya's inline bracket k1 and block bracket kb, France's options o1/o2 and
 * Kenya's o3 in alt1, France's two options o4/o5 in alt2, agreed text, and Kenya's comment c1.
 */
export function hostileTreaty(): Node {
  return treaty(
    article({ id: 'a1' }, heading('Scope'),
      plain({ id: 'x1' }, 'States shall ', br('k1', 'KE')('promptly'), ' cooperate.'),
      paragraph({ id: 'p1', bracket: 'kb', sponsors: ['KE'] }, plain({ id: 'x2' }, 'Kenya block text.')),
      alternatives({ id: 'alt1' },
        option({ id: 'o1', sponsors: ['FR'] }, plain({ id: 'x3' }, 'France option one.')),
        option({ id: 'o2', sponsors: ['FR'] }, plain({ id: 'x4' }, 'France option two.')),
        option({ id: 'o3', sponsors: ['KE'] }, plain({ id: 'x5' }, 'Kenya option.'))),
      alternatives({ id: 'alt2' },
        option({ id: 'o4', sponsors: ['FR'] }, plain({ id: 'x7' }, 'First French wording.')),
        option({ id: 'o5', sponsors: ['FR'] }, plain({ id: 'x8' }, 'Second French wording.')))),
    article({ id: 'a2' }, heading('Other'), plain({ id: 'x6' }, 'Agreed words of article two.')),
    comments(comment({ id: 'c1', delegation: 'KE', author: 'Kenya', target: 'x1' }, plain('Kenya thinks so.'))),
  );
}

/** A decision of the guard, as observed. */
export interface Decision { path: GuardPath; reason: string | null }

/** A test server whose document is the hostile treaty, with the guard's decisions recorded. */
export type HostileServer = TestServer & { decisions: Decision[] };

/** Start a real server (port 0, temp SQLite) with the permission guard and the hostile treaty. */
export async function startHostileServer(doc: Node = hostileTreaty()): Promise<HostileServer> {
  const decisions: Decision[] = [];
  const guard = createPermissionGuard({ observe: (path, reason) => decisions.push({ path, reason }) });
  const test = await startTestServer({ updateGuard: guard });
  const record = await importProseMirrorDocument(test.server.store, { json: doc.toJSON(), title: 'Hostile' });
  test.docId = record.id;
  return Object.assign(test, { decisions });
}

/** The element of `doc` whose `id` attribute is `id`. */
export function elementById(doc: Y.Doc, id: string): Y.XmlElement {
  const found = doc.getXmlFragment('prosemirror').createTreeWalker((n) => n instanceof Y.XmlElement && n.getAttribute('id') === id).next();
  if (found.done) throw new RangeError(`No element with id ${JSON.stringify(id)}`);
  return found.value as Y.XmlElement;
}

/** The XmlText of the text block `id`. */
export function textOf(doc: Y.Doc, id: string): Y.XmlText {
  const text = elementById(doc, id).get(0);
  if (!(text instanceof Y.XmlText)) throw new RangeError(`Element ${id} holds no text`);
  return text;
}

/** The y-prosemirror format key and attributes of inline bracket `id` in `text`. */
export function bracketKey(text: Y.XmlText, id: string): { key: string; attrs: Record<string, unknown>; from: number; to: number } {
  let at = 0;
  let found: { key: string; attrs: Record<string, unknown>; from: number; to: number } | null = null;
  for (const op of text.toDelta() as Array<{ insert: string; attributes?: Record<string, Record<string, unknown>> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    for (const [key, attrs] of Object.entries(op.attributes ?? {})) {
      if (attrs?.id !== id) continue;
      if (found) found.to = at + length;
      else found = { key, attrs, from: at, to: at + length };
    }
    at += length;
  }
  if (!found) throw new RangeError(`No bracket ${JSON.stringify(id)} in the text`);
  return found;
}

/** The treaty a Y.Doc holds. */
export function treatyOf(doc: Y.Doc): Node {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('prosemirror'), schema);
}

/** `update` without its delete set (what a hostile client may send). */
export function stripDeleteSet(update: Uint8Array, doc: Y.Doc): Uint8Array {
  // encodeStateAsUpdate writes the structs, then the delete set of the whole document.
  const deletesOnly = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).subarray(1);
  if (deletesOnly.length === 1) return update;
  const tail = update.subarray(update.length - deletesOnly.length);
  if (!tail.every((byte, i) => byte === deletesOnly[i])) throw new RangeError('update does not end with the document\'s delete set');
  const out = new Uint8Array(update.length - deletesOnly.length + 1);
  out.set(update.subarray(0, update.length - deletesOnly.length));
  return out;
}

/** A Yjs v1 update holding only a Skip struct of `length` clocks for `client` from `clock`. */
export function skipUpdate(client: number, clock = 0, length = 1): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, 10); // Skip
  encoding.writeVarUint(encoder, length);
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

/** Send `updates` as Sync/Update messages in one TCP write, so the server reads them in one turn. */
export function burst(client: RawClient, updates: Uint8Array[]): number {
  const from = client.messages.length;
  const wire = (client.socket as unknown as { _socket: import('node:net').Socket })._socket;
  wire.cork();
  for (const update of updates) client.socket.send(syncMessage(2, update));
  wire.uncork();
  return from;
}

/** The update `change` makes on `doc` (applied to it), without sending it. */
export function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** What one proposal or comment is on the record: words, sponsors, place. */
export type RecordEntry = string;

/**
 * Every bracket, option and comment of `doc` that belongs to someone besides `delegation` (a
 * sponsor other than it, or a comment of another delegation), by id, each as a string of its
 * words, the other sponsors, kind and place (its block, and the agreed words before it). The
 * suite compares these before and after an attack: `delegation` may co-sponsor or withdraw its
 * own sponsorship, nothing else.
 */
export function othersRecord(doc: Node, delegation: string): Map<string, RecordEntry> {
  const record = new Map<string, RecordEntry>();
  const add = (id: string, entry: string) => record.set(id, (record.get(id) ?? '') + entry);
  const others = (value: unknown): string[] => (Array.isArray(value) ? value.map(String).filter((s) => s !== delegation) : []);
  const walk = (node: Node, path: string): void => {
    node.forEach((child) => {
      // Blocks are named by id; an id-less block by its type only (a proposed block before it may shift its index).
      const where = `${path}/${child.type.name}${child.attrs.id ? `#${child.attrs.id}` : ''}`;
      if (child.type.name === 'comment') {
        if (child.attrs.delegation !== delegation) add(`comment:${child.attrs.id}`, `${JSON.stringify(child.attrs)}|${child.textContent}|${where}`);
        return;
      }
      if (child.attrs.bracket && others(child.attrs.sponsors).length > 0) {
        add(`block:${child.attrs.bracket}`, `${JSON.stringify(others(child.attrs.sponsors))}|${child.attrs.bracketKind}|${child.textContent}|${where}`);
      }
      if (child.type.name === 'option' && others(child.attrs.sponsors).length > 0) {
        add(`option:${child.attrs.id}`, `${JSON.stringify(others(child.attrs.sponsors))}|${child.textContent}|${path}`);
      }
      if (child.isTextblock) {
        let agreed = '';
        child.forEach((inline) => {
          let proposed = false;
          for (const mark of inline.marks) {
            if (mark.type.name !== 'bracket') continue;
            if (mark.attrs.kind !== 'delete') proposed = true;
            if (others(mark.attrs.sponsors).length === 0) continue;
            add(`bracket:${mark.attrs.id}`, `${JSON.stringify(others(mark.attrs.sponsors))}|${mark.attrs.kind}|${mark.attrs.group}|${inline.text ?? ''}|${where}@${agreed.slice(-12)}`);
          }
          if (!proposed) agreed += inline.text ?? '';
        });
      }
      walk(child, where);
    });
  };
  walk(doc, '');
  return record;
}

/** The entries of `before` that `after` lost or changed, as "id: was → now" lines. */
export function recordChanges(before: Map<string, RecordEntry>, after: Map<string, RecordEntry>): string[] {
  const changes: string[] = [];
  for (const [id, was] of before) if (after.get(id) !== was) changes.push(`${id}: ${was} → ${after.get(id) ?? '(gone)'}`);
  return changes;
}

/** Announce `client`'s Y.Doc in awareness, as y-websocket does on connecting. */
export function announce(client: RawClient): void {
  const awareness = new awarenessProtocol.Awareness(client.doc);
  awareness.setLocalState({ cursor: null });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [client.doc.clientID]));
  client.socket.send(encoding.toUint8Array(encoder));
  awareness.destroy();
}
