/**
 * A resolution in words, taken from the text just before it: the article (number and heading),
 * the bracket's own words, a few words on either side, its sponsors and the decision. This is
 * what the resolution record shows and the meeting summary prints; it never names an id.
 */
import type { Node } from 'prosemirror-model';
import { articles, listBrackets, inlineText, type BracketInfo } from '../model/index.ts';
import type { ResolutionDecision, ResolutionDescription } from '../api/index.ts';

/** How many words of context each side. */
const CONTEXT_WORDS = 6;

const DECISIONS: Record<string, ResolutionDecision> = { keep: 'kept', drop: 'dropped', choose: 'chose', status: 'status', undo: 'undone' };

/** The decision word of a recorded action ("keep" → "kept"); unknown actions read as themselves. */
export function decisionOf(action: string): ResolutionDecision {
  return DECISIONS[action] ?? (action as ResolutionDecision);
}

function lastWords(text: string, n = CONTEXT_WORDS): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return (words.length > n ? '… ' : '') + words.slice(-n).join(' ');
}

function firstWords(text: string, n = CONTEXT_WORDS): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return words.slice(0, n).join(' ') + (words.length > n ? ' …' : '');
}

/** The text of the textblocks of `doc` ending before `pos` (the last one) and starting after `end` (the first one). */
function neighbours(doc: Node, pos: number, end: number): { before: string; after: string } {
  let before = '';
  let after: string | null = null;
  doc.descendants((node, at) => {
    if (after !== null) return false;
    if (node.type.name === 'comments') return false;
    if (!node.isTextblock) return true;
    if (at + node.nodeSize <= pos) before = inlineText(node);
    else if (at >= end && after === null) after = inlineText(node);
    return false;
  });
  return { before, after: after ?? '' };
}

/** The words either side of `info` in `doc`: within its paragraph for an inline bracket, the neighbouring paragraphs for a block. */
function contextOf(doc: Node, info: BracketInfo): { before: string; after: string } {
  if (info.kind === 'inline') {
    const $from = doc.resolve(info.from);
    const block = $from.parent;
    const start = $from.start();
    const before = inlineText(block, { from: 0, to: info.from - start });
    const after = inlineText(block, { from: Math.min(info.to - start, block.content.size), to: block.content.size });
    return { before: lastWords(before), after: firstWords(after) };
  }
  const around = neighbours(doc, info.from, info.to);
  return { before: lastWords(around.before), after: firstWords(around.after) };
}

/** The bracket a record names: by id, else the alternatives group (inline or block) holding it. */
function findInfo(list: BracketInfo[], bracketId: string): BracketInfo | null {
  return list.find((b) => b.id === bracketId)
    ?? list.find((b) => b.options?.some((o) => o.id === bracketId) || b.group === bracketId)
    ?? null;
}

/**
 * Describe the resolution `action` of `bracketId` (with `optionId` for `choose`) as it reads in
 * `before`, the text just before the resolution. Inline alternatives (brackets sharing a group)
 * are numbered as options in document order.
 */
export function describeResolution(before: Node, bracketId: string, action: string, optionId: string | null): ResolutionDescription {
  const list = listBrackets(before);
  const info = findInfo(list, bracketId);
  const article = info?.articleId ? articles(before).find((a) => a.id === info.articleId) ?? null : null;
  const description: ResolutionDescription = {
    article: article ? { id: article.id, number: article.number, heading: article.heading } : null,
    text: '', context: { before: '', after: '' }, sponsors: [], decision: decisionOf(action),
  };
  if (!info) return description;
  const group = info.kind === 'inline' && info.group ? list.filter((b) => b.kind === 'inline' && b.group === info.group) : null;
  if (group && group.length > 1) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    description.text = group.map((b, i) => `Option ${i + 1}: ${b.text}`).join(' / ');
    description.sponsors = [...new Set(group.flatMap((b) => b.sponsors))];
    description.context = contextOf(before, { ...first, to: last.to });
    if (action === 'choose' || action === 'keep') {
      // Keeping one member of a group chooses it (shared/resolution/resolve.ts).
      const pick = action === 'keep' ? bracketId : optionId ?? (bracketId !== info.group ? bracketId : null);
      const index = group.findIndex((b) => b.id === pick);
      description.decision = 'chose';
      description.option = index >= 0 ? { index: index + 1, text: group[index]!.text } : null;
    }
    return description;
  }
  description.sponsors = info.sponsors;
  description.context = contextOf(before, info);
  if (info.options) {
    description.text = info.options.map((o) => `${o.label}: ${o.text || '(no text)'}`).join(' / ');
    if (action === 'choose' || (action === 'keep' && bracketId !== info.id)) {
      const pick = optionId ?? bracketId;
      const index = info.options.findIndex((o) => o.id === pick);
      description.decision = 'chose';
      description.option = index >= 0 ? { index: index + 1, text: info.options[index]!.text } : null;
    }
  } else {
    description.text = info.text;
  }
  return description;
}
