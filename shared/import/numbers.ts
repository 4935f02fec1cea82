/**
 * Explicit numbers only where the text needs them: the importer records every number the source
 * shows, then drops those that position gives anyway (mirroring `shared/model/numbering.ts`), so
 * that renumbering after an insert stays automatic while "Article 14" after "Article 9" stays 14.
 */
import { formatNumber, parseNumber, type NumberLevel, type NumberStyle } from '../model/numbering.ts';
import type { NodeJSON } from './importer.ts';

const DOCUMENT_WIDE = new Set<NumberLevel>(['article', 'part', 'chapter']);

function levelOf(node: NodeJSON): NumberLevel | null {
  if (['article', 'paragraph', 'subparagraph', 'item'].includes(node.type)) return node.type as NumberLevel;
  if (node.type === 'division') return String(node.attrs?.kind) as NumberLevel;
  return null;
}

function styleOf(node: NodeJSON): NumberStyle {
  if (node.type === 'subparagraph') return 'letter';
  if (node.type === 'item') return 'roman';
  if (node.type === 'division') return node.attrs?.numbering === 'roman' ? 'upper-roman' : 'arabic';
  return 'arabic';
}

/** Set `number` to null on every node whose explicit number equals the one its position gives. */
export function dropDerivableNumbers(doc: NodeJSON): void {
  const global: Partial<Record<NumberLevel, number>> = {};
  const walk = (parent: NodeJSON) => {
    const local: Partial<Record<NumberLevel, number>> = {};
    for (const child of parent.content ?? []) {
      const node = child as NodeJSON;
      if (node.type === 'text') continue;
      const level = levelOf(node);
      if (level) {
        const counters = DOCUMENT_WIDE.has(level) ? global : local;
        const style = styleOf(node);
        const next = (counters[level] ?? 0) + 1;
        const explicit = node.attrs?.number;
        if (explicit == null || explicit === '') counters[level] = next;
        else {
          const value = parseNumber(String(explicit), style);
          if (value === next && formatNumber(next, style) === String(explicit)) node.attrs!.number = null;
          if (value !== null) counters[level] = value;
        }
      }
      walk(node);
    }
  };
  walk(doc);
}
