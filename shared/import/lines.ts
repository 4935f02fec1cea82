/**
 * Classifying the lines of a treaty text: divisions ("### CHAPTER  I", "SECTION 1", "Title 1 – ..."),
 * articles ("Article 16 – Heading", "### Article  16"), numbered paragraphs ("1 ", "1.", "- 1 ",
 * "1.1."), lettered sub-paragraphs ("a)", "a.", "(a)", "- a ") and roman items ("(i)", "i.", "- i "),
 * page-break debris and footnote blocks.
 */
import type { DivisionKind } from '../schema/index.ts';

/** One classified line. `text` is the rest of the line (still inline Markdown). */
export type Line =
  | { kind: 'blank' }
  | { kind: 'debris'; reason: string }
  | { kind: 'directive'; name: string }
  | { kind: 'division'; division: DivisionKind; number: string; text: string }
  | { kind: 'article'; number: string; text: string }
  | { kind: 'paragraph'; number: string; text: string }
  | { kind: 'subparagraph'; number: string; text: string; roman: boolean }
  | { kind: 'text'; text: string };

/** A line as read: its classification, 1-based line number, whether it was a Markdown heading, its raw text. */
export interface SourceLine {
  line: Line;
  number: number;
  heading: boolean;
  raw: string;
}

const ROMAN_ITEM = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;

/** Strip Markdown heading hashes and emphasis wrapping a whole heading ("### **Article 3 – X**"). */
function unwrapHeading(text: string): { text: string; heading: boolean } {
  const m = /^(#{1,6})\s*(.*)$/.exec(text);
  if (!m) return { text, heading: false };
  let t = m[2].trim();
  for (let i = 0; i < 2; i++) {
    const w = /^(\*\*|\*)(.+)\1$/.exec(t);
    if (w) t = w[2].trim();
  }
  return { text: t, heading: true };
}

/** Classify one line of source text. */
export function classify(raw: string): { line: Line; heading: boolean } {
  const trimmed = raw.replace(/\u00a0/g, ' ').trim();
  if (trimmed === '') return { line: { kind: 'blank' }, heading: false };
  if (/^-{3,}$/.test(trimmed) || /^\*{3,}$/.test(trimmed)) return { line: { kind: 'debris', reason: 'page break' }, heading: false };
  if (/^<sup>\s*\d+\s*<\/sup>/.test(trimmed)) return { line: { kind: 'debris', reason: 'footnote block' }, heading: false };
  const directive = /^<!--\s*([a-z-]+)\s*-->$/.exec(trimmed);
  if (directive) return { line: { kind: 'directive', name: directive[1] }, heading: false };
  const { text, heading } = unwrapHeading(trimmed);
  // A bold or italic wrapper around a whole division or article line ("*Title 5 – ...*", "**Article 20 – ...**").
  const bare = text.replace(/^(\*\*|\*)(.+)\1$/, '$2').replace(/\s+/g, ' ').trim();

  const division = /^(PART|CHAPTER|SECTION|TITLE)\s+([IVXLC]+|\d+)\s*(?:[–—:.-]\s*(.*))?$/i.exec(bare);
  if (division) {
    return { line: { kind: 'division', division: division[1].toLowerCase() as DivisionKind, number: division[2], text: (division[3] ?? '').trim() }, heading };
  }
  const article = /^Article\s+(\d+[a-z]*(?:\s?bis|\s?ter)?)\s*(?:[–—:.-]\s*(.*))?$/i.exec(bare);
  // Prose such as "Article 5. The Court ..." is not an article line unless it is a heading or emphasised.
  const separator = /^Article\s+\S+\s*([–—:.-])?/i.exec(bare)?.[1];
  if (article && (heading || bare !== text || !article[2] || (separator !== undefined && separator !== '.'))) {
    return { line: { kind: 'article', number: article[1].replace(/\s/g, ''), text: (article[2] ?? '').trim() }, heading };
  }
  if (heading) return { line: { kind: 'text', text }, heading };

  const dashed = /^[-•]\s+/.test(text);
  const rest = text.replace(/^[-•]\s+/, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d+\.\d+(?:\.\d+)*)\.?(?:\s+(.*))?$/.exec(rest))) return { line: { kind: 'paragraph', number: m[1], text: m[2] ?? '' }, heading };
  if ((m = /^(\d+\.\d+)\.?\s*\(([a-z])\)\s*(.*)$/.exec(rest))) return { line: { kind: 'subparagraph', number: m[2], text: m[3], roman: false }, heading };
  if ((m = /^(\d{1,2})(?:\.(?!\d)\s*|\s+|$)(.*)$/.exec(rest)) && (dashed || /^\d{1,2}(\.|\s{2,}|\s+[A-Z]|$)/.test(rest))) {
    return { line: { kind: 'paragraph', number: m[1], text: m[2] }, heading };
  }
  if ((m = /^\(([a-z]{1,4})\)\s*(.*)$/.exec(rest)) || (m = /^([a-z]{1,4})\)\s*(.*)$/.exec(rest)) || (m = /^([a-z]{1,4})\.\s+(.*)$/.exec(rest)) || (dashed && (m = /^([a-z]{1,4})(?:\s+(.*))?$/.exec(rest)))) {
    const label = m[1];
    if (label.length === 1 || ROMAN_ITEM.test(label) || /^([a-z])\1*$/.test(label)) {
      return { line: { kind: 'subparagraph', number: label, text: m[2] ?? '', roman: ROMAN_ITEM.test(label) }, heading };
    }
  }
  return { line: { kind: 'text', text }, heading };
}

/** Split a source into classified lines. */
export function readLines(source: string): SourceLine[] {
  return source.split(/\r?\n/).map((raw, i) => ({ ...classify(raw), number: i + 1, raw }));
}
