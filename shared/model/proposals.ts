/**
 * The open proposals of a document as the chair decides on them: every bracket of `listBrackets`,
 * except that inline brackets sharing a `group` — inline alternatives such as "[spam]
 * [unsolicited messages]" — are one entry of kind `alternatives` whose options are the member
 * brackets (the chair chooses one: its words stay, the others' go). A group left with a single
 * member is listed as that bracket.
 */
import type { Node } from 'prosemirror-model';
import { listBrackets, type BracketInfo, type OptionInfo } from './brackets.ts';

/** What a proposal asks: new words, removing existing words, or a choice between options. */
export type ProposalKind = 'insert' | 'delete' | 'alternatives';

/** Whether a listed bracket proposes new words, a deletion, or a choice. */
export function proposalKind(bracket: BracketInfo): ProposalKind {
  if (bracket.kind === 'alternatives') return 'alternatives';
  return bracket.markKind === 'delete' ? 'delete' : 'insert';
}

/** Every open proposal of `doc` in document order, inline alternatives grouped (see the module comment). */
export function listProposals(doc: Node): BracketInfo[] {
  const list = listBrackets(doc);
  const members = new Map<string, BracketInfo[]>();
  for (const b of list) {
    if (b.kind !== 'inline' || !b.group) continue;
    const group = members.get(b.group);
    if (group) group.push(b);
    else members.set(b.group, [b]);
  }
  const out: BracketInfo[] = [];
  for (const b of list) {
    const group = b.kind === 'inline' && b.group ? members.get(b.group)! : null;
    if (!group || group.length < 2) { out.push(b); continue; }
    if (group[0] !== b) continue;
    const options: OptionInfo[] = group.map((m, i) => ({ id: m.id, label: `Option ${i + 1}`, text: m.text, sponsors: m.sponsors, markKind: m.markKind ?? 'insert' }));
    out.push({
      ...b, id: b.group!, kind: 'alternatives', group: b.group,
      text: options.map((o) => `${o.label}${o.sponsors.length ? ` [${o.sponsors.join(', ')}]` : ''}: ${o.text}`).join('\n'),
      sponsors: [...new Set(group.flatMap((m) => m.sponsors))],
      from: Math.min(...group.map((m) => m.from)), to: Math.max(...group.map((m) => m.to)),
      markKind: undefined, options,
    });
  }
  return out;
}

/** Number of open proposals per article id (key null outside articles), inline alternatives counted once. */
export function proposalCounts(doc: Node): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const b of listProposals(doc)) counts.set(b.articleId, (counts.get(b.articleId) ?? 0) + 1);
  return counts;
}
