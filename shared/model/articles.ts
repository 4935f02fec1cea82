/**
 * Walking the articles of a treaty: each with its number, heading, enclosing divisions and block
 * bracket. Articles offered inside the options of an alternatives group are included.
 */
import type { Node } from 'prosemirror-model';
import { numberLabels, divisionLabel } from './numbering.ts';
import { headingText, sponsorsOf } from './plain-text.ts';

/** One article of a document. */
export interface ArticleInfo {
  /** The article's `id` attr, or "@<pos>" when it has none. */
  id: string;
  /** Document position of the article node. */
  pos: number;
  node: Node;
  /** Its number as displayed ("16", or the explicit `number`). */
  number: string;
  /** Heading text with brackets visible ("" when none). */
  heading: string;
  /** Labels of the enclosing divisions, outermost first: ["Chapter II", "Section 1", "Title 2"]. */
  path: string[];
  /** Id of the bracket around the whole article, or null. */
  bracket: string | null;
  /** Sponsors of that block bracket. */
  sponsors: string[];
  /** Id of the option offering this article when it sits in an alternatives group, else null. */
  optionId: string | null;
}

/** Every article of `doc` in document order. */
export function articles(doc: Node): ArticleInfo[] {
  const labels = numberLabels(doc);
  const out: ArticleInfo[] = [];
  const visit = (parent: Node, contentStart: number, path: string[], optionId: string | null) => {
    parent.forEach((child, offset) => {
      const pos = contentStart + offset;
      const name = child.type.name;
      if (name === 'article') {
        out.push({
          id: child.attrs.id != null ? String(child.attrs.id) : `@${pos}`,
          pos,
          node: child,
          number: labels.get(pos) ?? '',
          heading: headingText(child),
          path,
          bracket: child.attrs.bracket ?? null,
          sponsors: sponsorsOf(child.attrs.sponsors),
          optionId,
        });
        visit(child, pos + 1, path, optionId);
      } else if (name === 'division') {
        visit(child, pos + 1, [...path, divisionLabel(String(child.attrs.kind), labels.get(pos) ?? '')], optionId);
      } else if (name === 'option') {
        visit(child, pos + 1, path, child.attrs.id ?? null);
      } else if (name === 'alternatives') {
        visit(child, pos + 1, path, optionId);
      }
    });
  };
  visit(doc, 0, [], null);
  return out;
}

/** The innermost article containing document position `pos`, or null. */
export function articleAt(list: readonly ArticleInfo[], pos: number): ArticleInfo | null {
  let found: ArticleInfo | null = null;
  for (const a of list) if (a.pos <= pos && pos < a.pos + a.node.nodeSize && (!found || a.pos > found.pos)) found = a;
  return found;
}

/** The article whose id is `id`, or its number when no id matches; null when none. */
export function findArticle(doc: Node, idOrNumber: string): ArticleInfo | null {
  const list = articles(doc);
  return list.find((a) => a.id === idOrNumber) ?? list.find((a) => a.number === idOrNumber) ?? null;
}
