/**
 * Articles and their status (mounted under /api):
 * - `GET /api/documents/:id/articles` → `[{ id, number, heading, status, openBrackets }]`, every
 *   article in document order (`openBrackets` counts open proposals, inline alternatives once);
 * - `POST /api/documents/:id/articles/:articleId/status` `{ status }` with status `open`,
 *   `first-reading`, `second-reading` or `agreed` → `{ article, resolution }` for the chair (a live
 *   server edit every client sees, recorded with action `status`; `resolution` is null when the
 *   article already had that status); 403 for anyone else and nothing changes; 404 unknown
 *   article; 400 bad body.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Node } from 'prosemirror-model';
import { articles, proposalCounts } from '../../shared/model/index.ts';
import { mayResolve } from '../../shared/permissions/index.ts';
import { isArticleStatus } from '../../shared/resolution/index.ts';
import { ARTICLE_STATUSES } from '../../shared/schema/index.ts';
import { DocumentNotFoundError } from '../sync/rooms.ts';
import { applyArticleStatus, currentTreaty } from '../resolution/index.ts';
import type { AppEnv } from './env.ts';

/** One article as the API lists it. */
export interface ArticleSummary {
  id: string;
  number: string;
  heading: string;
  status: string;
  openBrackets: number;
}

/** The article summaries of `doc`, in document order. */
export function articleSummaries(doc: Node): ArticleSummary[] {
  const counts = proposalCounts(doc);
  return articles(doc).map((a) => ({
    id: a.id, number: a.number, heading: a.heading, status: String(a.node.attrs.status ?? 'open'), openBrackets: counts.get(a.id) ?? 0,
  }));
}

async function treatyOr404(c: Context<AppEnv>, id: string): Promise<Node> {
  try {
    return await currentTreaty(c.var.rooms, id);
  } catch (error) {
    if (error instanceof DocumentNotFoundError) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    throw error;
  }
}

/** Article route group (paths relative to /api). */
export const articleRoutes = new Hono<AppEnv>()
  .get('/documents/:id/articles', async (c) => c.json(articleSummaries(await treatyOr404(c, c.req.param('id')))))
  .post('/documents/:id/articles/:articleId/status', async (c) => {
    const account = c.var.account;
    if (!mayResolve(account)) throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not change an article's status` });
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = null;
    }
    const status = body && typeof body === 'object' ? (body as Record<string, unknown>).status : undefined;
    if (!isArticleStatus(status)) throw new HTTPException(400, { message: `Body must be {"status": ...} with one of ${ARTICLE_STATUSES.join(', ')}, not ${JSON.stringify(body)}` });
    const id = c.req.param('id');
    await treatyOr404(c, id);
    const articleId = c.req.param('articleId');
    const resolution = await applyArticleStatus(c.var.rooms, c.var.store, account, id, articleId, status);
    const article = articleSummaries(await currentTreaty(c.var.rooms, id)).find((a) => a.id === articleId) ?? null;
    return c.json({ article, resolution });
  });
