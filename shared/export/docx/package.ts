/**
 * Word files of treaty texts, written as WordprocessingML directly (the `docx` package has no
 * moves, no deleted paragraph marks and no per-change authors): `documentToDocx` prints one text,
 * every block of it; `redlineToDocx` prints the comparison of two texts as real tracked changes that
 * Accept All turns into the newer text and Reject All into the older one, each change signed by who
 * made it (see tracked.ts and shared/attribution). Pure: returns the bytes.
 */
import type { Node } from 'prosemirror-model';
import { listComments } from '../../model/index.ts';
import type { Stamp, TextAuthorship } from '../../attribution/types.ts';
import { treatyParagraphs } from './paragraphs.ts';
import { trackParagraphs, articlePairs, type TrackedParagraph } from './tracked.ts';
import { documentXml, type WordComment } from './document-xml.ts';
import { CONTENT_TYPES, PACKAGE_RELS, DOCUMENT_RELS, STYLES, FOOTER, settingsXml, headerXml, coreXml } from './parts.ts';
import { zipStored } from './zip.ts';

/** Options of `documentToDocx` and `redlineToDocx`. */
export interface DocxOptions {
  /** Signer of changes nobody is known to have made (default "Secretariat"). */
  author?: string;
  /** ISO date-time of those changes (default: now). */
  date?: string;
  /** The version label printed in the header ("Rev.2", "Current text"). */
  versionLabel?: string;
  /** Who wrote the newer text's characters (signs insertions). */
  to?: TextAuthorship;
  /** Who deleted the older text's characters (signs deletions). */
  from?: TextAuthorship;
}

function docinfo(doc: Node): Record<string, unknown> {
  return doc.firstChild?.type.name === 'docinfo' ? doc.firstChild.attrs : {};
}

function wordComments(doc: Node): WordComment[] {
  return listComments(doc).map((t) => ({
    id: t.id,
    author: t.delegation ?? t.author ?? 'Member',
    date: typeof t.createdAt === 'number' ? new Date(t.createdAt).toISOString() : typeof t.createdAt === 'string' && !Number.isNaN(Date.parse(t.createdAt)) ? new Date(t.createdAt).toISOString() : null,
    paragraphs: [t, ...t.replies].map((c, i) => `${i ? 'Reply — ' : ''}${c.delegation ?? c.author ?? 'Member'}: ${c.text}`),
  }));
}

function pack(doc: Node, paragraphs: TrackedParagraph[], fallback: Stamp, options: DocxOptions, track: boolean): Uint8Array {
  const info = docinfo(doc);
  const title = doc.childCount > 1 && doc.child(1).type.name === 'title' ? doc.child(1).textContent : 'Treaty text';
  const { document, comments } = documentXml(paragraphs, wordComments(doc), fallback);
  const left = [info.symbol ? String(info.symbol) : title, options.versionLabel].filter(Boolean).join(' · ');
  return zipStored([
    { name: '[Content_Types].xml', text: CONTENT_TYPES },
    { name: '_rels/.rels', text: PACKAGE_RELS },
    { name: 'docProps/core.xml', text: coreXml(title, fallback.author, new Date(fallback.time).toISOString()) },
    { name: 'word/_rels/document.xml.rels', text: DOCUMENT_RELS },
    { name: 'word/document.xml', text: document },
    { name: 'word/styles.xml', text: STYLES },
    { name: 'word/settings.xml', text: settingsXml(track) },
    { name: 'word/comments.xml', text: comments },
    { name: 'word/header1.xml', text: headerXml(left, info.date ? String(info.date) : '') },
    { name: 'word/footer1.xml', text: FOOTER },
  ]);
}

const fallbackOf = (options: DocxOptions): Stamp => ({ author: options.author ?? 'Secretariat', time: options.date ? Date.parse(options.date) : Date.now() });

/** One treaty text as a .docx (no revisions): every block, treaty styles, comments, header and page numbers. */
export function documentToDocx(doc: Node, options: DocxOptions = {}): Uint8Array {
  const paragraphs: TrackedParagraph[] = treatyParagraphs(doc).map((p) => ({ kind: p.kind, depth: p.depth, mark: 'same', runs: p.spans.filter((s) => s.text).map((s) => ({ text: s.text, style: s.style, change: 'same' })) }));
  return pack(doc, paragraphs, fallbackOf(options), options, false);
}

/** The comparison of `from` (older) and `to` (newer) as a .docx with tracked changes; see the module comment. */
export function redlineToDocx(from: Node, to: Node, options: DocxOptions = {}): Uint8Array {
  const fallback = fallbackOf(options);
  const paragraphs = trackParagraphs(treatyParagraphs(from), treatyParagraphs(to), { from: options.from, to: options.to, fallback, articlePairs: articlePairs(from, to) });
  return pack(to, paragraphs, fallback, options, true);
}
