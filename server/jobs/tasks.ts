/**
 * The heavy jobs the worker threads run: a redline and an export of one text, from inputs that
 * survive structured cloning (ProseMirror JSON, or a document id and a time for a text rebuilt
 * from the log on the worker's own read-only database connection). Each returns the body of the
 * HTTP answer; the route sets the headers. These are thin calls of the pure functions of
 * `shared/redline` and `shared/export`.
 */
import type Database from 'better-sqlite3';
import type { Node } from 'prosemirror-model';
import { compareDocuments, type Redline, type RedlineSide } from '../../shared/redline/index.ts';
import { documentPage, documentToAkn, documentToDocx, redlinePage, redlineToAkn, redlineToDocx } from '../../shared/export/index.ts';
import { schema } from '../../shared/schema/index.ts';
import { stateAt } from '../storage/state-at.ts';
import { treatyOfState } from '../versions/texts.ts';

/** Where a job's text comes from: ProseMirror JSON, or the log of `docId` at `time` (epoch ms). */
export type TextSource = { json: unknown } | { docId: string; time: number };

/** A text of a job: its source and how the redline names it. */
export interface JobText {
  source: TextSource;
  side: RedlineSide;
}

/** Input of the `redline` job. */
export interface RedlineJob {
  from: JobText;
  to: JobText;
  format: 'json' | 'html' | 'docx' | 'akn';
  /** Author and date of the Word tracked changes. */
  author: string;
  date: string;
}

/** Input of the `export` job. */
export interface ExportJob {
  text: JobText;
  format: 'akn' | 'html' | 'docx';
  view: 'bracketed' | 'clean';
}

/** What a job needs from its thread: the database, opened read-only on first use. */
export interface JobContext {
  db(): Database.Database;
}

/** The treaty node of a job text. */
export function textOf(text: JobText, context: JobContext): Node {
  if ('json' in text.source) return schema.nodeFromJSON(text.source.json);
  return treatyOfState(stateAt(context.db(), text.source.docId, text.source.time));
}

/** Build a redline: the `Redline` (json), an HTML page, a Word file with tracked changes, or Akoma Ntoso with `<ins>`/`<del>` and textualMods. */
export async function runRedline(job: RedlineJob, context: JobContext): Promise<Redline | string | Uint8Array> {
  const to = textOf(job.to, context);
  const from = textOf(job.from, context);
  const redline = compareDocuments(from, to, { from: job.from.side, to: job.to.side });
  if (job.format === 'akn') return redlineToAkn(from, to, { from: job.from.side, to: job.to.side, redline });
  if (job.format === 'json') return redline;
  if (job.format === 'html') return redlinePage(redline);
  return redlineToDocx(from, to, { author: job.author, date: job.date, versionLabel: `${job.from.side.label} → ${job.to.side.label}` });
}

/** Build an export of one text: Akoma Ntoso XML, an HTML page, or a Word file. */
export async function runExport(job: ExportJob, context: JobContext): Promise<string | Uint8Array> {
  const doc = textOf(job.text, context);
  if (job.format === 'html') return documentPage(doc, { view: job.view });
  const side = job.text.side;
  const expression = side.ref === 'current' || side.ref === 'base' || !side.at ? {} : { date: side.at.slice(0, 10), version: side.label };
  if (job.format === 'akn') return documentToAkn(doc, expression);
  return documentToDocx(doc, { versionLabel: side.label, date: side.at ?? undefined });
}

/** Every job by name, with its input and output. */
export const JOBS = { redline: runRedline, export: runExport } as const;

/** Names of the jobs. */
export type JobName = keyof typeof JOBS;
/** Input of job `K`. */
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
/** Output of job `K`. */
export type JobOutput<K extends JobName> = Awaited<ReturnType<(typeof JOBS)[K]>>;
