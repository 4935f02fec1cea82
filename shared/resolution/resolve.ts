import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { groupMembers, locateBracket, type BracketRange } from './locate.ts';
import { deleteBlock, replaceBlock } from './remove-block.ts';

/** What a chair does with a bracket: keep its words, drop them, or choose one alternative. */
export type ResolutionAction = 'keep' | 'drop' | 'choose';
/** The resolution actions, for validating input. */
export const RESOLUTION_ACTIONS: readonly ResolutionAction[] = ['keep', 'drop', 'choose'];

/**
 * Apply the resolution of bracket `id` to `tr`:
 * - inline bracket: `keep` removes the mark, `drop` deletes the marked text (for a `delete`-kind
 *   bracket, keep rejects the deletion and drop accepts it); in an inline alternatives group
 *   (`id` a member or the group id), `choose` keeps `optionId` (a member bracket id, or `id`
 *   itself when it is a member) and deletes the other members' text; `keep` and `drop` on a member
 *   settle that member alone, and `drop` on the group id deletes every member's text;
 * - block bracket: `keep` clears the block's `bracket`/`sponsors`/`bracketKind`, `drop` deletes the block;
 * - alternatives node (`id` the node id, or an option id with `choose`): `choose` replaces the
 *   node by the option's content (an empty option deletes it), `drop` deletes the node.
 * The document stays valid under the schema. Throws a RangeError naming the bracket when it does
 * not exist or the action does not apply to it.
 */
export function resolveBracketInTransform(tr: Transform, id: string, action: ResolutionAction, optionId?: string): void {
  const located = locateBracket(tr.doc, id);
  if (!located) {
    const owner = findAlternativesOfOption(tr.doc, id);
    if (owner && (action === 'choose' || action === 'keep')) return resolveBracketInTransform(tr, owner, 'choose', id);
    throw new RangeError(`No bracket ${JSON.stringify(id)} in this document`);
  }
  if (located.shape === 'block') {
    if (action === 'keep') tr.setNodeMarkup(located.pos, undefined, { ...located.node.attrs, bracket: null, sponsors: null, bracketKind: null });
    else if (action === 'drop') deleteBlock(tr, located.pos);
    else throw new RangeError(`Block bracket ${JSON.stringify(id)} has no options to choose from`);
    return;
  }
  if (located.shape === 'alternatives') {
    if (action === 'drop') return deleteBlock(tr, located.pos);
    if (action !== 'choose') throw new RangeError(`Alternatives ${JSON.stringify(id)} need "choose" or "drop", not ${JSON.stringify(action)}`);
    let chosen: Node | null = null;
    located.node.forEach((option) => { if (option.attrs.id === optionId) chosen = option; });
    if (!chosen) throw new RangeError(`Alternatives ${JSON.stringify(id)} have no option ${JSON.stringify(optionId)}`);
    return replaceBlock(tr, located.pos, (chosen as Node).content);
  }
  const group = located.group;
  if (group && action === 'choose') {
    const members = groupMembers(tr.doc, group);
    const pick = optionId ?? (id !== group ? id : undefined);
    if (!pick || !members.has(pick)) throw new RangeError(`Alternatives group ${JSON.stringify(group)} has no bracket ${JSON.stringify(pick)}`);
    for (const range of members.get(pick)!) tr.removeMark(range.from, range.to, range.mark);
    const others = [...members].filter(([member]) => member !== pick).flatMap(([, ranges]) => ranges);
    return deleteRanges(tr, others);
  }
  if (group && id === group && located.ranges.length === 0) {
    if (action !== 'drop') throw new RangeError(`Inline alternatives ${JSON.stringify(id)} need "choose" or "drop", not ${JSON.stringify(action)}`);
    return deleteRanges(tr, [...groupMembers(tr.doc, group).values()].flat());
  }
  if (action === 'keep') for (const range of located.ranges) tr.removeMark(range.from, range.to, range.mark);
  else if (action === 'drop') deleteRanges(tr, located.ranges);
  else throw new RangeError(`Bracket ${JSON.stringify(id)} is not part of an alternatives group; use "keep" or "drop"`);
}

/** Resolve bracket `id` in `doc` and return the new document (see `resolveBracketInTransform`). */
export function resolveBracket(doc: Node, id: string, action: ResolutionAction, optionId?: string): Node {
  const tr = new Transform(doc);
  resolveBracketInTransform(tr, id, action, optionId);
  return tr.doc;
}

/** A command resolving bracket `id`; it is enabled when the bracket exists and the action applies. */
export function resolveBracketCommand(id: string, action: ResolutionAction, optionId?: string): Command {
  return (state, dispatch) => {
    const tr = state.tr;
    try {
      resolveBracketInTransform(tr, id, action, optionId);
    } catch (error) {
      if (error instanceof RangeError) return false;
      throw error;
    }
    if (dispatch) dispatch(tr.setMeta('plenipo:resolution', { id, action, optionId }).scrollIntoView());
    return true;
  };
}

/** Id of the alternatives node holding the option `optionId`, or null. */
function findAlternativesOfOption(doc: Node, optionId: string): string | null {
  let owner: string | null = null;
  doc.descendants((node, _pos, parent) => {
    if (owner) return false;
    if (node.type.name === 'option' && node.attrs.id === optionId && parent) owner = parent.attrs.id;
    return !node.isTextblock;
  });
  return owner;
}

/** Delete the given text ranges (taken on the current doc), tidying the spaces left behind. */
function deleteRanges(tr: Transform, ranges: BracketRange[]): void {
  const start = tr.steps.length;
  for (const range of [...ranges].sort((a, b) => b.from - a.from)) {
    const mapping = tr.mapping.slice(start);
    const from = mapping.map(range.from, 1);
    const to = mapping.map(range.to, -1);
    if (to <= from) continue;
    tr.delete(from, to);
    tidySpaces(tr, from);
  }
}

/** After a deletion at `pos`, remove a doubled space or a space left before punctuation. */
function tidySpaces(tr: Transform, pos: number): void {
  const $pos = tr.doc.resolve(pos);
  if (!$pos.parent.isTextblock) return;
  const before = pos > $pos.start() ? tr.doc.textBetween(pos - 1, pos) : '';
  const after = pos < $pos.end() ? tr.doc.textBetween(pos, pos + 1) : '';
  if (before === ' ' && (after === ' ' || /^[.,;:)\]]$/.test(after) || after === '')) tr.delete(pos - 1, pos);
  else if (before === '' && after === ' ') tr.delete(pos, pos + 1);
}
