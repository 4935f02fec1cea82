/**
 * What the edit rules say when they refuse: one plain sentence for the user (no ids, no codes)
 * and a precise detail for logs and tests.
 */

/** Why an edit is refused. */
export interface EditRefusal {
  /** One plain sentence for the user, without ids or codes. */
  message: string;
  /** For logs and tests; may name ids. */
  detail: string;
}

/** The sentences users see, one per rule. */
export const REFUSAL_MESSAGES = {
  observer: 'Observers can read the text but not change it.',
  agreedText: "You can't change agreed text; type to propose an insertion instead.",
  agreedArticle: 'This article has been agreed; only the chair can change it.',
  articleStatus: "Only the chair can change an article's status.",
  foreignProposal: "You can't change another delegation's proposal; co-sponsor it, propose an alternative or comment instead.",
  withdraw: 'Only the delegation that alone sponsors a proposal can withdraw it.',
  sponsors: 'You can only add or remove your own delegation as a sponsor.',
  ownName: "You can only make proposals in your own delegation's name.",
  moved: 'A proposal stays on the words it was made on; withdraw it and propose again instead.',
  comment: "You can only write, change or delete your own delegation's comments.",
  anchor: "You can only attach or detach your own delegation's comments.",
  commentSignature: 'A comment carries the name of the person who writes it and the time it is written; reload the document and write it again.',
  ids: 'This change would give two parts of the document the same reference; reload the document and try again.',
} as const;

/** A refusal with the user's sentence `message` and the log's `detail`. */
export function refuse(message: string, detail: string): EditRefusal {
  return { message, detail };
}
