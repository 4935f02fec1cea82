/**
 * Exports of one text of a document (mounted under /api):
 * `GET /api/documents/:id/export?format=akn|html|docx&version=<versionId|current|base|ISO time>&view=bracketed|clean`.
 * `akn` is Akoma Ntoso 3.0 XML (shared/export/akn.ts), `html` a standalone page (bracketed or
 * clean view), `docx` a Word file without revisions. `version` defaults to `current`.
 * The file is built on a worker thread (`server/jobs/`): 503 when too many wait.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { jobText } from '../jobs/index.ts';
import type { AppEnv } from './env.ts';

/** MIME type of .docx files. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A safe download file name from a title: "Protocol on Cybercrime" → "protocol-on-cybercrime.docx". */
export function attachmentName(title: string, extension: string): string {
  const stem = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'document';
  return `${stem}.${extension}`;
}

/** Export route group (paths relative to /api). */
export const exportRoutes = new Hono<AppEnv>()
  .get('/documents/:id/export', async (c) => {
    const id = c.req.param('id');
    const record = await c.var.store.getDocument(id);
    if (!record) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    const format = c.req.query('format') ?? 'akn';
    const view = c.req.query('view') ?? 'bracketed';
    if (view !== 'bracketed' && view !== 'clean') throw new HTTPException(400, { message: `Unknown view ${JSON.stringify(view)}; use bracketed or clean` });
    if (format !== 'akn' && format !== 'html' && format !== 'docx') throw new HTTPException(400, { message: `Unknown format ${JSON.stringify(format)}; use akn, html or docx` });
    const { text } = await jobText(c.var.store, c.var.rooms, c.var.jobs, record, c.req.query('version') ?? 'current');
    const result = await c.var.jobs.run('export', { text, format, view });
    if (format === 'html') return c.html(result as string);
    if (format === 'akn') {
      c.header('Content-Disposition', `attachment; filename="${attachmentName(record.title, 'xml')}"`);
      return c.body(result as string, 200, { 'Content-Type': 'application/akn+xml; charset=utf-8' });
    }
    c.header('Content-Disposition', `attachment; filename="${attachmentName(record.title, 'docx')}"`);
    return c.body(result as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX_TYPE });
  });
