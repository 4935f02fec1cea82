/**
 * The document every scenario loads: the protocol fixture when `fixtures/index.ts` provides it,
 * otherwise a deterministic synthetic treaty of about 20,000 words, encoded as one Yjs update.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { schema } from '../shared/schema/index.ts';

/** The seed document as a Yjs update, with where it came from and its size. */
export interface SeedDocument {
  /** "fixture:protocol-2009" or "synthetic". */
  source: string;
  words: number;
  update: Uint8Array;
}

/** The fragment y-prosemirror binds to. */
export const FRAGMENT = 'prosemirror';

const WORDS = ('party parties shall adopt such legislative and other measures as may be necessary to establish ' +
  'as criminal offences under its domestic law when committed intentionally the access to the whole or any ' +
  'part of a computer system without right including by infringing security measures with the intent of ' +
  'obtaining computer data or other dishonest intent in relation to a computer system that is connected').split(' ');

/** A deterministic treaty: `articles` articles of five paragraphs of 65 words each (about 20k words at 60). */
export function syntheticTreatyJSON(articles = 60): Record<string, unknown> {
  let n = 0;
  const sentence = (length: number): string => {
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(WORDS[(n++ * 7 + i) % WORDS.length]);
    return words.join(' ');
  };
  const content: unknown[] = [
    { type: 'docinfo', attrs: { base: 'convention-2001', symbol: 'BENCH/1', date: '2009-08-01', language: 'en' } },
    { type: 'title', content: [{ type: 'text', text: 'Synthetic protocol for the benchmark' }] },
  ];
  for (let a = 0; a < articles; a++) {
    const paragraphs = [];
    for (let p = 0; p < 5; p++) {
      paragraphs.push({ type: 'paragraph', attrs: { id: `a${a}p${p}` }, content: [
        { type: 'plain', attrs: { id: `a${a}p${p}t` }, content: [{ type: 'text', text: sentence(65) }] },
      ] });
    }
    content.push({ type: 'article', attrs: { id: `a${a}` }, content: [
      { type: 'heading', content: [{ type: 'text', text: `Article ${a + 1} ${sentence(3)}` }] }, ...paragraphs,
    ] });
  }
  return { type: 'doc', content };
}

function countWords(json: unknown): number {
  let words = 0;
  const walk = (node: any): void => {
    if (typeof node?.text === 'string') words += node.text.split(/\s+/).filter(Boolean).length;
    if (Array.isArray(node?.content)) node.content.forEach(walk);
  };
  walk(json);
  return words;
}

/** Convert ProseMirror JSON into a Yjs update of the `prosemirror` fragment (validated against the schema). */
export function jsonToUpdate(json: unknown): Uint8Array {
  const node = schema.nodeFromJSON(json as Record<string, unknown>);
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, node.toJSON(), doc.getXmlFragment(FRAGMENT));
  return Y.encodeStateAsUpdate(doc);
}

/** Load the protocol fixture, or fall back to the synthetic treaty when fixtures are missing or `synthetic` is set. */
export async function loadSeedDocument(options: { synthetic?: boolean; fixture?: string } = {}): Promise<SeedDocument> {
  const key = options.fixture ?? 'protocol-2009';
  const fixturesIndex = fileURLToPath(new URL('../fixtures/index.ts', import.meta.url));
  if (!options.synthetic && existsSync(fixturesIndex)) {
    try {
      const fixtures: any = await import(fixturesIndex);
      const loaded = await fixtures.loadFixture(key);
      const json = typeof loaded?.toJSON === 'function' ? loaded.toJSON() : (loaded?.doc ?? loaded);
      return { source: `fixture:${key}`, words: countWords(json), update: jsonToUpdate(json) };
    } catch (error) {
      process.stderr.write(`bench: fixture ${JSON.stringify(key)} unusable (${(error as Error).message}); using the synthetic treaty\n`);
    }
  }
  const json = syntheticTreatyJSON();
  return { source: 'synthetic', words: countWords(json), update: jsonToUpdate(json) };
}

/** Every text node of the fragment in document order: where typists insert their characters. */
export function textNodes(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(FRAGMENT));
  return texts;
}

/** A place in agreed text: an XmlText and an offset with no mark on the character before it. */
export interface TypingSpot {
  text: Y.XmlText;
  offset: number;
}

/** Elements whose text is not agreed treaty text (comments, alternatives, options). */
const NOT_AGREED = new Set(['comments', 'comment', 'alternatives', 'option']);

/**
 * The places where the secretariat may type agreed text, in document order: text outside every
 * inline bracket, block bracket, alternative and comment, in the middle of an unmarked run (so
 * typing there inserts bare characters and stays on the guard's fast path).
 */
export function typingSpots(doc: Y.Doc): TypingSpot[] {
  const spots: TypingSpot[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        let at = 0;
        for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
          const length = typeof op.insert === 'string' ? op.insert.length : 1;
          if (typeof op.insert === 'string' && !op.attributes && length >= 2) {
            spots.push({ text: child, offset: at + Math.floor(length / 2) });
            break;
          }
          at += length;
        }
      } else if (child instanceof Y.XmlElement && !NOT_AGREED.has(child.nodeName) && child.getAttribute('bracket') == null) walk(child);
    }
  };
  walk(doc.getXmlFragment(FRAGMENT));
  return spots;
}
