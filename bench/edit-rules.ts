/**
 * `node --import tsx bench/edit-rules.ts [runs]`: the cost of `refuseEdit` on the 48-article
 * Convention fixture, as the server's precise path meets it (before and after decoded separately,
 * no shared subtrees) and as the editor's transaction filter meets it (after shares every
 * untouched subtree with before). Prints median and 95th percentile of wall time and the mean CPU
 * time (process user + system, which includes garbage collection) in milliseconds.
 */
import { Transform } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { schema } from '../shared/schema/index.ts';
import { loadFixture } from '../fixtures/index.ts';
import { refuseEdit, type Author } from '../shared/permissions/index.ts';

const runs = Number(process.argv[2] ?? 300);
const json = loadFixture('convention-2001');
const author: Author = { role: 'delegate', delegation: 'FR' };

/** A position inside some text of `doc`, chosen by `i`. */
function textPositions(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => { if (node.isText && node.text!.length > 4) out.push(pos + 2); return true; });
  return out;
}

function measure(label: string, edit: (doc: Node, i: number) => Node, fresh: boolean): void {
  const times: number[] = [];
  let cpu = 0;
  const base = schema.nodeFromJSON(json);
  const spots = textPositions(base);
  for (let i = 0; i < runs; i++) {
    const before = fresh ? schema.nodeFromJSON(json) : base;
    let after = edit(before, spots[(i * 7919) % spots.length]);
    if (fresh) after = schema.nodeFromJSON(after.toJSON());
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    refuseEdit(before, after, author);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`| ${label} | ${fresh ? 'server (decoded twice)' : 'editor (shared subtrees)'} | ${at(0.5)} | ${at(0.95)} | ${(cpu / runs).toFixed(2)} |`);
}

const insertion = (doc: Node, pos: number) => {
  const tr = new Transform(doc);
  tr.insert(pos, schema.text('new ', [schema.marks.bracket.create({ id: `br_${pos}`, sponsors: ['FR'] })]));
  return tr.doc;
};
const plainTyping = (doc: Node, pos: number) => new Transform(doc).insert(pos, schema.text('x')).doc;

console.log(`refuseEdit on the Convention (${runs} runs each)\n`);
console.log('| edit | path | median ms | p95 ms | mean CPU ms |\n|---|---|---|---|---|');
for (const fresh of [true, false]) {
  measure('proposed insertion (allowed)', insertion, fresh);
  measure('plain typing in agreed text (refused)', plainTyping, fresh);
}
