/**
 * The treaty importer: plain text / Markdown → a schema-valid ProseMirror document (JSON and node).
 * Pure: the caller reads the file. What it cannot place is reported in `unplaced`, never dropped
 * silently.
 *
 * Source conventions beyond the line shapes of `lines.ts`:
 * - the first Markdown heading before any division or article is the title (unless `options.title`);
 * - text before the first division or article is the preamble (a leading word "Preamble" is dropped);
 * - "IN WITNESS WHEREOF" / "DONE at" or the directive `<!-- closing -->` starts the closing formula;
 * - a division or article line without heading takes the next Markdown heading line as its heading;
 * - text after a list closes the innermost list (the closing text of the list);
 * - a line starting in lower case after a block that ends mid-sentence continues that block;
 * - ",   " (a comma and three spaces or more) inside a list entry splits off the list's closing text;
 * - the directive `<!-- up -->` closes the innermost list level (for closing text one level up);
 * - with `italicComments`, an all-italic line inside an article becomes a member comment anchored
 *   (comment.target) to the current numbered paragraph, or to the article.
 */
import type { Node } from 'prosemirror-model';
import { schema, DIVISION_KINDS, type DivisionKind } from '../schema/index.ts';
import { readLines, type Line, type SourceLine } from './lines.ts';
import { cleanText, parseInline, type InlineJSON } from './inline.ts';
import { dropDerivableNumbers } from './numbers.ts';

/** ProseMirror JSON as built by the importer. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: (NodeJSON | InlineJSON)[];
}

/** A source line the importer could not place in the document. */
export interface Unplaced {
  line: number;
  text: string;
  reason: string;
}

/** Options of `importTreaty`. */
export interface ImportOptions {
  /** The title (default: the first Markdown heading of the source). */
  title?: string;
  /** docinfo attributes: base text key, symbol, ISO date, language. */
  docinfo?: { base?: string | null; symbol?: string | null; date?: string | null; language?: string };
  /** Turn all-italic lines inside articles into member comments. */
  italicComments?: boolean;
  /** Delegation recorded on imported comments. */
  commentDelegation?: string | null;
  /** Sponsors of inline brackets that do not name theirs ("[text]{FR}"). */
  sponsors?: string[] | null;
  /** Id generator; default: deterministic `<prefix>_<n>` so that fixtures are stable. */
  makeId?: (prefix: string) => string;
  /** Keep explicit numbers even where position gives the same number (default false). */
  keepNumbers?: boolean;
}

/** The result of an import. */
export interface ImportResult {
  /** The document as ProseMirror JSON (the canonical `node.toJSON()`). */
  json: NodeJSON;
  /** The checked document node. */
  doc: Node;
  /** Lines that could not be placed, with the reason. */
  unplaced: Unplaced[];
}

const DIVISION_RANK: Record<DivisionKind, number> = Object.fromEntries(DIVISION_KINDS.map((k, i) => [k, i])) as Record<DivisionKind, number>;

/** A deterministic id generator: `<prefix>_<n>` with one counter per import. */
export function counterIds(): (prefix: string) => string {
  let n = 0;
  return (prefix) => `${prefix}_${(++n).toString(36)}`;
}

/** Import a treaty text. */
export function importTreaty(source: string, options: ImportOptions = {}): ImportResult {
  return new Importer(options).run(source);
}

type Mode = 'start' | 'preamble' | 'body' | 'closing';

class Importer {
  private readonly makeId: (prefix: string) => string;
  private readonly unplaced: Unplaced[] = [];
  private title: (NodeJSON | InlineJSON)[] | null = null;
  private readonly preamble: NodeJSON[] = [];
  private readonly body: NodeJSON[] = [];
  private readonly closing: NodeJSON[] = [];
  private readonly comments: NodeJSON[] = [];
  private mode: Mode = 'start';
  private divisions: { kind: DivisionKind; node: NodeJSON }[] = [];
  private article: NodeJSON | null = null;
  private paragraph: NodeJSON | null = null;
  private subparagraph: NodeJSON | null = null;
  private item: NodeJSON | null = null;
  /** The block waiting for a heading from the next Markdown heading line. */
  private awaitingHeading: NodeJSON | null = null;
  /** The last plain block written, for continuation lines. */
  private lastPlain: NodeJSON | null = null;
  private lineNumber = 0;

  constructor(private readonly options: ImportOptions) {
    this.makeId = options.makeId ?? counterIds();
    if (options.title !== undefined) this.title = this.inline(options.title);
  }

  run(source: string): ImportResult {
    const lines = readLines(source);
    for (let i = 0; i < lines.length; i++) this.take(lines[i]);
    const json = this.finish();
    const doc = schema.nodeFromJSON(json);
    doc.check();
    return { json: doc.toJSON() as NodeJSON, doc, unplaced: this.unplaced };
  }

  private report(text: string, reason: string): void {
    this.unplaced.push({ line: this.lineNumber, text, reason });
  }

  private inline(text: string): InlineJSON[] {
    return parseInline(cleanText(text), {
      makeId: this.makeId,
      sponsors: this.options.sponsors ?? null,
      warn: (reason) => this.report(text, reason),
    });
  }

  private plain(text: string): NodeJSON {
    const block: NodeJSON = { type: 'plain', attrs: { id: this.makeId('p') }, content: this.inline(text) };
    this.lastPlain = block;
    return block;
  }

  private heading(text: string): NodeJSON {
    return { type: 'heading', content: this.inline(text) };
  }

  private take({ line, number, heading, raw }: SourceLine): void {
    this.lineNumber = number;
    switch (line.kind) {
      case 'blank': return;
      case 'debris': this.report(raw.trim(), line.reason); return;
      case 'directive': this.directive(line.name, raw); return;
    }
    if (this.awaitingHeading && heading && line.kind === 'text') {
      (this.awaitingHeading.content as NodeJSON[])[0] = this.heading(line.text);
      this.awaitingHeading = null;
      return;
    }
    this.awaitingHeading = null;
    if (this.mode === 'start' && heading && line.kind === 'text') {
      if (this.title === null) this.title = this.inline(line.text);
      else this.report(line.text, 'heading before the first article');
      this.mode = 'preamble';
      return;
    }
    if (this.mode === 'closing') { this.closing.push(this.plain(textOf(line, raw))); return; }
    if (line.kind === 'text' && /^(IN WITNESS WHEREOF|DONE at|Done at)\b/.test(line.text)) {
      this.closeAll();
      this.mode = 'closing';
      this.closing.push(this.plain(line.text));
      return;
    }
    switch (line.kind) {
      case 'division': this.division(line.division, line.number, line.text); return;
      case 'article': this.startArticle(line.number, line.text); return;
      case 'paragraph': this.numbered(line, raw); return;
      case 'subparagraph': this.numbered(line, raw); return;
      case 'text': this.text(line.text, heading); return;
    }
  }

  private directive(name: string, raw: string): void {
    if (name === 'closing') { this.closeAll(); this.mode = 'closing'; }
    else if (name === 'up') this.up();
    else if (name === 'preamble') this.mode = 'preamble';
    else this.report(raw.trim(), `unknown directive "${name}"`);
  }

  /** Close the innermost open list level, so that the next text is the closing text of the level above. */
  private up(): void {
    if (this.item) this.item = null;
    else if (this.subparagraph) this.subparagraph = null;
    else if (this.paragraph) this.paragraph = null;
    this.lastPlain = null;
  }

  private closeAll(): void {
    this.divisions = [];
    this.closeArticle();
  }

  private closeArticle(): void {
    this.article = this.paragraph = this.subparagraph = this.item = null;
  }

  /** Where blocks at the structural level go now: the innermost division, or the body. */
  private container(): NodeJSON[] {
    const top = this.divisions[this.divisions.length - 1];
    return top ? (top.node.content as NodeJSON[]) : this.body;
  }

  private division(kind: DivisionKind, number: string, text: string): void {
    this.mode = 'body';
    this.closeArticle();
    while (this.divisions.length && DIVISION_RANK[this.divisions[this.divisions.length - 1].kind] >= DIVISION_RANK[kind]) this.divisions.pop();
    const roman = /^[IVXLC]+$/.test(number);
    const node: NodeJSON = {
      type: 'division',
      attrs: { id: this.makeId(kind.slice(0, 3)), kind, number: roman ? number.toUpperCase() : number, numbering: roman ? 'roman' : 'arabic' },
      content: [this.heading(text)],
    };
    this.container().push(node);
    this.divisions.push({ kind, node });
    if (!text) this.awaitingHeading = node;
  }

  private startArticle(number: string, text: string): void {
    this.mode = 'body';
    this.closeArticle();
    const node: NodeJSON = { type: 'article', attrs: { id: this.makeId('art'), number }, content: [this.heading(text)] };
    this.container().push(node);
    this.article = node;
    if (!text) this.awaitingHeading = node;
  }

  private numbered(line: Extract<Line, { kind: 'paragraph' | 'subparagraph' }>, raw: string): void {
    if (!this.article) { this.text(textOf(line, raw), false); return; }
    const [entry, closingText] = splitClosingText(line.text);
    if (line.kind === 'paragraph') {
      this.paragraph = this.numberedBlock('paragraph', line.number, entry, this.article);
      this.subparagraph = this.item = null;
    } else if (line.roman && this.subparagraph && !followsLetter(this.subparagraph, line.number)) {
      this.item = this.numberedBlock('item', line.number, entry, this.subparagraph);
    } else if (line.roman && !this.subparagraph && line.number !== 'i' && line.number !== 'v' && line.number !== 'x') {
      this.report(line.text, `item "${line.number}" outside a sub-paragraph`);
      this.subparagraph = this.numberedBlock('subparagraph', line.number, entry, this.paragraph ?? this.article);
    } else {
      this.subparagraph = this.numberedBlock('subparagraph', line.number, entry, this.paragraph ?? this.article);
      this.item = null;
    }
    if (closingText) this.text(closingText, false);
  }

  private numberedBlock(type: string, number: string, text: string, parent: NodeJSON): NodeJSON {
    const node: NodeJSON = { type, attrs: { id: this.makeId(type.slice(0, 3)), number }, content: [this.plain(text)] };
    (parent.content as NodeJSON[]).push(node);
    return node;
  }

  private text(text: string, heading: boolean): void {
    if (this.mode === 'start' || this.mode === 'preamble') {
      this.mode = 'preamble';
      const t = text.replace(/^Preamble\b\s*/, '');
      if (t) this.preamble.push(this.plain(t));
      return;
    }
    const italic = /^\*[^*].*\*$/.test(text.trim()) && !/^\*[^*]*\*[^*]+\*/.test(text.trim());
    if (this.options.italicComments && italic && this.article) {
      this.comment(text.trim().slice(1, -1));
      return;
    }
    if (!heading && this.lastPlain && /^[a-z]/.test(text) && /[A-Za-z]$/.test(plainEnd(this.lastPlain))) {
      const content = this.lastPlain.content as InlineJSON[];
      content.push({ type: 'text', text: ' ' }, ...this.inline(text));
      return;
    }
    const block = this.plain(text);
    if (this.item && this.subparagraph) { (this.subparagraph.content as NodeJSON[]).push(block); this.item = null; return; }
    if (this.subparagraph) { (((this.paragraph ?? this.article)!).content as NodeJSON[]).push(block); this.subparagraph = null; return; }
    if (this.paragraph) { (this.paragraph.content as NodeJSON[]).push(block); return; }
    if (this.article) { (this.article.content as NodeJSON[]).push(block); return; }
    this.container().push(block);
  }

  private comment(text: string): void {
    const target = (this.paragraph ?? this.article)!.attrs!.id as string;
    const previous = this.comments.find((c) => c.attrs!.target === target && c.attrs!.replyTo === null);
    this.comments.push({
      type: 'comment',
      attrs: { id: this.makeId('cmt'), target, replyTo: null, delegation: this.options.commentDelegation ?? null, author: null, status: 'open', createdAt: null },
      content: [{ type: 'plain', attrs: { id: this.makeId('p') }, content: this.inline(text) }],
    });
    if (previous) this.report(text, `second comment on ${target} kept as its own thread`);
  }

  private finish(): NodeJSON {
    const docinfo = { type: 'docinfo', attrs: { base: null, symbol: null, date: null, language: 'en', ...this.options.docinfo } };
    const content: NodeJSON[] = [docinfo, { type: 'title', content: this.title ?? [] }];
    if (this.preamble.length) content.push({ type: 'preamble', attrs: { id: this.makeId('pre') }, content: this.preamble });
    content.push(...this.body);
    if (this.closing.length) content.push({ type: 'closing', attrs: { id: this.makeId('clo') }, content: this.closing });
    if (this.comments.length) content.push({ type: 'comments', content: this.comments });
    const doc: NodeJSON = { type: 'doc', content: content.map(stripEmptyText) };
    if (!this.options.keepNumbers) dropDerivableNumbers(doc);
    return doc;
  }
}

/** The text of a line as it should read when it is placed as plain text. */
function textOf(line: Line, raw: string): string {
  return 'text' in line && line.kind === 'text' ? line.text : raw.trim().replace(/^#+\s*/, '');
}

/** "a" follows the letter before it: a sub-paragraph "i" after "h" is a letter, not a roman item. */
function followsLetter(subparagraph: NodeJSON, label: string): boolean {
  const previous = String(subparagraph.attrs!.number ?? '');
  return previous.length === 1 && label.length === 1 && label.charCodeAt(0) === previous.charCodeAt(0) + 1;
}

/** Split ",   with intent that ..." — a list's closing text merged into its last entry. */
function splitClosingText(text: string): [string, string | null] {
  const m = /^(.*?,)\s{3,}(\S.*)$/.exec(text);
  return m ? [m[1], m[2]] : [text, null];
}

function plainEnd(block: NodeJSON): string {
  const last = (block.content ?? [])[block.content!.length - 1] as InlineJSON | undefined;
  return last?.text?.trimEnd() ?? '';
}

/** Remove empty text nodes (ProseMirror rejects them), recursively. */
function stripEmptyText(node: NodeJSON): NodeJSON {
  if (!node.content) return node;
  const content = node.content
    .filter((c) => c.type !== 'text' || (c as InlineJSON).text !== '')
    .map((c) => (c.type === 'text' ? c : stripEmptyText(c as NodeJSON)));
  return { ...node, content };
}
