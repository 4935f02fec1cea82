/**
 * The resolution record in words — one sentence per decision ("Kept “with ITU Membership”
 * (proposed by US)", "Chose option 2: “unsolicited messages”", "Marked agreed ad referendum") —
 * and a day's record as a meeting summary, a standalone HTML page or a Word document. Pure: the
 * server sends the string or bytes as they are; the history panel uses the same sentences.
 */
import type { ResolutionDescription, ResolutionEntry } from '../api/index.ts';

/** The words of a status as the record says them. */
export const STATUS_WORDS: Record<string, string> = {
  open: 'open', 'first-reading': 'in first reading', 'second-reading': 'in second reading', agreed: 'agreed ad referendum',
};

const quote = (text: string) => `“${text.replace(/\s+/g, ' ').trim()}”`;

/** "Article 5 bis – Scope", or "Outside the articles". */
export function articleCaption(description: Pick<ResolutionDescription, 'article'>): string {
  const a = description.article;
  if (!a) return 'Outside the articles';
  return `Article ${a.number}${a.heading ? ` – ${a.heading}` : ''}`;
}

/** One sentence saying what was decided, without the article: "Kept “…” (proposed by FR, KE)." */
export function decisionSentence(d: ResolutionDescription): string {
  const by = d.sponsors.length ? ` (proposed by ${d.sponsors.join(', ')})` : '';
  switch (d.decision) {
    case 'kept': return `Kept ${quote(d.text)}${by}.`;
    case 'dropped': return `Dropped ${quote(d.text)}${by}.`;
    case 'chose': return d.option ? `Chose option ${d.option.index}: ${d.option.text ? quote(d.option.text) : 'no text'}${by}.` : `Chose an option${by}.`;
    case 'status': return d.status === 'open' ? 'Reopened the article.' : `Marked the article ${STATUS_WORDS[d.status ?? ''] ?? d.status ?? 'with a new status'}.`;
    case 'undone': return `Undid an earlier decision on ${quote(d.text)}.`;
    default: return `${String(d.decision)} ${quote(d.text)}.`;
  }
}

/** "… the words before [bracket] the words after …", or "" when there is no context. */
export function contextLine(d: ResolutionDescription): string {
  if (d.decision === 'status' || (!d.context.before && !d.context.after)) return '';
  return `${d.context.before} [${d.text.length > 80 ? `${d.text.slice(0, 77)}…` : d.text}] ${d.context.after}`.trim();
}

/** "Chair of the committee (CHAIR), 10:42" — who decided and at what time (UTC). */
export function whoAndWhen(entry: ResolutionEntry): string {
  const time = new Date(entry.createdAt).toISOString().slice(11, 16);
  const who = entry.account ? `${entry.account.name} (${entry.account.delegation})` : 'The chair';
  return `${who}, ${time} UTC`;
}

/** The entries of `entries` made on the UTC day `date` ("2026-12-02"), oldest first. */
export function entriesOfDay(entries: readonly ResolutionEntry[], date: string): ResolutionEntry[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`Date must read YYYY-MM-DD, not ${JSON.stringify(date)}`);
  const start = Date.parse(`${date}T00:00:00Z`);
  return entries.filter((e) => e.createdAt >= start && e.createdAt < start + 86_400_000).sort((a, b) => a.createdAt - b.createdAt);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What a meeting summary is about: the document's title and symbol, and the day. */
export interface SummaryHeader { title: string; symbol?: string | null; date: string }

/** The day's decisions as a standalone HTML page: one numbered entry per decision, by article. */
export function meetingSummaryHtml(entries: readonly ResolutionEntry[], header: SummaryHeader): string {
  const items = entries.map((e) => {
    const context = contextLine(e);
    return `<li class="decision decision-${escapeHtml(e.decision)}"><p class="article">${escapeHtml(articleCaption(e))}</p>`
      + `<p class="sentence">${escapeHtml(decisionSentence(e))}</p>`
      + (context ? `<p class="context">${escapeHtml(context)}</p>` : '')
      + `<p class="who">${escapeHtml(whoAndWhen(e))}</p></li>`;
  }).join('\n');
  const heading = `Decisions of ${header.date}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`${header.title} — ${heading}`)}</title>
<style>
body { font: 12pt/1.45 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; } .meta { color: #555; margin-top: 0; }
ol { padding-left: 1.4rem; } li { margin: 0 0 1rem; } li p { margin: 0.1rem 0; }
.article { font-weight: bold; } .context { color: #444; font-style: italic; } .who { color: #666; font-size: 0.9em; }
@page { size: A4; margin: 2cm; }
</style></head>
<body><h1>${escapeHtml(header.title)}</h1>
<p class="meta">${escapeHtml([header.symbol, heading, `${entries.length} decision${entries.length === 1 ? '' : 's'}`].filter(Boolean).join(' · '))}</p>
${entries.length ? `<ol class="decisions">\n${items}\n</ol>` : '<p>No decisions were recorded on this day.</p>'}
</body></html>`;
}
