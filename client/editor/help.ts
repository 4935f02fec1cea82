/** The keyboard shortcuts dialog (Mod-/ or the "?" button). */
import { SHORTCUTS, shortcutLabel } from './keymap.ts';
import { SESSION_SHORTCUTS } from '../session/shortcuts.ts';

/** Open the shortcuts dialog (once); Escape or the close button dismisses it. */
export function showShortcuts(): void {
  if (document.querySelector('dialog.shortcuts')) return;
  const dialog = document.createElement('dialog');
  dialog.className = 'shortcuts';
  const title = document.createElement('h2');
  title.textContent = 'Keyboard shortcuts';
  dialog.append(title);
  for (const [group, shortcuts] of Object.entries({ ...SHORTCUTS, ...SESSION_SHORTCUTS })) {
    const heading = document.createElement('h3');
    heading.textContent = group;
    const table = document.createElement('table');
    for (const { key, does } of shortcuts) {
      const row = table.insertRow();
      const keyCell = row.insertCell();
      const kbd = document.createElement('kbd');
      kbd.textContent = shortcutLabel(key);
      keyCell.append(kbd);
      row.insertCell().textContent = does;
    }
    dialog.append(heading, table);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'primary';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  dialog.append(close);
  document.body.append(dialog);
  dialog.showModal();
}
