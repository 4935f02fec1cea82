/**
 * The chair's place in session mode, published in presence so that delegates' editors can follow
 * it: `session: { article: <article id> }` (the article node's `id` attr), or null when the chair
 * is not in session mode. Only a chair's field is followed (the server sets `user.role`).
 */

/** The `session` presence field. */
export interface SessionPlace {
  /** Id of the article the chair is on. */
  article: string;
}

/** The longest article id accepted in a session field. */
export const MAX_SESSION_ARTICLE_ID = 80;

/** True when `value` is a well-formed session field: `{ article }` with a short id string and nothing else. */
export function isSessionPlace(value: unknown): value is SessionPlace {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const article = (value as Record<string, unknown>).article;
  return keys.length === 1 && keys[0] === 'article' && typeof article === 'string'
    && article.length > 0 && article.length <= MAX_SESSION_ARTICLE_ID && /^[\w@.:-]+$/.test(article);
}
