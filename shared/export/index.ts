/**
 * Publishable renderings of treaty texts and Redlines. They live in `shared/` rather than `server/`
 * because they are pure (string or bytes in, no I/O, no DOM): the server sends them from its
 * export and redline routes, and the client can build the same files in the browser.
 * - HTML: `redlinePage` (standalone redline page), `documentToHtml` / `documentPage` (one text,
 *   bracketed or clean view).
 * - Word: `redlineToDocx` (real tracked changes), `documentToDocx`.
 * - Akoma Ntoso 3.0: `documentToAkn` (mapping documented in akn.ts), `redlineToAkn` (the newer text
 *   with `<ins>` / `<del>` and the changes recorded as `textualMod`s, akn-redline.ts).
 */
export { redlinePage } from './html.ts';
export { documentToHtml, documentPage, htmlPage, DOCUMENT_CSS, type DocumentView, type DocumentHtmlOptions } from './document-html.ts';
export { redlineToDocx, documentToDocx, treatyParagraphs, textblockOrdinals, type DocxOptions } from './docx/index.ts';
export { escapeXml, stripInvalidXml } from './xml.ts';
export { documentToAkn, aknIdentity, aknEIds, AKN_NAMESPACE, PLENIPO_NAMESPACE, type AknOptions, type AknIdentity, type AknEIds, type AknRedlineMarks, type RemovedUnit } from './akn.ts';
export { redlineToAkn, redlineMarks, sideExpression, type AknRedlineOptions } from './akn-redline.ts';
export { documentMetadata, type DocumentMetadata, type InstrumentKind } from './metadata.ts';
