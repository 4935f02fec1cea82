/** Alphabet of generated ids: lower-case letters and digits, safe in URLs, XML ids and CSS selectors. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A new random id such as `art_3kf9x2`: the prefix, an underscore and `length` random characters
 * drawn with `crypto.getRandomValues` (available in browsers and Node 20).
 */
export function newId(prefix: string, length = 8): string {
  if (!/^[a-z][a-z0-9]*$/i.test(prefix)) throw new RangeError(`Invalid id prefix ${JSON.stringify(prefix)}`);
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}
