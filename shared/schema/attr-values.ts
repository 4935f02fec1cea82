/**
 * What each attribute of the schema may hold, as ProseMirror `validate` functions: `Node.check()`
 * (run by the server's guard on every document an update would leave) refuses a document whose
 * attribute holds anything else, so a crafted update cannot store, say, a list where a bracket
 * kind belongs. Each validator throws a RangeError naming the value.
 */

function fail(what: string, value: unknown): never {
  throw new RangeError(`${what} expected, got ${JSON.stringify(value) ?? String(value)}`);
}

/** A string or null. */
export function textOrNull(value: unknown): void {
  if (value !== null && typeof value !== 'string') fail('A string or null', value);
}

/** A string. */
export function text(value: unknown): void {
  if (typeof value !== 'string') fail('A string', value);
}

/** A string, a finite number or null (numbers given by the text, timestamps). */
export function textNumberOrNull(value: unknown): void {
  if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) fail('A string, a number or null', value);
}

/** A list of delegation codes, or null. */
export function delegationsOrNull(value: unknown): void {
  if (value !== null && !(Array.isArray(value) && value.every((entry) => typeof entry === 'string'))) fail('A list of delegation codes or null', value);
}

/** One of `values` (null included when listed). */
export function oneOf(values: readonly (string | null)[]): (value: unknown) => void {
  return (value) => {
    if (!values.includes(value as string | null)) fail(`One of ${values.map((v) => JSON.stringify(v)).join(', ')}`, value);
  };
}
