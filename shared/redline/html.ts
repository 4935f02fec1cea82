/**
 * A Redline as an HTML fragment, built as a string (no DOM), for the client's redline view and the
 * standalone page of `shared/export/html.ts`. The whole document in reading order (`sequence`):
 * title, preamble, division headings with their number and title, text outside articles,
 * articles, closing. Insertions are `<ins>` (underlined), deletions `<del>` (struck through), each
 * with its own spaces (kept: `white-space: pre-wrap`); a removal directly followed by an insertion
 * is set apart by a presentational gap so words never run together. A moved article or part is
 * marked at both places, each linking to the other; renumbered articles carry a badge; dates are
 * written out ("23 November 2001"); a summary table comes first. Classes are prefixed `rl-`;
 * `REDLINE_CSS` styles them.
 */
import type { Change, Redline, RedlineArticle, RedlineBlock, RedlineBrackets, RedlineComments, RedlinePart, RedlineSide } from './types.ts';
import { redlineSteps } from './sequence.ts';
import { readableDate } from './dates.ts';

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
.rl-division.rl-added { color: #0b5394; } .rl-division.rl-removed { color: #a61c00; }
.rl-text, .rl-division, .rl-article h2 { white-space: pre-wrap; }
.rl-gap { white-space: pre; }
.rl-typo { text-decoration: underline dotted #999; }
.rl-moved-from { margin: 0 0 1.2em; padding: 0.2em 0.6em; border-left: 3px dashed #674ea7; color: #555; font-family: system-ui, sans-serif; font-size: 0.9em; }
.rl-moved-from a, .rl-badge a { color: inherit; }
.rl-block.rl-move-from .rl-text { color: #777; text-decoration: line-through dotted; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { font-size: 10.5pt; }
  .redline ins { background: none; color: #000; } .redline del { background: none; color: #555; }
  .rl-article { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
}
`;

/** HTML of a word diff: common runs as text, additions as `<ins>`, deletions as `<del>`; a removal next to an insertion gets a gap. */
export function changesToHtml(changes: Change[]): string {
  let out = '';
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const prev = changes[i - 1];
    if (prev && (c.added || c.removed) && (prev.added || prev.removed) && !!c.added !== !!prev.added && !/\s$/.test(prev.value) && !/^\s/.test(c.value)) {
      out += '<span class="rl-gap" aria-hidden="true"> </span>';
    }
    if (c.added) out += `<ins>${escapeHtml(c.value)}</ins>`;
    else if (c.removed) out += `<del>${escapeHtml(c.value)}</del>`;
    else if (c.fromValue != null) out += `<span class="rl-typo" title="${escapeHtml(`was: ${c.fromValue}`)}">${escapeHtml(c.value)}</span>`;
    else out += escapeHtml(c.value);
  }
  return out;
}

/** The label shown before a block: none for text continuing a provision, the change of number when renumbered. */
function labelHtml(block: RedlineBlock): string {
  if (block.continued || block.label.includes('¶')) return '';
  if (block.move === 'from') return escapeHtml(block.fromLabel ?? '');
  if (block.fromLabel && block.toLabel && block.fromLabel !== block.toLabel) return `<del>${escapeHtml(block.fromLabel)}</del> <ins>${escapeHtml(block.toLabel)}</ins>`;
  return escapeHtml(block.label);
}

function blockHtml(block: RedlineBlock): string {
  const move = block.move ? ` rl-move-${block.move}` : '';
  const note = block.move === 'from' ? ` <span class="rl-badge rl-badge-moved">moved${block.toLabel ? ` to ${escapeHtml(block.toLabel)}` : ''}</span>`
    : block.move === 'to' ? ` <span class="rl-badge rl-badge-moved">moved here${block.fromLabel ? ` from ${escapeHtml(block.fromLabel)}` : ''}</span>` : '';
  return `<div class="rl-block rl-${block.status}${move}"><span class="rl-label">${labelHtml(block)}</span><p class="rl-text">${changesToHtml(block.changes)}${note}</p></div>`;
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

const movedFromId = (key: string) => `moved-from-${key}`;

function articleHtml(a: RedlineArticle, options: RedlineHtmlOptions): string {
  const badges: string[] = [];
  if (a.status === 'moved') badges.push(`<span class="rl-badge rl-badge-moved">moved from Article ${escapeHtml(a.fromNumber ?? '')}</span><a class="rl-badge rl-badge-moved" href="#${escapeHtml(movedFromId(a.key))}">where it stood</a>`);
  else if (a.status !== 'unchanged') badges.push(`<span class="rl-badge rl-badge-${a.status}">${a.status}</span>`);
  if (a.renumbered && a.status !== 'moved') badges.push(`<span class="rl-badge rl-badge-renumbered">renumbered from Article ${escapeHtml(a.fromNumber ?? '')}</span>`);
  if (a.status === 'moved' && a.textChanged) badges.push('<span class="rl-badge rl-badge-modified">modified</span>');
  const heading = changesToHtml(a.heading);
  const head = `<h2>${articleNumberHtml(a)}${heading ? ` – ${heading}` : ''}${badges.join('')}</h2>`;
  const collapsed = options.unchanged === 'collapse' && a.status === 'unchanged' && !a.renumbered;
  const body = collapsed ? '<p class="rl-collapsed">(unchanged)</p>' : a.blocks.map(blockHtml).join('');
  return `<section class="rl-article rl-${a.status}${a.renumbered ? ' rl-renumbered' : ''}" id="${escapeHtml(a.key)}" data-status="${a.status}">${head}${body}${notesHtml(a.brackets, a.comments)}</section>`;
}

/** The stub where a moved article stood in the older text, linking to its new place. */
function articleMovedFromHtml(a: RedlineArticle): string {
  const heading = a.fromHeading ? ` – ${escapeHtml(a.fromHeading)}` : '';
  return `<section class="rl-moved-from" id="${escapeHtml(movedFromId(a.key))}" data-status="moved-from">Article ${escapeHtml(a.fromNumber ?? '')}${heading} stood here: <a href="#${escapeHtml(a.key)}">moved to Article ${escapeHtml(a.toNumber ?? '')}</a></section>`;
}

const PART_NAMES: Record<string, string> = { title: 'Title', preamble: 'Preamble', closing: 'Closing formula' };

function partBadge(p: RedlinePart): string {
  if (p.status === 'moved') return `<a class="rl-badge rl-badge-moved" href="#${escapeHtml(movedFromId(p.key))}">moved</a>`;
  return p.status !== 'unchanged' ? `<span class="rl-badge rl-badge-${p.status}">${p.status}</span>` : '';
}

/** A division heading: its number (old struck, new inserted when it changed) and its title, with the diff. */
function divisionHtml(p: RedlinePart): string {
  const block = p.blocks[0];
  const label = block ? labelHtml(block) : '';
  const heading = block ? changesToHtml(block.changes) : '';
  return `<h2 class="rl-division rl-${p.status}" id="part-${escapeHtml(p.key)}" data-status="${p.status}">${label}${heading ? ` – ${heading}` : ''}${partBadge(p)}${notesHtml(p.brackets, p.comments)}</h2>`;
}

function partHtml(p: RedlinePart, options: RedlineHtmlOptions): string {
  if (p.kind === 'division') return divisionHtml(p);
  const collapsed = options.unchanged === 'collapse' && p.status === 'unchanged';
  const body = collapsed ? '<p class="rl-collapsed">(unchanged)</p>' : p.blocks.map(blockHtml).join('');
  const name = PART_NAMES[p.kind];
  const head = name ? `<h2>${name}${partBadge(p)}</h2>` : partBadge(p);
  return `<section class="rl-part rl-${p.kind} rl-${p.status}" id="part-${escapeHtml(p.key)}" data-status="${p.status}">${head}${body}${notesHtml(p.brackets, p.comments)}</section>`;
}

function partMovedFromHtml(p: RedlinePart): string {
  const what = p.kind === 'division' ? escapeHtml(p.blocks[0]?.fromLabel ?? 'A division heading') : 'This text';
  return `<section class="rl-moved-from" id="${escapeHtml(movedFromId(p.key))}" data-status="moved-from">${what} stood here: <a href="#part-${escapeHtml(p.key)}">moved</a></section>`;
}

/** The summary table of a Redline as HTML. */
export function summaryHtml(redline: Redline): string {
  const s = redline.summary;
  const p = s.parts;
  const rows: [string, number][] = [
    ['Articles added', s.added], ['Articles removed', s.removed], ['Articles modified', s.modified], ['Articles moved', s.moved],
    ['Articles unchanged', s.unchanged], ['Articles renumbered', s.renumbered],
    ['Other parts changed (headings, text outside articles)', p.added + p.removed + p.modified + p.moved], ['Brackets opened', s.bracketsOpened],
    ['Brackets resolved', s.bracketsResolved], ['Brackets still open', s.bracketsOpen], ['Comments added', s.commentsAdded],
    ['Comments resolved', s.commentsResolved], ['Words added', s.wordsAdded], ['Words removed', s.wordsRemoved],
  ];
  return `<table class="rl-summary"><caption>Summary</caption><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function sideHtml(name: string, s: RedlineSide): string {
  const details = [s.symbol, s.date ? readableDate(s.date) : null].filter(Boolean).map((x) => escapeHtml(String(x))).join(', ');
  const at = s.at ? ` (${escapeHtml(readableDate(s.at))})` : '';
  return `<div><strong>${name}:</strong> ${escapeHtml(s.label)}${s.title && s.title !== s.label ? ` — <em>${escapeHtml(s.title)}</em>` : ''}${details ? ` [${details}]` : ''}${at}</div>`;
}

/** Render a Redline as an HTML fragment (a `<div class="redline">`), DOM-free, the whole document in order. */
export function redlineToHtml(redline: Redline, options: RedlineHtmlOptions = {}): string {
  const body = redlineSteps(redline).map((step) => {
    if (step.type === 'moved-from') return step.article ? articleMovedFromHtml(step.article) : partMovedFromHtml(step.part!);
    return step.type === 'article' ? articleHtml(step.article, options) : partHtml(step.part, options);
  });
  return [
    '<div class="redline">',
    `<div class="rl-sides">${sideHtml('From', redline.from)}${sideHtml('To', redline.to)}</div>`,
    options.summary === false ? '' : summaryHtml(redline),
    ...body,
    '</div>',
  ].join('\n');
}
