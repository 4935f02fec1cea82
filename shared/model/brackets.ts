/**
 * Listing the open brackets of a document — inline (bracket marks), whole blocks (the `bracket`
 * attr) and alternatives groups — with their text, sponsors and the article they sit in.
 */
import type { Node } from 'prosemirror-model';
import { articles, articleAt, type ArticleInfo } from './articles.ts';
import { numberLabels } from './numbering.ts';
import { bracketSpans, inlineText } from './inline.ts';
import { plainText, sponsorsOf, optionLabel } from './plain-text.ts';

/** The three shapes of bracket. */
export type BracketShape = 'inline' | 'block' | 'alternatives';

/** One option of an alternatives group. */
export interface OptionInfo {
  id: string;
  /** "Option 1", or the option's `label` attr. */
  label: string;
  /** The option's text ("" for the option "delete the text"). */
  text: string;
  sponsors: string[];
  /** Inline alternatives only: whether the member bracket proposes words (`insert`) or a deletion. */
  markKind?: string;
}

/** One open bracket. */
export interface BracketInfo {
  /** Bracket id (mark id, block `bracket` attr, or the alternatives node id). */
  id: string;
  kind: BracketShape;
  /** The bracketed text without its own "[" "]" (nested brackets shown); for alternatives, all options. */
  text: string;
  /** Delegations sponsoring it (for alternatives: every option's sponsors, without repeats). */
  sponsors: string[];
  /** Id and number of the enclosing article, null outside articles. */
  articleId: string | null;
  articleNumber: string | null;
  /** Position of the bracketed node (block, alternatives) or of the first bracketed character (inline). */
  pos: number;
  /** Document range covered by the bracket. */
  from: number;
  to: number;
  /** Inline: how many brackets of the same block enclose it; block: how many bracketed blocks enclose it. */
  depth: number;
  /** Inline brackets: the group shared with inline alternatives, and insert/delete; block brackets: `delete` when proposing to delete the block. */
  group?: string | null;
  markKind?: string;
  /** Alternatives only. */
  options?: OptionInfo[];
}

/** Every open bracket of `doc`, in document order (outer before inner); comment threads are skipped. */
export function listBrackets(doc: Node): BracketInfo[] {
  const list = articles(doc);
  const labels = numberLabels(doc);
  const out: BracketInfo[] = [];
  const inline = new Map<string, BracketInfo>();
  const inArticle = (pos: number) => {
    const a: ArticleInfo | null = articleAt(list, pos);
    return { articleId: a ? a.id : null, articleNumber: a ? a.number : null };
  };
  const blockDepth = (pos: number) => {
    let depth = 0;
    const $pos = doc.resolve(pos);
    for (let d = 1; d <= $pos.depth; d++) if ($pos.node(d).attrs.bracket != null) depth++;
    return depth;
  };

  doc.descendants((node, pos) => {
    if (node.type.name === 'comments') return false;
    if (node.attrs.bracket != null && node.type.name !== 'comment') {
      out.push({
        id: String(node.attrs.bracket), kind: 'block',
        text: plainText(node, { context: { labels, pos }, omitOwnBracket: true }),
        sponsors: sponsorsOf(node.attrs.sponsors), ...inArticle(pos),
        pos, from: pos, to: pos + node.nodeSize, depth: blockDepth(pos),
        ...(node.attrs.bracketKind === 'delete' ? { markKind: 'delete' } : {}),
      });
    }
    if (node.type.name === 'alternatives') {
      const options: OptionInfo[] = [];
      node.forEach((option, offset, index) => {
        const text = plainText(option, { context: { labels, pos: pos + 1 + offset } });
        options.push({ id: String(option.attrs.id ?? ''), label: optionLabel(option, index), text, sponsors: sponsorsOf(option.attrs.sponsors) });
      });
      out.push({
        id: String(node.attrs.id ?? `@${pos}`), kind: 'alternatives', text: plainText(node, { context: { labels, pos } }),
        sponsors: [...new Set(options.flatMap((o) => o.sponsors))], ...inArticle(pos),
        pos, from: pos, to: pos + node.nodeSize, depth: blockDepth(pos), options,
      });
    }
    if (node.isTextblock) {
      for (const span of bracketSpans(node)) {
        const from = pos + 1 + span.start;
        const to = pos + 1 + span.end;
        const text = inlineText(node, { from: span.start, to: span.end, omit: new Set([span.id]) });
        const known = inline.get(span.id);
        if (known) { known.to = to; known.text += ` ${text}`; continue; }
        const info: BracketInfo = {
          id: span.id, kind: 'inline', text, sponsors: sponsorsOf(span.mark.attrs.sponsors), ...inArticle(pos),
          pos: from, from, to, depth: span.depth, group: span.mark.attrs.group ?? null, markKind: String(span.mark.attrs.kind ?? 'insert'),
        };
        inline.set(span.id, info);
        out.push(info);
      }
      return false;
    }
    return true;
  });
  return out.sort((a, b) => a.from - b.from || b.to - a.to || a.depth - b.depth);
}

/** Number of open brackets per article id (key null for brackets outside any article). */
export function bracketCounts(doc: Node): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const b of listBrackets(doc)) counts.set(b.articleId, (counts.get(b.articleId) ?? 0) + 1);
  return counts;
}
