/**
 * XML text for every export (Akoma Ntoso, WordprocessingML): escaping, with characters XML 1.0
 * does not allow (C0 controls other than tab, newline and carriage return; lone surrogates; U+FFFE,
 * U+FFFF) removed, so no export is ever ill-formed whatever text reached the document.
 */

/** Characters XML 1.0 forbids (see the module comment). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML 1.0 forbids. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID, '');
}

/** Escape text for XML content and attribute values (and strip what XML 1.0 forbids). */
export function escapeXml(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
