/**
 * Micro-benchmark of the permission guard on the protocol fixture, per update, against an accepted
 * state that takes every accepted update (as the room's does):
 * - fast path, secretariat: one character typed at a time into agreed text;
 * - fast path, delegate: one character typed at a time inside the delegation's own insertion bracket;
 * - slow path: a delegate proposing the deletion of a few agreed words (a `delete` bracket), which
 *   the precise check decides on a copy converted to ProseMirror (checked, not applied, so each
 *   runs on the same document; the before-document is cached per accepted state, as in the room).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { EditorState } from 'prosemirror-state';
import { schema } from '../shared/schema/index.ts';
import { createPermissionGuard, type GuardPath } from '../server/sync/permission-guard.ts';
import { updateTowards } from '../server/resolution/index.ts';
import type { Account } from '../server/storage/types.ts';
import { textNodes, typingSpots } from './seed-doc.ts';

/** Per-update cost of the permission guard, microseconds. */
export interface PermissionBench {
  fixture: string;
  updates: number;
  /** Secretariat typing in agreed text. */
  fastPathMicros: number;
  /** A delegate typing inside its own insertion bracket. */
  fastDelegateMicros: number;
  /** A delegate proposing a deletion (precise check). */
  slowPathMicros: number;
}

const delegate: Account = { id: 'acc_bench', name: 'Bench', delegation: 'ZZ', role: 'delegate' };
const secretariat: Account = { id: 'acc_bench_sec', name: 'Bench Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' };

/** Time the guard on each of `updates` from `account`, applying each to `server` once accepted; microseconds per update. */
function timeTyping(guard: ReturnType<typeof createPermissionGuard>, server: Y.Doc, account: Account, updates: Uint8Array[], label: string): number {
  let millis = 0;
  for (const update of updates) {
    guard(update, { account, doc: server, clientIds: new Set() }); // warm-up: the same decision, untimed
    const t0 = performance.now();
    const verdict = guard(update, { account, doc: server, clientIds: new Set() });
    millis += performance.now() - t0;
    if (!verdict.ok) throw new Error(`${label} refused: ${verdict.reason}`);
    Y.applyUpdate(server, update);
  }
  return (millis * 1000) / updates.length;
}

/** The updates of `count` keystrokes made by `type` into text number `textIndex` of a fresh client of `server`. */
function keystrokes(server: Y.Doc, count: number, textIndex: number, type: (text: Y.XmlText, i: number) => void): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  const text = textNodes(client)[textIndex];
  for (let i = 0; i < count; i++) type(text, i);
  client.destroy();
  return updates;
}

/** Measure the guard's fast paths (typing) and slow path (proposing a deletion) on the protocol fixture. */
export function benchPermissions(options: { updates?: number; fixture?: string; quick?: boolean } = {}): PermissionBench {
  const fixture = options.fixture ?? 'protocol-2009';
  const count = options.updates ?? (options.quick ? 100 : 400);
  const json = JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${fixture}.json`, import.meta.url)), 'utf8'));
  const node = schema.nodeFromJSON(json.doc ?? json);
  const server = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, node.toJSON(), server.getXmlFragment('prosemirror'));
  const paths: GuardPath[] = [];
  const reasons = new Set<string>();
  const guard = createPermissionGuard({ observe: (path, reason) => { paths.push(path); if (reason) reasons.add(reason); } });
  const expectPath = (path: GuardPath, what: string) => {
    if (paths.some((p) => p !== path)) throw new Error(`${what} did not stay on the ${path} path: ${[...new Set(paths)].join(', ')} (${[...reasons].join('; ')})`);
    paths.length = 0;
    reasons.clear();
  };

  // Fast path, secretariat: agreed text.
  const spots = typingSpots(server);
  if (spots.length === 0) throw new Error(`${fixture} has no agreed text to type in`);
  const spot = spots[Math.min(3, spots.length - 1)];
  const textIndex = textNodes(server).indexOf(spot.text);
  const typing = keystrokes(server, count, textIndex, (text, i) => text.insert(spot.offset + i, 'x'));
  const fastPathMicros = timeTyping(guard, server, secretariat, typing, 'secretariat typing');
  expectPath('fast', 'secretariat typing');

  // Fast path, delegate: open a bracket of its own (slow path once), then type inside it.
  const bracket = { 'bracket--ZZbench1': { id: 'bench_zz', sponsors: [delegate.delegation], kind: 'insert' } };
  timeTyping(guard, server, delegate, keystrokes(server, 1, textIndex, (text) => text.insert(spot.offset, 'proposed ', bracket)), 'opening a bracket');
  paths.length = 0;
  // Typed without attributes, a character takes the bracket it lands in (as y-prosemirror types).
  const inside = keystrokes(server, count, textIndex, (text, i) => text.insert(spot.offset + 2 + i, 'y'));
  const fastDelegateMicros = timeTyping(guard, server, delegate, inside, 'delegate typing in its bracket');
  expectPath('fast', 'delegate typing in its bracket');

  // Slow path: proposing the deletion of agreed words (checked, not applied).
  const live = yXmlFragmentToProseMirrorRootNode(server.getXmlFragment('prosemirror'), schema);
  const spans: Array<{ from: number; to: number }> = [];
  live.descendants((n, pos, parent) => {
    if (spans.length >= 20 || n.type.name === 'comments' || n.type.name === 'alternatives' || n.attrs.bracket) return false;
    if (n.isText && n.text!.length > 8 && n.marks.length === 0 && parent?.type.name !== 'heading') spans.push({ from: pos + 1, to: pos + 6 });
    return true;
  });
  if (spans.length === 0) throw new Error(`${fixture} has no agreed text to propose deleting`);
  const edits = spans.map(({ from, to }, i) => {
    const next = EditorState.create({ doc: live }).tr.addMark(from, to, schema.marks.bracket.create({ id: `bench_${i}`, sponsors: [delegate.delegation], kind: 'delete' })).doc;
    return updateTowards(server, next);
  });
  const rounds = Math.max(1, Math.round(count / 10 / edits.length));
  for (const update of edits) guard(update, { account: delegate, doc: server, clientIds: new Set() }); // warm-up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const update of edits) {
      const verdict = guard(update, { account: delegate, doc: server, clientIds: new Set() });
      if (!verdict.ok) throw new Error(`proposing a deletion refused: ${verdict.reason}`);
    }
  }
  const slowPathMicros = ((performance.now() - start) * 1000) / (rounds * edits.length);
  expectPath('slow', 'proposing a deletion');
  return {
    fixture, updates: typing.length,
    fastPathMicros: Math.round(fastPathMicros * 10) / 10,
    fastDelegateMicros: Math.round(fastDelegateMicros * 10) / 10,
    slowPathMicros: Math.round(slowPathMicros),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(benchPermissions());
