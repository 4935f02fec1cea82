/**
 * The word diff of a Redline: deterministic, exact on whitespace, bounded in the worst case.
 *
 * Texts are split into tokens — words (letters and digits, with inner apostrophes and hyphens:
 * "Chairman's", "co-operation"), whitespace runs, and every other character on its own ("[", ",")
 * — and each distinct token is mapped to an integer, as diff-match-patch's line mode maps lines to
 * characters. Tokens compare by a typographic key (quotes, dashes and whitespace runs unified), so
 * a reprint with other quotes is no change; the pieces still carry each side's exact characters.
 *
 * The token sequences are diffed by: common prefix and suffix; Myers' O(ND) algorithm when the
 * edit distance stays within a budget (exact, minimal, as jsdiff); otherwise patience anchoring —
 * runs of k tokens occurring exactly once on each side (k = 1, 4, 16), kept in order by a longest
 * increasing subsequence — and recursion between the anchors; and when nothing anchors, the whole
 * range as removed then added. Every step is linear or bounded by `MYERS_BUDGET`, so a 32,000-word
 * provision with a third of its words replaced takes milliseconds, and the result does not depend
 * on the machine's speed (no timeout). A whitespace-only common run between two changes is folded
 * into them, so "shall adopt" → "may take" reads as one replacement.
 */
import { longestIncreasing } from './similarity.ts';

/** A run of the diff in character offsets: `from[aStart, aEnd)` ↔ `to[bStart, bEnd)`. */
export interface DiffSegment {
  op: 'equal' | 'delete' | 'insert';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Work allowed to one Myers run, in (tokens × edit distance); above it the range is anchored instead. */
export const MYERS_BUDGET = 4_000_000;

const TOKEN = /[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

/** Split `text` into word, whitespace and punctuation tokens (they concatenate back to `text`). */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The typographic key of a token: whitespace runs, quotes and dashes unified. */
export function tokenKey(token: string): string {
  if (/^\s+$/.test(token)) return ' ';
  return token.replace(/[“”„‟″"]/g, '"').replace(/[‘’‚‛′`]/g, "'").replace(/[–—‒―]/g, '-');
}

type Op = 0 | 1 | 2; // equal, delete, insert

/** A run of the script in token indices: equal, or a change (removed a[a0, a1), added b[b0, b1)). */
interface Region { equal: boolean; a0: number; a1: number; b0: number; b1: number }

/** Edit script as parallel lists of (op, count) runs. */
class Script {
  ops: Op[] = [];
  counts: number[] = [];
  push(op: Op, count: number) {
    if (count <= 0) return;
    const last = this.ops.length - 1;
    if (last >= 0 && this.ops[last] === op) this.counts[last] += count;
    else { this.ops.push(op); this.counts.push(count); }
  }
}

/** Myers' greedy O(ND) diff of a[aLo,aHi) and b[bLo,bHi); null when the distance exceeds `maxD`. */
function myers(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, maxD: number): Op[] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, a, aLo, b, bLo);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number, a: Int32Array, aLo: number, b: Int32Array, bLo: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const snap = trace[d]; // v before step d, indices k + d + 1
    const at = (k: number) => snap[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && a[aLo + x - 1] === b[bLo + y - 1]) { ops.push(0); x--; y--; }
    ops.push(down ? 2 : 1);
    if (down) y--; else x--;
  }
  while (x > 0 && y > 0) { ops.push(0); x--; y--; }
  return ops.reverse();
}

/** Anchors: runs of `k` tokens occurring once in each range, in an order kept on both sides. */
function anchors(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, k: number): [number, number][] {
  const keyAt = (s: Int32Array, i: number) => (k === 1 ? String(s[i]) : Array.prototype.join.call(s.subarray(i, i + k), ','));
  const countA = new Map<string, number>();
  for (let i = aLo; i + k <= aHi; i++) { const key = keyAt(a, i); countA.set(key, countA.has(key) ? -1 : i); }
  const seenB = new Map<string, number>();
  for (let j = bLo; j + k <= bHi; j++) { const key = keyAt(b, j); if (countA.has(key)) seenB.set(key, seenB.has(key) ? -1 : j); }
  const pairs: [number, number][] = [];
  for (const [key, j] of seenB) { const i = countA.get(key)!; if (i >= 0 && j >= 0) pairs.push([i, j]); }
  pairs.sort((p, q) => p[1] - q[1]);
  const keep = longestIncreasing(pairs.map((p) => p[0]));
  return pairs.filter((_, index) => keep.has(index));
}

function diffRange(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, out: Script): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) { out.push(0, 1); aLo++; bLo++; }
  let suffix = 0;
  while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) { aHi--; bHi--; suffix++; }
  const n = aHi - aLo;
  const m = bHi - bLo;
  if (n === 0 || m === 0) {
    out.push(1, n);
    out.push(2, m);
  } else {
    const maxD = Math.min(n + m, Math.max(32, Math.floor(MYERS_BUDGET / (n + m))));
    const ops = myers(a, aLo, aHi, b, bLo, bHi, maxD);
    if (ops) for (const op of ops) out.push(op, 1);
    else anchored(a, aLo, aHi, b, bLo, bHi, out);
  }
  out.push(0, suffix);
}

function anchored(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, out: Script): void {
  for (const k of [1, 4, 16]) {
    const found = anchors(a, aLo, aHi, b, bLo, bHi, k);
    if (found.length === 0) continue;
    let ca = aLo;
    let cb = bLo;
    for (const [i, j] of found) {
      if (i < ca || j < cb) continue; // overlaps the previous anchor
      diffRange(a, ca, i, b, cb, j, out);
      out.push(0, k);
      ca = i + k;
      cb = j + k;
    }
    diffRange(a, ca, aHi, b, cb, bHi, out);
    return;
  }
  out.push(1, aHi - aLo);
  out.push(2, bHi - bLo);
}

/** Diff two texts token by token; returns the runs in character offsets (see the module comment). */
export function diffText(from: string, to: string): DiffSegment[] {
  const ta = tokenize(from);
  const tb = tokenize(to);
  const ids = new Map<string, number>();
  const byToken = new Map<string, number>();
  const encode = (tokens: string[]) => Int32Array.from(tokens, (t) => {
    let id = byToken.get(t);
    if (id !== undefined) return id;
    const key = tokenKey(t);
    id = ids.get(key);
    if (id === undefined) { id = ids.size; ids.set(key, id); }
    byToken.set(t, id);
    return id;
  });
  const a = encode(ta);
  const b = encode(tb);
  const script = new Script();
  diffRange(a, 0, a.length, b, 0, b.length, script);
  return segments(script, ta, tb, a, b, ids.get(' ') ?? -1);
}

/** Turn the token script into character runs: changes between two equal runs grouped (removed first), whitespace-only equal runs between changes folded in. */
function segments(script: Script, ta: string[], tb: string[], a: Int32Array, b: Int32Array, space: number): DiffSegment[] {
  const regions: Region[] = [];
  let i = 0;
  let j = 0;
  for (let r = 0; r < script.ops.length; r++) {
    const op = script.ops[r];
    const count = script.counts[r];
    const equal = op === 0;
    const last = regions[regions.length - 1];
    const region = last && last.equal === equal ? last : (regions.push({ equal, a0: i, a1: i, b0: j, b1: j }), regions[regions.length - 1]);
    if (op !== 2) i += count;
    if (op !== 1) j += count;
    region.a1 = i;
    region.b1 = j;
  }
  const merged: Region[] = [];
  for (const region of regions) {
    const prev = merged[merged.length - 1];
    const before = merged[merged.length - 2];
    if (!region.equal && prev?.equal && before && !before.equal && isSpaceOnly(a, prev.a0, prev.a1, space)) {
      merged.pop();
      before.a1 = region.a1;
      before.b1 = region.b1;
      continue;
    }
    if (!region.equal && prev && !prev.equal) { prev.a1 = region.a1; prev.b1 = region.b1; continue; }
    merged.push({ ...region });
  }
  slideSpaces(merged, a, b, space);
  const aOff = offsets(ta);
  const bOff = offsets(tb);
  const out: DiffSegment[] = [];
  const equal = (a0: number, a1: number, b0: number, b1: number) => {
    if (a1 <= a0) return;
    const last = out[out.length - 1];
    if (last?.op === 'equal') { last.aEnd = aOff[a1]; last.bEnd = bOff[b1]; }
    else out.push({ op: 'equal', aStart: aOff[a0], aEnd: aOff[a1], bStart: bOff[b0], bEnd: bOff[b1] });
  };
  for (const r of merged) {
    if (r.equal) { equal(r.a0, r.a1, r.b0, r.b1); continue; }
    // A replacement keeps a space both sides share at its edges in the common text around it.
    let { a0, a1, b0, b1 } = r;
    const lead = a1 > a0 && b1 > b0 && a[a0] === space && b[b0] === space && a1 - a0 > 1 && b1 - b0 > 1 ? 1 : 0;
    a0 += lead; b0 += lead;
    const trail = a1 > a0 && b1 > b0 && a[a1 - 1] === space && b[b1 - 1] === space && a1 - a0 > 1 && b1 - b0 > 1 ? 1 : 0;
    a1 -= trail; b1 -= trail;
    equal(r.a0, a0, r.b0, b0);
    if (a1 > a0) out.push({ op: 'delete', aStart: aOff[a0], aEnd: aOff[a1], bStart: bOff[b0], bEnd: bOff[b0] });
    if (b1 > b0) out.push({ op: 'insert', aStart: aOff[a1], aEnd: aOff[a1], bStart: bOff[b0], bEnd: bOff[b1] });
    equal(a1, r.a1, b1, r.b1);
  }
  return out;
}

/**
 * A pure insertion or removal ending with the space that also ends the common text before it is
 * slid left by that space, so that it starts with its space: "shall[ promptly] adopt", as typed.
 */
function slideSpaces(regions: Region[], a: Int32Array, b: Int32Array, space: number): void {
  for (let k = 1; k < regions.length; k++) {
    const r = regions[k];
    const prev = regions[k - 1];
    if (r.equal || !prev.equal || prev.a1 === prev.a0) continue;
    const inserted = r.a0 === r.a1;
    const removed = r.b0 === r.b1;
    if (!inserted && !removed) continue;
    const last = inserted ? b[r.b1 - 1] : a[r.a1 - 1];
    if (last !== space || a[prev.a1 - 1] !== space) continue;
    prev.a1--; prev.b1--;
    r.a0--; r.a1--; r.b0--; r.b1--;
    const next = regions[k + 1];
    if (next?.equal) { next.a0--; next.b0--; }
    else regions.splice(k + 1, 0, { equal: true, a0: r.a1, a1: r.a1 + 1, b0: r.b1, b1: r.b1 + 1 });
  }
}

function isSpaceOnly(a: Int32Array, lo: number, hi: number, space: number): boolean {
  for (let k = lo; k < hi; k++) if (a[k] !== space) return false;
  return hi > lo;
}

function offsets(tokens: string[]): number[] {
  const out = [0];
  for (const t of tokens) out.push(out[out.length - 1] + t.length);
  return out;
}
