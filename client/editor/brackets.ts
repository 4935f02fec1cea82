/**
 * Square brackets made visible. Inline brackets are `bracket` marks; here each run of a mark
 * gets an opening "[" widget at its start and a closing "]" widget with its sponsors at its end,
 * ordered so nested brackets read "[[ITU Membership] for Members]". Block brackets (the `bracket`
 * attribute of an article, paragraph, sub-paragraph, item or plain block) get a "[" at the start
 * of their first textblock, a "]" with sponsors at the end of their last, and a class on the block;
 * a block proposed for deletion (`bracketKind: 'delete'`) reads struck through, its "]" saying
 * "delete" before its sponsors.
 */
import type { Mark, Node } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';
import { sponsorsOf } from '../../shared/model/index.ts';
import { delegationColour } from '../connection/index.ts';

/** The `spec.kind` of inline bracket widgets, so a textblock's widgets can be found and replaced. */
export const INLINE_BRACKET = 'inline-bracket';

interface Run {
  mark: Mark;
  from: number;
  to: number;
  depth: number;
}

function glyph(className: string, text: string, title: string, bracketId?: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  span.title = title;
  span.contentEditable = 'false';
  if (bracketId) span.dataset.bracketId = bracketId;
  return span;
}

function closing(className: string, sponsors: string[], title: string, kind: string, bracketId?: string): HTMLElement {
  const span = glyph(className, ']', title, bracketId);
  if (sponsors.length || kind === 'delete') {
    // One chip per sponsor in its delegation's colour; the text reads "delete FR US".
    const sup = document.createElement('sup');
    sup.className = 'sponsors';
    sup.dataset.sponsors = sponsors.join(' ');
    const words = kind === 'delete' ? ['delete', ...sponsors] : sponsors;
    words.forEach((word, index) => {
      if (index > 0) sup.append(' ');
      const chip = document.createElement('span');
      chip.className = index === 0 && kind === 'delete' ? 'sponsor-note' : 'sponsor';
      chip.textContent = word;
      if (chip.className === 'sponsor') chip.style.backgroundColor = delegationColour(word);
      sup.append(chip);
    });
    span.append(sup);
  }
  return span;
}

function describe(mark: Mark): string {
  const sponsors = sponsorsOf(mark.attrs.sponsors);
  const what = mark.attrs.kind === 'delete' ? 'Proposed deletion' : 'Bracketed text';
  const group = mark.attrs.group ? ' (alternative wording)' : '';
  return `${what}${group}${sponsors.length ? ` — sponsored by ${sponsors.join(', ')}` : ''}`;
}

/** The runs of bracket marks in a textblock whose content starts at `start`. */
function bracketRuns(textblock: Node, start: number): Run[] {
  const open = new Map<string, Run>();
  const runs: Run[] = [];
  textblock.forEach((child, offset) => {
    const pos = start + offset;
    const present = new Map<string, Mark>();
    for (const mark of child.marks) if (mark.type.name === 'bracket') present.set(String(mark.attrs.id), mark);
    for (const [id, run] of open) {
      if (!present.has(id)) open.delete(id);
      else run.to = pos + child.nodeSize;
    }
    for (const [id, mark] of present) {
      if (open.has(id)) continue;
      const run: Run = { mark, from: pos, to: pos + child.nodeSize, depth: 0 };
      open.set(id, run);
      runs.push(run);
    }
  });
  for (const run of runs) {
    run.depth = runs.filter((other) => other !== run && other.from <= run.from && other.to >= run.to
      && (other.from < run.from || other.to > run.to || runs.indexOf(other) < runs.indexOf(run))).length;
  }
  return runs;
}

/** Option numbers of the inline alternatives in `runs`: each group's members 1, 2, … in reading order. */
function alternativeNumbers(runs: Run[]): Map<string, { index: number; of: number }> {
  const groups = new Map<string, string[]>();
  for (const run of runs) {
    const group = run.mark.attrs.group;
    if (!group) continue;
    const members = groups.get(String(group)) ?? [];
    if (!members.includes(String(run.mark.attrs.id))) members.push(String(run.mark.attrs.id));
    groups.set(String(group), members);
  }
  const out = new Map<string, { index: number; of: number }>();
  for (const members of groups.values()) members.forEach((id, index) => out.set(id, { index, of: members.length }));
  return out;
}

/** The opening "[" of an inline bracket; an alternative carries its option number ("[¹spam]"). */
function opening(className: string, title: string, id: string, option: { index: number; of: number } | undefined): HTMLElement {
  const span = glyph(className, '[', title, id);
  if (option) {
    const label = document.createElement('span');
    label.className = 'alt-label';
    label.textContent = String(option.index + 1);
    span.append(label);
  }
  return span;
}

/** Widgets "[" and "]"+sponsors for the inline brackets of the textblock at `pos`, and each proposal's tint in its delegation's colour. */
export function inlineBracketDecorations(textblock: Node, pos: number): Decoration[] {
  if (!textblock.isTextblock) return [];
  const runs = bracketRuns(textblock, pos + 1);
  if (runs.length === 0) return [];
  const decorations: Decoration[] = [];
  const options = alternativeNumbers(runs);
  // Openings at one position: outermost (deepest 0) first. Closings: innermost first.
  for (const run of runs) {
    const id = String(run.mark.attrs.id);
    const kind = String(run.mark.attrs.kind ?? 'insert');
    const sponsors = sponsorsOf(run.mark.attrs.sponsors);
    const depthClass = `depth-${Math.min(run.depth, 3)}`;
    const option = options.get(id);
    const title = option ? `Alternative ${option.index + 1} of ${option.of}: ${describe(run.mark)}` : describe(run.mark);
    const base = `bracket-glyph bracket-${kind} ${depthClass}`;
    const colour = delegationColour(sponsors[0] ?? '');
    decorations.push(Decoration.inline(run.from, run.to, {
      class: `proposal-tint bracket-${kind}${option ? ' alt-group' : ''}`,
      style: `--proposal-colour: ${colour}; --proposal-colour-soft: ${colour}1f`,
      'data-proposal': id,
    }, { kind: INLINE_BRACKET, bracket: id }));
    decorations.push(Decoration.widget(run.from, () => opening(`${base} open`, title, id, option), {
      side: 10 + run.depth, marks: [], ignoreSelection: true, kind: INLINE_BRACKET, bracket: id,
      key: `o:${id}:${run.depth}:${kind}:${option ? option.index : ''}`,
    }));
    decorations.push(Decoration.widget(run.to, () => closing(`${base} close`, sponsors, title, kind, id), {
      side: -10 - run.depth, marks: [], ignoreSelection: true, kind: INLINE_BRACKET, bracket: id,
      key: `c:${id}:${run.depth}:${kind}:${sponsors.join(',')}`,
    }));
  }
  return decorations;
}

function textblocks(node: Node, pos: number): { first: number; last: number; lastNode: Node } | null {
  let first = -1;
  let last = -1;
  let lastNode: Node | null = null;
  node.descendants((child, offset) => {
    if (!child.isTextblock) return true;
    const at = pos + 1 + offset;
    if (first < 0) first = at;
    last = at;
    lastNode = child;
    return false;
  });
  return first < 0 || !lastNode ? null : { first, last, lastNode };
}

/** Decorations for a bracketed block (article, paragraph, sub-paragraph, item, plain) at `pos`. */
export function blockBracketDecorations(node: Node, pos: number): Decoration[] {
  const id = node.attrs.bracket;
  if (!id) return [];
  const sponsors = sponsorsOf(node.attrs.sponsors);
  const kind = node.attrs.bracketKind === 'delete' ? 'delete' : 'insert';
  const what = kind === 'delete' ? `Proposed deletion of this ${node.type.name}` : `Bracketed ${node.type.name}`;
  const title = `${what}${sponsors.length ? ` — sponsored by ${sponsors.join(', ')}` : ''}`;
  const colour = delegationColour(sponsors[0] ?? '');
  const decorations: Decoration[] = [
    Decoration.node(pos, pos + node.nodeSize, {
      class: kind === 'delete' ? 'block-bracket block-bracket-delete' : 'block-bracket',
      'data-sponsors': sponsors.join(' '),
      'data-block-proposal': String(id),
      ...(kind === 'delete' ? { style: `--proposal-colour: ${colour}` } : {}),
    }),
  ];
  const inner = node.isTextblock ? { first: pos, last: pos, lastNode: node } : textblocks(node, pos);
  if (!inner) return decorations;
  decorations.push(Decoration.widget(inner.first + 1, () => glyph(`bracket-glyph block open bracket-${kind}`, '[', title), {
    side: -1000, marks: [], ignoreSelection: true, key: `bo:${id}:${kind}`,
  }));
  const end = inner.last + inner.lastNode.nodeSize - 1;
  decorations.push(Decoration.widget(end, () => closing(`bracket-glyph block close bracket-${kind}`, sponsors, title, kind, String(id)), {
    side: 1000, marks: [], ignoreSelection: true, key: `bc:${id}:${kind}:${sponsors.join(',')}`,
  }));
  return decorations;
}
