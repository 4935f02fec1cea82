/** The text of the negotiation browser tests: agreed words, KE's and FR's proposals and an inline alternatives group. */
import type { Node } from 'prosemirror-model';
import { treaty, article, heading, paragraph, plain, br } from './bracket-builders.ts';

/** Two articles: Art. 1 with agreed text, FR's proposed deletion, KE's bracket and "[spam] [unsolicited messages]"; Art. 2 agreed. */
export function negotiationText(): Node {
  return treaty(
    article({ id: 'art1' }, heading('Offences'),
      paragraph({ id: 'p1' }, plain({ id: 'l1' }, 'The serious hindering of computer systems shall be an offence.')),
      paragraph({ id: 'p2' }, plain({ id: 'l2' }, 'Data shall be secure ', br('b-fr-del', 'FR', null, 'delete')('and interoperable'), ' and available.')),
      paragraph({ id: 'p3' }, plain({ id: 'l3' }, 'A service provider means any public ', br('b-ke', 'KE')('or private entity'), '.')),
      paragraph({ id: 'p4' }, plain({ id: 'l4' }, 'No person shall send ', br('b-spam', 'FR', 'g-spam')('spam'), ' ', br('b-unsol', 'KE', 'g-spam')('unsolicited messages'), ' to users.'))),
    article({ id: 'art2' }, heading('Definitions'),
      paragraph({ id: 'p5' }, plain({ id: 'l5' }, 'Terms are defined in the annex.'))),
  );
}
