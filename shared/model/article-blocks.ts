/**
 * An article's provisions as a flat list for the redline: one entry per text block, labelled by
 * its place in the numbering ("1", "1.a", "1.a.ii"; "" for unnumbered text directly in the article).
 */
import type { Node } from 'prosemirror-model';
import { numberLabels } from './numbering.ts';
import { inlineText } from './inline.ts';
import { optionCaption } from './plain-text.ts';

/** One provision text block of an article. */
export interface ArticleBlock {
  /** Id of the text block (or of its numbered parent when the block has none; of the option for "[delete]"). */
  id: string;
  /** Numbering path: "1", "1.a", "1.a.ii", or "" for text directly in the article. */
  label: string;
  /** The text with brackets visible; a bracketed block opens with "[" and its last entry closes with "]". */
  text: string;
}

/** The provisions of `article` (its heading excluded) in reading order. */
export function articleBlocks(article: Node): ArticleBlock[] {
  const labels = numberLabels(article);
  const ownId = String(article.attrs.id ?? 'article');
  const visit = (parent: Node, contentStart: number, path: string[], parentId: string): ArticleBlock[] => {
    const out: ArticleBlock[] = [];
    parent.forEach((child, offset, index) => {
      const pos = contentStart + offset;
      const id = child.attrs.id != null ? String(child.attrs.id) : `${parentId}.${index}`;
      let entries: ArticleBlock[];
      switch (child.type.name) {
        case 'heading': return;
        case 'plain': entries = [{ id, label: path.join('.'), text: inlineText(child) }]; break;
        case 'alternatives': {
          entries = [];
          child.forEach((option, optOffset, i) => {
            const caption = optionCaption(option, i);
            const optionId = option.attrs.id != null ? String(option.attrs.id) : `${id}.${i}`;
            const inner = visit(option, pos + 1 + optOffset + 1, path, optionId);
            if (inner.length === 0) entries.push({ id: optionId, label: path.join('.'), text: `${caption}: [delete]` });
            else entries.push({ ...inner[0], text: `${caption}: ${inner[0].text}` }, ...inner.slice(1));
          });
          break;
        }
        default: {
          const label = labels.get(pos);
          entries = visit(child, pos + 1, label !== undefined ? [...path, label] : path, id);
        }
      }
      out.push(...(child.attrs.bracket != null ? wrap(entries) : entries));
    });
    return out;
  };
  const entries = visit(article, 0, [], ownId);
  return article.attrs.bracket != null ? wrap(entries) : entries;
}

function wrap(entries: ArticleBlock[]): ArticleBlock[] {
  if (entries.length === 0) return entries;
  const out = entries.map((e) => ({ ...e }));
  out[0].text = `[${out[0].text}`;
  out[out.length - 1].text = `${out[out.length - 1].text}]`;
  return out;
}
