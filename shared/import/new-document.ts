/**
 * A new document for the secretariat's desk: from pasted plain text (the importer, with its report
 * of the lines it could not place) or, without text, an empty treaty with one article to start
 * writing in. Ids are random (`newId`), as the editor makes them.
 */
import { schema } from '../schema/index.ts';
import { newId } from '../model/ids.ts';
import { importTreaty, type NodeJSON, type Unplaced } from './importer.ts';

/** What `newDocument` gives: the document's JSON and the import report. */
export interface NewDocument {
  json: NodeJSON;
  report: { articles: number; unplaced: Unplaced[] };
}

/** The document titled `title` (base text key `base`), imported from `text` when given. */
export function newDocument(input: { title: string; text?: string; base?: string | null }): NewDocument {
  const docinfo = { base: input.base ?? null };
  if (input.text && input.text.trim()) {
    // A text that opens with its own Markdown title keeps it; otherwise the given title is used.
    const firstLine = input.text.split('\n').find((line) => line.trim() !== '') ?? '';
    const ownTitle = /^#\s+\S/.test(firstLine.trim());
    const result = importTreaty(input.text, { ...(ownTitle ? {} : { title: input.title }), docinfo, makeId: newId });
    let articles = 0;
    result.doc.descendants((node) => { if (node.type.name === 'article') articles++; return node.type.name !== 'article'; });
    return { json: result.json, report: { articles, unplaced: result.unplaced } };
  }
  const doc = schema.node('doc', null, [
    schema.node('docinfo', docinfo),
    schema.node('title', null, schema.text(input.title)),
    schema.node('article', { id: newId('art') }, [schema.node('heading'), schema.node('plain', { id: newId('p') })]),
  ]);
  doc.check();
  return { json: doc.toJSON() as NodeJSON, report: { articles: 1, unplaced: [] } };
}
