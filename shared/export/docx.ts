/**
 * A Redline as a Word document whose changes are real tracked changes: inserted words are
 * `InsertedTextRun`s (`<w:ins>`), deleted words `DeletedTextRun`s (`<w:del>`), each with the author
 * and date given, so Word or LibreOffice lists them as revisions to accept or reject. Article
 * captions are Heading 2 ("Article 16 – Expedited preservation"), their chapter and section Heading 1 when they change; the title is the Title style,
 * provision numbers are written as text before a tab. A moved or renumbered article carries a Word
 * comment saying where it came from; bracket and comment changes are listed after each article.
 * `documentToDocx` renders a single document (a redline of the text with itself: no revisions).
 * I/O-free: returns the bytes (`Uint8Array`), which the server sends as they are.
 */
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer,
  Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import type { Node } from 'prosemirror-model';
import type { Change, Redline, RedlineArticle, RedlineBlock, RedlineBrackets, RedlineComments } from '../redline/types.ts';
import { compareDocuments } from '../redline/compare.ts';

/** Options of `redlineToDocx`. */
export interface DocxOptions {
  /** Author of the revisions (default "Secretariat"). */
  author?: string;
  /** ISO date-time of the revisions (default: now). */
  date?: string;
  /** Leave out the summary table (single-document exports). */
  summary?: boolean;
}

interface Ctx {
  author: string;
  date: string;
  nextId: number;
  comments: { id: number; author: string; date: Date; children: Paragraph[] }[];
}

function runs(changes: Change[], ctx: Ctx): ParagraphChild[] {
  return changes.map((c) => {
    if (c.added) return new InsertedTextRun({ text: c.value, id: ctx.nextId++, author: ctx.author, date: ctx.date });
    if (c.removed) return new DeletedTextRun({ text: c.value, id: ctx.nextId++, author: ctx.author, date: ctx.date });
    return new TextRun(c.value);
  });
}

function numberRuns(from: string | null, to: string | null, ctx: Ctx): ParagraphChild[] {
  if (from && to && from !== to) return runs([{ value: from, removed: true }, { value: to, added: true }], ctx);
  if (!from && to) return runs([{ value: to, added: true }], ctx);
  if (from && !to) return runs([{ value: from, removed: true }], ctx);
  return [new TextRun(to ?? '')];
}

function blockParagraph(block: RedlineBlock, ctx: Ctx): Paragraph {
  const depth = (block.label.match(/\./g) ?? []).length;
  const label = block.label && !block.label.startsWith('Option') ? numberRuns(block.fromLabel, block.toLabel, ctx) : [];
  return new Paragraph({
    indent: { left: 567 * depth },
    spacing: { after: 120 },
    children: [...label, ...(label.length ? [new TextRun({ text: '\t' })] : []), ...runs(block.changes, ctx)],
  });
}

function notes(brackets: RedlineBrackets, comments: RedlineComments): Paragraph[] {
  const lines: string[] = [];
  const sp = (s: string[]) => (s.length ? ` (${s.join(', ')})` : '');
  for (const b of brackets.opened) lines.push(`Bracket opened${sp(b.sponsors)}: [${b.text}]`);
  for (const b of brackets.resolved) lines.push(`Bracket resolved${sp(b.sponsors)}: [${b.text}]`);
  for (const c of comments.added) lines.push(`Comment${c.delegation ? ` by ${c.delegation}` : ''}: ${c.text}`);
  for (const c of comments.resolved) lines.push(`Comment resolved${c.delegation ? ` (${c.delegation})` : ''}: ${c.text}`);
  return lines.map((text) => new Paragraph({ children: [new TextRun({ text, italics: true, size: 18, color: '555555' })] }));
}

function articleParagraphs(a: RedlineArticle, ctx: Ctx): Paragraph[] {
  const caption: ParagraphChild[] = [new TextRun('Article '), ...numberRuns(a.fromNumber, a.toNumber, ctx)];
  if (a.heading.length) caption.push(new TextRun(' – '), ...runs(a.heading, ctx));
  if (a.status === 'moved' || a.renumbered) {
    const id = ctx.comments.length;
    const text = a.status === 'moved' ? `Moved from Article ${a.fromNumber} (now Article ${a.toNumber}).` : `Renumbered: was Article ${a.fromNumber}.`;
    ctx.comments.push({ id, author: ctx.author, date: new Date(ctx.date), children: [new Paragraph(text)] });
    caption.unshift(new CommentRangeStart(id));
    caption.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  }
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: caption }),
    ...a.blocks.map((b) => blockParagraph(b, ctx)),
    ...notes(a.brackets, a.comments),
  ];
}

function summaryTable(redline: Redline): Table {
  const s = redline.summary;
  const rows: [string, number][] = [
    ['Articles added', s.added], ['Articles removed', s.removed], ['Articles modified', s.modified], ['Articles moved', s.moved],
    ['Articles unchanged', s.unchanged], ['Articles renumbered', s.renumbered], ['Brackets opened', s.bracketsOpened],
    ['Brackets resolved', s.bracketsResolved], ['Comments added', s.commentsAdded], ['Comments resolved', s.commentsResolved],
  ];
  return new Table({
    width: { size: 60, type: WidthType.PERCENTAGE },
    rows: rows.map(([k, v]) => new TableRow({ children: [new TableCell({ children: [new Paragraph(k)] }), new TableCell({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(String(v))] })] })] })),
  });
}

/** Render a Redline as a .docx with tracked changes (`w:ins` / `w:del` by `author` at `date`). */
export async function redlineToDocx(redline: Redline, options: DocxOptions = {}): Promise<Uint8Array> {
  const ctx: Ctx = { author: options.author ?? 'Secretariat', date: options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), nextId: 1, comments: [] };
  const children: (Paragraph | Table)[] = [];
  const title = redline.parts.find((p) => p.key === 'title');
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: title ? title.blocks.flatMap((b) => runs(b.changes, ctx)) : [new TextRun(redline.to.title)] }));
  if (options.summary !== false) {
    children.push(new Paragraph({ children: [new TextRun({ text: `Redline: ${redline.from.label} → ${redline.to.label}`, italics: true })] }));
    children.push(summaryTable(redline));
  }
  for (const part of redline.parts) {
    if (part.key !== 'preamble') continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Preamble')] }), ...part.blocks.map((b) => blockParagraph(b, ctx)), ...notes(part.brackets, part.comments));
  }
  let path = '';
  for (const a of redline.articles) {
    const next = a.path.join(' – ');
    if (next && next !== path) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(next)] }));
    path = next;
    children.push(...articleParagraphs(a, ctx));
  }
  for (const part of redline.parts) {
    if (part.key !== 'closing') continue;
    children.push(...part.blocks.map((b) => blockParagraph(b, ctx)), ...notes(part.brackets, part.comments));
  }
  const doc = new Document({
    creator: ctx.author,
    title: redline.to.title,
    description: `Redline ${redline.from.label} → ${redline.to.label}`,
    features: { trackRevisions: true },
    comments: { children: ctx.comments },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Packer.pack(doc, 'uint8array');
}

/** Render one treaty document as a .docx (no revisions): headings, numbers, bracketed text. */
export function documentToDocx(doc: Node, options: DocxOptions = {}): Promise<Uint8Array> {
  return redlineToDocx(compareDocuments(doc, doc), { ...options, summary: false });
}
