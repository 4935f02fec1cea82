/**
 * The redline of a document (mounted under /api):
 * `GET /api/documents/:id/redline?from=<versionId|base|ISO time>&to=<versionId|current|ISO time>&format=json|html|docx|akn`.
 * `from` defaults to `base` when the document has a base text, else to its first version; `to`
 * defaults to `current`. `json` is the `Redline` of shared/redline; `html` a standalone page;
 * `docx` Word with tracked changes that accept to the `to` text and reject to the `from`
 * text, each signed from the update log with who made it and when (server/versions/attribution.ts);
 * changes no log explains (against a base text) are signed by the issuing body at the `to` side's time.
 * The Word redline is built on the event loop: its attribution reads the log and the Yjs states
 * (not yet a worker job);
 * `akn` Akoma Ntoso 3.0 of the `to` side (its Expression) with the changes marked inline as `<ins>` /
 * `<del>`, removed articles shown where they stood, and insertions, repeals, substitutions, moves and
 * renumbering recorded as `textualMod`s in `<analysis>` (shared/export/akn-redline.ts).
 * The texts are compared and rendered on a worker thread (`server/jobs/`): 503 when too many wait.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Redline } from '../../shared/redline/index.ts';
import { redlineToDocx, documentMetadata } from '../../shared/export/index.ts';
import { jobText } from '../jobs/index.ts';
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
    if (format === 'docx') {
      const fromText = await resolveText(c.var.store, c.var.rooms, record, fromRef);
      const toText = await resolveText(c.var.store, c.var.rooms, record, c.req.query('to') ?? 'current');
      const issuer = documentMetadata(toText.doc).issuer;
      const authorship = await redlineAuthorship(c.var.store, id, issuer, fromText, toText);
      const bytes = redlineToDocx(fromText.doc, toText.doc, { ...authorship, author: issuer, date: toText.side.at ?? new Date().toISOString(), versionLabel: `${fromText.side.label} → ${toText.side.label}` });
      c.header('Content-Disposition', `attachment; filename="${attachmentName(`${record.title} redline`, 'docx')}"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX_TYPE });
    }
    const from = await jobText(c.var.store, c.var.rooms, c.var.jobs, record, fromRef);
    const to = await jobText(c.var.store, c.var.rooms, c.var.jobs, record, c.req.query('to') ?? 'current');
    const author = to.version ? await c.var.store.getAccount(to.version.authorId) : null;
    const result = await c.var.jobs.run('redline', {
      from: from.text, to: to.text, format,
      author: author ? `${author.name} (${author.delegation})` : 'Plenipo', date: to.text.side.at ?? new Date().toISOString(),
    });
    if (format === 'akn') {
      c.header('Content-Disposition', `attachment; filename="${attachmentName(record.title, 'xml')}"`);
      return c.body(result as string, 200, { 'Content-Type': 'application/akn+xml; charset=utf-8' });
    }
    if (format === 'json') return c.json(result as Redline);
    if (format === 'html') return c.html(result as string);
    c.header('Content-Disposition', `attachment; filename="${attachmentName(`${record.title} redline`, 'docx')}"`);
    return c.body(result as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX_TYPE });
  });
