/**
 * Flatten a treaty document into the units a Redline compares: its side text (side.ts) grouped
 * into parts (title, preamble, division headings, text outside articles, closing) and articles,
 * in document order, each line with its label and exact text, plus every Bracket and comment with
 * the unit it sits in. Matching uses a normalised copy of the text; the diff the exact one.
 */
import type { Node } from 'prosemirror-model';
import { listBrackets, listComments } from '../model/index.ts';
import type { RedlineBracket, RedlineComment, RedlinePartKind } from './types.ts';
import { sideUnits, type SideBlock, type SideUnit } from './side.ts';

/** A text line of an article or part, with its label, normalised text (for matching) and exact line. */
export interface Provision {
  id: string | null;
  label: string;
  /** Normalised text: what alignment compares. */
  text: string;
  /** The exact line of the side text. */
  block: SideBlock;
}

/** An article flattened for comparison. */
export interface ArticleUnit {
  id: string;
  number: string;
  /** Normalised heading (brackets of its words visible, the article's own block bracket not). */
  heading: string;
  /** Labels of the enclosing divisions ("Chapter II", "Section 1"). */
  path: string[];
  /** Position among the document's articles (0-based, reading order). */
  index: number;
  /** Position in the document's sequence of units. */
  seq: number;
  /** The heading line (block bracket included). */
  headingBlock: SideBlock;
  provisions: Provision[];
  /** Heading and provisions joined: what similarity is measured on. */
  text: string;
}

/** A non-article unit flattened for comparison. */
export interface PartUnit {
  kind: RedlinePartKind;
  id: string;
  /** Division label ("Chapter I") or "". */
  label: string;
  division?: string;
  /** Normalised heading of a division, else "". */
  heading: string;
  path: string[];
  index: number;
  seq: number;
  provisions: Provision[];
  text: string;
}

/** Keys of the parts that occur at most once. */
export type PartKey = 'title' | 'preamble' | 'closing';

/** Where a Bracket or comment sits: a unit's position in the sequence, or nowhere known. */
export type Owner = number | null;

/** A Bracket found in the document, with where it sits. */
export interface BracketUnit extends RedlineBracket {
  where: Owner;
}

/** A comment found in the document, with where its thread is anchored. */
export interface CommentUnit extends RedlineComment {
  where: Owner;
}

/** A document flattened for comparison. */
export interface DocumentUnits {
  title: string;
  /** Every unit in document order. */
  sequence: ({ type: 'part'; unit: PartUnit } | { type: 'article'; unit: ArticleUnit })[];
  parts: PartUnit[];
  articles: ArticleUnit[];
  brackets: Map<string, BracketUnit>;
  comments: Map<string, CommentUnit>;
  /** The docinfo's symbol and date. */
  symbol: string | null;
  date: string | null;
}

/** Normalise text for matching: collapse whitespace, unify quotes and dashes. */
export function normalizeText(text: string): string {
  if (!/[\u00a0\t\n\r\f\v“”„‘’–—`']|\s\s|^\s|\s$/.test(text)) return text;
  return text
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[“”„]|``|''/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .trim();
}

const provision = (block: SideBlock): Provision => ({ id: block.id, label: block.label, text: normalizeText(block.text), block });

/** Flatten a treaty document (a ProseMirror node of the treaty schema) into comparable units. */
export function documentUnits(doc: Node): DocumentUnits {
  const info = doc.firstChild?.type.name === 'docinfo' ? doc.firstChild.attrs : {};
  const units: DocumentUnits = {
    title: '', sequence: [], parts: [], articles: [], brackets: new Map(), comments: new Map(),
    symbol: info.symbol ?? null, date: info.date ?? null,
  };
  const side = sideUnits(doc);
  side.forEach((u: SideUnit, seq) => {
    if (u.kind === 'article') {
      const [headingBlock, ...rest] = u.blocks;
      const provisions = rest.map(provision);
      const heading = normalizeText(u.heading);
      const unit: ArticleUnit = {
        id: u.id, number: u.label, heading, path: u.path, index: units.articles.length, seq, headingBlock, provisions,
        text: [heading, ...provisions.map((p) => p.text)].join(' '),
      };
      units.articles.push(unit);
      units.sequence.push({ type: 'article', unit });
    } else {
      const provisions = u.blocks.map(provision);
      const unit: PartUnit = {
        kind: u.kind, id: u.id, label: u.label, division: u.division, heading: normalizeText(u.heading), path: u.path,
        index: units.parts.length, seq, provisions, text: provisions.map((p) => p.text).join(' '),
      };
      if (u.kind === 'title') units.title = unit.text;
      units.parts.push(unit);
      units.sequence.push({ type: 'part', unit });
    }
  });

  // The innermost unit containing a position: articles first (they sit inside divisions).
  const articleSeq = new Map(units.articles.map((a) => [a.id, a.seq]));
  const owner = (articleId: string | null, pos: number | null): Owner => {
    if (articleId != null && articleSeq.has(articleId)) return articleSeq.get(articleId)!;
    if (pos == null) return null;
    let found: number | null = null;
    let size = Infinity;
    side.forEach((u, seq) => { if (u.from <= pos && pos < u.to && u.to - u.from < size) { found = seq; size = u.to - u.from; } });
    return found;
  };

  for (const b of listBrackets(doc)) {
    units.brackets.set(b.id, {
      id: b.id, shape: b.kind, kind: b.markKind ?? (b.kind === 'alternatives' ? 'alternatives' : 'insert'),
      sponsors: b.sponsors, text: normalizeText(b.text), where: owner(b.articleId, b.pos),
    });
  }
  for (const thread of listComments(doc)) {
    const where = owner(thread.articleId, thread.pos);
    for (const c of [thread, ...thread.replies]) {
      units.comments.set(c.id, { id: c.id, delegation: c.delegation, status: thread.status === 'resolved' ? 'resolved' : c.status, text: normalizeText(c.text), where });
    }
  }
  return units;
}
