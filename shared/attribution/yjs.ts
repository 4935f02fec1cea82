/**
 * Who wrote and who deleted each character of a treaty text, from the document's update log.
 *
 * Every Yjs item carries its id (client id, clock); every logged update carries its author and time.
 * `stampsFromLog` indexes, for each client id, the clock ranges each logged update inserted and
 * deleted, with that update's stamp. `textAuthorship` walks one state of the document (a `Y.Doc`)
 * textblock by textblock, in the order `textblockOrdinals` counts them, and answers for every
 * character the stamp of the update that inserted it and of the update that later deleted it; a
 * bracket's "[" / "]" is signed by the update that wrote the bracket mark (its Yjs format item).
 * Pure: the caller supplies the decoded log.
 */
import * as Y from 'yjs';
import { schema } from '../schema/index.ts';
import type { Stamp, TextAuthorship } from './types.ts';

/** One logged update and who sent it when. */
export interface LoggedEdit {
  update: Uint8Array;
  stamp: Stamp;
}

interface Range { clock: number; end: number; stamp: Stamp; order: number }

/** Clock ranges per client id, sorted, with the stamp of the update that inserted / deleted them. */
export interface ItemStamps {
  inserted: Map<number, Range[]>;
  deleted: Map<number, Range[]>;
}

function add(map: Map<number, Range[]>, client: number, clock: number, length: number, stamp: Stamp, order: number): void {
  let list = map.get(client);
  if (!list) { list = []; map.set(client, list); }
  list.push({ clock, end: clock + length, stamp, order });
}

/** Index the inserted and deleted item ranges of `edits` (in log order); the first deletion of an item counts. */
export function stampsFromLog(edits: LoggedEdit[]): ItemStamps {
  const stamps: ItemStamps = { inserted: new Map(), deleted: new Map() };
  edits.forEach((edit, order) => {
    const { structs, ds } = Y.decodeUpdate(edit.update);
    for (const s of structs) if (s instanceof Y.Item) add(stamps.inserted, s.id.client, s.id.clock, s.length, edit.stamp, order);
    for (const [client, items] of ds.clients) for (const d of items) add(stamps.deleted, client, d.clock, d.len, edit.stamp, order);
  });
  for (const map of [stamps.inserted, stamps.deleted]) for (const list of map.values()) list.sort((a, b) => a.clock - b.clock);
  return stamps;
}

/** The stamp of the first range of `map` covering (client, clock), or undefined. */
export function stampAt(map: Map<number, Range[]>, client: number, clock: number): Stamp | undefined {
  const list = map.get(client);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].clock <= clock) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  // Deletion ranges may overlap (an item deleted again by a merged update): the earliest logged one
  // covering the clock counts. Overlaps are rare and short, so a bounded look back suffices.
  let best: Range | undefined;
  for (let k = found; k >= 0 && k > found - 64; k--) {
    const r = list[k];
    if (r.clock <= clock && clock < r.end && (!best || r.order < best.order)) best = r;
  }
  return best?.stamp;
}

type ItemId = { client: number; clock: number };

/** Item ids of every content offset of every textblock of the fragment, and the format items of brackets. */
function walk(fragment: Y.XmlFragment): { blocks: (ItemId | null)[][]; brackets: Map<string, ItemId> } {
  const blocks: (ItemId | null)[][] = [];
  const brackets = new Map<string, ItemId>();
  const visit = (el: Y.XmlElement | Y.XmlFragment) => {
    for (const child of el.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const type = schema.nodes[child.nodeName];
      if (type?.isTextblock) { blocks.push(textblock(child, brackets)); continue; }
      visit(child);
    }
  };
  visit(fragment);
  return { blocks, brackets };
}

function textblock(el: Y.XmlElement, brackets: Map<string, ItemId>): (ItemId | null)[] {
  const ids: (ItemId | null)[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      for (let item = child._start; item; item = item.right) {
        if (item.deleted) continue;
        const content = item.content;
        if (content instanceof Y.ContentString) {
          for (let k = 0; k < content.str.length; k++) ids.push({ client: item.id.client, clock: item.id.clock + k });
        } else if (content instanceof Y.ContentFormat) {
          const value = content.value as { id?: unknown } | null;
          if (content.key.startsWith('bracket') && value && value.id != null && !brackets.has(String(value.id))) brackets.set(String(value.id), item.id);
        } else if (content instanceof Y.ContentEmbed || content instanceof Y.ContentType) {
          for (let k = 0; k < item.length; k++) ids.push({ client: item.id.client, clock: item.id.clock + k });
        }
      }
    } else ids.push(null); // an inline node (footnote): one content offset
  }
  return ids;
}

/**
 * The authorship of the text held by `doc` (its `prosemirror` fragment): `written` from the inserting
 * updates, `deleted` from the deleting ones; `bracket` is who wrote the bracket (for the later text)
 * or who removed it (for the older text, `side: 'from'`).
 */
export function textAuthorship(doc: Y.Doc, stamps: ItemStamps, side: 'from' | 'to', root = 'prosemirror'): TextAuthorship {
  const { blocks, brackets } = walk(doc.getXmlFragment(root));
  const at = (map: Map<number, Range[]>, block: number, offset: number) => {
    const id = blocks[block]?.[offset];
    return id ? stampAt(map, id.client, id.clock) : undefined;
  };
  return {
    written: (block, offset) => at(stamps.inserted, block, offset),
    deleted: (block, offset) => at(stamps.deleted, block, offset),
    bracket: (id) => {
      const item = brackets.get(id);
      if (!item) return undefined;
      return stampAt(side === 'to' ? stamps.inserted : stamps.deleted, item.client, item.clock);
    },
  };
}
