/**
 * Inline Markdown of treaty texts → ProseMirror inline JSON: `*em*`, `**strong**`, and square
 * brackets (nested) as `bracket` marks. A bracket may name its sponsors right after it:
 * "[ITU Membership]{FR,US}". Markdown links keep their text; footnote markers are removed.
 */

/** Inline ProseMirror JSON (text nodes with marks). */
export interface InlineJSON {
  type: 'text';
  text: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** What `parseInline` needs from the importer. */
export interface InlineContext {
  /** Make a new id for a bracket. */
  makeId: (prefix: string) => string;
  /** Sponsors of brackets that name none. */
  sponsors: string[] | null;
  /** Called for text the parser had to keep as is (an unbalanced "[" or "]"). */
  warn: (reason: string) => void;
}

/** Repair the character-level noise of converted texts: NBSP, TeX quotes, footnote markers, links, escapes. */
export function cleanText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/<sup>\s*\d+\s*<\/sup>/g, '')
    .replace(/\[([^\][]*)\]\((?:https?:|www\.)[^)]*\)/g, '$1')
    .replace(/\\_/g, '_')
    .replace(/``([^"'`]*?)(?:"|'')/g, '\u201c$1\u201d')
    .replace(/,(?=[a-z])/g, ', ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Parse one line of inline Markdown into text nodes. */
export function parseInline(source: string, ctx: InlineContext): InlineJSON[] {
  const out: { text: string; brackets: string[]; em: boolean; strong: boolean }[] = [];
  const open: string[] = [];
  const sponsors = new Map<string, string[] | null>();
  let em = false;
  let strong = false;
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, brackets: [...open], em, strong });
    buf = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '*' && source[i + 1] === '*') { flush(); strong = !strong; i++; continue; }
    if (ch === '*') { flush(); em = !em; continue; }
    if (ch === '[') {
      if (source.indexOf(']', i) < 0) { ctx.warn(`unbalanced "[" in ${JSON.stringify(source.slice(i, i + 40))}`); buf += ch; continue; }
      flush();
      const id = ctx.makeId('br');
      open.push(id);
      sponsors.set(id, ctx.sponsors);
      continue;
    }
    if (ch === ']') {
      if (open.length === 0) { ctx.warn(`unbalanced "]" in ${JSON.stringify(source.slice(Math.max(0, i - 40), i + 1))}`); buf += ch; continue; }
      flush();
      const id = open.pop()!;
      const named = /^\{([A-Za-z0-9_, -]+)\}/.exec(source.slice(i + 1));
      if (named) {
        sponsors.set(id, named[1].split(/[\s,]+/).filter(Boolean));
        i += named[0].length;
      }
      continue;
    }
    buf += ch;
  }
  flush();
  const nodes: InlineJSON[] = [];
  for (const run of out) {
    const marks: InlineJSON['marks'] = [];
    for (const id of run.brackets) marks.push({ type: 'bracket', attrs: { id, sponsors: sponsors.get(id) ?? null, group: null, kind: 'insert' } });
    if (run.em) marks.push({ type: 'em' });
    if (run.strong) marks.push({ type: 'strong' });
    const last = nodes[nodes.length - 1];
    if (last && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) { last.text += run.text; continue; }
    nodes.push(marks.length ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text });
  }
  return nodes;
}
