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

type Counters = Partial<Record<NumberLevel, number>>;
interface Scope { global: Counters; local: Counters }

/**
 * Visit every numbered node under `root` in document order with its label. Positions are those of
 * `root.descendants` (for a doc, document positions). The root itself is not visited.
 */
export function walkNumbers(root: Node, visit: (numbered: NumberedNode) => void): void {
  walkContainer(root, 0, { global: {}, local: {} }, visit);
}

function walkContainer(parent: Node, contentStart: number, scope: Scope, visit: (n: NumberedNode) => void): void {
  parent.forEach((child, offset) => {
    const pos = contentStart + offset;
    if (child.type.name === 'alternatives') {
      walkAlternatives(child, pos, scope, visit);
      return;
    }
    if (child.type.name === 'comments' || child.isTextblock || child.isLeaf) return;
    const level = levelOf(child);
    if (level) {
      const counters = DOCUMENT_WIDE.has(level) ? scope.global : scope.local;
      const style = styleOf(child);
      const explicit = child.attrs.number;
      let label: string;
      if (explicit !== null && explicit !== undefined && String(explicit) !== '') {
        label = String(explicit);
        const value = parseNumber(label, style);
        if (value !== null) counters[level] = value;
      } else {
        const value = (counters[level] ?? 0) + 1;
        counters[level] = value;
        label = formatNumber(value, style);
      }
      visit({ node: child, pos, label, level });
    }
    walkContainer(child, pos + 1, { global: scope.global, local: {} }, visit);
  });
}

function walkAlternatives(group: Node, pos: number, scope: Scope, visit: (n: NumberedNode) => void): void {
  const startGlobal = { ...scope.global };
  const startLocal = { ...scope.local };
  const reached: Scope = { global: { ...startGlobal }, local: { ...startLocal } };
  group.forEach((option, offset) => {
    const optionScope: Scope = { global: { ...startGlobal }, local: { ...startLocal } };
    walkContainer(option, pos + 1 + offset + 1, optionScope, visit);
    maxInto(reached.global, optionScope.global);
    maxInto(reached.local, optionScope.local);
  });
  Object.assign(scope.global, reached.global);
  Object.assign(scope.local, reached.local);
}

function maxInto(target: Counters, source: Counters): void {
  for (const key of Object.keys(source) as NumberLevel[]) {
    target[key] = Math.max(target[key] ?? 0, source[key] ?? 0);
  }
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
