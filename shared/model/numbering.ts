/**
 * Numbering: article, division, paragraph, sub-paragraph and item numbers are derived from
 * position, never stored, unless the text fixes them with the `number` attribute.
 *
 * - Articles are numbered across the whole document ("1", "2", ...); so are parts and chapters.
 * - Sections and titles are numbered within their parent division; paragraphs ("1", "2") within
 *   their article, sub-paragraphs ("a", "b") within their paragraph or article, items ("i", "ii")
 *   within their sub-paragraph.
 * - An explicit `number` is shown as is. When it reads as a number of its level ("16", "c", "iv",
 *   "IV") the following siblings continue from it; otherwise ("6bis", "1.1") it does not consume a
 *   number.
 * - In an `alternatives` group every option is numbered from the same counter, and what follows
 *   the group continues after the largest number any option reached.
 */
import type { Node } from 'prosemirror-model';

/** The numbered levels of a treaty. */
export type NumberLevel = 'article' | 'part' | 'chapter' | 'section' | 'title' | 'paragraph' | 'subparagraph' | 'item';

/** How a level writes its numbers. */
export type NumberStyle = 'arabic' | 'roman' | 'upper-roman' | 'letter';

/** Levels counted across the whole document rather than within their parent. */
const DOCUMENT_WIDE: ReadonlySet<NumberLevel> = new Set(['article', 'part', 'chapter']);

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** Lower-case roman numeral of a positive integer ("iv"). */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) throw new RangeError(`No roman numeral for ${value}`);
  let out = '';
  let rest = value;
  for (const [n, s] of ROMAN) while (rest >= n) { out += s; rest -= n; }
  return out;
}

/** Value of a roman numeral in either case ("IV" → 4), or null when the text is not one. */
export function fromRoman(text: string): number | null {
  const lower = text.toLowerCase();
  if (!/^[mdclxvi]+$/.test(lower)) return null;
  let value = 0;
  let i = 0;
  for (const [n, s] of ROMAN) while (lower.startsWith(s, i)) { value += n; i += s.length; }
  return i === lower.length && toRoman(value) === lower ? value : null;
}

/** Sub-paragraph letter of a positive integer: "a".."z", then "aa", "bb"... */
export function toLetter(value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`No letter for ${value}`);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** Value of a sub-paragraph letter ("c" → 3, "bb" → 28), or null when the text is not one. */
export function fromLetter(text: string): number | null {
  const m = /^([a-z])\1*$/.exec(text);
  if (!m) return null;
  return (text.length - 1) * 26 + text.charCodeAt(0) - 96;
}

/** Write `value` in the given style. */
export function formatNumber(value: number, style: NumberStyle): string {
  switch (style) {
    case 'arabic': return String(value);
    case 'roman': return toRoman(value);
    case 'upper-roman': return toRoman(value).toUpperCase();
    case 'letter': return toLetter(value);
  }
}

/** Read a number written in the given style, or null when the text is not such a number. */
export function parseNumber(text: string, style: NumberStyle): number | null {
  const t = text.trim();
  switch (style) {
    case 'arabic': return /^\d+$/.test(t) ? Number(t) : null;
    case 'roman': case 'upper-roman': return fromRoman(t);
    case 'letter': return fromLetter(t);
  }
}

/** The numbered level of a node, or null when the node carries no number. */
export function levelOf(node: Node): NumberLevel | null {
  switch (node.type.name) {
    case 'article': case 'paragraph': case 'subparagraph': case 'item': return node.type.name;
    case 'division': return node.attrs.kind as NumberLevel;
    default: return null;
  }
}

/** The style a numbered node writes its number in. */
export function styleOf(node: Node): NumberStyle {
  switch (node.type.name) {
    case 'subparagraph': return 'letter';
    case 'item': return 'roman';
    case 'division': return node.attrs.numbering === 'roman' ? 'upper-roman' : 'arabic';
    default: return 'arabic';
  }
}

/** A numbered node met by `walkNumbers`: its position (relative to the root's content) and label. */
export interface NumberedNode {
  node: Node;
  pos: number;
  label: string;
  level: NumberLevel;
}

/**
 * Latin suffixes of provisions inserted after a frozen number, in order: "5 bis", "5 ter"...
 * (as UN and Council of Europe drafts write them).
 */
export const LATIN_SUFFIXES: readonly string[] = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies',
  'octodecies', 'novodecies', 'vicies',
];

const SUFFIXED = new RegExp(`^(.*\\S)\\s+(${LATIN_SUFFIXES.join('|')})$`);

/** The label of a provision inserted right after the one labelled `label`: "5" → "5 bis", "5 bis" → "5 ter". */
export function nextInsertedLabel(label: string): string {
  const m = SUFFIXED.exec(label);
  if (!m) return `${label} bis`;
  const index = LATIN_SUFFIXES.indexOf(m[2]!);
  const next = LATIN_SUFFIXES[index + 1];
  return next ? `${m[1]} ${next}` : `${m[1]} (${index + 3})`;
}

/**
 * The label of the `index`-th (0-based) provision inserted before the first frozen one, labelled
 * `first`: "1 A", "1 B"... (read "before 1"; the practice of parliaments that number provisions
 * added ahead of the first, since "0 bis" does not exist for letters and roman numerals).
 */
export function insertedBeforeLabel(first: string, index: number): string {
  return `${first} ${toLetter(index + 1).toUpperCase()}`;
}

/** True when the document's numbers are frozen (under negotiation): its docinfo says `numbering: 'frozen'`. */
export function isFrozen(root: Node): boolean {
  return root.firstChild?.type.name === 'docinfo' && root.firstChild.attrs.numbering === 'frozen';
}

/** What a scope knows of one level: the positional counter, the last label, and provisions waiting for a frozen number. */
interface Track { value: number; last: string | null; pending: NumberedNode[]; used: Set<string> }
type Counters = Partial<Record<NumberLevel, Track>>;
interface Scope { global: Counters; local: Counters }

function track(counters: Counters, level: NumberLevel): Track {
  return counters[level] ??= { value: 0, last: null, pending: [], used: new Set() };
}

function cloneCounters(counters: Counters): Counters {
  const out: Counters = {};
  for (const [level, t] of Object.entries(counters) as [NumberLevel, Track][]) out[level] = { ...t, pending: [...t.pending], used: new Set(t.used) };
  return out;
}

/**
 * Visit every numbered node under `root` in document order with its label. Positions are those of
 * `root.descendants` (for a doc, document positions). The root itself is not visited.
 *
 * With frozen numbering (`isFrozen`) a node without a stored `number` takes the label of the
 * previous one at its level plus a Latin suffix ("5 bis", then "5 ter"); before the first stored
 * one it is "1 A", "1 B"; where no node of its level has a stored number (inside a new article)
 * it is numbered by position. A stored number met a second time at the same level (a block split
 * or copied with its attributes) counts as an insertion. Unfrozen, a node after a non-numeric explicit number ("1.4") with
 * no positional number before it is "1.4 bis" too.
 */
export function walkNumbers(root: Node, visit: (numbered: NumberedNode) => void): void {
  const found: NumberedNode[] = [];
  walkContainer(root, 0, { global: {}, local: {} }, isFrozen(root), found);
  for (const numbered of found) visit(numbered);
}

function walkContainer(parent: Node, contentStart: number, scope: Scope, frozen: boolean, found: NumberedNode[]): void {
  parent.forEach((child, offset) => {
    const pos = contentStart + offset;
    if (child.type.name === 'alternatives') {
      walkAlternatives(child, pos, scope, frozen, found);
      return;
    }
    if (child.type.name === 'comments' || child.isTextblock || child.isLeaf) return;
    const level = levelOf(child);
    if (level) {
      const t = track(DOCUMENT_WIDE.has(level) ? scope.global : scope.local, level);
      const style = styleOf(child);
      let explicit = child.attrs.number;
      // Frozen, a number already used at this level (a block split or copied with its number) counts as an insertion.
      if (frozen && explicit !== null && explicit !== undefined && t.used.has(String(explicit))) explicit = null;
      const numbered: NumberedNode = { node: child, pos, label: '', level };
      if (explicit !== null && explicit !== undefined && String(explicit) !== '') {
        numbered.label = String(explicit);
        const value = parseNumber(numbered.label, style);
        if (value !== null) t.value = value;
        t.pending.forEach((waiting, i) => { waiting.label = insertedBeforeLabel(numbered.label, i); });
        t.pending = [];
      } else if (t.last !== null && (frozen || t.value === 0) && !(frozen && t.pending.length > 0)) {
        numbered.label = nextInsertedLabel(t.last);
      } else {
        t.value += 1;
        numbered.label = formatNumber(t.value, style);
        if (frozen) t.pending.push(numbered);
      }
      if (!frozen || t.pending.length === 0) t.last = numbered.label;
      if (explicit !== null && explicit !== undefined) t.used.add(String(explicit));
      found.push(numbered);
    }
    walkContainer(child, pos + 1, { global: scope.global, local: {} }, frozen, found);
  });
}

function walkAlternatives(group: Node, pos: number, scope: Scope, frozen: boolean, found: NumberedNode[]): void {
  const start: Scope = { global: cloneCounters(scope.global), local: cloneCounters(scope.local) };
  let reached: Scope = { global: cloneCounters(start.global), local: cloneCounters(start.local) };
  group.forEach((option, offset) => {
    const optionScope: Scope = { global: cloneCounters(start.global), local: cloneCounters(start.local) };
    walkContainer(option, pos + 1 + offset + 1, optionScope, frozen, found);
    reached = { global: furthest(reached.global, optionScope.global), local: furthest(reached.local, optionScope.local) };
  });
  replaceCounters(scope.global, reached.global);
  replaceCounters(scope.local, reached.local);
}

/** Per level, the track that reached the larger positional value (the later option on a tie). */
function furthest(a: Counters, b: Counters): Counters {
  const out: Counters = { ...a };
  for (const [level, t] of Object.entries(b) as [NumberLevel, Track][]) {
    if (!out[level] || t.value >= out[level]!.value) out[level] = t;
  }
  return out;
}

function replaceCounters(target: Counters, source: Counters): void {
  for (const key of Object.keys(target) as NumberLevel[]) delete target[key];
  Object.assign(target, source);
}

/** Label of every numbered node of `root` ("16", "2", "a", "ii", "IV"), keyed by position. */
export function numberLabels(root: Node): Map<number, string> {
  const labels = new Map<number, string>();
  walkNumbers(root, ({ pos, label }) => labels.set(pos, label));
  return labels;
}

/** Label of the numbered node at `pos` in `root`; throws a RangeError when none is there. */
export function numberAt(root: Node, pos: number): string {
  const label = numberLabels(root).get(pos);
  if (label === undefined) throw new RangeError(`No numbered node at position ${pos} (doc size ${root.content.size})`);
  return label;
}

/** Display name of a division kind ("chapter" → "Chapter"). */
export function kindName(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** Full label of a division: "Chapter II", "Section 1". */
export function divisionLabel(kind: string, number: string): string {
  return `${kindName(kind)} ${number}`;
}
