/**
 * Versions (mounted under /api):
 * - `POST /api/documents/:id/versions` `{ label }` → 201 `{ id, docId, label, createdAt, author }`
 *   (secretariat and chair; others 403); 409 when the document already has a version with that
 *   label (compared without regard to case), and nothing is cut. Cutting the first version freezes
 *   the document's numbering (an ordinary server edit before the version is taken);
 * - `GET /api/documents/:id/versions` → the versions, newest first (any signed-in account);
 * - `PATCH /api/documents/:id/versions/:versionId` `{ label }` → the renamed version (secretariat
 *   and chair; 409 when another version has that label);
 * - `POST /api/documents/:id/versions/:versionId/restore` → `{ restored, changed }`: the live text
 *   becomes the version's through one server-side edit every connected client receives
 *   (secretariat and chair); the log is never rewritten;
 * - `POST /api/documents/:id/versions/:versionId/fork` `{ title? }` → 201 the new DocumentRecord
 *   started from the version (secretariat and chair).
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DocumentRecord } from '../storage/types.ts';
import { cutVersion, forkVersion, mayCutVersion, restoreVersion, summarizeVersion, versionOf } from '../versions/index.ts';
import { freezeLive } from '../resolution/index.ts';
import type { AppEnv } from './env.ts';
import { MAX_TITLE_LENGTH, optionalString } from './fields.ts';

/** Label checks and cuts of one document run one at a time, so that two cuts cannot share a label. */
const labelLocks = new Map<string, Promise<unknown>>();

function withLabelLock<T>(docId: string, work: () => Promise<T>): Promise<T> {
  const previous = labelLocks.get(docId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  labelLocks.set(docId, next);
  void next.finally(() => { if (labelLocks.get(docId) === next) labelLocks.delete(docId); }).catch(() => undefined);
  return next;
}

/** The label of a request body, trimmed; 400 unless a non-empty string of at most 200 characters. */
function labelOf(body: Record<string, unknown>): string {
  const label = typeof body.label === 'string' ? body.label.trim() : '';
  if (!label || label.length > 200) throw new HTTPException(400, { message: `Version label must be a non-empty string of at most 200 characters, not ${JSON.stringify(body.label)}` });
  return label;
}

/** 409 when a version of `docId` other than `exceptId` is labelled `label` (case aside). */
async function requireUniqueLabel(c: Context<AppEnv>, docId: string, label: string, exceptId?: string): Promise<void> {
  const clash = (await c.var.store.listVersions(docId)).find((v) => v.id !== exceptId && v.label.toLowerCase() === label.toLowerCase());
  if (clash) throw new HTTPException(409, { message: `This document already has a version labelled "${clash.label}"; choose another label` });
}

async function documentOr404(c: Context<AppEnv>): Promise<DocumentRecord> {
  const id = c.req.param('id')!;
  const record = await c.var.store.getDocument(id);
  if (!record) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
  return record;
}

function requireVersionRole(c: Context<AppEnv>, action: string): void {
  const account = c.var.account;
  if (!mayCutVersion(account)) throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not ${action}; only the secretariat and the chair may` });
}

async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch { /* reported below */ }
  throw new HTTPException(400, { message: `Body must be a JSON object such as {"label":"Rev.1"}, not ${JSON.stringify(text.slice(0, 80))}` });
}

/** Version route group (paths relative to /api). */
export const versionRoutes = new Hono<AppEnv>()
  .post('/documents/:id/versions', async (c) => {
    requireVersionRole(c, 'cut versions');
    const record = await documentOr404(c);
    const label = labelOf(await jsonBody(c));
    const version = await withLabelLock(record.id, async () => {
      await requireUniqueLabel(c, record.id, label);
      await freezeLive(c.var.rooms, c.var.account, record.id);
      return cutVersion(c.var.rooms, c.var.store, c.var.account, record.id, label);
    });
    return c.json(await summarizeVersion(c.var.store, version), 201);
  })
  .get('/documents/:id/versions', async (c) => {
    const record = await documentOr404(c);
    const versions = (await c.var.store.listVersions(record.id)).reverse();
    return c.json(await Promise.all(versions.map((v) => summarizeVersion(c.var.store, v))));
  })
  .patch('/documents/:id/versions/:versionId', async (c) => {
    requireVersionRole(c, 'rename versions');
    const record = await documentOr404(c);
    const version = await versionOf(c.var.store, record.id, c.req.param('versionId'));
    const label = labelOf(await jsonBody(c));
    const renamed = await withLabelLock(record.id, async () => {
      await requireUniqueLabel(c, record.id, label, version.id);
      return c.var.store.renameVersion(version.id, label);
    });
    return c.json(await summarizeVersion(c.var.store, renamed!));
  })
  .post('/documents/:id/versions/:versionId/restore', async (c) => {
    requireVersionRole(c, 'restore versions');
    const record = await documentOr404(c);
    const version = await versionOf(c.var.store, record.id, c.req.param('versionId'));
    const changed = await restoreVersion(c.var.rooms, c.var.account, version);
    return c.json({ restored: await summarizeVersion(c.var.store, version), changed });
  })
  .post('/documents/:id/versions/:versionId/fork', async (c) => {
    requireVersionRole(c, 'start documents from versions');
    const record = await documentOr404(c);
    const version = await versionOf(c.var.store, record.id, c.req.param('versionId'));
    const body = await jsonBody(c);
    const created = await forkVersion(c.var.store, c.var.account, record, version, optionalString(body, 'title', MAX_TITLE_LENGTH));
    return c.json(created, 201);
  });
