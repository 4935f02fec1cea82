/** A day's resolution record as a Word document (server side only: the editor never loads the docx library). */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ResolutionEntry } from '../api/index.ts';
import { articleCaption, contextLine, decisionSentence, whoAndWhen, type SummaryHeader } from './summary.ts';

/** The day's decisions as a Word document (.docx bytes). */
export function meetingSummaryDocx(entries: readonly ResolutionEntry[], header: SummaryHeader): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ text: header.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: [header.symbol, `Decisions of ${header.date}`].filter(Boolean).join(' · '), italics: true })] }),
  ];
  if (entries.length === 0) children.push(new Paragraph('No decisions were recorded on this day.'));
  entries.forEach((e, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: `${i + 1}. ${articleCaption(e)}` }));
    children.push(new Paragraph(decisionSentence(e)));
    const context = contextLine(e);
    if (context) children.push(new Paragraph({ children: [new TextRun({ text: context, italics: true })] }));
    children.push(new Paragraph({ children: [new TextRun({ text: whoAndWhen(e), color: '666666', size: 18 })] }));
  });
  const doc = new Document({ creator: 'Plenipo', title: `${header.title} — decisions of ${header.date}`, sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }] });
  return Packer.pack(doc, 'uint8array');
}
