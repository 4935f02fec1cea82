/** Applying chairs' resolutions to live documents. */
export { applyResolution, currentTreaty, updateTowards } from './apply.ts';
export type { ResolutionRequest } from './apply.ts';
