/**
 * Documents and the signed-in account (mounted under /api, behind `requireAccount`):
 * `GET /api/me` → Account; `GET /api/documents` → DocumentRecord[];
 * `POST /api/documents` `{ title, text?, base? }` → 201 `{ id, report: { articles, unplaced } }`: a
 * new document imported from plain text (the lines the importer could not place are listed, with
 * the reason), or an empty one with a first article (secretariat and chair; others 403);
 * `GET /api/documents/:id` → DocumentRecord & { doc } (ProseMirror JSON of the current state);
 * `GET /api/documents/:id/dashboard` → `{ articles, totals, versions }`: per article its status,
 * open brackets, options and open comments, the totals of the live text, and the totals of every
 * version (oldest first, the live text last as `{ id: 'current' }`) for the chart;
 * `POST /api/documents/:id/renumber` → 200 `{ changed, articles: [{ from, to }] }`: the final
 * sequential numbering, cross-references following, as one server edit (secretariat and chair;
 * others 403).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import { renumberLive, currentTreaty } from '../resolution/index.ts';
import { versionProgress } from '../versions/progress.ts';
import { textProgress } from '../../shared/model/index.ts';
import { newDocument } from '../../shared/import/index.ts';
import { importProseMirrorDocument } from '../import-document.ts';
import { MAX_TITLE_LENGTH, optionalString, readJsonObject, requireString } from './fields.ts';

/** Longest text accepted for an import, characters (a long treaty is well under 2 MB). */
const MAX_IMPORT_TEXT = 2_000_000;
import { mayCutVersion } from '../versions/index.ts';
import type { AppEnv } from './env.ts';

/** Document route group (paths relative to /api). */
export const documentRoutes = new Hono<AppEnv>()
  .get('/me', (c) => c.json(c.var.account))
  .get('/documents', async (c) => c.json(await c.var.store.listDocuments()))
  .post('/documents', async (c) => {
    const account = c.var.account;
    if (!mayCutVersion(account)) throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not create documents; only the secretariat and the chair may` });
    const body = await readJsonObject(c, '{"title":"Protocol","text":"Article 1 ..."}');
    const title = requireString(body, 'title', MAX_TITLE_LENGTH);
    const base = optionalString(body, 'base', 100) ?? null;
    if (body.text !== undefined && body.text !== null && (typeof body.text !== 'string' || body.text.length > MAX_IMPORT_TEXT)) {
      throw new HTTPException(400, { message: `text must be a string of at most ${MAX_IMPORT_TEXT} characters` });
    }
    const created = newDocument({ title, text: body.text as string | undefined, base });
    const record = await importProseMirrorDocument(c.var.store, { json: created.json, title, base, accountId: account.id });
    return c.json({ id: record.id, title: record.title, report: created.report }, 201);
  })
  .get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const record = await c.var.store.getDocument(id);
    if (!record) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    const ydoc = await c.var.rooms.snapshot(id);
    try {
      return c.json({ ...record, doc: yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(PROSEMIRROR_ROOT)) });
    } finally {
      ydoc.destroy();
    }
  })
  .get('/documents/:id/dashboard', async (c) => {
    const id = c.req.param('id');
    if (!(await c.var.store.getDocument(id))) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    const live = textProgress(await currentTreaty(c.var.rooms, id));
    const versions = (await c.var.store.listVersions(id)).map((v) => ({ id: v.id, label: v.label, createdAt: v.createdAt, ...versionProgress(v) }));
    const { brackets, options, comments } = live.totals;
    return c.json({ ...live, versions: [...versions, { id: 'current', label: 'Now', createdAt: Date.now(), brackets, options, comments }] });
  })
  .post('/documents/:id/renumber', async (c) => {
    const account = c.var.account;
    if (!mayCutVersion(account)) throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not renumber the text; only the secretariat and the chair may` });
    const id = c.req.param('id');
    if (!(await c.var.store.getDocument(id))) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    return c.json(await renumberLive(c.var.rooms, account, id));
  });
