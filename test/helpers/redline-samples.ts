/** Two small versions of a draft for export tests: a one-word edit, a moved article, brackets, comments. */
import type { Node } from 'prosemirror-model';
import { treaty, art, para, plain, preamble, closing, comments, comment, br, division, heading, subparagraph, filler } from './redline-builders.ts';

/** The older text ("Rev.1"). */
export function rev1(): Node {
  return treaty('Protocol on cybersecurity and cybercrime',
    preamble(plain('The Parties to this Protocol,')),
    division({ kind: 'chapter', numbering: 'roman' }, heading('Use of terms'),
      art('1', 'Definitions', para(plain('For the purposes of this Protocol:'), subparagraph(plain('"computer system" means any device')))),
      art('2', 'Illegal access', para(plain({ id: 'p2' }, 'Each Party shall adopt such legislative measures as may be necessary.'))),
      art('3', 'Illegal interception', para(filler('ic'))),
      art('4', 'Data interference', para(plain('Each Party shall criminalise ', br('b1', 'FR')('the damaging'), ' of computer data.')))),
    closing(plain('DONE at Geneva.')),
    comments(comment({ id: 'c1', target: 'p2', delegation: 'KE' }, plain('Should cover attempts.'))));
}

/** The newer text ("Rev.2"): article 2 edited by one word, article 4 moved before 3, b1 resolved, b2 opened. */
export function rev2(): Node {
  return treaty('Protocol on cybersecurity and cybercrime',
    preamble(plain('The Parties to this Protocol,')),
    division({ kind: 'chapter', numbering: 'roman' }, heading('Use of terms'),
      art('1', 'Definitions', para(plain('For the purposes of this Protocol:'), subparagraph(plain('"computer system" means any device')))),
      art('2', 'Illegal access', para(plain({ id: 'p2' }, 'Each Party may adopt such legislative measures as may be necessary.'))),
      art('4', 'Data interference', para(plain('Each Party shall criminalise the damaging of computer data ', br('b2', 'US', 'BR')('without right'), '.'))),
      art('3', 'Illegal interception', para(filler('ic')))),
    closing(plain('DONE at Geneva.')),
    comments(comment({ id: 'c1', target: 'p2', delegation: 'KE', status: 'resolved' }, plain('Should cover attempts.'))));
}
