/**
 * The bracket/option/comment inventory of a live Y.Doc, read straight from the Yjs XML tree that
 * y-prosemirror maintains (elements named after schema nodes, attributes = node attrs, text
 * formats = marks, overlapping marks under `bracket--<hash>` keys). Permission rules compare the
 * inventory before and after an update; nothing is converted to ProseMirror.
 */
import * as Y from 'yjs';

/** One bracket as the permission rules see it. */
export interface BracketEntry {
  shape: 'inline' | 'block';
  sponsors: string[];
  group: string | null;
  kind: string;
}

/** One option of an alternatives node. */
export interface OptionEntry {
  sponsors: string[];
  alternatives: string | null;
}

/** One comment: its author delegation and a fingerprint of everything else (attrs and text). */
export interface CommentEntry {
  delegation: string | null;
  fingerprint: string;
}

/** Every bracket, option and comment of a document, by id. */
export interface Inventory {
  brackets: Map<string, BracketEntry>;
  options: Map<string, OptionEntry>;
  comments: Map<string, CommentEntry>;
}

/** Normalise a `sponsors` value to an array of delegation codes. */
function sponsorList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return typeof value === 'string' ? value.split(/[\s,;]+/).filter((s) => s !== '') : [];
}

/** Whether a y-prosemirror format key stands for the bracket mark. */
export function isBracketKey(key: string): boolean {
  return key === 'bracket' || key.startsWith('bracket--');
}

/** The inventory of `doc`'s ProseMirror fragment. */
export function inventoryOf(doc: Y.Doc, root = 'prosemirror'): Inventory {
  const inventory: Inventory = { brackets: new Map(), options: new Map(), comments: new Map() };
  walk(doc.getXmlFragment(root), inventory, null);
  return inventory;
}

function walk(type: Y.XmlFragment | Y.XmlElement, inventory: Inventory, alternatives: string | null): void {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlText) readText(child, inventory);
    else if (child instanceof Y.XmlElement) readElement(child, inventory, alternatives);
  }
}

function readElement(element: Y.XmlElement, inventory: Inventory, alternatives: string | null): void {
  const attrs = element.getAttributes() as Record<string, unknown>;
  const name = element.nodeName;
  if (name === 'comment') {
    const id = String(attrs.id ?? '');
    inventory.comments.set(id, { delegation: (attrs.delegation as string | undefined) ?? null, fingerprint: JSON.stringify(attrs) + element.toString() });
    return;
  }
  if (attrs.bracket != null) {
    inventory.brackets.set(String(attrs.bracket), { shape: 'block', sponsors: sponsorList(attrs.sponsors), group: null, kind: 'block' });
  }
  if (name === 'option' && attrs.id != null) inventory.options.set(String(attrs.id), { sponsors: sponsorList(attrs.sponsors), alternatives });
  walk(element, inventory, name === 'alternatives' ? String(attrs.id ?? '') : alternatives);
}

function readText(text: Y.XmlText, inventory: Inventory): void {
  const active = new Map<string, Record<string, unknown>>();
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (!isBracketKey(content.key)) continue;
      if (content.value == null) active.delete(content.key);
      else active.set(content.key, content.value as Record<string, unknown>);
    } else if (item.countable && active.size) {
      for (const attrs of active.values()) {
        const id = String(attrs.id ?? '');
        if (!inventory.brackets.has(id)) {
          inventory.brackets.set(id, { shape: 'inline', sponsors: sponsorList(attrs.sponsors), group: (attrs.group as string | null | undefined) ?? null, kind: String(attrs.kind ?? 'insert') });
        }
      }
    }
  }
}
