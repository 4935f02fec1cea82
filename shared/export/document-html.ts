/**
 * One treaty document as HTML, built as a string (no DOM). Two views:
 * - `bracketed` (default): the negotiating text, square brackets visible with their sponsors,
 *   alternatives with their captions, comment threads after the article they concern;
 * - `clean`: the text as if every open bracket were dropped (as `shared/model`'s clean plain text):
 *   bracketed wording, bracketed blocks and alternatives go; no comments.
 * `documentToHtml` returns a fragment; `documentPage` wraps it into a standalone A4-printable page.
 */
import type { Node } from 'prosemirror-model';
import { numberLabels, divisionLabel, optionCaption, sponsorsOf, listComments, bracketSpans, tidySpaces, type CommentThread } from '../model/index.ts';
import { escapeHtml } from '../redline/html.ts';

/** Which rendering of the brackets. */
export type DocumentView = 'bracketed' | 'clean';

/** Options of `documentToHtml`. */
export interface DocumentHtmlOptions {
  view?: DocumentView;
}

/** Styles for the classes `documentToHtml` emits. */
export const DOCUMENT_CSS = `
.treaty { font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; color: #111; max-width: 46em; }
.treaty h1 { text-align: center; font-size: 1.4em; }
.treaty .division > h2 { text-align: center; font-size: 1.1em; margin-top: 1.6em; }
.treaty article > h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.treaty .num { display: inline-block; min-width: 2em; }
.treaty .subparagraph, .treaty .item { margin-left: 2em; }
.treaty .bracket-mark { color: #a61c00; font-weight: bold; }
.treaty .sponsors { color: #a61c00; font-size: 0.75em; font-family: system-ui, sans-serif; }
.treaty .bracketed { background: #fff6e0; }
.treaty .alternatives { border-left: 3px solid #674ea7; padding-left: 0.6em; }
.treaty .option-caption { font-family: system-ui, sans-serif; font-size: 0.85em; color: #674ea7; }
.treaty .comments { font-family: system-ui, sans-serif; font-size: 0.85em; color: #444; border-left: 2px solid #ccc; padding-left: 0.6em; margin: 0.4em 0 0.8em; }
.treaty .comment.resolved { color: #888; }
@media print { @page { size: A4; margin: 20mm 18mm; } .treaty { max-width: none; font-size: 11pt; } }
`;

interface Context {
  labels: Map<number, string>;
  clean: boolean;
  commentsByArticle: Map<string, CommentThread[]>;
}

const sponsorsHtml = (sponsors: string[]) => (sponsors.length ? `<sup class="sponsors">${escapeHtml(sponsors.join(', '))}</sup>` : '');

/** Inline content: brackets as marked "[" "]" with sponsors, em/strong, footnotes. */
function inlineHtml(block: Node, ctx: Context): string {
  if (ctx.clean) {
    let text = '';
    block.forEach((child) => { if (child.isText && !child.marks.some((m) => m.type.name === 'bracket')) text += child.text; });
    return escapeHtml(tidySpaces(text));
  }
  const spans = bracketSpans(block);
  let out = '';
  const closeAt = (at: number) => spans.filter((s) => s.end === at).sort((a, b) => b.depth - a.depth)
    .map((s) => `<span class="bracket-mark" data-bracket="${escapeHtml(s.id)}">]</span>${sponsorsHtml(sponsorsOf(s.mark.attrs.sponsors))}`).join('');
  const openAt = (at: number) => spans.filter((s) => s.start === at).sort((a, b) => a.depth - b.depth)
    .map((s) => `<span class="bracket-mark" data-bracket="${escapeHtml(s.id)}">[</span>`).join('');
  block.forEach((child, offset) => {
    out += closeAt(offset) + openAt(offset);
    if (child.type.name === 'footnote') { out += `<sup class="footnote" title="${escapeHtml(String(child.attrs.text ?? ''))}">*</sup>`; return; }
    if (!child.isText) return;
    let html = escapeHtml(child.text ?? '');
    for (const mark of child.marks) {
      if (mark.type.name === 'em') html = `<em>${html}</em>`;
      else if (mark.type.name === 'strong') html = `<strong>${html}</strong>`;
      else if (mark.type.name === 'anchor') html = `<span class="comment-anchor" data-comment="${escapeHtml(String(mark.attrs.comment))}">${html}</span>`;
    }
    const depth = child.marks.filter((m) => m.type.name === 'bracket').length;
    out += depth ? `<span class="bracketed" data-depth="${depth}">${html}</span>` : html;
  });
  return out + closeAt(block.content.size);
}

function commentsHtml(threads: CommentThread[] | undefined): string {
  if (!threads?.length) return '';
  const one = (c: { id: string; delegation: string | null; status: string; text: string }) =>
    `<div class="comment ${c.status === 'resolved' ? 'resolved' : 'open'}" data-comment="${escapeHtml(c.id)}"><strong>${escapeHtml(c.delegation ?? '')}</strong> ${escapeHtml(c.text)}</div>`;
  return `<aside class="comments">${threads.map((t) => one(t) + t.replies.map(one).join('')).join('')}</aside>`;
}

function blockHtml(node: Node, pos: number, ctx: Context): string {
  const bracketed = node.attrs.bracket != null;
  if (bracketed && ctx.clean) return '';
  const children = () => childrenHtml(node, pos + 1, ctx);
  const label = ctx.labels.get(pos) ?? '';
  const wrapBracket = (html: string) => (bracketed
    ? `<div class="block-bracketed" data-bracket="${escapeHtml(String(node.attrs.bracket))}"><span class="bracket-mark">[</span>${html}<span class="bracket-mark">]</span>${sponsorsHtml(sponsorsOf(node.attrs.sponsors))}</div>`
    : html);
  const id = node.attrs.id != null ? ` data-id="${escapeHtml(String(node.attrs.id))}"` : '';
  switch (node.type.name) {
    case 'title': return `<h1>${inlineHtml(node, ctx)}</h1>`;
    case 'preamble': return `<section class="preamble">${children()}</section>`;
    case 'closing': return `<section class="closing">${children()}</section>`;
    case 'plain': return wrapBracket(`<p${id}>${inlineHtml(node, ctx)}</p>`);
    case 'heading': return '';
    case 'division': {
      const caption = divisionLabel(String(node.attrs.kind), label);
      const heading = node.firstChild?.type.name === 'heading' ? inlineHtml(node.firstChild, ctx) : '';
      return `<section class="division division-${escapeHtml(String(node.attrs.kind))}"${id}><h2>${escapeHtml(caption)}${heading ? ` – ${heading}` : ''}</h2>${children()}</section>`;
    }
    case 'article': {
      const heading = node.firstChild?.type.name === 'heading' ? inlineHtml(node.firstChild, ctx) : '';
      const comments = ctx.clean ? '' : commentsHtml(ctx.commentsByArticle.get(node.attrs.id != null ? String(node.attrs.id) : `@${pos}`));
      return wrapBracket(`<article${id}><h3>Article ${escapeHtml(label)}${heading ? ` – ${heading}` : ''}</h3>${children()}${comments}</article>`);
    }
    case 'paragraph': case 'subparagraph': case 'item': {
      const inner = children().replace(/^<p([^>]*)>/, `<p$1><span class="num">${escapeHtml(node.type.name === 'paragraph' ? `${label}.` : `${label})`)}</span> `);
      return wrapBracket(`<div class="${node.type.name}"${id}>${inner}</div>`);
    }
    case 'alternatives': {
      if (ctx.clean) return '';
      let html = '';
      node.forEach((option, offset, index) => {
        const body = childrenHtml(option, pos + 1 + offset + 1, ctx);
        html += `<div class="option"><span class="option-caption">${escapeHtml(optionCaption(option, index))}</span>${body || '<p>[delete]</p>'}</div>`;
      });
      return `<div class="alternatives"${id}>${html}</div>`;
    }
    default: return '';
  }
}

function childrenHtml(parent: Node, contentStart: number, ctx: Context): string {
  let html = '';
  parent.forEach((child, offset) => { html += blockHtml(child, contentStart + offset, ctx); });
  return html;
}

/** Render a treaty document as an HTML fragment (`<div class="treaty">`), bracketed or clean. */
export function documentToHtml(doc: Node, options: DocumentHtmlOptions = {}): string {
  const commentsByArticle = new Map<string, CommentThread[]>();
  for (const thread of listComments(doc)) {
    const key = thread.articleId ?? '';
    commentsByArticle.set(key, [...(commentsByArticle.get(key) ?? []), thread]);
  }
  const ctx: Context = { labels: numberLabels(doc), clean: options.view === 'clean', commentsByArticle };
  const rest = ctx.clean ? '' : commentsHtml(commentsByArticle.get(''));
  return `<div class="treaty treaty-${ctx.clean ? 'clean' : 'bracketed'}">${childrenHtml(doc, 0, ctx)}${rest}</div>`;
}

/** Wrap an HTML fragment into a standalone page with the given title and styles. */
export function htmlPage(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>body { margin: 2em auto; max-width: 52em; padding: 0 1em; }${css}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** A treaty document as a standalone HTML page (A4 print stylesheet), bracketed or clean. */
export function documentPage(doc: Node, options: DocumentHtmlOptions = {}): string {
  const title = doc.firstChild?.type.name === 'docinfo' ? doc.child(1).textContent : doc.firstChild?.textContent ?? 'Treaty';
  return htmlPage(title, DOCUMENT_CSS, documentToHtml(doc, options));
}
