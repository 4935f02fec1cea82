/**
 * Node and mark attributes in the DOM, so that every attribute survives `toDOM` then `parseDOM`
 * (ProseMirror re-reads the DOM after some edits; an attribute parseDOM does not read is lost).
 * `id` is written as plain `data-id` (other code and styles select on it); every other attribute
 * whose value differs from its default is written as `data-pm-<name>` holding the value as JSON.
 */
import type { Mark, Node } from 'prosemirror-model';

/** The DOM attribute name for the ProseMirror attribute `name` ("bracketKind" → "data-pm-bracket-kind"). */
function domName(name: string): string {
  return `data-pm-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The default of attribute `name` of the node or mark's type. */
function defaultOf(owner: Node | Mark, name: string): unknown {
  return owner.type.spec.attrs?.[name]?.default ?? null;
}

/** DOM attributes holding `owner`'s attributes `names` (see the module comment). */
export function writeAttrs(owner: Node | Mark, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = owner.attrs[name];
    if (name === 'id' && typeof value === 'string') out['data-id'] = value;
    else if (value !== defaultOf(owner, name) && value !== undefined) out[domName(name)] = JSON.stringify(value);
  }
  return out;
}

/** The attributes `names` read back from `dom` (attributes absent from the DOM are left to their defaults). */
export function readAttrs(dom: unknown, names: readonly string[]): Record<string, unknown> {
  const element = dom as HTMLElement;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const raw = element.getAttribute(domName(name));
    if (raw !== null) {
      try {
        out[name] = JSON.parse(raw);
      } catch {
        out[name] = raw;
      }
    } else if (name === 'id') {
      const id = element.getAttribute('data-id');
      if (id !== null) out.id = id;
    }
  }
  return out;
}
