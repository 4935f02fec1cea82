/** The sign-in page: paste the token from your login link; the server sets the cookie. */
import { el } from '../panels/jump.ts';

/** Render the sign-in form into `root`. */
export function renderSignIn(root: HTMLElement, message = ''): void {
  const card = el('div', 'card sign-in');
  const form = el('form');
  const input = el('input');
  input.name = 'token';
  input.placeholder = 'Access token';
  input.autocomplete = 'off';
  input.required = true;
  const submit = el('button', 'primary', 'Sign in');
  submit.type = 'submit';
  form.append(input, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.href = `/login?token=${encodeURIComponent(input.value.trim())}`;
  });
  card.append(
    el('div', 'brand brand-large', 'Plenipo'),
    el('p', 'lead', 'Collaborative drafting of international instruments.'),
    el('p', '', 'Open the login link your secretariat sent you, or paste its token here.'),
    form,
  );
  if (message) card.append(el('p', 'error', message));
  root.replaceChildren(el('div', 'centered', ''));
  root.firstElementChild!.append(card);
}
