/** Who is in the document now, from awareness: delegation, name and role of every connected client. */
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../connection/index.ts';
import { el } from './jump.ts';

/** One present participant. */
export interface Participant extends PresenceUser {
  clientId: number;
  self: boolean;
}

/** Everyone in awareness with a `user` field, oneself first, then by delegation. */
export function participants(awareness: Awareness): Participant[] {
  const out: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: PresenceUser }).user;
    if (user) out.push({ ...user, clientId, self: clientId === awareness.clientID });
  }
  return out.sort((a, b) => Number(b.self) - Number(a.self) || a.delegation.localeCompare(b.delegation));
}

/** The presence list element, kept current from awareness changes. */
export function createPresence(awareness: Awareness): { element: HTMLElement; destroy(): void } {
  const element = el('ul', 'presence');
  element.setAttribute('aria-label', 'Present');
  const render = () => {
    element.replaceChildren(...participants(awareness).map((p) => {
      const li = el('li', `participant${p.self ? ' self' : ''}`);
      li.dataset.delegation = p.delegation;
      li.title = `${p.name} · ${p.delegation} · ${p.role}${p.self ? ' (you)' : ''}`;
      const chip = el('span', 'participant-chip', p.delegation);
      chip.style.backgroundColor = p.color;
      li.append(chip, el('span', 'participant-role', p.role));
      return li;
    }));
  };
  awareness.on('change', render);
  render();
  return { element, destroy: () => awareness.off('change', render) };
}
