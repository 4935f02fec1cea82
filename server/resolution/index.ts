/** Applying chairs' resolutions to live documents, and undoing them. */
export { applyResolution, currentTreaty, updateTowards, loggedSeq } from './apply.ts';
export type { ResolutionRequest } from './apply.ts';
export { undoResolution, undoUpdate, UNDO_ACTION } from './undo.ts';
export { applyArticleStatus, STATUS_ACTION } from './status.ts';
export { editLive, freezeLive, renumberLive } from './server-edit.ts';
export type { RenumberResult } from './server-edit.ts';
export { resolutionEntries, describedRecord } from './entries.ts';
