/**
 * The toggles that fold the side panels on a narrow window: "Outline" opens the outline over the
 * text, "Panels" the comments, brackets and versions. The stylesheet shows the toggles only when
 * the panels are folded (below 1280 px for the outline, 900 px for the side panels); Escape or a
 * second click closes an open panel.
 */
import { el } from '../panels/index.ts';

/** Toggle buttons driving `workspace`'s `data-open` attribute ("left", "right" or absent). */
export function panelToggles(workspace: HTMLElement): { outline: HTMLButtonElement; side: HTMLButtonElement; destroy(): void } {
  const make = (label: string, which: 'left' | 'right') => {
    const button = el('button', `panel-toggle panel-toggle-${which}`, label);
    button.type = 'button';
    button.dataset.toggle = which;
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => set(workspace.dataset.open === which ? null : which));
    return button;
  };
  const outline = make('Outline', 'left');
  const side = make('Panels', 'right');
  const set = (which: 'left' | 'right' | null) => {
    if (which) workspace.dataset.open = which;
    else delete workspace.dataset.open;
    outline.setAttribute('aria-expanded', String(which === 'left'));
    side.setAttribute('aria-expanded', String(which === 'right'));
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && workspace.dataset.open) set(null);
  };
  document.addEventListener('keydown', onKey);
  return { outline, side, destroy: () => document.removeEventListener('keydown', onKey) };
}
