/**
 * A Redline as an HTML fragment, built as a string (no DOM), for the client's redline view and the
 * standalone page of `shared/export/html.ts`. Insertions are `<ins>` (underlined), deletions `<del>`
 * (struck through); moved and renumbered articles carry a badge; a summary table comes first.
 * Classes are prefixed `rl-`; `REDLINE_CSS` styles them.
 */
import type { Change, Redline, RedlineArticle, RedlineBlock, RedlineBrackets, RedlineComments, RedlinePart } from './types.ts';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Options of `redlineToHtml`. */
export interface RedlineHtmlOptions {
  /** Show unchanged articles in full (default) or only their number and heading. */
  unchanged?: 'full' | 'collapse';
  /** Leave out the summary table. */
  summary?: boolean;
}

/** Styles for the classes `redlineToHtml` emits (screen and print). */
export const REDLINE_CSS = `
.redline { font-family: Georgia, 'Times New Roman', serif; line-height: 1.45; color: #111; }
.redline ins { text-decoration: underline; text-decoration-thickness: 2px; color: #0b5394; background: #e8f0fb; }
.redline del { text-decoration: line-through; color: #a61c00; background: #fbeaea; }
.rl-summary { border-collapse: collapse; margin: 0 0 1.5em; font-family: system-ui, sans-serif; font-size: 0.9em; }
.rl-summary th, .rl-summary td { border: 1px solid #bbb; padding: 0.25em 0.7em; text-align: left; }
.rl-summary td { text-align: right; }
.rl-sides { font-family: system-ui, sans-serif; font-size: 0.9em; margin-bottom: 1em; }
.rl-article, .rl-part { margin: 0 0 1.2em; padding-left: 0.6em; border-left: 3px solid transparent; break-inside: avoid-page; }
.rl-article.rl-modified { border-left-color: #e69138; }
.rl-article.rl-added { border-left-color: #0b5394; }
.rl-article.rl-removed { border-left-color: #a61c00; }
.rl-article.rl-moved { border-left-color: #674ea7; }
.rl-article h2, .rl-part h2 { font-size: 1.05em; margin: 0.4em 0; }
.rl-badge { font-family: system-ui, sans-serif; font-size: 0.75em; font-weight: normal; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; margin-left: 0.5em; }
.rl-badge-moved, .rl-badge-renumbered { color: #674ea7; }
.rl-badge-added { color: #0b5394; } .rl-badge-removed { color: #a61c00; } .rl-badge-modified { color: #b45f06; }
.rl-block { display: flex; gap: 0.6em; margin: 0.25em 0; }
.rl-label { min-width: 3.5em; color: #555; flex: none; }
.rl-text { margin: 0; }
.rl-block.rl-added .rl-text { background: #f3f7fd; } .rl-block.rl-removed .rl-text { background: #fdf5f5; }
.rl-notes { font-family: system-ui, sans-serif; font-size: 0.85em; color: #444; margin: 0.3em 0 0; padding-left: 1.2em; }
.rl-collapsed { color: #666; }
.rl-division { font-family: system-ui, sans-serif; font-size: 0.95em; color: #444; border-bottom: 1px solid #ccc; margin: 1.4em 0 0.6em; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { font-size: 10.5pt; }
  .redline ins { background: none; color: #000; } .redline del { background: none; color: #555; }
  .rl-article { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
}
`;

/** HTML of a word diff: common runs as text, additions as `<ins>`, deletions as `<del>`. */
export function changesToHtml(changes: Change[]): string {
  return changes.map((c) => (c.added ? `<ins>${escapeHtml(c.value)}</ins>` : c.removed ? `<del>${escapeHtml(c.value)}</del>` : escapeHtml(c.value))).join('');
}

function blockHtml(block: RedlineBlock): string {
  const label = block.fromLabel && block.toLabel && block.fromLabel !== block.toLabel
    ? `<del>${escapeHtml(block.fromLabel)}</del> <ins>${escapeHtml(block.toLabel)}</ins>`
    : escapeHtml(block.label);
  return `<div class="rl-block rl-${block.status}"><span class="rl-label">${label}</span><p class="rl-text">${changesToHtml(block.changes)}</p></div>`;
}

function notesHtml(brackets: RedlineBrackets, comments: RedlineComments): string {
  const items: string[] = [];
  const sponsors = (s: string[]) => (s.length ? ` (${escapeHtml(s.join(', '))})` : '');
  for (const b of brackets.opened) items.push(`<li class="rl-bracket-opened">Bracket opened${sponsors(b.sponsors)}: [${escapeHtml(b.text)}]</li>`);
  for (const b of brackets.resolved) items.push(`<li class="rl-bracket-resolved">Bracket resolved${sponsors(b.sponsors)}: <del>[${escapeHtml(b.text)}]</del></li>`);
  for (const c of comments.added) items.push(`<li class="rl-comment-added">Comment${c.delegation ? ` by ${escapeHtml(c.delegation)}` : ''}: ${escapeHtml(c.text)}</li>`);
  for (const c of comments.resolved) items.push(`<li class="rl-comment-resolved">Comment resolved${c.delegation ? ` (${escapeHtml(c.delegation)})` : ''}: ${escapeHtml(c.text)}</li>`);
  return items.length ? `<ul class="rl-notes">${items.join('')}</ul>` : '';
}

function articleNumberHtml(a: RedlineArticle): string {
  if (a.fromNumber && a.toNumber && a.fromNumber !== a.toNumber) return `Article <del>${escapeHtml(a.fromNumber)}</del> <ins>${escapeHtml(a.toNumber)}</ins>`;
  return `Article ${escapeHtml(a.toNumber ?? a.fromNumber ?? '')}`;
}

function articleHtml(a: RedlineArticle, options: RedlineHtmlOptions): string {
  const badges: string[] = [];
  if (a.status !== 'unchanged') badges.push(`<span class="rl-badge rl-badge-${a.status}">${a.status === 'moved' ? `moved${a.fromNumber ? ` from Article ${escapeHtml(a.fromNumber)}` : ''}` : a.status}</span>`);
  if (a.renumbered && a.status !== 'moved') badges.push(`<span class="rl-badge rl-badge-renumbered">renumbered from Article ${escapeHtml(a.fromNumber ?? '')}</span>`);
  if (a.status === 'moved' && a.textChanged) badges.push('<span class="rl-badge rl-badge-modified">modified</span>');
  const heading = changesToHtml(a.heading);
  const head = `<h2>${articleNumberHtml(a)}${heading ? ` – ${heading}` : ''}${badges.join('')}</h2>`;
  const collapsed = options.unchanged === 'collapse' && a.status === 'unchanged' && !a.renumbered;
  const body = collapsed ? '<p class="rl-collapsed">(unchanged)</p>' : a.blocks.map(blockHtml).join('');
  return `<section class="rl-article rl-${a.status}${a.renumbered ? ' rl-renumbered' : ''}" id="${escapeHtml(a.key)}" data-status="${a.status}">${head}${body}${notesHtml(a.brackets, a.comments)}</section>`;
}

const PART_NAMES: Record<RedlinePart['key'], string> = { title: 'Title', preamble: 'Preamble', closing: 'Closing formula' };

function partHtml(p: RedlinePart, options: RedlineHtmlOptions): string {
  const badge = p.status !== 'unchanged' ? `<span class="rl-badge rl-badge-${p.status}">${p.status}</span>` : '';
  const collapsed = options.unchanged === 'collapse' && p.status === 'unchanged';
  const body = collapsed ? '<p class="rl-collapsed">(unchanged)</p>' : p.blocks.map(blockHtml).join('');
  return `<section class="rl-part rl-${p.status}" id="part-${p.key}" data-status="${p.status}"><h2>${PART_NAMES[p.key]}${badge}</h2>${body}${notesHtml(p.brackets, p.comments)}</section>`;
}

/** The summary table of a Redline as HTML. */
export function summaryHtml(redline: Redline): string {
  const s = redline.summary;
  const rows: [string, number][] = [
    ['Articles added', s.added], ['Articles removed', s.removed], ['Articles modified', s.modified], ['Articles moved', s.moved],
    ['Articles unchanged', s.unchanged], ['Articles renumbered', s.renumbered], ['Brackets opened', s.bracketsOpened],
    ['Brackets resolved', s.bracketsResolved], ['Brackets still open', s.bracketsOpen], ['Comments added', s.commentsAdded],
    ['Comments resolved', s.commentsResolved], ['Words added', s.wordsAdded], ['Words removed', s.wordsRemoved],
  ];
  return `<table class="rl-summary"><caption>Summary</caption><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

/** Render a Redline as an HTML fragment (a `<div class="redline">`), DOM-free. */
export function redlineToHtml(redline: Redline, options: RedlineHtmlOptions = {}): string {
  const side = (name: string, s: Redline['from']) => `<div><strong>${name}:</strong> ${escapeHtml(s.label)}${s.title && s.title !== s.label ? ` — <em>${escapeHtml(s.title)}</em>` : ''}${s.at ? ` (${escapeHtml(s.at)})` : ''}</div>`;
  return [
    '<div class="redline">',
    `<div class="rl-sides">${side('From', redline.from)}${side('To', redline.to)}</div>`,
    options.summary === false ? '' : summaryHtml(redline),
    ...redline.parts.filter((p) => p.key !== 'closing').map((p) => partHtml(p, options)),
    ...redline.articles.map((a, i) => {
      const path = a.path.join(' › ');
      const division = path && path !== redline.articles[i - 1]?.path.join(' › ') ? `<h2 class="rl-division">${escapeHtml(path)}</h2>` : '';
      return division + articleHtml(a, options);
    }),
    ...redline.parts.filter((p) => p.key === 'closing').map((p) => partHtml(p, options)),
    '</div>',
  ].join('\n');
}
