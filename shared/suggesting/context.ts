/**
 * What encloses a place in the treaty, as suggesting mode needs to know it: the inline brackets
 * around it, the bracketed blocks and options it sits in, whether it is in the comments or in an
 * article agreed ad referendum. "Agreed text" is a place enclosed by none of these.
 */
import type { Mark, Node, ResolvedPos } from 'prosemirror-model';
import { sponsorsOf } from '../model/plain-text.ts';
import { articles } from '../model/articles.ts';

/** A bracket or option that encloses a place: its sponsors and, for inline brackets, its mark. */
export interface Enclosing {
  sponsors: string[];
  /** The bracket mark (inline brackets only). */
  mark: Mark | null;
  /** `insert` or `delete` for inline brackets; `block`, `block-delete` (a block proposed for deletion) or `option` otherwise. */
  kind: string;
}

/** Everything that encloses one place (see `contextAt`). */
export interface PlaceContext {
  /** Inside the hidden comments node. */
  inComments: boolean;
  /** Position of the enclosing article whose `status` is `agreed`, or null. */
  agreedArticle: number | null;
  /** Bracketed blocks and options around the place, innermost first. */
  blocks: Enclosing[];
  /** Inline brackets present on both sides of the place (so text typed here is inside them). */
  inline: Enclosing[];
}

/** Whether `delegation` is the only sponsor of `sponsors`. */
export function soleSponsor(sponsors: readonly string[], delegation: string): boolean {
  return sponsors.length === 1 && sponsors[0] === delegation;
}

/** An inline bracket mark as an `Enclosing`. */
export function enclosingMark(mark: Mark): Enclosing {
  return { sponsors: sponsorsOf(mark.attrs.sponsors), mark, kind: String(mark.attrs.kind ?? 'insert') };
}

/** The bracket marks of `node` (none when `node` is null). */
export function bracketMarks(node: Node | null | undefined): Mark[] {
  return node ? node.marks.filter((m) => m.type.name === 'bracket') : [];
}

/** Bracketed blocks and options around `$pos`, innermost first; also whether it is in comments or an agreed article. */
export function blockContext($pos: ResolvedPos): Pick<PlaceContext, 'inComments' | 'agreedArticle' | 'blocks'> {
  const blocks: Enclosing[] = [];
  let inComments = false;
  let agreedArticle: number | null = null;
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const name = node.type.name;
    if (name === 'comments' || name === 'comment') inComments = true;
    if (name === 'article' && node.attrs.status === 'agreed' && agreedArticle === null) agreedArticle = $pos.before(depth);
    if (node.attrs.bracket) blocks.push({ sponsors: sponsorsOf(node.attrs.sponsors), mark: null, kind: node.attrs.bracketKind === 'delete' ? 'block-delete' : 'block' });
    if (name === 'option') blocks.push({ sponsors: sponsorsOf(node.attrs.sponsors), mark: null, kind: 'option' });
  }
  return { inComments, agreedArticle, blocks };
}

/** What encloses position `pos` of `doc` (a position between two characters of a textblock). */
export function contextAt(doc: Node, pos: number): PlaceContext {
  const $pos = doc.resolve(pos);
  const before = bracketMarks($pos.nodeBefore);
  const after = new Set(bracketMarks($pos.nodeAfter).map((m) => String(m.attrs.id)));
  const inline = before.filter((m) => after.has(String(m.attrs.id))).map(enclosingMark).reverse();
  return { ...blockContext($pos), inline };
}

/** The sponsors as a reader says them: "France" is not known here, so the codes: "FR", "FR and KE". */
export function sponsorWords(sponsors: readonly string[]): string {
  if (sponsors.length === 0) return 'no delegation';
  if (sponsors.length === 1) return sponsors[0];
  return `${sponsors.slice(0, -1).join(', ')} and ${sponsors[sponsors.length - 1]}`;
}

/** The plain sentence telling `delegation` why it cannot change the words of `enclosing`. */
export function notYoursMessage(enclosing: Enclosing, delegation: string): string {
  const deletion = enclosing.kind === 'delete' || enclosing.kind === 'block-delete';
  const single = enclosing.kind === 'option' || deletion;
  const what = enclosing.kind === 'option' ? 'This option' : deletion ? 'This proposed deletion' : 'These words';
  const be = single ? 'is' : 'are';
  if (enclosing.sponsors.length === 0) return `${what} can only be changed by the chair: you can propose an alternative or comment.`;
  if (enclosing.sponsors.includes(delegation)) {
    return `${what} ${be} sponsored jointly by ${sponsorWords(enclosing.sponsors)}, so only the chair can change ${single ? 'it' : 'them'}: you can propose an alternative or comment.`;
  }
  return `${what} ${be} proposed by ${sponsorWords(enclosing.sponsors)}: you can co-sponsor, propose an alternative or comment.`;
}

/** The plain sentence for an edit in the agreed article at `pos`. */
export function agreedArticleMessage(doc: Node, pos: number): string {
  const article = articles(doc).find((a) => a.pos === pos);
  const name = article?.number ? `Article ${article.number}` : 'This article';
  return `${name} is agreed ad referendum: only the chair can change it. You can still comment on it.`;
}
