/**
 * Micro-benchmark of the permission guard on the protocol fixture: the cost per update of the fast
 * path (a delegate typing one character into ordinary text) and of the slow path (a delegate
 * bracketing a word: a bracket format, which the fast inspection hands to the precise check).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { EditorState } from 'prosemirror-state';
import { schema } from '../shared/schema/index.ts';
import { createPermissionGuard, type GuardPath } from '../server/sync/permission-guard.ts';
import { updateTowards } from '../server/resolution/index.ts';
import type { Account } from '../server/storage/types.ts';

/** Per-update cost of the permission guard, microseconds. */
export interface PermissionBench {
  fixture: string;
  updates: number;
  fastPathMicros: number;
  slowPathMicros: number;
}

const delegate: Account = { id: 'acc_bench', name: 'Bench', delegation: 'ZZ', role: 'delegate' };

/** Measure the guard's fast path (typing) and slow path (bracket edits) on the protocol fixture. */
export function benchPermissions(options: { updates?: number; fixture?: string } = {}): PermissionBench {
  const fixture = options.fixture ?? 'protocol-2009';
  const count = options.updates ?? 200;
  const json = JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${fixture}.json`, import.meta.url)), 'utf8'));
  const node = schema.nodeFromJSON(json.doc ?? json);
  const server = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, node.toJSON(), server.getXmlFragment('prosemirror'));
  const paths: GuardPath[] = [];
  const guard = createPermissionGuard({ observe: (path) => paths.push(path) });
  const ctx = { account: delegate, doc: server, clientIds: new Set<number>() };

  // Fast path: one character typed at a time into the first text of the document.
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  let text: Y.XmlText | null = null;
  const find = (type: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of type.toArray()) {
      if (text) return;
      if (child instanceof Y.XmlText && child.length > 0) text = child;
      else if (child instanceof Y.XmlElement && child.nodeName !== 'comments') find(child);
    }
  };
  find(client.getXmlFragment('prosemirror'));
  const typing: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => typing.push(u));
  for (let i = 0; i < count; i++) text!.insert(0, 'x');
  let guardMillis = 0;
  for (const update of typing) {
    const t0 = performance.now();
    const verdict = guard(update, ctx);
    guardMillis += performance.now() - t0;
    if (!verdict.ok) throw new Error(`typing refused on ${fixture}`);
    Y.applyUpdate(server, update);
  }
  const fastPathMicros = (guardMillis * 1000) / typing.length;
  if (paths.some((p) => p !== 'fast')) throw new Error(`typing left the fast path: ${[...new Set(paths)].join(', ')}`);

  // Slow path: a delegate bracketing a word (checked, not applied, so each runs on the same document).
  const doc = node;
  const spans: Array<{ from: number; to: number }> = [];
  doc.descendants((n, pos) => {
    if (spans.length >= 20 || n.type.name === 'comments') return false;
    if (n.isText && n.text!.length > 8) spans.push({ from: pos + 1, to: pos + 6 });
    return true;
  });
  if (spans.length === 0) throw new Error(`${fixture} has no text to bracket`);
  const edits = spans.map(({ from, to }, i) => {
    const next = EditorState.create({ doc }).tr.addMark(from, to, schema.marks.bracket.create({ id: `bench_${i}`, sponsors: [delegate.delegation] })).doc;
    return updateTowards(server, next);
  });
  const slowDoc = server;
  paths.length = 0;
  const rounds = Math.max(1, Math.round(count / 10 / edits.length));
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const update of edits) if (!guard(update, { ...ctx, doc: slowDoc }).ok) throw new Error('bracketing refused');
  if (paths.some((p) => p !== 'slow')) throw new Error(`bracketing did not take the slow path: ${[...new Set(paths)].join(', ')}`);
  const slowPathMicros = ((performance.now() - start) * 1000) / (rounds * edits.length);
  return { fixture, updates: typing.length, fastPathMicros: Math.round(fastPathMicros * 10) / 10, slowPathMicros: Math.round(slowPathMicros) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(benchPermissions());
