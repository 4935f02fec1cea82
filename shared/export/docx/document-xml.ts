/**
 * Tracked paragraphs as WordprocessingML: `word/document.xml` and `word/comments.xml`.
 * - a run inserted → `<w:ins>`, deleted → `<w:del>` with `<w:delText>`, moved → `<w:moveFrom>` /
 *   `<w:moveTo>` inside `<w:moveFromRangeStart/End>` / `<w:moveToRangeStart/End>` named `moveN`;
 *   each with `w:author` and `w:date` from its stamp;
 * - a paragraph inserted, deleted or moved carries the same mark on its paragraph mark
 *   (`<w:pPr><w:rPr><w:del …/></w:rPr></w:pPr>`), so Accept / Reject remove the paragraph itself;
 * - member comments → Word comments (`<w:commentRangeStart/End>`, a `<w:commentReference>` run)
 *   around the words or block they are anchored on, replies as further paragraphs of the comment.
 */
import { escapeXml } from '../xml.ts';
import { NAMESPACES } from './parts.ts';
import type { ParagraphKind, SpanStyle } from './paragraphs.ts';
import type { ChangeKind, TrackedParagraph, TrackedRun } from './tracked.ts';
import type { Stamp } from '../../attribution/types.ts';

/** A member comment thread to print as a Word comment. */
export interface WordComment {
  id: string;
  author: string;
  /** ISO date-time, or null. */
  date: string | null;
  /** The first comment and the replies, each "FR: text". */
  paragraphs: string[];
}

const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

function styleOf(kind: ParagraphKind, depth: number): string {
  switch (kind) {
    case 'title': return 'Title';
    case 'division': return 'Heading1';
    case 'article': return 'Heading2';
    case 'paragraph': case 'subparagraph': case 'item': return `Provision${Math.min(depth, 3)}`;
    case 'option': return 'OptionCaption';
    case 'preamble': return 'Preamble';
    case 'closing': return 'Closing';
    default: return `ProvisionText${Math.min(depth, 3)}`;
  }
}

function runProperties(style: SpanStyle): string {
  let out = '';
  if (style.sponsors) out += '<w:rStyle w:val="Sponsors"/>';
  else if (style.bracket) out += '<w:rStyle w:val="Bracket"/>';
  else if (style.proposedDeletion) out += '<w:rStyle w:val="ProposedDeletion"/>';
  if (style.bold) out += '<w:b/>';
  if (style.italic) out += '<w:i/>';
  return out ? `<w:rPr>${out}</w:rPr>` : '';
}

function textXml(text: string, deleted: boolean): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  return text.split('\t').map((part) => (part ? `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>` : '')).join('<w:tab/>');
}

const WRAPPERS: Record<Exclude<ChangeKind, 'same'>, string> = { ins: 'w:ins', del: 'w:del', moveFrom: 'w:moveFrom', moveTo: 'w:moveTo' };

interface Writer { nextId: number; comments: Map<string, { first: TrackedRun; last: TrackedRun }> }

const revision = (w: Writer, stamp: Stamp | undefined, fallback: Stamp) => {
  const s = stamp ?? fallback;
  return `w:id="${w.nextId++}" w:author="${escapeXml(s.author)}" w:date="${iso(s.time)}"`;
};

function runXml(run: TrackedRun, w: Writer, fallback: Stamp): string {
  let out = '';
  for (const id of run.style.comments ?? []) if (w.comments.get(id)?.first === run) out += `<w:commentRangeStart w:id="${commentNumber(w, id)}"/>`;
  const body = `<w:r>${runProperties(run.style)}${textXml(run.text, run.change === 'del')}</w:r>`;
  out += run.change === 'same' ? body : `<${WRAPPERS[run.change]} ${revision(w, run.stamp, fallback)}>${body}</${WRAPPERS[run.change]}>`;
  for (const id of run.style.comments ?? []) {
    if (w.comments.get(id)?.last !== run) continue;
    const n = commentNumber(w, id);
    out += `<w:commentRangeEnd w:id="${n}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${n}"/></w:r>`;
  }
  return out;
}

const commentNumbers = new WeakMap<Writer, Map<string, number>>();
function commentNumber(w: Writer, id: string): number {
  let map = commentNumbers.get(w);
  if (!map) { map = new Map(); commentNumbers.set(w, map); }
  if (!map.has(id)) map.set(id, map.size);
  return map.get(id)!;
}

function paragraphXml(p: TrackedParagraph, w: Writer, fallback: Stamp): string {
  const mark = p.mark === 'same' ? '' : `<w:rPr><${WRAPPERS[p.mark]} ${revision(w, p.markStamp, fallback)}/></w:rPr>`;
  let body = '';
  const moveKind = p.mark === 'moveFrom' ? 'moveFrom' : 'moveTo';
  if (p.move?.first) body += `<w:${moveKind}RangeStart w:id="${90000 + p.move.id}" w:name="move${p.move.id}" ${revision(w, p.markStamp, fallback).replace(/^w:id="\d+" /, '')}/>`;
  for (const run of p.runs) body += runXml(run, w, fallback);
  if (p.move?.last) body += `<w:${moveKind}RangeEnd w:id="${90000 + p.move.id}"/>`;
  return `<w:p><w:pPr><w:pStyle w:val="${styleOf(p.kind, p.depth)}"/>${mark}</w:pPr>${body}</w:p>`;
}

/** `word/document.xml` of the tracked paragraphs, with the header and footer references. */
export function documentXml(paragraphs: TrackedParagraph[], comments: WordComment[], fallback: Stamp): { document: string; comments: string } {
  const w: Writer = { nextId: 1, comments: new Map() };
  const known = new Set(comments.map((c) => c.id));
  for (const p of paragraphs) for (const r of p.runs) {
    if (r.change === 'del' || r.change === 'moveFrom') continue;
    for (const id of r.style.comments ?? []) {
      if (!known.has(id)) continue;
      const entry = w.comments.get(id);
      if (entry) entry.last = r; else w.comments.set(id, { first: r, last: r });
    }
  }
  const body = paragraphs.map((p) => paragraphXml(p, w, fallback)).join('');
  const section = '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${NAMESPACES.W}" xmlns:r="${NAMESPACES.R}"><w:body>${body}${section}</w:body></w:document>`;
  const used = comments.filter((c) => w.comments.has(c.id));
  const commentsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="${NAMESPACES.W}">${used.map((c) => `<w:comment w:id="${commentNumber(w, c.id)}" w:author="${escapeXml(c.author)}" w:initials="${escapeXml(c.author.slice(0, 3))}"${c.date ? ` w:date="${escapeXml(c.date)}"` : ''}>${c.paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`).join('')}</w:comment>`).join('')}</w:comments>`;
  return { document, comments: commentsXml };
}
