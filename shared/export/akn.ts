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
 * - comment → `<meta><notes><note eId="cmt_<id>" class="comment open|resolved" refersTo="#dlg_FR">`
 *   with `placementBase` = the eId of the block it concerns when known; an `anchor` mark → a
 *   `<noteRef href="#cmt_<id>" class="comment"/>` after the anchored words.
 * - footnote → `<authorialNote marker="*" eId="fn_N"><p>`.
 * eIds are unique: a clash (articles offered in several options) gets a suffix `_alt2`, `_alt3`...
 */
import type { Node } from 'prosemirror-model';
import { escapeXml } from './xml.ts';
import { documentMetadata } from './metadata.ts';
import { inlineAkn, type BlockOverlay } from './akn-inline.ts';
import { numberLabels, divisionLabel, optionCaption, sponsorsOf, listComments, listBrackets } from '../model/index.ts';

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
  /** Extra content of `<analysis>` (the redline's textual modifications), already XML. */
  analysis?: string;
  /** Extra TLC references, already XML. */
  references?: string[];
  /** Redline marks by textblock node of `doc` (set by `redlineToAkn`). */
  overlays?: Map<Node, BlockOverlay>;
}

/** An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) completed to a full `xs:date`. */
function fullDate(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
}

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

const LANGUAGES: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', ar: 'ara', zh: 'zho', de: 'deu' };
const DIVISION_ELEMENTS: Record<string, [string, string]> = { part: ['part', 'part'], chapter: ['chapter', 'chp'], section: ['section', 'sec'], title: ['title', 'title'] };

export { escapeXml };

const idPart = (value: string) => value.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

interface Context {
  labels: Map<number, string>;
  used: Set<string>;
  /** ProseMirror block id → eId, for comment placement. */
  eIds: Map<string, string>;
  footnotes: number;
  textCounters: Map<string, number>;
  /** Redline marks by textblock node (redlineToAkn). */
  overlays?: Map<Node, BlockOverlay>;
}

function uniqueEId(ctx: Context, wanted: string): string {
  let id = wanted;
  for (let n = 2; ctx.used.has(id); n++) id = `${wanted}_alt${n}`;
  ctx.used.add(id);
  return id;
}

const refs = (list: string[]) => (list.length ? ` refersTo="${escapeXml(list.join(' '))}"` : '');
const dlg = (code: string) => `#dlg_${idPart(code)}`;

/** Inline content of a textblock (see akn-inline.ts), with its redline overlay when there is one. */
function inlineXml(block: Node, ctx: Context): string {
  return inlineAkn(block, { footnoteId: () => uniqueEId(ctx, `fn_${++ctx.footnotes}`), idPart, overlay: ctx.overlays?.get(block) });
}

function blockAttrs(node: Node, eId: string, ctx: Context): string {
  if (node.attrs.id != null) ctx.eIds.set(String(node.attrs.id), eId);
  if (node.attrs.bracket == null) return ` eId="${eId}"`;
  return ` eId="${eId}" class="bracketed"${refs([`#br_${idPart(String(node.attrs.bracket))}`, ...sponsorsOf(node.attrs.sponsors).map(dlg)])}`;
}

const HIERARCHICAL = new Set(['paragraph', 'subparagraph', 'item', 'alternatives', 'article', 'division']);

/** The body of a hierarchical element: `<content>` when it holds only text, else intro / children / wrapUp. */
function hierarchyBody(node: Node, contentStart: number, prefix: string, ctx: Context): string {
  const kids: { node: Node; pos: number }[] = [];
  node.forEach((child, offset) => { if (child.type.name !== 'heading') kids.push({ node: child, pos: contentStart + offset }); });
  const pXml = (n: Node) => {
    if (n.attrs.id != null) ctx.eIds.set(String(n.attrs.id), prefix);
    return `<p${n.attrs.bracket != null ? ` class="bracketed"${refs([`#br_${idPart(String(n.attrs.bracket))}`, ...sponsorsOf(n.attrs.sponsors).map(dlg)])}` : ''}>${inlineXml(n, ctx)}</p>`;
  };
  if (!kids.some((k) => HIERARCHICAL.has(k.node.type.name))) {
    return `<content>${kids.map((k) => pXml(k.node)).join('') || '<p/>'}</content>`;
  }
  const first = kids.findIndex((k) => HIERARCHICAL.has(k.node.type.name));
  let last = kids.length - 1;
  while (!HIERARCHICAL.has(kids[last].node.type.name)) last--;
  const intro = kids.slice(0, first);
  const middle = kids.slice(first, last + 1);
  const wrapUp = kids.slice(last + 1);
  const isList = middle.some((k) => k.node.type.name === 'subparagraph' || k.node.type.name === 'item');
  const listId = isList ? uniqueEId(ctx, `${prefix}__list_1`) : prefix;
  let inner = intro.length ? `<intro>${intro.map((k) => pXml(k.node)).join('')}</intro>` : '';
  for (const k of middle) inner += k.node.type.name === 'plain' ? textContainer(k.node, listId, ctx, pXml) : hierarchyXml(k.node, k.pos, listId, ctx);
  if (wrapUp.length) inner += `<wrapUp>${wrapUp.map((k) => pXml(k.node)).join('')}</wrapUp>`;
  return isList ? `<list eId="${listId}">${inner}</list>` : inner;
}

function textContainer(node: Node, prefix: string, ctx: Context, pXml: (n: Node) => string): string {
  const n = (ctx.textCounters.get(prefix) ?? 0) + 1;
  ctx.textCounters.set(prefix, n);
  const eId = uniqueEId(ctx, `${prefix ? `${prefix}__` : ''}hcontainer_${n}`);
  return `<hcontainer name="text" eId="${eId}"><content>${pXml(node)}</content></hcontainer>`;
}

function hierarchyXml(node: Node, pos: number, prefix: string, ctx: Context): string {
  const label = ctx.labels.get(pos) ?? '';
  const join = (local: string) => (prefix ? `${prefix}__${local}` : local);
  const heading = () => (node.firstChild?.type.name === 'heading' && node.firstChild.content.size ? `<heading>${inlineXml(node.firstChild, ctx)}</heading>` : '');
  switch (node.type.name) {
    case 'division': {
      const [element, short] = DIVISION_ELEMENTS[String(node.attrs.kind)] ?? DIVISION_ELEMENTS.chapter;
      const eId = uniqueEId(ctx, join(`${short}_${idPart(label)}`));
      return `<${element}${blockAttrs(node, eId, ctx)}><num>${escapeXml(divisionLabel(String(node.attrs.kind), label))}</num>${heading()}${hierarchyBody(node, pos + 1, eId, ctx)}</${element}>`;
    }
    case 'article': {
      const eId = uniqueEId(ctx, `art_${idPart(label)}`);
      return `<article${blockAttrs(node, eId, ctx)}><num>Article ${escapeXml(label)}</num>${heading()}${hierarchyBody(node, pos + 1, eId, ctx)}</article>`;
    }
    case 'paragraph': {
      const eId = uniqueEId(ctx, join(`para_${idPart(label)}`));
      return `<paragraph${blockAttrs(node, eId, ctx)}><num>${escapeXml(label)}.</num>${hierarchyBody(node, pos + 1, eId, ctx)}</paragraph>`;
    }
    case 'subparagraph': case 'item': {
      const eId = uniqueEId(ctx, join(`point_${idPart(label)}`));
      return `<point${blockAttrs(node, eId, ctx)}><num>${escapeXml(label)})</num>${hierarchyBody(node, pos + 1, eId, ctx)}</point>`;
    }
    case 'alternatives': {
      const eId = uniqueEId(ctx, join(`hcontainer_${idPart(String(node.attrs.id ?? `alt${pos}`))}`));
      let options = '';
      node.forEach((option, offset, index) => {
        const optionId = uniqueEId(ctx, `${eId}__hcontainer_${index + 1}`);
        const body = option.childCount ? hierarchyBody(option, pos + 1 + offset + 1, optionId, ctx) : '<content><p>[delete]</p></content>';
        options += `<hcontainer name="option" eId="${optionId}"${refs(sponsorsOf(option.attrs.sponsors).map(dlg))}><heading>${escapeXml(optionCaption(option, index))}</heading>${body}</hcontainer>`;
      });
      return `<hcontainer name="alternatives"${blockAttrs(node, eId, ctx)}>${options}</hcontainer>`;
    }
    default: return '';
  }
}

/** Preamble or closing blocks: `<p>` and alternatives as nested `<container>`s. */
function flowXml(node: Node, ctx: Context): string {
  let out = '';
  node.forEach((child, _offset, index) => {
    if (child.type.name === 'plain') out += `<p>${inlineXml(child, ctx)}</p>`;
    else if (child.type.name === 'alternatives') {
      let options = '';
      child.forEach((option, _o, i) => {
        let text = '';
        option.descendants((n) => { if (n.type.name === 'plain') { text += `<p>${inlineXml(n, ctx)}</p>`; return false; } return true; });
        options += `<container name="option"${refs(sponsorsOf(option.attrs.sponsors).map(dlg))}><p>${escapeXml(optionCaption(option, i))}</p>${text || '<p>[delete]</p>'}</container>`;
      });
      out += `<container name="alternatives" eId="${uniqueEId(ctx, `${node.type.name}__container_${index + 1}`)}">${options}</container>`;
    }
  });
  return out;
}

/** Render a treaty document as Akoma Ntoso 3.0 (`<act>`, `<bill>` or `<doc>` from its metadata); see the module comment. */
export function documentToAkn(doc: Node, options: AknOptions = {}): string {
  const info = doc.firstChild?.type.name === 'docinfo' ? doc.firstChild.attrs : {};
  const ctx: Context = { labels: numberLabels(doc), used: new Set(['plenipo']), eIds: new Map(), footnotes: 0, textCounters: new Map(), overlays: options.overlays };
  const meta = documentMetadata(doc);
  const workDate = fullDate(meta.date ?? '1970-01-01');
  const date = options.date ? fullDate(options.date) : workDate;
  const generated = (options.generatedAt ?? new Date().toISOString()).slice(0, 10);
  const element = meta.kind.element;
  const name = idPart(options.name ?? meta.kind.name);
  const lang = LANGUAGES[String(info.language ?? 'en')] ?? 'eng';
  const work = `/akn/int/${element}/${name}/${meta.issuerKey}/${workDate}/${meta.key}`;
  const versionPart = options.version ? `_${idPart(options.version).toLowerCase()}` : '';
  const expression = `${work}/${lang}@${date}${versionPart}`;
  ctx.used.add('issuer');

  let title = '';
  let preface = '';
  let preamble = '';
  let body = '';
  let conclusions = '';
  doc.forEach((child, offset) => {
    switch (child.type.name) {
      case 'title': title = child.textContent; preface = `<preface><longTitle><p>${inlineXml(child, ctx)}</p></longTitle></preface>`; break;
      case 'preamble': preamble = `<preamble>${flowXml(child, ctx) || '<p/>'}</preamble>`; break;
      case 'closing': conclusions = `<conclusions>${flowXml(child, ctx) || '<p/>'}</conclusions>`; break;
      case 'plain': body += textContainer(child, '', ctx, (n) => `<p>${inlineXml(n, ctx)}</p>`); break;
      case 'division': case 'article': case 'alternatives': body += hierarchyXml(child, offset, '', ctx); break;
      default: break;
    }
  });
  if (!body) body = `<hcontainer name="empty" eId="${uniqueEId(ctx, 'hcontainer_empty')}"><content><p/></content></hcontainer>`;

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
    ...brackets.map((b) => `<TLCConcept eId="br_${idPart(b.id)}" href="/ontology/concept/plenipo/bracket/${escapeXml(idPart(b.id))}" showAs="${escapeXml(`[${b.text.slice(0, 200)}]${b.sponsors.length ? ` (${b.sponsors.join(', ')})` : ''}`)}"/>`),
  ];
  const notes = threads.flatMap((t) => [t, ...t.replies].map((c) => {
    const base = t.target ? ctx.eIds.get(t.target) : undefined;
    const eId = uniqueEId(ctx, `cmt_${idPart(c.id)}`);
    const status = c === t ? t.status : `reply ${t.status}`;
    return `<note eId="${eId}" class="comment ${escapeXml(status)}"${refs(c.delegation ? [dlg(c.delegation)] : [])}${base ? ` placementBase="${base}"` : ''}><p>${escapeXml(c.text)}</p></note>`;
  }));

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}">`,
    `<${element} name="${name}">`,
    '<meta>',
    '<identification source="#plenipo">',
    `<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="${workDate}" name="${element === 'act' ? 'adoption' : 'draft'}"/><FRBRauthor href="#issuer"/><FRBRcountry value="int"/>${info.symbol ? `<FRBRnumber value="${escapeXml(String(info.symbol))}"/>` : ''}${title ? `<FRBRname value="${escapeXml(title)}"/>` : ''}</FRBRWork>`,
    `<FRBRExpression><FRBRthis value="${expression}/!main"/><FRBRuri value="${expression}"/><FRBRdate date="${date}" name="${options.date ? 'version' : 'draft'}"/><FRBRauthor href="#issuer"/>${options.version ? `<FRBRversionNumber value="${escapeXml(options.version)}"/>` : ''}<FRBRlanguage language="${lang}"/></FRBRExpression>`,
    `<FRBRManifestation><FRBRthis value="${expression}/!main.xml"/><FRBRuri value="${expression}.xml"/><FRBRdate date="${generated}" name="generation"/><FRBRauthor href="#plenipo"/></FRBRManifestation>`,
    '</identification>',
    options.analysis ? `<analysis source="#plenipo">${options.analysis}</analysis>` : '',
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
