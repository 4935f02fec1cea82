/**
 * The standalone HTML page of a Redline: summary table on top, insertions underlined (`<ins>`),
 * deletions struck through (`<del>`), moved and renumbered articles marked, A4 print stylesheet
 * (usable as a PDF through the browser's print). The fragment itself comes from
 * `shared/redline/html.ts`, which the client injects as is.
 */
import type { Redline } from '../redline/types.ts';
import { redlineToHtml, REDLINE_CSS, type RedlineHtmlOptions } from '../redline/html.ts';
import { htmlPage } from './document-html.ts';

/** A Redline as a standalone HTML page (string). */
export function redlinePage(redline: Redline, options: RedlineHtmlOptions = {}): string {
  const title = `Redline: ${redline.to.title} (${redline.from.label} → ${redline.to.label})`;
  return htmlPage(title, REDLINE_CSS, `<h1 class="rl-title">${escape(redline.to.title)}</h1>\n${redlineToHtml(redline, options)}`);
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
