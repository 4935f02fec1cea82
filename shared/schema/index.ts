/** The treaty schema and its vocabulary. */
export { schema, DIVISION_KINDS, COMMENT_STATUSES, BRACKET_KINDS } from './schema.ts';
export type { DivisionKind, CommentStatus, BracketKind } from './schema.ts';
