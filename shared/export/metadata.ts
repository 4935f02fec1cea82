/**
 * What an export says about a document: its kind of instrument, its issuing body, its date and a
 * stable identifier, read from the document itself (docinfo symbol, date, base; the title), never
 * from the moment of export. Used by the Akoma Ntoso FRBR block and to sign Word changes that no
 * update log explains (base-text comparisons).
 */
import type { Node } from 'prosemirror-model';

/** The Akoma Ntoso document type and name a treaty text is published as. */
export interface InstrumentKind {
  /** `act` (an instrument adopted / in force), `bill` (a draft), `doc` (a report or other document). */
  element: 'act' | 'bill' | 'doc';
  /** The `name` attribute: "convention", "protocol", "modelLaw", "report", "draft". */
  name: string;
}

/** Metadata of one treaty text. */
export interface DocumentMetadata {
  title: string;
  symbol: string | null;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of the text, or null. */
  date: string | null;
  language: string;
  base: string | null;
  kind: InstrumentKind;
  /** The issuing body: "Council of Europe", "International Telecommunication Union", "Secretariat". */
  issuer: string;
  /** A short key of the issuer for identifiers: "coe", "itu", "secretariat". */
  issuerKey: string;
  /** A key unique to the document: from its symbol, else its title. */
  key: string;
}

const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'document';

/** The metadata of `doc` (see the module comment). */
export function documentMetadata(doc: Node): DocumentMetadata {
  const info: Record<string, unknown> = doc.firstChild?.type.name === 'docinfo' ? doc.firstChild.attrs : {};
  const title = doc.childCount > 1 && doc.child(1).type.name === 'title' ? doc.child(1).textContent.trim() : '';
  const symbol = typeof info.symbol === 'string' && info.symbol.trim() ? info.symbol.trim() : null;
  const date = typeof info.date === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(info.date) ? info.date : null;
  const base = typeof info.base === 'string' && info.base ? info.base : null;
  const lower = title.toLowerCase();
  let issuer = typeof info.issuer === 'string' && info.issuer ? info.issuer : 'Secretariat';
  let issuerKey = 'secretariat';
  if (/^c?ets\b/i.test(symbol ?? '')) { issuer = 'Council of Europe'; issuerKey = 'coe'; }
  else if (/^itu\b/i.test(symbol ?? '') || /\b(itu|hleg)\b/i.test(title)) { issuer = 'International Telecommunication Union'; issuerKey = 'itu'; }
  else if (issuer !== 'Secretariat') issuerKey = slug(issuer);
  let kind: InstrumentKind;
  if (/\breport\b|recommendations/.test(lower)) kind = { element: 'doc', name: 'report' };
  else if (!base && /\bconvention\b/.test(lower) && symbol) kind = { element: 'act', name: 'convention' };
  else kind = { element: 'bill', name: /model law/.test(lower) ? 'modelLaw' : /\bprotocol\b/.test(lower) ? 'protocol' : /\bconvention\b/.test(lower) ? 'convention' : 'draft' };
  return { title, symbol, date, language: typeof info.language === 'string' ? info.language : 'en', base, kind, issuer, issuerKey, key: slug(symbol ?? title) };
}
