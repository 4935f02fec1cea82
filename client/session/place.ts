/**
 * The chair's place in session mode as presence carries it: the chair publishes
 * `session: { article }` (shared/presence/session.ts); everyone else reads the place of the
 * first state whose server-set `user.role` is `chair`.
 */
import type { Awareness } from 'y-protocols/awareness';
import { isSessionPlace } from '../../shared/presence/session.ts';

/** Publish (or, with null, withdraw) this client's session place. */
export function publishPlace(awareness: Awareness, articleId: string | null): void {
  const place = articleId && isSessionPlace({ article: articleId }) ? { article: articleId } : null;
  const current = (awareness.getLocalState() as { session?: unknown } | null)?.session ?? null;
  if (JSON.stringify(current) !== JSON.stringify(place)) awareness.setLocalStateField('session', place);
}

/** The article id a chair in session mode is on, or null when no chair is in session mode. */
export function chairPlace(awareness: Awareness): string | null {
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const s = state as { user?: { role?: unknown }; session?: unknown };
    if (s.user?.role === 'chair' && isSessionPlace(s.session)) return s.session.article;
  }
  return null;
}

/** Call `listener` with the chair's place whenever presence changes; returns the unsubscribe function. */
export function watchChairPlace(awareness: Awareness, listener: (articleId: string | null) => void): () => void {
  let last: string | null | undefined;
  const onChange = () => {
    const place = chairPlace(awareness);
    if (place === last) return;
    last = place;
    listener(place);
  };
  awareness.on('change', onChange);
  onChange();
  return () => awareness.off('change', onChange);
}
