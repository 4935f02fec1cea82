/** A small bracketed, commented treaty for browser tests (two chapters, four articles). */
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.ts';

const t = (text: string, marks: unknown[] = []) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) });
const plain = (id: string, ...content: unknown[]) => ({ type: 'plain', attrs: { id }, content });
const para = (id: string, ...content: unknown[]) => ({ type: 'paragraph', attrs: { id }, content });
const sub = (id: string, ...content: unknown[]) => ({ type: 'subparagraph', attrs: { id }, content });
const heading = (text: string) => ({ type: 'heading', content: text ? [t(text)] : [] });
const article = (id: string, title: string, ...content: unknown[]) => ({ type: 'article', attrs: { id }, content: [heading(title), ...content] });
const bracket = (id: string, sponsors: string[], extra: Record<string, unknown> = {}) => ({ type: 'bracket', attrs: { id, sponsors, ...extra } });

/** The sample treaty as a ProseMirror node. */
export function sampleTreaty(): Node {
  return schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'docinfo', attrs: { base: 'convention-2001', symbol: 'PLENIPO/TEST/1', date: '2026-11-23', language: 'en' } },
      { type: 'title', content: [t('Protocol on Cybersecurity and Cybercrime')] },
      { type: 'preamble', attrs: { id: 'pre1' }, content: [plain('pre-p1', t('The States Parties to this Protocol,'))] },
      {
        type: 'division', attrs: { id: 'ch1', kind: 'chapter', numbering: 'roman' }, content: [
          heading('Use of terms'),
          article('art1', 'Definitions',
            plain('a1-intro', t('For the purposes of this Protocol:')),
            sub('a1-a', plain('a1-a-p', t('"computer system" means any device or a group of interconnected devices;'))),
            sub('a1-b', plain('a1-b-p', t('"service provider" means any public or private entity, including '), t('ITU Membership', [bracket('br-itu', ['KE'])]), t('.')))),
          article('art2', 'Scope',
            para('a2-1', plain('a2-1-p', t('This Protocol applies to offences established in accordance with Chapter II.'))),
            para('a2-2', plain('a2-2-p', t('Each Party shall adopt such legislative measures as may be necessary.')))),
        ],
      },
      {
        type: 'division', attrs: { id: 'ch2', kind: 'chapter', numbering: 'roman' }, content: [
          heading('Measures to be taken at the national level'),
          article('art3', 'Illegal access',
            para('a3-1', plain('a3-1-p', t('Each Party shall establish as criminal offences under its domestic law, when committed intentionally, the access to the whole or any part of a computer system without right.')))),
          article('art4', 'Illegal interception',
            para('a4-1', plain('a4-1-p', t('Each Party shall adopt measures to establish the interception without right of non-public transmissions.')))),
        ],
      },
      {
        type: 'comments', content: [
          { type: 'comment', attrs: { id: 'cm-1', target: 'a2-2', delegation: 'US', author: 'US delegate', status: 'open', createdAt: 1763884800000 }, content: [plain('cm-1-p', t('Should "necessary" be qualified?'))] },
        ],
      },
    ],
  });
}
