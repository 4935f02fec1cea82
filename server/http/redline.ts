/**
 * The redline of a document (mounted under /api):
 * `GET /api/documents/:id/redline?from=<versionId|base|ISO time>&to=<versionId|current|ISO time>&format=json|html|docx|akn`.
 * `from` defaults to `base` when the document has a base text, else to its first version; `to`
 * defaults to `current`. `json` is the `Redline` of shared/redline; `html` a standalone page;
 * `docx` Word with tracked changes that accept to the `to` text and reject to the `from`
 * text, each signed from the update log with who made it and when (server/versions/attribution.ts);
 * changes no log explains (against a base text) are signed by the issuing body at the `to` side's time;
 * `akn` the Akoma Ntoso text of the `to` side (Akoma Ntoso has no redline form).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { compareDocuments } from '../../shared/redline/index.ts';
import { redlinePage, redlineToDocx, documentToAkn, documentMetadata } from '../../shared/export/index.ts';
import { resolveText, redlineAuthorship } from '../versions/index.ts';
import type { AppEnv } from './env.ts';
import { attachmentName, DOCX_TYPE } from './export.ts';

const FORMATS = ['json', 'html', 'docx', 'akn'] as const;

/** Redline route group (paths relative to /api). */
export const redlineRoutes = new Hono<AppEnv>()
  .get('/documents/:id/redline', async (c) => {
    const id = c.req.param('id');
    const record = await c.var.store.getDocument(id);
    if (!record) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    const format = (c.req.query('format') ?? 'json') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new HTTPException(400, { message: `Unknown format ${JSON.stringify(format)}; use ${FORMATS.join(', ')}` });
    let fromRef = c.req.query('from');
    if (!fromRef) {
      if (record.base) fromRef = 'base';
      else {
        const first = (await c.var.store.listVersions(id))[0];
        if (!first) throw new HTTPException(400, { message: `Document ${JSON.stringify(id)} has neither a base text nor a version; give from=<ISO time>` });
        fromRef = first.id;
      }
    }
    const from = await resolveText(c.var.store, c.var.rooms, record, fromRef);
    const to = await resolveText(c.var.store, c.var.rooms, record, c.req.query('to') ?? 'current');
    if (format === 'akn') {
      c.header('Content-Disposition', `attachment; filename="${attachmentName(record.title, 'xml')}"`);
      return c.body(documentToAkn(to.doc), 200, { 'Content-Type': 'application/akn+xml; charset=utf-8' });
    }
    const redline = compareDocuments(from.doc, to.doc, { from: from.side, to: to.side });
    if (format === 'json') return c.json(redline);
    if (format === 'html') return c.html(redlinePage(redline));
    const issuer = documentMetadata(to.doc).issuer;
    const authorship = await redlineAuthorship(c.var.store, id, issuer, from, to);
    const bytes = redlineToDocx(from.doc, to.doc, { ...authorship, author: issuer, date: to.side.at ?? new Date().toISOString(), versionLabel: `${from.side.label} → ${to.side.label}` });
    c.header('Content-Disposition', `attachment; filename="${attachmentName(`${record.title} redline`, 'docx')}"`);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX_TYPE });
  });
