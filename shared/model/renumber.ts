/**
 * Freezing and renumbering. A text goes under negotiation by freezing its numbers: each numbered
 * node stores the label it shows in its `number` attr and the docinfo says `numbering: 'frozen'`,
 * so later insertions read "5 bis" (see numbering.ts). The secretariat's renumber gives the final
 * sequential numbering back, keeps the text frozen, and reports what moved so that
 * cross-references can follow (cross-references.ts).
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { isFrozen, walkNumbers, type NumberLevel } from './numbering.ts';

/** What a renumbering changed: per article its old and new number, and its paragraphs' old and new numbers. */
export interface Renumbering {
  /** Old article number → new article number, for every article whose number changed or whose paragraphs did. */
  articles: Map<string, string>;
  /** Old article number → (old paragraph number → new paragraph number), only where a paragraph's number changed. */
  paragraphs: Map<string, Map<string, string>>;
}

/** Label of every numbered node keyed by position, with its level. */
function labelsOf(doc: Node): Map<number, { label: string; level: NumberLevel }> {
  const out = new Map<number, { label: string; level: NumberLevel }>();
  walkNumbers(doc, ({ pos, label, level }) => out.set(pos, { label, level }));
  return out;
}

/**
 * `doc` with frozen numbering: every numbered node stores its current label as `number` and the
 * docinfo says `numbering: 'frozen'`. A doc already frozen is returned as is.
 */
export function freezeNumbers(doc: Node): Node {
  if (isFrozen(doc)) return doc;
  const tr = new Transform(doc);
  for (const [pos, { label }] of labelsOf(doc)) {
    if (doc.nodeAt(pos)!.attrs.number !== label) tr.setNodeAttribute(pos, 'number', label);
  }
  if (doc.firstChild?.type.name === 'docinfo') tr.setNodeAttribute(0, 'numbering', 'frozen');
  return tr.doc;
}

/** "1.4 bis" → "1.": the dotted prefix a label's number sits under ("" when none). */
function dottedPrefix(label: string): string {
  return /^((?:\d+\.)+)\d+/.exec(label)?.[1] ?? '';
}

/**
 * `doc` numbered sequentially again ("5 bis" becomes 6 and what follows moves up; numbers left
 * unused by deletions are taken), with what changed. Dotted numbers keep their prefix ("1.4 bis"
 * after "1.4" becomes "1.5"). A frozen text stays frozen with the new numbers stored; an unfrozen
 * one keeps numbers by position.
 */
export function renumber(doc: Node): { doc: Node; renumbering: Renumbering } {
  const frozen = isFrozen(doc);
  const old = labelsOf(doc);
  // Positional numbers: the same document with every stored number cleared and numbering unfrozen.
  const cleared = new Transform(doc);
  for (const pos of old.keys()) if (doc.nodeAt(pos)!.attrs.number !== null) cleared.setNodeAttribute(pos, 'number', null);
  if (frozen) cleared.setNodeAttribute(0, 'numbering', null);
  const positional = labelsOf(cleared.doc);

  const tr = new Transform(doc);
  const renumbering: Renumbering = { articles: new Map(), paragraphs: new Map() };
  let article: { from: string; to: string; end: number } | null = null;
  for (const [pos, { label: from, level }] of old) {
    const prefix = dottedPrefix(from);
    const to = prefix + positional.get(pos)!.label;
    const stored = frozen || prefix ? to : null;
    if (doc.nodeAt(pos)!.attrs.number !== stored) tr.setNodeAttribute(pos, 'number', stored);
    if (article && pos >= article.end) article = null;
    if (level === 'article') {
      article = { from, to, end: pos + doc.nodeAt(pos)!.nodeSize };
      if (from !== to) renumbering.articles.set(from, to);
    } else if (level === 'paragraph' && article && from !== to) {
      const map = renumbering.paragraphs.get(article.from) ?? new Map<string, string>();
      map.set(from, to);
      renumbering.paragraphs.set(article.from, map);
      if (!renumbering.articles.has(article.from)) renumbering.articles.set(article.from, article.to);
    }
  }
  return { doc: tr.doc, renumbering };
}
