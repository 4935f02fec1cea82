/** Whether a value stored in the shared document (an attribute or a mark's attributes) is plain data. */

/** Deepest nesting of arrays and objects an attribute or mark value may have (sponsors: an array of strings). */
export const MAX_VALUE_DEPTH = 4;

/** Whether `value` is plain data (strings, finite numbers, booleans, null, arrays and plain objects of them) no deeper than `MAX_VALUE_DEPTH`. */
export function isPlainValue(value: unknown, depth = 0): boolean {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth >= MAX_VALUE_DEPTH || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((entry) => isPlainValue(entry, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as Record<string, unknown>).every((entry) => isPlainValue(entry, depth + 1));
}
