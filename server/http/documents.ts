/**
 * Documents and the signed-in account (mounted under /api, behind `requireAccount`):
 * `GET /api/me` → Account; `GET /api/documents` → DocumentRecord[];
 * `GET /api/documents/:id` → DocumentRecord & { doc } (ProseMirror JSON of the current state);
 * `POST /api/documents/:id/renumber` → 200 `{ changed, articles: [{ from, to }] }`: the final
 * sequential numbering, cross-references following, as one server edit (secretariat and chair;
 * others 403).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import { renumberLive } from '../resolution/index.ts';
import { mayCutVersion } from '../versions/index.ts';
import type { AppEnv } from './env.ts';

/** Document route group (paths relative to /api). */
export const documentRoutes = new Hono<AppEnv>()
  .get('/me', (c) => c.json(c.var.account))
  .get('/documents', async (c) => c.json(await c.var.store.listDocuments()))
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
  .post('/documents/:id/renumber', async (c) => {
    const account = c.var.account;
    if (!mayCutVersion(account)) throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not renumber the text; only the secretariat and the chair may` });
    const id = c.req.param('id');
    if (!(await c.var.store.getDocument(id))) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    return c.json(await renumberLive(c.var.rooms, account, id));
  });
