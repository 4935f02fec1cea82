/**
 * Brackets and the chair's resolutions (mounted under /api):
 * - `GET /api/documents/:id/brackets` → `[{ id, kind, shape, text, sponsors, article, options?, status }]`,
 *   the open proposals: `kind` insert, delete or alternatives (block alternatives and inline brackets
 *   sharing a group, one entry with its `options`), `shape` inline, block or alternatives;
 * - `POST /api/documents/:id/brackets/:bracketId/resolve` `{ action: 'keep'|'drop'|'choose', optionId? }`
 *   → the resolution record (chairs only; 403 otherwise, 404 unknown bracket, 400 bad body);
 * - `POST /api/documents/:id/articles/:articleId/resolve` `{ action: 'keep'|'drop' }` → the records;
 * - `GET /api/documents/:id/resolutions` → every resolution, oldest first, with its author's
 *   `account: { name, delegation }` and, in words, `article: { id, number, heading }`, `text` (the
 *   bracket's words), `context: { before, after }`, `sponsors`, `decision` (`kept` | `dropped` |
 *   `chose` with `option: { index, text }` (index from 1) | `status` with `status` | `undone`);
 * - `GET /api/documents/:id/resolutions/summary?date=YYYY-MM-DD&format=html|docx` → the decisions
 *   of that day (UTC; default today) as a meeting summary page or Word document;
 * - `POST /api/documents/:id/resolutions/:resolutionId/undo` → the `undo` records (chairs only;
 *   403 otherwise, 404 unknown resolution, 409 already undone) — a new live edit reverting it;
 * - `GET /api/documents/:id/text?view=bracketed|clean[&format=html]` → the text as plain text or HTML.
 * A resolution is one server-side edit through the room (logged, applied, broadcast, origin
 * `resolution`), recorded with the text before and after.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listProposals, proposalKind, plainText } from '../../shared/model/index.ts';
import { documentPage } from '../../shared/export/index.ts';
import { mayResolve } from '../../shared/permissions/index.ts';
import { RESOLUTION_ACTIONS, entriesOfDay, meetingSummaryHtml, type ResolutionAction } from '../../shared/resolution/index.ts';
import { meetingSummaryDocx } from '../../shared/resolution/summary-docx.ts';
import { resolutionEntries } from '../resolution/index.ts';
import { attachmentName, DOCX_TYPE } from './export.ts';
import { DocumentNotFoundError } from '../sync/rooms.ts';
import { applyResolution, currentTreaty, undoResolution } from '../resolution/index.ts';
import type { AppEnv } from './env.ts';

async function readJson(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await c.req.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch { /* reported below */ }
  throw new HTTPException(400, { message: 'Body must be a JSON object such as {"action":"keep"}' });
}

async function treatyOr404(c: Context<AppEnv>, id: string) {
  try {
    return await currentTreaty(c.var.rooms, id);
  } catch (error) {
    if (error instanceof DocumentNotFoundError) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    throw error;
  }
}

function requireChair(c: Context<AppEnv>): void {
  const account = c.var.account;
  if (!mayResolve(account)) throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not resolve brackets` });
}

/** Bracket and resolution route group (paths relative to /api). */
export const bracketRoutes = new Hono<AppEnv>()
  .get('/documents/:id/brackets', async (c) => {
    const doc = await treatyOr404(c, c.req.param('id'));
    return c.json(listProposals(doc).map((b) => ({
      id: b.id, kind: proposalKind(b), shape: b.kind, text: b.text, sponsors: b.sponsors,
      article: b.articleId ? { id: b.articleId, number: b.articleNumber } : null,
      ...(b.group ? { group: b.group } : {}),
      ...(b.markKind ? { markKind: b.markKind } : {}),
      ...(b.options ? { options: b.options.map((o) => ({ id: o.id, label: o.label, text: o.text, sponsors: o.sponsors, ...(o.markKind ? { kind: o.markKind } : {}) })) } : {}),
      status: 'open',
    })));
  })
  .post('/documents/:id/brackets/:bracketId/resolve', async (c) => {
    requireChair(c);
    const body = await readJson(c);
    const action = body.action as ResolutionAction;
    if (!RESOLUTION_ACTIONS.includes(action)) throw new HTTPException(400, { message: `Unknown action ${JSON.stringify(body.action)}; use keep, drop or choose` });
    if (body.optionId !== undefined && typeof body.optionId !== 'string') throw new HTTPException(400, { message: `optionId must be a string, not ${JSON.stringify(body.optionId)}` });
    if (action === 'choose' && body.optionId === undefined) throw new HTTPException(400, { message: 'choose needs an optionId' });
    const id = c.req.param('id');
    await treatyOr404(c, id);
    const records = await applyResolution(c.var.rooms, c.var.store, c.var.account, id, { bracketId: c.req.param('bracketId'), action, optionId: body.optionId as string | undefined });
    return c.json(records[0]);
  })
  .post('/documents/:id/articles/:articleId/resolve', async (c) => {
    requireChair(c);
    const body = await readJson(c);
    if (body.action !== 'keep' && body.action !== 'drop') throw new HTTPException(400, { message: `Unknown bulk action ${JSON.stringify(body.action)}; use keep or drop` });
    const id = c.req.param('id');
    await treatyOr404(c, id);
    const records = await applyResolution(c.var.rooms, c.var.store, c.var.account, id, { articleId: c.req.param('articleId'), action: body.action });
    return c.json(records);
  })
  .get('/documents/:id/resolutions', async (c) => {
    const id = c.req.param('id');
    if (!(await c.var.store.getDocument(id))) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    return c.json(await resolutionEntries(c.var.store, id, await treatyOr404(c, id)));
  })
  .get('/documents/:id/resolutions/summary', async (c) => {
    const id = c.req.param('id');
    const record = await c.var.store.getDocument(id);
    if (!record) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    const format = c.req.query('format') ?? 'html';
    if (format !== 'html' && format !== 'docx') throw new HTTPException(400, { message: `Unknown format ${JSON.stringify(format)}; use html or docx` });
    const date = c.req.query('date') ?? new Date().toISOString().slice(0, 10);
    const doc = await treatyOr404(c, id);
    let day;
    try {
      day = entriesOfDay(await resolutionEntries(c.var.store, id, doc), date);
    } catch (error) {
      if (error instanceof RangeError) throw new HTTPException(400, { message: error.message });
      throw error;
    }
    const header = { title: record.title, symbol: (doc.firstChild?.attrs.symbol as string | null) ?? null, date };
    if (format === 'html') return c.html(meetingSummaryHtml(day, header));
    c.header('Content-Disposition', `attachment; filename="${attachmentName(`${record.title} decisions ${date}`, 'docx')}"`);
    return c.body((await meetingSummaryDocx(day, header)) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX_TYPE });
  })
  .post('/documents/:id/resolutions/:resolutionId/undo', async (c) => {
    requireChair(c);
    const id = c.req.param('id');
    await treatyOr404(c, id);
    return c.json(await undoResolution(c.var.rooms, c.var.store, c.var.account, id, c.req.param('resolutionId')));
  })
  .get('/documents/:id/text', async (c) => {
    const view = c.req.query('view') ?? 'bracketed';
    if (view !== 'bracketed' && view !== 'clean') throw new HTTPException(400, { message: `Unknown view ${JSON.stringify(view)}; use bracketed or clean` });
    const doc = await treatyOr404(c, c.req.param('id'));
    if (c.req.query('format') === 'html') return c.html(documentPage(doc, { view }));
    return c.text(plainText(doc, { clean: view === 'clean' }));
  });
