/**
 * Characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, and lone surrogates (XML 1.0 §2.2 `Char`). The sync server refuses text holding
 * them, so every export (Akoma Ntoso, DOCX) stays well-formed; exports may use the same test.
 */

/** Matches one character XML 1.0 cannot carry (code units, so lone surrogates are found too). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'g');

/** Index of the first character of `text` XML 1.0 cannot carry, or -1 when there is none. */
export function nonXmlCharIndex(text: string): number {
  const match = NOT_XML_CHAR.exec(text);
  return match ? match.index : -1;
}

/** Whether every character of `text` can be written in an XML 1.0 document. */
export function isXmlText(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/** `text` without the characters XML 1.0 cannot carry (for exports of text stored before the check). */
export function stripNonXmlChars(text: string): string {
  return text.replace(NOT_XML_CHARS, '');
}

/** "U+0001 at offset 5" for the first character of `text` XML 1.0 cannot carry, or null. */
export function describeNonXmlChar(text: string): string | null {
  const index = nonXmlCharIndex(text);
  if (index < 0) return null;
  const code = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at offset ${index}`;
}

/** The first string inside `value` (a string, or arrays/objects of them, keys included) XML cannot carry, described; or null. */
export function nonXmlCharIn(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return describeNonXmlChar(value);
  if (value === null || typeof value !== 'object') return null;
  if (depth > 32) return 'a value nested deeper than 32 levels';
  if (value instanceof Uint8Array) return null;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = nonXmlCharIn(entry, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const found = describeNonXmlChar(key) ?? nonXmlCharIn(entry, depth + 1);
    if (found) return found;
  }
  return null;
}
