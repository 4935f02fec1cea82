/**
 * Cross-references follow a renumbering: "Article 5", "Articles 2 to 5", "Articles 2, 3 and 5",
 * "paragraph 1 of Article 14", "Article 14, paragraph 1", "Article 14(1)" and, inside an article,
 * "paragraph 2" (of that article) are rewritten from the old numbers to the new ones. Only the
 * numbers change; the words and their brackets stay.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { LATIN_SUFFIXES, walkNumbers } from './numbering.ts';
import type { Renumbering } from './renumber.ts';

/** A provision number as the text cites it: "5", "5 bis", "1 A", "1.4". */
const NUM = `\\d+(?:\\.\\d+)*(?:\\s+(?:${LATIN_SUFFIXES.join('|')})\\b)?(?:\\s+[A-Z]\\b(?![.'’]\\w))?`;
const LIST = `${NUM}(?:(?:\\s*,\\s*|\\s+(?:to|and|or)\\s+)${NUM})*`;
const NUM_RE = new RegExp(NUM, 'g');
/** Paragraphs of a named article: "paragraph(s) N of Article M". */
const PARAS_OF = new RegExp(`\\b(paragraphs?\\s+)(${LIST})(\\s+of\\s+Article\\s+)(${NUM})`, 'g');
/** "Article M, paragraph(s) N" and "Article M(N)". */
const ARTICLE_PARAS = new RegExp(`\\b(Article\\s+)(${NUM})(\\s*,\\s*paragraphs?\\s+)(${LIST})|\\b(Article\\s+)(${NUM})\\((\\d+)\\)`, 'g');
/** "Article(s) N[, M and K | to K]". */
const ARTICLES = new RegExp(`\\b(Articles?\\s+)(${LIST})`, 'g');
/** "paragraph(s) N" on its own: a paragraph of the article the words are in. */
const PARAS = new RegExp(`\\b(paragraphs?\\s+)(${LIST})`, 'g');

/** One number to rewrite: offsets in the textblock's text. */
interface Edit { from: number; to: number; text: string }

/** Edits for each number of `list` (starting at `offset`) that `map` renumbers. */
function listEdits(list: string, offset: number, map: Map<string, string> | undefined): Edit[] {
  if (!map) return [];
  const edits: Edit[] = [];
  for (const m of list.matchAll(NUM_RE)) {
    // "5 A" may be a number inserted before 5, or 5 followed by the word "A": try both.
    let cited = m[0];
    let next = map.get(cited.replace(/\s+/g, ' '));
    if (next === undefined && /\s[A-Z]$/.test(cited)) {
      cited = cited.replace(/\s+[A-Z]$/, '');
      next = map.get(cited.replace(/\s+/g, ' '));
    }
    if (next !== undefined && next !== cited) edits.push({ from: offset + m.index!, to: offset + m.index! + cited.length, text: next });
  }
  return edits;
}

/** Edits rewriting the cross-references of `text`, written inside the article numbered `ownArticle` (old number) or none. */
export function crossReferenceEdits(text: string, renumbering: Renumbering, ownArticle: string | null): Edit[] {
  const edits: Edit[] = [];
  const taken: Array<[number, number]> = [];
  const free = (from: number, to: number) => !taken.some(([a, b]) => from < b && a < to);
  const take = (from: number, to: number, found: Edit[]) => { taken.push([from, to]); edits.push(...found); };
  for (const m of text.matchAll(PARAS_OF)) {
    const start = m.index!;
    if (!free(start, start + m[0].length)) continue;
    const listAt = start + m[1]!.length;
    const articleAt = listAt + m[2]!.length + m[3]!.length;
    take(start, start + m[0].length, [
      ...listEdits(m[2]!, listAt, renumbering.paragraphs.get(m[4]!.replace(/\s+/g, ' '))),
      ...listEdits(m[4]!, articleAt, renumbering.articles),
    ]);
  }
  for (const m of text.matchAll(ARTICLE_PARAS)) {
    const start = m.index!;
    if (!free(start, start + m[0].length)) continue;
    if (m[2] !== undefined) {
      const articleAt = start + m[1]!.length;
      const listAt = articleAt + m[2].length + m[3]!.length;
      take(start, start + m[0].length, [
        ...listEdits(m[2], articleAt, renumbering.articles),
        ...listEdits(m[4]!, listAt, renumbering.paragraphs.get(m[2].replace(/\s+/g, ' '))),
      ]);
    } else {
      const articleAt = start + m[5]!.length;
      const paraAt = articleAt + m[6]!.length + 1;
      take(start, start + m[0].length, [
        ...listEdits(m[6]!, articleAt, renumbering.articles),
        ...listEdits(m[7]!, paraAt, renumbering.paragraphs.get(m[6]!.replace(/\s+/g, ' '))),
      ]);
    }
  }
  for (const m of text.matchAll(ARTICLES)) {
    const start = m.index!;
    if (!free(start, start + m[0].length)) continue;
    take(start, start + m[0].length, listEdits(m[2]!, start + m[1]!.length, renumbering.articles));
  }
  if (ownArticle !== null) {
    for (const m of text.matchAll(PARAS)) {
      const start = m.index!;
      if (!free(start, start + m[0].length)) continue;
      take(start, start + m[0].length, listEdits(m[2]!, start + m[1]!.length, renumbering.paragraphs.get(ownArticle)));
    }
  }
  return edits.sort((a, b) => a.from - b.from);
}

/**
 * `doc` with its cross-references rewritten by `renumbering`. `oldDoc` is the same text before
 * renumbering (same positions: renumbering changes attributes only), used to tell in which
 * article each sentence is written.
 */
export function followCrossReferences(doc: Node, oldDoc: Node, renumbering: Renumbering): Node {
  if (renumbering.articles.size === 0 && renumbering.paragraphs.size === 0) return doc;
  const articleNumbers: Array<{ from: number; to: number; label: string }> = [];
  walkNumbers(oldDoc, ({ node, pos, label, level }) => { if (level === 'article') articleNumbers.push({ from: pos, to: pos + node.nodeSize, label }); });
  const ownArticleAt = (pos: number) => {
    let own: string | null = null;
    for (const a of articleNumbers) if (a.from < pos && pos < a.to) own = a.label;
    return own;
  };
  const edits: Array<Edit & { marksAt: number }> = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // The textblock's text with a map from text offsets to document positions (text nodes only).
    let text = '';
    const at: number[] = [];
    node.forEach((child, offset) => {
      const s = child.isText ? child.text! : '\uFFFC';
      for (let i = 0; i < s.length; i++) at.push(pos + 1 + offset + i);
      text += s;
    });
    for (const edit of crossReferenceEdits(text, renumbering, ownArticleAt(pos))) {
      const from = at[edit.from]!;
      const to = at[edit.to - 1]! + 1;
      if (to - from !== edit.to - edit.from) continue; // the number is split by an inline node: leave it
      edits.push({ from, to, text: edit.text, marksAt: from });
    }
    return false;
  });
  const tr = new Transform(doc);
  for (const edit of edits.sort((a, b) => b.from - a.from)) {
    const $from = doc.resolve(edit.from);
    const textNode = $from.parent.childAfter($from.parentOffset).node;
    const sameMarks = textNode?.isText && $from.parent.childAfter(doc.resolve(edit.to - 1).parentOffset).node === textNode;
    if (!sameMarks) continue; // the number spans two differently marked runs: leave it
    tr.replaceWith(edit.from, edit.to, doc.type.schema.text(edit.text, textNode!.marks));
  }
  return tr.doc;
}
