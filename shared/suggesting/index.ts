/** Suggesting mode: a delegate's edit in its proposal form (insertion and deletion brackets, block deletions), and what encloses a place. */
export { shapeEdit, markAsProposal, holdsThePen, PROPOSAL_META } from './shape.ts';
export type { ShapeResult, Suggester, SuggestRefusal } from './shape.ts';
export { wholeAgreedBlocks, proposeBlockDeletions } from './block-deletion.ts';
export type { WholeBlock } from './block-deletion.ts';
export { contextAt, blockContext, soleSponsor, notYoursMessage, agreedArticleMessage, sponsorWords } from './context.ts';
export type { PlaceContext, Enclosing } from './context.ts';
