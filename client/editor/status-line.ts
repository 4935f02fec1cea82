/**
 * The editor's status line: one plain sentence telling why an edit was stopped ("These words are
 * proposed by KE: …"), shown at the foot of the window for a few seconds. Never a code or an id.
 */
import './suggesting.css';

let element: HTMLElement | null = null;
let timer = 0;

/** Show `message` in the status line (replacing the previous one) for `ms` milliseconds. */
export function showEditStatus(message: string, ms = 6000): void {
  if (!element || !element.isConnected) {
    element = document.createElement('div');
    element.className = 'edit-status';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    document.body.append(element);
  }
  element.textContent = message;
  element.hidden = false;
  window.clearTimeout(timer);
  timer = window.setTimeout(() => { if (element) element.hidden = true; }, ms);
}

/** The message shown now, or null. */
export function currentEditStatus(): string | null {
  return element && !element.hidden ? element.textContent : null;
}
