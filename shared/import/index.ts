/** The treaty importer: plain text / Markdown → schema-valid ProseMirror JSON, with what it could not place. */
export { importTreaty, counterIds } from './importer.ts';
export type { ImportOptions, ImportResult, Unplaced, NodeJSON } from './importer.ts';
export { classify, readLines } from './lines.ts';
export type { Line, SourceLine } from './lines.ts';
export { cleanText, parseInline } from './inline.ts';
export type { InlineJSON, InlineContext } from './inline.ts';
export { dropDerivableNumbers } from './numbers.ts';
export { newDocument } from './new-document.ts';
export type { NewDocument } from './new-document.ts';
