/** A full-window viewer for a server page (a redline, the clean text) in a frame, with a download link. */
import { el } from './jump.ts';

/** Open `url` in the viewer titled `title`; `download` adds a link (e.g. the Word redline). */
export function openViewer(title: string, url: string, download?: { label: string; url: string }): HTMLDialogElement {
  document.querySelector('dialog.viewer')?.remove();
  const dialog = el('dialog', 'viewer');
  const head = el('div', 'viewer-head');
  head.append(el('h2', '', title));
  if (download) {
    const link = el('a', 'button-link', download.label);
    link.href = download.url;
    head.append(link);
  }
  const open = el('a', 'button-link', 'Open in a tab');
  open.href = url;
  open.target = '_blank';
  open.rel = 'noopener';
  const close = el('button', 'primary', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  head.append(open, close);
  const frame = el('iframe', 'viewer-frame');
  frame.src = url;
  frame.title = title;
  dialog.append(head, frame);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
