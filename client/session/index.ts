/** The meeting in the editor: the chair's session mode, following the chair, the projection view. */
export { createSessionBar } from './bar.ts';
export type { SessionBar } from './bar.ts';
export { createFollowNotice } from './follow.ts';
export { renderProjection } from './projection.ts';
export { publishPlace, chairPlace, watchChairPlace } from './place.ts';
export { SESSION_SHORTCUTS } from './shortcuts.ts';
export { highlightRange } from './highlight.ts';
