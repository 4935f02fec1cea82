/** The treaty schema and its vocabulary. */
export { schema, DIVISION_KINDS, COMMENT_STATUSES, BRACKET_KINDS, ARTICLE_STATUSES } from './schema.ts';
export type { DivisionKind, CommentStatus, BracketKind, ArticleStatus } from './schema.ts';
export { writeAttrs, readAttrs } from './dom-attrs.ts';
