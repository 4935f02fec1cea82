/**
 * Every block keeps a unique id (comments, brackets and redlines point at blocks by id). Splitting
 * a paragraph copies its id into both halves, and pasted blocks bring the ids of their source; this
 * plugin gives each such block a fresh id after local structural changes. Remote changes are left
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

/** Transaction that gives duplicate-id blocks of `doc` fresh ids (the later copy changes), or null. */
export function fixDuplicateIds(state: EditorState): Transaction | null {
  const seen = new Set<string>();
  const fixes: Array<{ pos: number; node: Node }> = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.type.name !== 'plain') return false;
    if (node.isInline) return false;
    const id = node.type.spec.attrs && 'id' in node.type.spec.attrs ? node.attrs.id : undefined;
    if (id !== undefined && id !== null) {
      if (seen.has(String(id))) fixes.push({ pos, node });
      else seen.add(String(id));
    }
    return !node.isTextblock;
  });
  if (fixes.length === 0) return null;
  const tr = state.tr;
  for (const { pos, node } of fixes) tr.setNodeAttribute(pos, 'id', freshId(node.type.name));
  return tr.setMeta('addToHistory', false);
}

/** The plugin that keeps block ids unique after local splits, joins and pastes. */
export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('uniqueIds'),
    appendTransaction(transactions, _old, state) {
      const structural = transactions.some((tr) => tr.docChanged && !fromRemote(tr) && touchedTextblocks(tr) === null);
      return structural ? fixDuplicateIds(state) : null;
    },
  });
}
