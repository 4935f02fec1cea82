/**
 * The redline of two treaty texts as Akoma Ntoso 3.0: the newer text (its FRBR Expression, the
 * document element marked `contains="multipleVersions"`) with every change of the Redline
 * (`compareDocuments`) marked in it, valid under the Akoma Ntoso 3.0 XSD:
 * - inside a provision, the words inserted since the older text in `<ins>`, the words deleted from
 *   it in `<del>` where they stood (akn-overlay.ts, akn-inline.ts), so that dropping every `<del>`
 *   gives the newer text and dropping every `<ins>` the older one;
 * - a provision deleted from an article that stays: `<p><del>…</del></p>` beside its neighbour;
 * - an article removed: rendered from the older text where it stood, `status="removed"`, eId
 *   `art_<n>_del`, every word in `<del>`; other removed units (division headings, text outside
 *   articles): `<hcontainer name="removed" status="removed">` of deleted lines;
 * - a renumbered article: `<num>Article <del>16</del><ins>17</ins></num>` and `wId="art_16"`;
 * - a moved unit stands at its new place only (its old place is recorded in the analysis).
 * `<meta><analysis><activeModifications>` records one `textualMod` per article or division change,
 * with `source` = the element in the older Expression (full IRI `…/eng@2026-01-15_rev-1#art_16`,
 * or the older Expression itself for an insertion) and `destination` = the element here (`#art_17`,
 * `#art_16_del` for a repeal): `insertion`, `repeal`, `substitution` (the wording changed),
 * `renumbering` (with `<previous>` = the former element and `<old>` / `<new>` holding the former and
 * the new number as `<plenipo:num>`). The XSD has no type for a move: a moved article is a
 * `renumbering` with `plenipo:change="movement"` (its old place in `source` and `<previous>`).
 */
import type { Node } from 'prosemirror-model';
import { compareDocuments, redlineSteps, sideUnits, changesText, type Redline, type RedlineBlock, type RedlineSide, type SideUnit, type Change } from '../redline/index.ts';
import { aknEIds, aknIdentity, documentToAkn, escapeXml, type AknEIds, type AknRedlineMarks, type RemovedUnit } from './akn.ts';
import { lineOverlay } from './akn-overlay.ts';

/** Options of `redlineToAkn`. */
export interface AknRedlineOptions {
  /** The two sides (version labels and times; the Expression of each side is derived from them). */
  from?: Partial<RedlineSide>;
  to?: Partial<RedlineSide>;
  /** The Redline of the two texts when already computed (else `compareDocuments`). */
  redline?: Redline;
  /** ISO time of generation of the manifestation (default: now). */
  generatedAt?: string;
}

/** The Expression options of a side: a version (with its date and label) unless it is the base text or the current state. */
export function sideExpression(side: Partial<RedlineSide> | undefined): { date?: string; version?: string } {
  if (!side || side.ref === 'current' || side.ref === 'base' || !side.at || !side.label) return {};
  return { date: side.at.slice(0, 10), version: side.label };
}

/** The textblock whose content starts at `at` and its position, or null (an option's caption line has none). */
function textblockAt(doc: Node, at: number): { node: Node; pos: number } | null {
  const $at = doc.resolve(at);
  return $at.parent.isTextblock && $at.depth > 0 ? { node: $at.parent, pos: $at.before() } : null;
}

/** A unit of the Redline paired with its lines on one side. */
interface Placed { unit: SideUnit; lines: { block: RedlineBlock | null; changes: Change[] }[] }

/** The redline marks of the newer text `to` (see the module comment). */
export function redlineMarks(redline: Redline, from: Node, to: Node): AknRedlineMarks {
  const marks: AknRedlineMarks = {
    from, overlays: new Map(), removedLines: new Map(), removedContent: new Map(), formerNumbers: new Map(),
    removedAfter: new Map(), removedInside: new Map(), removedFirst: [], removedLast: [],
  };
  const toUnits = sideUnits(to);
  const fromUnits = sideUnits(from);
  let ti = 0;
  let fi = 0;
  type Anchor = { kind: string; unit: SideUnit } | null;
  let anchor: Anchor = null;
  const place = (removed: RemovedUnit) => {
    if (!anchor || anchor.kind === 'title' || anchor.kind === 'preamble') { marks.removedFirst.push(removed); return; }
    if (anchor.kind === 'closing') { marks.removedLast.push(removed); return; }
    if (anchor.kind === 'division') { const at = anchor.unit.from; marks.removedInside.set(at, [...(marks.removedInside.get(at) ?? []), removed]); return; }
    const at = anchor.kind === 'article' ? anchor.unit.from : anchor.unit.to - to.resolve(anchor.unit.to).nodeBefore!.nodeSize;
    marks.removedAfter.set(at, [...(marks.removedAfter.get(at) ?? []), removed]);
  };
  const side = (list: SideUnit[], index: number, id: string, what: string): SideUnit => {
    const unit = list[index];
    if (!unit || unit.id !== id) throw new RangeError(`Redline unit ${JSON.stringify(id)} does not match the ${what} text's unit ${JSON.stringify(unit?.id)} at index ${index}`);
    return unit;
  };

  for (const step of redlineSteps(redline)) {
    const unit = step.part ?? step.article!;
    const moved = unit.status === 'moved';
    const fromSide = unit.fromId != null && (!moved || step.type === 'moved-from') ? side(fromUnits, fi++, unit.fromId, 'older') : null;
    if (step.type === 'moved-from') continue;
    if (unit.toId == null) {
      const lines = unit.blocks.filter((b) => b.fromId != null).map((b) => changesText(b.changes, 'from'));
      if (step.article && fromSide) place({ kind: 'article', pos: fromSide.from, id: unit.fromId! });
      else place({ kind: 'lines', id: unit.fromId ?? unit.key, lines, ...(step.part?.kind === 'division' ? { label: unit.blocks[0]?.fromLabel ?? undefined } : {}) });
      continue;
    }
    const toSide = side(toUnits, ti++, unit.toId, 'newer');
    anchor = { kind: step.part?.kind ?? 'article', unit: toSide };
    if (step.article?.renumbered && step.article.fromNumber != null) marks.formerNumbers.set(toSide.from, step.article.fromNumber);
    const placed: Placed = { unit: toSide, lines: [] };
    if (step.article) placed.lines.push({ block: null, changes: step.article.heading });
    for (const b of unit.blocks) if (b.move !== 'from' && (b.toId != null || b.fromId != null)) placed.lines.push({ block: b, changes: b.changes });
    markUnit(placed, to, marks);
  }
  return marks;
}

/** Overlays and deleted lines of one unit of the newer text. */
function markUnit(placed: Placed, to: Node, marks: AknRedlineMarks): void {
  let line = 0;
  let previous: { node: Node; pos: number } | null = null;
  let pending: string[] = [];
  const beside = (at: number, where: 'before' | 'after', lines: string[]) => {
    const entry = marks.removedLines.get(at) ?? { before: [], after: [] };
    entry[where].push(...lines);
    marks.removedLines.set(at, entry);
  };
  for (const { block, changes } of placed.lines) {
    if (block && block.toId == null) {
      const text = changesText(changes, 'from');
      if (previous && previous.node.type.name !== 'heading') beside(previous.pos, 'after', [text]);
      else pending.push(text);
      continue;
    }
    const sideLine = placed.unit.blocks[line++];
    if (!sideLine) throw new RangeError(`Redline unit ${JSON.stringify(placed.unit.id)} has more lines than the newer text's ${placed.unit.blocks.length}`);
    const textblock = textblockAt(to, sideLine.at);
    if (!textblock) continue;
    const overlay = lineOverlay(textblock.node, sideLine, changes);
    if (overlay) marks.overlays.set(textblock.pos, overlay);
    if (pending.length) { beside(textblock.pos, textblock.node.type.name === 'heading' ? 'after' : 'before', pending); pending = []; }
    previous = textblock;
  }
  if (!pending.length) return;
  const unitNode = to.nodeAt(placed.unit.from);
  if (unitNode?.type.name === 'article' && unitNode.childCount === 1) marks.removedContent.set(placed.unit.from, pending);
  else if (previous) beside(previous.pos, 'after', pending);
}

/** The `<activeModifications>` of a redline (see the module comment); '' when nothing changed. */
function activeModifications(redline: Redline, fromExpression: string, fromEIds: Map<string, string>, eIds: AknEIds): string {
  const mods: string[] = [];
  const older = (id: string | null) => (id && fromEIds.get(id) ? `${fromExpression}/!main#${fromEIds.get(id)}` : `${fromExpression}/!main`);
  const mod = (type: string, source: string, destination: string | undefined, extra = '', attrs = '') => {
    if (!destination) return;
    mods.push(`<textualMod type="${type}" eId="mod_${mods.length + 1}"${attrs}><source href="${escapeXml(source)}"/><destination href="#${destination}"/>${extra}</textualMod>`);
  };
  const num = (text: string) => `<plenipo:num>${escapeXml(text)}</plenipo:num>`;
  const renumbering = (fromId: string | null, toEId: string, fromLabel: string, toLabel: string) =>
    `<previous href="${escapeXml(older(fromId))}"/><old href="#${toEId}">${num(fromLabel)}</old><new href="${escapeXml(older(fromId))}">${num(toLabel)}</new>`;
  const units = [...redline.articles.map((a) => ({ unit: a, label: (n: string | null) => `Article ${n ?? ''}`, from: a.fromNumber, to: a.toNumber, renumbered: !!a.renumbered, textChanged: !!a.textChanged })),
    ...redline.parts.filter((p) => p.kind === 'division').map((p) => ({ unit: p, label: (n: string | null) => n ?? '', from: p.blocks[0]?.fromLabel ?? null, to: p.blocks[0]?.toLabel ?? null, renumbered: false, textChanged: p.status === 'modified' }))];
  for (const { unit, label, from, to, renumbered, textChanged } of units) {
    const here = unit.toId ? eIds.byId.get(unit.toId) : undefined;
    if (unit.status === 'added') mod('insertion', `${fromExpression}/!main`, here);
    else if (unit.status === 'removed') mod('repeal', older(unit.fromId), unit.fromId ? eIds.removed.get(unit.fromId) : undefined);
    else if (unit.status === 'moved') {
      mod('renumbering', older(unit.fromId), here, here ? renumbering(unit.fromId, here, label(from), label(to)) : '', ' plenipo:change="movement"');
      if (textChanged) mod('substitution', older(unit.fromId), here);
    } else {
      if (textChanged) mod('substitution', older(unit.fromId), here);
      if (renumbered && here) mod('renumbering', older(unit.fromId), here, renumbering(unit.fromId, here, label(from), label(to)));
    }
  }
  return mods.length ? `<activeModifications>${mods.join('')}</activeModifications>` : '';
}

/**
 * The redline of `from` → `to` as Akoma Ntoso 3.0 XML: the newer text with the changes marked
 * and recorded (see the module comment).
 */
export function redlineToAkn(from: Node, to: Node, options: AknRedlineOptions = {}): string {
  const redline = options.redline ?? compareDocuments(from, to, { from: options.from, to: options.to });
  const fromExpression = aknIdentity(from, sideExpression(options.from)).expression;
  const fromEIds = aknEIds(from);
  return documentToAkn(to, {
    ...sideExpression(options.to), generatedAt: options.generatedAt, contains: 'multipleVersions',
    redline: redlineMarks(redline, from, to),
    analysis: (eIds) => activeModifications(redline, fromExpression, fromEIds, eIds),
  });
}
