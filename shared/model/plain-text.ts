/**
 * Plain-text rendering of a treaty or any part of it, with its numbers ("Article 16 – Heading",
 * "1 ", "a ", "i "), brackets visible as "[" and "]" and alternatives as "Option 1 [FR]: ...".
 * The clean rendering shows the text as if every open bracket were dropped.
 */
import type { Node } from 'prosemirror-model';
import { numberLabels, divisionLabel } from './numbering.ts';
import { inlineText, tidySpaces } from './inline.ts';

/** Options of `plainText`. */
export interface PlainTextOptions {
  /** Render as if every open bracket were dropped: bracketed text, bracketed blocks and alternatives go. */
  clean?: boolean;
  /** Number of the rendered node itself when it is not a doc (default: its explicit `number`, else none). */
  label?: string;
  /** Leave out the block bracket of the rendered node itself (its content still shows its own brackets). */
  omitOwnBracket?: boolean;
  /**
   * The rendered node's place in its document: the document's `numberLabels` and the node's position.
   * Numbers inside the node then continue the document's counters (an option's paragraphs, for instance).
   */
  context?: { labels: Map<number, string>; pos: number };
}

/** The labels of `node`'s descendants, relative to its content, taken from its document's labels. */
function labelsWithin(node: Node, context: { labels: Map<number, string>; pos: number }): Map<number, string> {
  const out = new Map<number, string>();
  const end = context.pos + node.nodeSize;
  for (const [p, label] of context.labels) if (p > context.pos && p < end) out.set(p - context.pos - 1, label);
  return out;
}

/** Delegation codes of a `sponsors` attribute (an array, a comma-separated string or null). */
export function sponsorsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((s) => s !== '');
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter((s) => s !== '');
  return [];
}

/** The label of option `index` (0-based) of an alternatives group: its `label` attr or "Option N". */
export function optionLabel(option: Node, index: number): string {
  return option.attrs.label ? String(option.attrs.label) : `Option ${index + 1}`;
}

/** "Option 1 [FR, US]" — the label of an option followed by its sponsors when it has any. */
export function optionCaption(option: Node, index: number): string {
  const sponsors = sponsorsOf(option.attrs.sponsors);
  return optionLabel(option, index) + (sponsors.length ? ` [${sponsors.join(', ')}]` : '');
}

/** The text of an article heading (brackets visible). */
export function headingText(article: Node): string {
  const heading = article.firstChild;
  return heading && heading.type.name === 'heading' ? inlineText(heading) : '';
}

interface Context { labels: Map<number, string>; clean: boolean }

/** Render `node` (a doc, division, article, paragraph, textblock...) as plain text; lines joined by "\n". */
export function plainText(node: Node, options: PlainTextOptions = {}): string {
  const labels = options.context && node.type.name !== 'doc' ? labelsWithin(node, options.context) : numberLabels(node);
  const ctx: Context = { labels, clean: !!options.clean };
  let lines: string[];
  if (node.type.name === 'doc') lines = renderChildren(node, 0, ctx);
  else if (node.isTextblock) lines = [renderInline(node, ctx)];
  else {
    const label = options.label ?? options.context?.labels.get(options.context.pos) ?? (node.attrs.number != null ? String(node.attrs.number) : '');
    lines = renderBlock(node, -1, ctx, label, !!options.omitOwnBracket);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function renderInline(block: Node, ctx: Context): string {
  const text = inlineText(block, { clean: ctx.clean });
  return ctx.clean ? tidySpaces(text) : text;
}

function renderChildren(parent: Node, contentStart: number, ctx: Context): string[] {
  const lines: string[] = [];
  parent.forEach((child, offset) => {
    const pos = contentStart + offset;
    lines.push(...renderBlock(child, pos, ctx, ctx.labels.get(pos) ?? '', false));
  });
  return lines;
}

/** Lines of one block. `pos` is its position in the rendered root (-1 for the root itself). */
function renderBlock(node: Node, pos: number, ctx: Context, label: string, omitBracket: boolean): string[] {
  const bracketed = node.attrs.bracket != null && !omitBracket;
  if (bracketed && ctx.clean) return [];
  const contentStart = pos + 1;
  const prefixed = (text: string) => (label ? `${label} ${text}` : text);
  let lines: string[];
  switch (node.type.name) {
    case 'docinfo': case 'comments': case 'comment': return [];
    case 'title': case 'heading': case 'plain': lines = [renderInline(node, ctx)]; break;
    case 'preamble': case 'closing': lines = ['', ...renderChildren(node, contentStart, ctx)]; break;
    case 'division': {
      const caption = divisionLabel(String(node.attrs.kind), label);
      const heading = node.firstChild && node.firstChild.type.name === 'heading' ? renderInline(node.firstChild, ctx) : '';
      lines = ['', heading ? `${caption} – ${heading}` : caption, ...renderChildren(node, contentStart, ctx).slice(1)];
      break;
    }
    case 'article': {
      const heading = headingText(node) && renderInline(node.firstChild!, ctx);
      const caption = label ? `Article ${label}` : 'Article';
      lines = [heading ? `${caption} – ${heading}` : caption, ...renderChildren(node, contentStart, ctx).slice(1)];
      if (bracketed) lines = wrap(lines);
      return ['', ...lines];
    }
    case 'paragraph': case 'subparagraph': case 'item': {
      const body = renderChildren(node, contentStart, ctx);
      lines = [prefixed(body[0] ?? ''), ...body.slice(1)];
      break;
    }
    case 'alternatives': {
      if (ctx.clean) return [];
      lines = [];
      let index = 0;
      node.forEach((option, offset) => {
        const body = renderChildren(option, contentStart + offset + 1, ctx).filter((l, i) => l !== '' || i > 0);
        lines.push(`${optionCaption(option, index)}: ${body[0] ?? '[delete]'}`, ...body.slice(1));
        index++;
      });
      break;
    }
    case 'option': lines = renderChildren(node, contentStart, ctx); break;
    default: lines = node.isTextblock ? [renderInline(node, ctx)] : renderChildren(node, contentStart, ctx);
  }
  return bracketed ? wrap(lines) : lines;
}

function wrap(lines: string[]): string[] {
  const first = lines.findIndex((l) => l !== '');
  if (first < 0) return ['[]'];
  const out = [...lines];
  out[first] = `[${out[first]}`;
  out[out.length - 1] = `${out[out.length - 1]}]`;
  return out;
}
