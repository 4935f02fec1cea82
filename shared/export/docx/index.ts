/** Word (.docx) exports: one text, or a redline with tracked changes; the paragraph and tracking models they print. */
export { documentToDocx, redlineToDocx, type DocxOptions } from './package.ts';
export { treatyParagraphs, textblockOrdinals, paragraphText, type TreatyParagraph, type Span, type SpanStyle, type SpanSource, type ParagraphKind } from './paragraphs.ts';
export { trackParagraphs, articlePairs, type TrackedParagraph, type TrackedRun, type ChangeKind, type TrackOptions } from './tracked.ts';
export { zipStored, crc32, type ZipEntry } from './zip.ts';
