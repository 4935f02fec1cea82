/**
 * The HTML page a browser gets when signing in fails (bad, expired or revoked link, too many
 * attempts): what happened and what to do, in the client's look. When the built client is served,
 * the page links the client's own stylesheet (read from its index.html) and uses the classes of
 * the client's sign-in card; otherwise it carries the few rules it needs inline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the page says. */
export interface SignInPage {
  /** One short line, e.g. "This invitation link has expired". */
  heading: string;
  /** What to do next, one or two sentences. */
  advice: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const FALLBACK_STYLE = `<style>
  html, body { margin: 0; height: 100%; }
  body { font-family: system-ui, "Segoe UI", "Liberation Sans", Arial, sans-serif; color: #1c2430; background: #e9ecf0; font-size: 14px; }
  .centered { min-height: 100%; display: grid; place-items: center; padding: 24px; box-sizing: border-box; }
  .card { background: #fff; border: 1px solid #d9dee5; border-radius: 8px; padding: 32px 40px; width: min(560px, 100%); box-sizing: border-box; }
  .brand { font-family: "Times New Roman", "Liberation Serif", Georgia, serif; font-weight: bold; letter-spacing: 0.06em; color: #1d4f91; font-size: 30px; text-decoration: none; }
  .lead { color: #5b6675; }
  h1 { font-size: 18px; color: #b91c1c; }
</style>`;

/** The `<link rel="stylesheet">` tags of the built client's index.html in `staticRoot`, or the inline fallback. */
export function clientStyles(staticRoot: string | null): string {
  const index = staticRoot ? join(staticRoot, 'index.html') : null;
  if (!index || !existsSync(index)) return FALLBACK_STYLE;
  const links = readFileSync(index, 'utf8').match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? [];
  return links.length > 0 ? `${links.join('\n')}\n<style>h1 { font-size: 18px; color: var(--delete); }</style>` : FALLBACK_STYLE;
}

/** The whole HTML document of a sign-in failure page. */
export function signInPage(page: SignInPage, styles: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.heading)} · Plenipo</title>
${styles}
</head>
<body>
<div id="app"><div class="centered"><main class="card sign-in">
<a class="brand brand-large" href="/">Plenipo</a>
<h1>${escapeHtml(page.heading)}</h1>
<p class="lead">${escapeHtml(page.advice)}</p>
</main></div></div>
</body>
</html>
`;
}
