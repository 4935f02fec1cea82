/**
 * One treaty document as Akoma Ntoso 3.0 XML (OASIS LegalDocML), valid under the schema in
 * `../shared/akn/akomantoso30.xsd`. Built as a string, no DOM.
 *
 * Mapping (Plenipo → Akoma Ntoso):
 * - docinfo → `<meta><identification>` FRBR Work/Expression/Manifestation (symbol, date, language);
 *   `<references>` lists the organisations `#plenipo`, one `TLCOrganization` per sponsoring
 *   Delegation (`#dlg_FR`) and one `TLCConcept` per Bracket (`#br_<id>`, showAs = text + sponsors).
 * - title → `<preface><longTitle><p>`; preamble → `<preamble>` of `<p>` (alternatives as
 *   `<container name="alternatives">` holding `<container name="option">`); closing → `<conclusions>`.
 * - division → `<part>` / `<chapter>` / `<section>` / `<title>` with `<num>` and `<heading>`;
 *   eIds `chp_II`, `chp_II__sec_1`, `chp_II__sec_1__title_1`.
 * - article → `<article eId="art_16">` with `<num>Article 16</num>` and `<heading>`.
 * - paragraph → `<paragraph eId="art_16__para_1">`; sub-paragraphs and items → a `<list>` of
 *   `<point eId="art_1__para_1__list_1__point_a">`, the chapeau as the list's `<intro>`, closing words
 *   as `<wrapUp>`; unnumbered text between numbered parts → `<hcontainer name="text">`.
 * - alternatives in the body → `<hcontainer name="alternatives">` of `<hcontainer name="option">`
 *   whose `<heading>` is the caption ("Option 1 [FR]"); an empty option reads "[delete]".
 * - inline Bracket → `<inline name="bracket" class="insert|delete" refersTo="#br_<id> #dlg_FR">`
 *   around each bracketed run, the "[" and "]" kept as text where the bracket opens and closes
 *   (overlapping brackets become nested runs, never crossing elements).
 * - block Bracket (article, paragraph...) → the element gets `class="bracketed"` and
 *   `refersTo="#br_<id> #dlg_..."` (no "[" "]" text added).
 * - alternatives are grouped: every option after the first carries `alternativeTo` = the first
 *   option's eId (`hcontainer` in the body, `container` in preamble and closing); inline brackets
 *   sharing a `group` ("[shall] [may]") get eIds `inl_<id>` and `alternativeTo` the group's first.
 * - comment → `<meta><notes><note eId="cmt_<id>" class="comment open|resolved" refersTo="#dlg_FR">`
 *   with `placementBase` = the eId of the block it concerns when known; every thread has its
 *   `<noteRef href="#cmt_<id>" class="comment"/>` in the text: after the words an `anchor` mark
 *   covers, else at the end of the bracket or of the (first text block of the) block it targets.
 *   A reply (`class="comment reply …"`) is placed at its thread: `placementBase` = the eId of the
 *   note it answers, and its text opens with `<noteRef href="#cmt_<parent>" class="inReplyTo"/>`.
 * - footnote → `<authorialNote marker="*" eId="fn_N"><p>`.
 * eIds are unique: a clash (articles offered in several options) gets a suffix `_alt2`, `_alt3`...
 *
 * A redline (akn-redline.ts) renders the newer text with `AknRedlineMarks`: `<ins>` / `<del>`
 * inside text blocks, deleted lines of kept provisions as `<p><del>…</del></p>` beside them,
 * removed articles rendered from the older text where they stood (`status="removed"`, eId suffix
 * `_del`, every word in `<del>`), a renumbered article's number as `Article <del>16</del><ins>17</ins>`
 * with `wId` its former eId.
 */
import type { Node } from 'prosemirror-model';
import { escapeXml } from './xml.ts';
import { documentMetadata } from './metadata.ts';
import { inlineAkn, type BlockOverlay } from './akn-inline.ts';
import { numberLabels, divisionLabel, optionCaption, sponsorsOf, listComments, listBrackets, bracketSpans, type InlineSpan } from '../model/index.ts';

/** A unit of the older text shown where it stood in a redline: an article (by position in the older document) or plain lines. */
export type RemovedUnit = { kind: 'article'; pos: number; id: string } | { kind: 'lines'; id: string; lines: string[]; label?: string };

/** What a redline adds to the rendering of the newer text (built by `redlineMarks`, akn-redline.ts; see the module comment). */
export interface AknRedlineMarks {
  /** The older document (removed articles are rendered from it). */
  from: Node;
  /** Inline marks by textblock of the newer text (keyed, as all below, by the node's position: a node object may occur twice). */
  overlays: Map<number, BlockOverlay>;
  /** Deleted lines of the older text written beside a textblock of the newer one. */
  removedLines: Map<number, { before: string[]; after: string[] }>;
  /** Former number of a renumbered article, by article of the newer text. */
  formerNumbers: Map<number, string>;
  /** Deleted lines of an article of the newer text that has no text block left but its heading. */
  removedContent: Map<number, string[]>;
  /** Removed units written after a node of the newer text. */
  removedAfter: Map<number, RemovedUnit[]>;
  /** Removed units written first in a division of the newer text. */
  removedInside: Map<number, RemovedUnit[]>;
  /** Removed units written first / last in the body. */
  removedFirst: RemovedUnit[];
  removedLast: RemovedUnit[];
}

/** Options of `documentToAkn`. */
export interface AknOptions {
  /** The `name` of the document element (default: from the document, see `documentMetadata`). */
  name?: string;
  /** ISO date of the Expression: the version's date (default: the document's own date). Never the Work's. */
  date?: string;
  /** Label of the version this Expression is ("Rev.1"), written as `FRBRversionNumber`. */
  version?: string;
  /** ISO time of generation of the manifestation (default: now). */
  generatedAt?: string;
  /** Content of `<analysis>` (a redline's textual modifications), XML, given the eIds the text got. */
  analysis?: (eIds: AknEIds) => string;
  /** Extra TLC references, already XML. */
  references?: string[];
  /** The `contains` attribute of the document element (a redline holds `multipleVersions`). */
  contains?: 'singleVersion' | 'multipleVersions';
  /** Redline marks (set by `redlineToAkn`). */
  redline?: AknRedlineMarks;
}

/** The eIds a rendering gave: by node id of the newer text, and by node id of removed units of the older one. */
export interface AknEIds {
  byId: Map<string, string>;
  removed: Map<string, string>;
}

/** An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) completed to a full `xs:date`. */
function fullDate(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
}

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** Namespace of Plenipo's own markup inside open Akoma Ntoso content (`<plenipo:num>` of a textualMod's old/new). */
export const PLENIPO_NAMESPACE = 'urn:plenipo:akn';

const LANGUAGES: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', ar: 'ara', zh: 'zho', de: 'deu' };
const DIVISION_ELEMENTS: Record<string, [string, string]> = { part: ['part', 'part'], chapter: ['chapter', 'chp'], section: ['section', 'sec'], title: ['title', 'title'] };

export { escapeXml };

const idPart = (value: string) => value.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

/** The FRBR identifiers of one text: its Work and Expression IRIs and what they are built from. */
export interface AknIdentity {
  element: 'act' | 'bill' | 'doc';
  name: string;
  lang: string;
  workDate: string;
  date: string;
  work: string;
  expression: string;
}

/** The Work and Expression IRIs of `doc` as `documentToAkn` writes them (same options). */
export function aknIdentity(doc: Node, options: Pick<AknOptions, 'name' | 'date' | 'version'> = {}): AknIdentity {
  const info = doc.firstChild?.type.name === 'docinfo' ? doc.firstChild.attrs : {};
  const meta = documentMetadata(doc);
  const workDate = fullDate(meta.date ?? '1970-01-01');
  const date = options.date ? fullDate(options.date) : workDate;
  const element = meta.kind.element;
  const name = idPart(options.name ?? meta.kind.name);
  const lang = LANGUAGES[String(info.language ?? 'en')] ?? 'eng';
  const work = `/akn/int/${element}/${name}/${meta.issuerKey}/${workDate}/${meta.key}`;
  const versionPart = options.version ? `_${idPart(options.version).toLowerCase()}` : '';
  return { element, name, lang, workDate, date, work, expression: `${work}/${lang}@${date}${versionPart}` };
}

interface Context {
  labels: Map<number, string>;
  used: Set<string>;
  /** ProseMirror block id → eId, for comment placement and a redline's analysis. */
  eIds: Map<string, string>;
  /** eIds of removed units of the older text, by their node id. */
  removedEIds: Map<string, string>;
  footnotes: { n: number };
  textCounters: Map<string, number>;
  /** First eId of each group of inline alternatives. */
  groups: Map<string, string>;
  /** noteRefs of comments targeting a block, by textblock position and offset. */
  noteRefs: Map<number, Map<number, string[]>>;
  /** noteRefs of comments targeting an inline bracket, by textblock position and bracket id. */
  bracketNoteRefs: Map<number, Map<string, string[]>>;
  redline?: AknRedlineMarks;
  /** Rendering a removed unit of the older text: every word deleted. */
  removed?: boolean;
  /** Removed units already written. */
  written: Set<RemovedUnit>;
}

const REMOVED: BlockOverlay = { inserted: [], insertedMarks: new Set(), deleted: new Map(), removed: true };

function uniqueEId(ctx: Context, wanted: string): string {
  let id = wanted;
  for (let n = 2; ctx.used.has(id); n++) id = `${wanted}_alt${n}`;
  ctx.used.add(id);
  return id;
}

const refs = (list: string[]) => (list.length ? ` refersTo="${escapeXml(list.join(' '))}"` : '');
const dlg = (code: string) => `#dlg_${idPart(code)}`;
/** Escaped text, deleted when a removed unit is rendered. */
const say = (ctx: Context, text: string) => (ctx.removed ? `<del>${escapeXml(text)}</del>` : escapeXml(text));
const delP = (line: string) => `<p><del>${escapeXml(line)}</del></p>`;

/** Inline content of the textblock at `pos` (see akn-inline.ts), with its redline overlay when there is one. */
function inlineXml(block: Node, pos: number, ctx: Context): string {
  const bracketAttrs = (span: InlineSpan) => {
    const group = span.mark.attrs.group;
    if (group == null) return '';
    const eId = uniqueEId(ctx, `inl_${idPart(span.id)}`);
    const first = ctx.groups.get(String(group));
    if (!first) ctx.groups.set(String(group), eId);
    return ` eId="${eId}"${first ? ` alternativeTo="${first}"` : ''}`;
  };
  return inlineAkn(block, {
    footnoteId: () => uniqueEId(ctx, `fn_${ctx.removed ? 'del_' : ''}${++ctx.footnotes.n}`), idPart, bracketAttrs, noteRefs: ctx.removed ? undefined : ctx.noteRefs.get(pos), bracketNoteRefs: ctx.removed ? undefined : ctx.bracketNoteRefs.get(pos),
    overlay: ctx.removed ? REMOVED : ctx.redline?.overlays.get(pos),
  });
}

/** A `<p>` of the textblock at `pos` with the deleted lines a redline writes beside it. */
function pWrap(pos: number, ctx: Context, p: string): string {
  const lines = ctx.removed ? undefined : ctx.redline?.removedLines.get(pos);
  return lines ? lines.before.map(delP).join('') + p + lines.after.map(delP).join('') : p;
}

/** A heading's inline content, with deleted lines a redline could place nowhere else. */
function headingXml(block: Node, pos: number, ctx: Context): string {
  const lines = ctx.removed ? undefined : ctx.redline?.removedLines.get(pos);
  const extra = lines ? [...lines.before, ...lines.after].map((l) => `<del> ${escapeXml(l)}</del>`).join('') : '';
  return `<heading>${inlineXml(block, pos, ctx)}${extra}</heading>`;
}

function blockAttrs(node: Node, eId: string, ctx: Context): string {
  if (node.attrs.id != null) (ctx.removed ? ctx.removedEIds : ctx.eIds).set(String(node.attrs.id), eId);
  const status = ctx.removed && node.type.name === 'article' ? ' status="removed"' : '';
  if (node.attrs.bracket == null) return ` eId="${eId}"${status}`;
  return ` eId="${eId}"${status} class="bracketed"${refs([`#br_${idPart(String(node.attrs.bracket))}`, ...sponsorsOf(node.attrs.sponsors).map(dlg)])}`;
}

const HIERARCHICAL = new Set(['paragraph', 'subparagraph', 'item', 'alternatives', 'article', 'division']);

/** Removed units a redline writes at a place, rendered. */
function removedXml(units: RemovedUnit[] | undefined, ctx: Context): string {
  if (!units?.length || ctx.removed || !ctx.redline) return '';
  const from = ctx.redline.from;
  const sub: Context = { ...ctx, labels: numberLabels(from), textCounters: new Map(), noteRefs: new Map(), bracketNoteRefs: new Map(), removed: true, footnotes: { n: 0 } };
  return units.map((u) => {
    if (ctx.written.has(u)) return '';
    ctx.written.add(u);
    if (u.kind === 'article') return hierarchyXml(from.nodeAt(u.pos)!, u.pos, '', sub);
    const eId = uniqueEId(ctx, `hcontainer_removed_${idPart(u.id)}`);
    ctx.removedEIds.set(u.id, eId);
    return `<hcontainer name="removed" eId="${eId}" status="removed">${u.label ? `<num><del>${escapeXml(u.label)}</del></num>` : ''}<content>${u.lines.map(delP).join('') || '<p/>'}</content></hcontainer>`;
  }).join('');
}

const removedAfter = (pos: number, ctx: Context) => (ctx.removed ? '' : removedXml(ctx.redline?.removedAfter.get(pos), ctx));

/** The body of a hierarchical element: `<content>` when it holds only text, else intro / children / wrapUp. */
function hierarchyBody(node: Node, contentStart: number, prefix: string, ctx: Context): string {
  const kids: { node: Node; pos: number }[] = [];
  node.forEach((child, offset) => { if (child.type.name !== 'heading') kids.push({ node: child, pos: contentStart + offset }); });
  const pXml = (n: Node, pos: number) => {
    if (n.attrs.id != null && !ctx.removed) ctx.eIds.set(String(n.attrs.id), prefix);
    return pWrap(pos, ctx, `<p${n.attrs.bracket != null ? ` class="bracketed"${refs([`#br_${idPart(String(n.attrs.bracket))}`, ...sponsorsOf(n.attrs.sponsors).map(dlg)])}` : ''}>${inlineXml(n, pos, ctx)}</p>`);
  };
  const inside = ctx.removed ? '' : removedXml(ctx.redline?.removedInside.get(contentStart - 1), ctx);
  if (!kids.some((k) => HIERARCHICAL.has(k.node.type.name))) {
    const removedLines = ctx.removed ? '' : (ctx.redline?.removedContent.get(contentStart - 1) ?? []).map(delP).join('');
    return `<content>${kids.map((k) => pXml(k.node, k.pos)).join('') || removedLines || '<p/>'}</content>`;
  }
  const first = kids.findIndex((k) => HIERARCHICAL.has(k.node.type.name));
  let last = kids.length - 1;
  while (!HIERARCHICAL.has(kids[last].node.type.name)) last--;
  const intro = kids.slice(0, first);
  const middle = kids.slice(first, last + 1);
  const wrapUp = kids.slice(last + 1);
  const isList = middle.some((k) => k.node.type.name === 'subparagraph' || k.node.type.name === 'item');
  const listId = isList ? uniqueEId(ctx, `${prefix}__list_1`) : prefix;
  let inner = intro.length ? `<intro>${intro.map((k) => pXml(k.node, k.pos)).join('')}</intro>` : '';
  // Removed units placed after text of the intro or the wrap-up go where elements may stand.
  inner += inside + intro.map((k) => removedAfter(k.pos, ctx)).join('');
  for (const k of middle) inner += (k.node.type.name === 'plain' ? textContainer(k.node, k.pos, listId, ctx, pXml) : hierarchyXml(k.node, k.pos, listId, ctx)) + removedAfter(k.pos, ctx);
  inner += wrapUp.map((k) => removedAfter(k.pos, ctx)).join('');
  if (wrapUp.length) inner += `<wrapUp>${wrapUp.map((k) => pXml(k.node, k.pos)).join('')}</wrapUp>`;
  return isList ? `<list eId="${listId}">${inner}</list>` : inner;
}

function textContainer(node: Node, pos: number, prefix: string, ctx: Context, pXml: (n: Node, pos: number) => string): string {
  const n = (ctx.textCounters.get(prefix) ?? 0) + 1;
  ctx.textCounters.set(prefix, n);
  const eId = uniqueEId(ctx, `${prefix ? `${prefix}__` : ''}hcontainer_${n}`);
  return `<hcontainer name="text" eId="${eId}"><content>${pXml(node, pos)}</content></hcontainer>`;
}

function hierarchyXml(node: Node, pos: number, prefix: string, ctx: Context): string {
  const label = ctx.labels.get(pos) ?? '';
  const join = (local: string) => (prefix ? `${prefix}__${local}` : local);
  const marked = !ctx.removed && (ctx.redline?.overlays.has(pos + 1) || ctx.redline?.removedLines.has(pos + 1));
  const heading = () => (node.firstChild?.type.name === 'heading' && (node.firstChild.content.size || marked) ? headingXml(node.firstChild, pos + 1, ctx) : '');
  switch (node.type.name) {
    case 'division': {
      const [element, short] = DIVISION_ELEMENTS[String(node.attrs.kind)] ?? DIVISION_ELEMENTS.chapter;
      const eId = uniqueEId(ctx, join(`${short}_${idPart(label)}`));
      return `<${element}${blockAttrs(node, eId, ctx)}><num>${say(ctx, divisionLabel(String(node.attrs.kind), label))}</num>${heading()}${hierarchyBody(node, pos + 1, eId, ctx)}</${element}>`;
    }
    case 'article': {
      const former = ctx.removed ? undefined : ctx.redline?.formerNumbers.get(pos);
      const eId = uniqueEId(ctx, `art_${idPart(label)}${ctx.removed ? '_del' : ''}`);
      const num = former != null ? `Article <del>${escapeXml(former)}</del><ins>${escapeXml(label)}</ins>` : say(ctx, `Article ${label}`);
      const wId = former != null ? ` wId="art_${idPart(former)}"` : '';
      return `<article${blockAttrs(node, eId, ctx)}${wId}><num>${num}</num>${heading()}${hierarchyBody(node, pos + 1, eId, ctx)}</article>`;
    }
    case 'paragraph': {
      const eId = uniqueEId(ctx, join(`para_${idPart(label)}`));
      return `<paragraph${blockAttrs(node, eId, ctx)}><num>${say(ctx, `${label}.`)}</num>${hierarchyBody(node, pos + 1, eId, ctx)}</paragraph>`;
    }
    case 'subparagraph': case 'item': {
      const eId = uniqueEId(ctx, join(`point_${idPart(label)}`));
      return `<point${blockAttrs(node, eId, ctx)}><num>${say(ctx, `${label})`)}</num>${hierarchyBody(node, pos + 1, eId, ctx)}</point>`;
    }
    case 'alternatives': {
      const eId = uniqueEId(ctx, join(`hcontainer_${idPart(String(node.attrs.id ?? `alt${pos}`))}`));
      let options = '';
      let firstOption = '';
      node.forEach((option, offset, index) => {
        const optionId = uniqueEId(ctx, `${eId}__hcontainer_${index + 1}`);
        if (index === 0) firstOption = optionId;
        const body = option.childCount ? hierarchyBody(option, pos + 1 + offset + 1, optionId, ctx) : `<content><p>${say(ctx, '[delete]')}</p></content>`;
        options += `<hcontainer name="option" eId="${optionId}"${index > 0 ? ` alternativeTo="${firstOption}"` : ''}${refs(sponsorsOf(option.attrs.sponsors).map(dlg))}><heading>${say(ctx, optionCaption(option, index))}</heading>${body}</hcontainer>`;
      });
      return `<hcontainer name="alternatives"${blockAttrs(node, eId, ctx)}>${options}</hcontainer>`;
    }
    default: return '';
  }
}

/** Preamble or closing blocks (the node at `pos`): `<p>` and alternatives as nested `<container>`s. */
function flowXml(node: Node, pos: number, ctx: Context): string {
  let out = '';
  node.forEach((child, offset, index) => {
    const at = pos + 1 + offset;
    if (child.type.name === 'plain') out += pWrap(at, ctx, `<p>${inlineXml(child, at, ctx)}</p>`);
    else if (child.type.name === 'alternatives') {
      const eId = uniqueEId(ctx, `${node.type.name}__container_${index + 1}`);
      let options = '';
      child.forEach((option, o, i) => {
        let text = '';
        const start = at + 1 + o + 1;
        option.descendants((n, rel) => { if (n.type.name === 'plain') { text += pWrap(start + rel, ctx, `<p>${inlineXml(n, start + rel, ctx)}</p>`); return false; } return true; });
        options += `<container name="option" eId="${eId}__container_${i + 1}"${i > 0 ? ` alternativeTo="${eId}__container_1"` : ''}${refs(sponsorsOf(option.attrs.sponsors).map(dlg))}><p>${escapeXml(optionCaption(option, i))}</p>${text || '<p>[delete]</p>'}</container>`;
      });
      out += `<container name="alternatives" eId="${eId}">${options}</container>`;
    }
  });
  return out;
}

/** Where the noteRef of each comment thread targeting a block or bracket goes: textblock → offset (or bracket id) → comment ids. */
function targetNoteRefs(doc: Node): { blocks: Map<number, Map<number, string[]>>; brackets: Map<number, Map<string, string[]>> } {
  const out = new Map<number, Map<number, string[]>>();
  const brackets = new Map<number, Map<string, string[]>>();
  const add = (block: number, at: number, id: string) => {
    const byOffset = out.get(block) ?? new Map<number, string[]>();
    byOffset.set(at, [...(byOffset.get(at) ?? []), id]);
    out.set(block, byOffset);
  };
  for (const t of listComments(doc)) {
    if (t.target == null || t.pos == null) continue;
    const node = doc.nodeAt(t.pos);
    if (!node) continue;
    if (node.isInline) {
      const $pos = doc.resolve(t.pos);
      const span = bracketSpans($pos.parent).find((s) => s.id === t.target);
      if (!span) add($pos.before(), $pos.parent.content.size, t.id);
      else {
        const byId = brackets.get($pos.before()) ?? new Map<string, string[]>();
        byId.set(span.id, [...(byId.get(span.id) ?? []), t.id]);
        brackets.set($pos.before(), byId);
      }
    } else if (node.isTextblock) add(t.pos, node.content.size, t.id);
    else {
      let first: { node: Node; pos: number } | null = null;
      node.descendants((n, rel) => { if (!first && n.isTextblock) first = { node: n, pos: t.pos! + 1 + rel }; return !first; });
      if (first) add((first as { pos: number }).pos, (first as { node: Node }).node.content.size, t.id);
    }
  }
  return { blocks: out, brackets };
}

interface Rendered { title: string; preface: string; preamble: string; body: string; conclusions: string }

function renderText(doc: Node, ctx: Context): Rendered {
  const out: Rendered = { title: '', preface: '', preamble: '', body: '', conclusions: '' };
  const marks = ctx.redline;
  out.body += removedXml(marks?.removedFirst, ctx);
  doc.forEach((child, offset) => {
    switch (child.type.name) {
      case 'title': out.title = child.textContent; out.preface = `<preface><longTitle>${pWrap(offset, ctx, `<p>${inlineXml(child, offset, ctx)}</p>`)}</longTitle></preface>`; break;
      case 'preamble': out.preamble = `<preamble>${flowXml(child, offset, ctx) || '<p/>'}</preamble>`; break;
      case 'closing': out.conclusions = `<conclusions>${flowXml(child, offset, ctx) || '<p/>'}</conclusions>`; break;
      case 'plain': out.body += textContainer(child, offset, '', ctx, (n, at) => pWrap(at, ctx, `<p>${inlineXml(n, at, ctx)}</p>`)) + removedAfter(offset, ctx); break;
      case 'division': case 'article': case 'alternatives': out.body += hierarchyXml(child, offset, '', ctx) + removedAfter(offset, ctx); break;
      default: break;
    }
  });
  out.body += removedXml(marks?.removedLast, ctx);
  // Units whose place holds no element (after text inside a <content>) go last rather than nowhere.
  if (marks) out.body += removedXml([...marks.removedAfter.values(), ...marks.removedInside.values()].flat(), ctx);
  if (!out.body) out.body = `<hcontainer name="empty" eId="${uniqueEId(ctx, 'hcontainer_empty')}"><content><p/></content></hcontainer>`;
  return out;
}

function newContext(doc: Node, redline?: AknRedlineMarks): Context {
  const notes = targetNoteRefs(doc);
  return {
    labels: numberLabels(doc), used: new Set(['plenipo', 'issuer']), eIds: new Map(), removedEIds: new Map(), footnotes: { n: 0 },
    textCounters: new Map(), groups: new Map(), noteRefs: notes.blocks, bracketNoteRefs: notes.brackets, redline, written: new Set(),
  };
}

/** The eIds `documentToAkn` gives the blocks of `doc`, by node id (a redline points at the older text's elements with them). */
export function aknEIds(doc: Node): Map<string, string> {
  const ctx = newContext(doc);
  renderText(doc, ctx);
  return ctx.eIds;
}

/** Render a treaty document as Akoma Ntoso 3.0 (`<act>`, `<bill>` or `<doc>` from its metadata); see the module comment. */
export function documentToAkn(doc: Node, options: AknOptions = {}): string {
  const info = doc.firstChild?.type.name === 'docinfo' ? doc.firstChild.attrs : {};
  const ctx = newContext(doc, options.redline);
  const meta = documentMetadata(doc);
  const { element, name, lang, workDate, date, work, expression } = aknIdentity(doc, options);
  const generated = (options.generatedAt ?? new Date().toISOString()).slice(0, 10);
  const { title, preface, preamble, body, conclusions } = renderText(doc, ctx);

  const brackets = listBrackets(doc);
  const delegations = new Set<string>();
  for (const b of brackets) for (const s of b.sponsors) delegations.add(s);
  const threads = listComments(doc);
  for (const t of threads) for (const c of [t, ...t.replies]) if (c.delegation) delegations.add(c.delegation);
  const references = [
    '<TLCOrganization eId="plenipo" href="/ontology/organization/int/plenipo" showAs="Plenipo"/>',
    `<TLCOrganization eId="issuer" href="/ontology/organization/int/${escapeXml(meta.issuerKey)}" showAs="${escapeXml(meta.issuer)}"/>`,
    ...(options.references ?? []),
    ...[...delegations].sort().map((d) => `<TLCOrganization eId="dlg_${idPart(d)}" href="/ontology/organization/int/${escapeXml(idPart(d).toLowerCase())}" showAs="${escapeXml(d)}"/>`),
    ...brackets.filter((b, i) => brackets.findIndex((o) => o.id === b.id) === i).map((b) => `<TLCConcept eId="br_${idPart(b.id)}" href="/ontology/concept/plenipo/bracket/${escapeXml(idPart(b.id))}" showAs="${escapeXml(`[${b.text.slice(0, 200)}]${b.sponsors.length ? ` (${b.sponsors.join(', ')})` : ''}`)}"/>`),
  ];
  const noteEIds = new Map<string, string>();
  const notes = threads.flatMap((t) => [t, ...t.replies].map((c) => {
    const eId = uniqueEId(ctx, `cmt_${idPart(c.id)}`);
    noteEIds.set(c.id, eId);
    if (c === t) {
      const base = t.target ? ctx.eIds.get(t.target) : undefined;
      return `<note eId="${eId}" class="comment ${escapeXml(t.status)}"${refs(c.delegation ? [dlg(c.delegation)] : [])}${base ? ` placementBase="${base}"` : ''}><p>${escapeXml(c.text)}</p></note>`;
    }
    const parent = (c.replyTo && noteEIds.get(c.replyTo)) || noteEIds.get(t.id)!;
    return `<note eId="${eId}" class="comment reply ${escapeXml(t.status)}"${refs(c.delegation ? [dlg(c.delegation)] : [])} placementBase="${parent}"><p><noteRef href="#${parent}" class="inReplyTo"/>${escapeXml(c.text)}</p></note>`;
  }));
  const analysis = options.analysis?.({ byId: ctx.eIds, removed: ctx.removedEIds });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}"${options.redline ? ` xmlns:plenipo="${PLENIPO_NAMESPACE}"` : ''}>`,
    `<${element} name="${name}"${options.contains ? ` contains="${options.contains}"` : ''}>`,
    '<meta>',
    '<identification source="#plenipo">',
    `<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="${workDate}" name="${element === 'act' ? 'adoption' : 'draft'}"/><FRBRauthor href="#issuer"/><FRBRcountry value="int"/>${info.symbol ? `<FRBRnumber value="${escapeXml(String(info.symbol))}"/>` : ''}${title ? `<FRBRname value="${escapeXml(title)}"/>` : ''}</FRBRWork>`,
    `<FRBRExpression><FRBRthis value="${expression}/!main"/><FRBRuri value="${expression}"/><FRBRdate date="${date}" name="${options.date ? 'version' : 'draft'}"/><FRBRauthor href="#issuer"/>${options.version ? `<FRBRversionNumber value="${escapeXml(options.version)}"/>` : ''}<FRBRlanguage language="${lang}"/></FRBRExpression>`,
    `<FRBRManifestation><FRBRthis value="${expression}/!main.xml"/><FRBRuri value="${expression}.xml"/><FRBRdate date="${generated}" name="generation"/><FRBRauthor href="#plenipo"/></FRBRManifestation>`,
    '</identification>',
    analysis ? `<analysis source="#plenipo">${analysis}</analysis>` : '',
    `<references source="#plenipo">${references.join('')}</references>`,
    notes.length ? `<notes source="#plenipo">${notes.join('')}</notes>` : '',
    '</meta>',
    preface, preamble,
    element === 'doc' ? `<mainBody>${body}</mainBody>` : `<body>${body}</body>`,
    conclusions,
    `</${element}>`,
    '</akomaNtoso>',
    '',
  ].filter((l) => l !== '').join('\n');
}
