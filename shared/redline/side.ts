/**
 * The side text of a document: what a Redline compares and rebuilds. Every text block of the
 * treaty in document order — title, preamble, division headings, text directly in a division or
 * the document, article headings and provisions (options of alternatives included), closing — as
 * one line each, joined by "\n". Comments and the hidden docinfo are not text of the treaty.
 *
 * A line is the block's text exactly as stored (no whitespace or quote normalisation), with inline
 * brackets shown as "[" and "]" (nested ones nested), a bracketed block's "[" before its first line
 * and "]" after its last (an article's before its heading), and an option's caption
 * ("Option 1 [FR]: ") before its first line, or as a line of its own when the option starts with
 * an article or a division or is empty ("Option 2: [delete]"). Numbers are not part of the text:
 * each line carries its label ("1.a", "Chapter I") separately.
 *
 * `sideUnits(doc)` groups the lines into the units a Redline aligns (parts and articles), with the
 * document position of every character so that each piece of a diff can be attributed.
 */
import type { Node } from 'prosemirror-model';
import { numberLabels, divisionLabel, kindName, bracketSpans, optionCaption } from '../model/index.ts';
import type { RedlinePartKind } from './types.ts';

/** One line of the side text. */
export interface SideBlock {
  /** Id of the text block (its `id` attr, else its parent's id and index; ":caption" for an option caption line). */
  id: string;
  /** Numbering label ("1", "1.a", "1.a¶2"), "Chapter I" for a division heading, "" when unnumbered. */
  label: string;
  /** True for text continuing a numbered provision after its first block. */
  continued: boolean;
  text: string;
  /**
   * Where the real characters of `text` sit in the document, in order: `text[offset, offset +
   * length)` is at document positions `[pos, pos + length)`. Characters outside every run are
   * synthetic (brackets shown as "[" "]", block brackets, option captions).
   */
  runs: TextRun[];
  /** Document position where the block's content starts (where an empty piece is placed). */
  at: number;
}

/** A run of real characters of a line: see `SideBlock.runs`. */
export interface TextRun {
  offset: number;
  pos: number;
  length: number;
}

/** A unit of the side text: an article or a part (see `RedlinePartKind`). */
export interface SideUnit {
  kind: RedlinePartKind | 'article';
  /** Id of the unit's node (article, division, preamble...); for a text run, its first block's id. */
  id: string;
  /** The article number, the division label ("Chapter I"), else "". */
  label: string;
  /** The division kind ("chapter") for a division. */
  division?: string;
  /** Heading text of an article or division (brackets of its words visible, its own block bracket not). */
  heading: string;
  /** Labels of the enclosing divisions, outermost first. */
  path: string[];
  /** Document range of the unit's node(s), for locating brackets and comments. */
  from: number;
  to: number;
  /** The unit's lines; for an article its heading line first. */
  blocks: SideBlock[];
}

/** Text of an inline block with "[" "]" around bracketed spans, and the runs of real characters. */
function inlineLine(block: Node, contentStart: number): { text: string; runs: TextRun[] } {
  const runs: TextRun[] = [];
  let text = '';
  if (!block.content.size) return { text, runs };
  let plainText = true;
  block.forEach((child) => { if (!child.isText || child.marks.some((m) => m.type.name === 'bracket')) plainText = false; });
  if (plainText) {
    // The common case: text without brackets or atoms, one run per text node.
    block.forEach((child, offset) => { runs.push({ offset: text.length, pos: contentStart + offset, length: child.text!.length }); text += child.text!; });
    return { text, runs };
  }
  const spans = bracketSpans(block);
  const opens = new Map<number, number>();
  const closes = new Map<number, number>();
  for (const s of spans) {
    opens.set(s.start, (opens.get(s.start) ?? 0) + 1);
    closes.set(s.end, (closes.get(s.end) ?? 0) + 1);
  }
  const marker = (ch: string, n: number | undefined) => { if (n) text += ch.repeat(n); };
  block.forEach((child, offset) => {
    marker(']', closes.get(offset));
    marker('[', opens.get(offset));
    if (!child.isText) return;
    runs.push({ offset: text.length, pos: contentStart + offset, length: child.text!.length });
    text += child.text!;
  });
  marker(']', closes.get(block.content.size));
  return { text, runs };
}

/** How many text blocks a numbered provision (or unnumbered container) has shown so far. */
interface Counter { count: number }

/** A line while it is built (brackets and captions may still be added around it). */
type Line = SideBlock;

function prefix(line: Line, text: string): void {
  line.text = text + line.text;
  line.runs = line.runs.map((r) => ({ ...r, offset: r.offset + text.length }));
}

function suffix(line: Line, text: string): void {
  line.text += text;
}

/** Wrap the lines produced by a bracketed node in "[" ... "]". */
function wrapLines(lines: Line[]): void {
  if (lines.length === 0) return;
  prefix(lines[0], '[');
  suffix(lines[lines.length - 1], ']');
}

const nodeId = (node: Node, parentId: string, index: number) => (node.attrs.id != null ? String(node.attrs.id) : `${parentId}.${index}`);

/** Group the side text of `doc` into units (see the module comment). */
export function sideUnits(doc: Node): SideUnit[] {
  const labels = numberLabels(doc);
  const units: SideUnit[] = [];
  let run: SideUnit | null = null;
  const endRun = () => { run = null; };
  const textLines = (line: Line, path: string[], from: number, to: number) => {
    if (!run) {
      run = { kind: 'text', id: line.id, label: '', heading: '', path, from, to, blocks: [] };
      units.push(run);
    }
    run.blocks.push(line);
    run.to = to;
  };

  /** Lines of the provisions under `parent` (an article, a numbered block, an option inside an article). */
  const provisions = (parent: Node, contentStart: number, base: string, parentId: string, counter: Counter): Line[] => {
    const out: Line[] = [];
    parent.forEach((child, offset, index) => {
      const pos = contentStart + offset;
      const id = nodeId(child, parentId, index);
      let lines: Line[];
      switch (child.type.name) {
        case 'heading': case 'comments': return;
        case 'plain': {
          const { text, runs } = inlineLine(child, pos + 1);
          const k = ++counter.count;
          const label = k === 1 ? base : `${base}¶${k}`;
          lines = [{ id, label, continued: k > 1 && base !== '', text, runs, at: pos + 1 }];
          break;
        }
        case 'alternatives': {
          lines = [];
          // Every option continues from the same count; what follows continues after the longest.
          const start = counter.count;
          let reached = start;
          child.forEach((option, optOffset, i) => {
            const caption = optionCaption(option, i);
            const optionId = nodeId(option, id, i);
            const optionCounter = { count: start };
            const inner = provisions(option, pos + 1 + optOffset + 1, base, optionId, optionCounter);
            reached = Math.max(reached, optionCounter.count);
            if (inner.length === 0) {
              const text = `${caption}: [delete]`;
              lines.push({ id: `${optionId}:caption`, label: base, continued: false, text, runs: [], at: pos + 1 + optOffset + 1 });
            } else {
              prefix(inner[0], `${caption}: `);
              lines.push(...inner);
            }
          });
          counter.count = reached;
          break;
        }
        default: {
          const label = labels.get(pos);
          const childBase = label !== undefined ? (base ? `${base}.${label}` : label) : base;
          lines = provisions(child, pos + 1, childBase, id, label !== undefined ? { count: 0 } : counter);
        }
      }
      if (child.attrs.bracket != null) wrapLines(lines);
      out.push(...lines);
    });
    return out;
  };

  const article = (node: Node, pos: number, path: string[], id: string) => {
    endRun();
    const heading = node.firstChild!;
    const head = inlineLine(heading, pos + 2);
    const headLine: Line = { id: `${id}:heading`, label: '', continued: false, text: head.text, runs: head.runs, at: pos + 2 };
    const lines = [headLine, ...provisions(node, pos + 1, '', id, { count: 0 })];
    if (node.attrs.bracket != null) wrapLines(lines);
    units.push({ kind: 'article', id, label: labels.get(pos) ?? '', heading: head.text, path, from: pos, to: pos + node.nodeSize, blocks: lines });
  };

  /** Children of the document, a division or an option outside articles. */
  const container = (parent: Node, contentStart: number, path: string[], parentId: string) => {
    parent.forEach((child, offset, index) => {
      const pos = contentStart + offset;
      const id = nodeId(child, parentId, index);
      switch (child.type.name) {
        case 'docinfo': case 'comments': return;
        case 'heading': return; // a division's heading is its own unit's line
        case 'title': case 'closing': case 'preamble': {
          endRun();
          const lines = child.type.name === 'title'
            ? [{ id: 'title', label: '', continued: false, ...inlineLine(child, pos + 1), at: pos + 1 }]
            : provisions(child, pos + 1, '', id, { count: 0 });
          units.push({ kind: child.type.name, id: child.type.name === 'title' ? 'title' : id, label: '', heading: '', path, from: pos, to: pos + child.nodeSize, blocks: lines });
          return;
        }
        case 'division': {
          endRun();
          // An unnumbered division (an annex, say) is labelled by its kind alone.
          const number = labels.get(pos) ?? '';
          const label = number ? divisionLabel(String(child.attrs.kind), number) : kindName(String(child.attrs.kind));
          const heading = child.firstChild!;
          const head = inlineLine(heading, pos + 2);
          units.push({
            kind: 'division', id, label, division: String(child.attrs.kind), heading: head.text, path, from: pos, to: pos + 1 + heading.nodeSize,
            blocks: [{ id: `${id}:heading`, label, continued: false, text: head.text, runs: head.runs, at: pos + 2 }],
          });
          container(child, pos + 1, [...path, label], id);
          endRun();
          return;
        }
        case 'article': article(child, pos, path, id); return;
        case 'plain': {
          const { text, runs } = inlineLine(child, pos + 1);
          const line: Line = { id, label: '', continued: false, text, runs, at: pos + 1 };
          if (child.attrs.bracket != null) wrapLines([line]);
          textLines(line, path, pos, pos + child.nodeSize);
          return;
        }
        case 'alternatives': {
          child.forEach((option, optOffset, i) => {
            const optionPos = pos + 1 + optOffset;
            const optionId = nodeId(option, id, i);
            const caption = optionCaption(option, i);
            const lead = option.firstChild;
            if (lead && lead.type.name === 'plain') {
              // The caption opens the option's first line of text.
              const { text, runs } = inlineLine(lead, optionPos + 2);
              const line: Line = { id: nodeId(lead, optionId, 0), label: '', continued: false, text, runs, at: optionPos + 2 };
              if (lead.attrs.bracket != null) wrapLines([line]);
              prefix(line, `${caption}: `);
              textLines(line, path, optionPos, optionPos + 1 + lead.nodeSize);
              container(option.copy(option.content.cut(lead.nodeSize)), optionPos + 1 + lead.nodeSize, path, optionId);
            } else {
              const text = lead ? `${caption}:` : `${caption}: [delete]`;
              textLines({ id: `${optionId}:caption`, label: '', continued: false, text, runs: [], at: optionPos + 1 }, path, optionPos, optionPos + 1);
              container(option, optionPos + 1, path, optionId);
            }
            endRun();
          });
          return;
        }
        default: {
          // Numbered blocks outside an article (an option offering a paragraph): provisions.
          endRun();
          const label = labels.get(pos);
          const lines = provisions(child, pos + 1, label ?? '', id, { count: 0 });
          if (child.attrs.bracket != null) wrapLines(lines);
          for (const line of lines) textLines(line, path, pos, pos + child.nodeSize);
          endRun();
        }
      }
    });
  };
  container(doc, 0, [], 'doc');
  return units;
}

/** The side text of `doc`: every line of `sideUnits` joined by "\n" (see the module comment). */
export function sideText(doc: Node): string {
  return sideUnits(doc).flatMap((u) => u.blocks.map((b) => b.text)).join('\n');
}
