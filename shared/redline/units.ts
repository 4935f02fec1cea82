/**
 * Flatten a treaty document into the units a Redline compares: the title, the preamble and
 * closing provisions, and the articles, each with its number, heading and provisions (one per text
 * block, labelled by `shared/model`'s numbering: "1", "1.a", "1.a.ii"), plus every Bracket and
 * comment with the article or part it sits in. Square brackets are written into the text
 * ("[ITU Membership]"), so that a word diff shows a bracket opened or removed.
 */
import type { Node } from 'prosemirror-model';
import { articles, articleBlocks, listBrackets, listComments, inlineText } from '../model/index.ts';
import type { RedlineBracket, RedlineComment } from './types.ts';

/** A text block of an article or part, with its label and bracketed plain text. */
export interface Provision {
  id: string | null;
  label: string;
  text: string;
}

/** An article flattened for comparison. */
export interface ArticleUnit {
  id: string;
  number: string;
  heading: string;
  /** Labels of the enclosing divisions ("Chapter II", "Section 1"). */
  path: string[];
  /** Position among the document's articles (0-based, reading order). */
  index: number;
  provisions: Provision[];
  /** Heading and provisions joined: what similarity is measured on. */
  text: string;
}

/** Keys of the non-article parts. */
export type PartKey = 'title' | 'preamble' | 'closing';

/** Where a Bracket or comment sits: an article index, a part, or nowhere known. */
export type Owner = number | PartKey | null;

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
  parts: Map<PartKey, Provision[]>;
  articles: ArticleUnit[];
  brackets: Map<string, BracketUnit>;
  comments: Map<string, CommentUnit>;
}

/** Normalise text for matching: collapse whitespace, unify quotes and dashes. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[“”„]|``|''/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .trim();
}

const provisionsOf = (node: Node): Provision[] =>
  articleBlocks(node).map((b) => ({ id: b.id, label: b.label, text: normalizeText(b.text) }));

/** Flatten a treaty document (a ProseMirror node of the treaty schema) into comparable units. */
export function documentUnits(doc: Node): DocumentUnits {
  const units: DocumentUnits = { title: '', parts: new Map(), articles: [], brackets: new Map(), comments: new Map() };
  const partRanges: { key: PartKey; from: number; to: number }[] = [];
  doc.forEach((child, offset) => {
    const name = child.type.name;
    if (name === 'title') {
      units.title = normalizeText(inlineText(child));
      units.parts.set('title', [{ id: null, label: '', text: units.title }]);
    } else if (name === 'preamble' || name === 'closing') {
      units.parts.set(name, provisionsOf(child));
    } else return;
    partRanges.push({ key: name, from: offset, to: offset + child.nodeSize });
  });

  const indexById = new Map<string, number>();
  for (const info of articles(doc)) {
    const index = units.articles.length;
    indexById.set(info.id, index);
    const provisions = provisionsOf(info.node);
    const heading = normalizeText(info.heading);
    units.articles.push({
      id: info.id, number: info.number, heading, path: info.path, index, provisions,
      text: [heading, ...provisions.map((p) => p.text)].join(' '),
    });
  }
  const owner = (articleId: string | null, pos: number | null): Owner => {
    if (articleId != null && indexById.has(articleId)) return indexById.get(articleId)!;
    if (pos == null) return null;
    return partRanges.find((r) => r.from <= pos && pos < r.to)?.key ?? null;
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
