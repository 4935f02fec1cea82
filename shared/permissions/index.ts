/** Who may change what in a treaty document: THE rule function on documents, and its use on Yjs updates. */
export { refuseEdit, mayEditAgreedText } from './edit-rules.ts';
export type { EditRefusal } from './refusal.ts';
export { REFUSAL_MESSAGES } from './refusal.ts';
export { editFacts, nodeWords, sponsorList } from './edit-facts.ts';
export type { EditFacts, InlineBracketFact, BlockBracketFact, OptionFact, AlternativesFact, CommentFact, AnchorFact, ArticleFact } from './edit-facts.ts';
export { isSoleSponsor, sponsorChangeProblem } from './sponsorship.ts';
export { inventoryOf, isBracketKey } from './inventory.ts';
export type { Inventory, BracketEntry, OptionEntry, CommentEntry } from './inventory.ts';
export { checkChange, mayEdit, mayResolve } from './rules.ts';
export type { Author, Role } from './rules.ts';
export { inspectUpdate } from './inspect.ts';
export type { UpdateInspection, TextRange, PendingText } from './inspect.ts';
export { checkUpdatePrecisely, currentInventory, documentAfter, inventoryAfter } from './precise.ts';
export type { PreciseRefusal } from './precise.ts';
export { invalidContent, acceptsText } from './validity.ts';
export { ClientIdRegistry } from './client-ids.ts';
