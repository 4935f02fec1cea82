/** Who may change what in a treaty document, decided on Yjs updates. */
export { inventoryOf, isBracketKey } from './inventory.ts';
export type { Inventory, BracketEntry, OptionEntry, CommentEntry } from './inventory.ts';
export { checkChange, mayEdit, mayResolve } from './rules.ts';
export type { Author, Role } from './rules.ts';
export { inspectUpdate } from './inspect.ts';
export type { UpdateInspection } from './inspect.ts';
export { checkUpdatePrecisely, currentDocument, currentInventory, documentAfter, inventoryAfter } from './precise.ts';
export type { PreciseRefusal } from './precise.ts';
export { invalidContent, acceptsText } from './validity.ts';
export { ClientIdRegistry, writtenClients, MAX_NEW_CLIENT_IDS } from './client-ids.ts';
export type { WrittenClients } from './client-ids.ts';
export { integratedClocks, integrationProblem, hasPending } from './integrable.ts';
export type { DecodedStructs } from './integrable.ts';
