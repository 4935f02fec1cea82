/**
 * Every block keeps a unique id (comments, brackets and redlines point at blocks by id). Splitting
 * a paragraph copies its id into both halves, pasted blocks bring the ids of their source or none;
 * this plugin gives each such block a fresh id after local structural changes. Remote changes are left
 * alone: their author's editor already fixed them, and fixing them here as well would race.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction, type EditorState } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { newId } from '../../shared/model/index.ts';
import { touchedTextblocks } from './inline-change.ts';

/** Id prefixes by node type, as the importer writes them. */
const PREFIX: Record<string, string> = {
  article: 'art', division: 'div', paragraph: 'par', subparagraph: 'sub', item: 'item', plain: 'p',
  alternatives: 'alt', option: 'opt', preamble: 'pre', closing: 'clo', comment: 'c',
};

/** A fresh id for a node of the given type. */
export function freshId(typeName: string): string {
  return newId(PREFIX[typeName] ?? 'n');
}

function fromRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return Boolean(meta?.isChangeOrigin);
}

function hasIdAttr(node: Node): boolean {
  return !node.isInline && Boolean(node.type.spec.attrs && 'id' in node.type.spec.attrs);
}

/**
 * Transaction giving fresh ids to blocks of `state.doc` whose id repeats an earlier block's (the
 * later copy changes) and to id-less blocks inside `changed` (ranges of the new doc), or null.
 */
export function fixDuplicateIds(state: EditorState, changed: Array<{ from: number; to: number }> = []): Transaction | null {
  const seen = new Set<string>();
  const fixes = new Map<number, Node>();
  state.doc.descendants((node, pos) => {
    if (!hasIdAttr(node)) return !node.isTextblock;
    const id = node.attrs.id;
    if (id !== null && id !== undefined) {
      if (seen.has(String(id))) fixes.set(pos, node);
      else seen.add(String(id));
    }
    return !node.isTextblock;
  });
  for (const { from, to } of changed) {
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (hasIdAttr(node) && (node.attrs.id === null || node.attrs.id === undefined)) fixes.set(pos, node);
      return !node.isTextblock;
    });
  }
  if (fixes.size === 0) return null;
  const tr = state.tr;
  for (const [pos, node] of fixes) tr.setNodeAttribute(pos, 'id', freshId(node.type.name));
  return tr.setMeta('addToHistory', false);
}

/** The ranges of the final document changed by `transactions`. */
function changedRanges(transactions: readonly Transaction[]): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  transactions.forEach((tr, index) => {
    const later = transactions.slice(index + 1);
    tr.mapping.maps.forEach((map, step) => {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        let from = tr.mapping.slice(step + 1).map(newStart, -1);
        let to = tr.mapping.slice(step + 1).map(newEnd, 1);
        for (const next of later) {
          from = next.mapping.map(from, -1);
          to = next.mapping.map(to, 1);
        }
        ranges.push({ from, to });
      });
    });
  });
  return ranges;
}

/** The plugin that keeps block ids unique after local splits, joins and pastes. */
export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('uniqueIds'),
    appendTransaction(transactions, _old, state) {
      const local = transactions.filter((tr) => tr.docChanged && !fromRemote(tr));
      if (!local.some((tr) => touchedTextblocks(tr) === null)) return null;
      return fixDuplicateIds(state, changedRanges(local));
    },
  });
}
