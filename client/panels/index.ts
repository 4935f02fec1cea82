/** The panels around the text: outline, comments, brackets, versions, presence, connection state. */
export { createOutline } from './outline.ts';
export type { Panel } from './outline.ts';
export { createCommentsPanel } from './comments.ts';
export type { CommentsPanel } from './comments.ts';
export { createBracketsPanel, mayResolveBrackets, bracketKindLabel, commentCounts } from './brackets.ts';
export { createResolutionHistory } from './resolution-history.ts';
export type { ResolutionEntry } from './resolution-history.ts';
export { createVersionsPanel } from './versions.ts';
export { createPresence, participants } from './presence.ts';
export type { Participant } from './presence.ts';
export { createConnectionPill, createRefusalBanner, connectionLabel } from './connection.ts';
export { sidePanels } from './side.ts';
export { jumpTo, el } from './jump.ts';
