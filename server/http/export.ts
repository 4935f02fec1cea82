/**
 * Exports of one text of a document (mounted under /api):
 * `GET /api/documents/:id/export?format=akn|html|docx&version=<versionId|current|base|ISO time>&view=bracketed|clean`.
 * `akn` is Akoma Ntoso 3.0 XML (shared/export/akn.ts), `html` a standalone page (bracketed or
 * clean view), `docx` a Word file without revisions. `version` defaults to `current`.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { documentToAkn, documentPage, documentToDocx } from '../../shared/export/index.ts';
import { resolveText, type NamedText } from '../versions/index.ts';
import type { AppEnv } from './env.ts';

/** The Expression of a text: a version's or a moment's date and label; the current text is the document's own Expression. */
export function aknVersion(text: NamedText): { date?: string; version?: string } {
  if (text.side.ref === 'current' || text.side.ref === 'base' || !text.side.at) return {};
  return { date: text.side.at.slice(0, 10), version: text.version?.label ?? text.side.ref.slice(0, 19) };
}

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
    const text = await resolveText(c.var.store, c.var.rooms, record, c.req.query('version') ?? 'current');
    if (format === 'html') return c.html(documentPage(text.doc, { view }));
    if (format === 'akn') {
      c.header('Content-Disposition', `attachment; filename="${attachmentName(record.title, 'xml')}"`);
      return c.body(documentToAkn(text.doc, aknVersion(text)), 200, { 'Content-Type': 'application/akn+xml; charset=utf-8' });
    }
    c.header('Content-Disposition', `attachment; filename="${attachmentName(record.title, 'docx')}"`);
    return c.body(documentToDocx(text.doc, { versionLabel: text.side.label, date: text.side.at ?? undefined }) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX_TYPE });
  });
