/**
 * The negotiation dashboard (`#/doc/<id>/dashboard`): per article its reading status, open
 * brackets, options and comments, the totals for the text, and a chart of the brackets and options
 * in each version and now (`GET /api/documents/:id/dashboard`). The chair sets an article's status
 * from here (open, first reading, second reading, agreed ad referendum) through
 * `POST /api/documents/:id/articles/:articleId/status`; the record keeps every change.
 */
import type { ArticleProgress, NegotiationCounts } from '../../shared/model/index.ts';
import { api, post, type Account, type DocumentSummary } from '../connection/index.ts';
import { el } from '../panels/jump.ts';
import { plainMessage } from '../panels/messages.ts';
import { progressChart, type ChartPoint } from './dashboard-chart.ts';

/** The answer of `GET /api/documents/:id/dashboard`. */
export interface Dashboard {
  articles: ArticleProgress[];
  totals: NegotiationCounts & { articles: number; agreed: number };
  versions: Array<ChartPoint & { id: string; createdAt: number }>;
}

/** The reading statuses, in order, with their words. */
export const STATUS_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'open', label: 'Open' },
  { value: 'first-reading', label: 'First reading' },
  { value: 'second-reading', label: 'Second reading' },
  { value: 'agreed', label: 'Agreed ad referendum' },
];

const statusLabel = (status: string) => STATUS_CHOICES.find((s) => s.value === status)?.label ?? status;

/** Render the dashboard of `summary` for `account` into `root`. */
export function renderDashboard(root: HTMLElement, account: Account, summary: DocumentSummary): { destroy(): void } {
  document.title = `${summary.title} — dashboard`;
  const base = `/api/documents/${encodeURIComponent(summary.id)}`;
  const page = el('main', 'dashboard');
  const head = el('header', 'topbar');
  const home = el('a', 'brand', 'Plenipo');
  home.href = '#/';
  const back = el('a', 'button-link', 'Back to the text');
  back.href = `#/doc/${encodeURIComponent(summary.id)}`;
  head.append(home, el('div', 'doc-name', `${summary.title} — negotiation dashboard`), back);
  const status = el('p', 'panel-status');
  const totals = el('div', 'dashboard-totals');
  const chart = el('figure', 'dashboard-chart');
  const table = el('table', 'dashboard-table');
  page.append(status, totals, chart, table);
  root.replaceChildren(head, page);
  const chair = account.role === 'chair';
  let destroyed = false;

  const render = (data: Dashboard) => {
    const t = data.totals;
    totals.replaceChildren(...[
      ['Articles', t.articles], ['Agreed ad referendum', t.agreed], ['Open brackets', t.brackets], ['Options', t.options], ['Open comments', t.comments],
    ].map(([label, value]) => {
      const box = el('div', 'dashboard-total');
      box.append(el('strong', '', String(value)), el('span', '', String(label)));
      return box;
    }));
    chart.replaceChildren(progressChart(data.versions), el('figcaption', '', 'Open brackets and options in each version and now'));
    table.replaceChildren();
    const header = table.createTHead().insertRow();
    for (const h of ['Article', 'Status', 'Open brackets', 'Options', 'Comments']) header.append(el('th', '', h));
    const body = table.createTBody();
    for (const a of data.articles) {
      const row = body.insertRow();
      row.dataset.article = a.id;
      row.className = `status-${a.status}`;
      row.insertCell().textContent = `Article ${a.number}${a.heading ? ` – ${a.heading}` : ''}`;
      const cell = row.insertCell();
      if (chair) {
        const select = el('select');
        select.name = 'status';
        select.setAttribute('aria-label', `Status of Article ${a.number}`);
        for (const choice of STATUS_CHOICES) select.append(new Option(choice.label, choice.value, false, choice.value === a.status));
        select.addEventListener('change', async () => {
          status.textContent = `Setting Article ${a.number} to ${statusLabel(select.value).toLowerCase()}…`;
          try {
            await post(`${base}/articles/${encodeURIComponent(a.id)}/status`, { status: select.value });
            status.textContent = `Article ${a.number}: ${statusLabel(select.value).toLowerCase()}.`;
          } catch (error) {
            status.textContent = plainMessage(error);
          }
          await refresh();
        });
        cell.append(select);
      } else {
        cell.append(el('span', `status-badge status-${a.status}`, statusLabel(a.status)));
      }
      for (const n of [a.brackets, a.options, a.comments]) {
        const c = row.insertCell();
        c.className = 'number';
        c.textContent = String(n);
      }
    }
  };

  const refresh = async () => {
    try {
      const data = await api<Dashboard>(`${base}/dashboard`);
      if (!destroyed) render(data);
    } catch (error) {
      status.textContent = plainMessage(error);
    }
  };
  void refresh();
  return { destroy() { destroyed = true; } };
}
