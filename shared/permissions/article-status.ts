/**
 * Articles agreed ad referendum. Only the chair sets an article's `status`; an article whose
 * status is `agreed` takes no change from anyone else — its words, attributes, brackets and
 * place in the document stay — except comments anchored on it (comment anchor marks are left out
 * of the comparison; the comment rules decide on them).
 */
import { nodeWords, type EditFacts } from './edit-facts.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** Why `after` changes an article status or an agreed article (not allowed but to the chair), or null. */
export function articleStatusRefusal(before: EditFacts, after: EditFacts): EditRefusal | null {
  for (const [id, was] of before.articles) {
    const now = after.articles.get(id);
    if (was.status === 'agreed') {
      if (!now) return refuse(REFUSAL_MESSAGES.agreedArticle, `agreed article ${id} would be removed`);
      if (now.node !== was.node && nodeWords(now.node, true) !== nodeWords(was.node, true)) {
        return refuse(REFUSAL_MESSAGES.agreedArticle, `agreed article ${id} would change`);
      }
    }
    if (now && now.status !== was.status) return refuse(REFUSAL_MESSAGES.articleStatus, `article ${id} status ${was.status} would become ${now.status}`);
  }
  for (const [id, now] of after.articles) {
    if (!before.articles.has(id) && now.status !== 'open') {
      return refuse(REFUSAL_MESSAGES.articleStatus, `new article ${id} would have status ${now.status}`);
    }
  }
  return null;
}
