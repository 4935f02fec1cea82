/**
 * Plenipo in the browser: who am I (`/api/me`, signed in by the cookie that `/login?token=` sets),
 * then the document list (`#/`), one document (`#/doc/<id>`) or its projection for the room's
 * screen (`#/doc/<id>/projection`, or `?view=projection`) or its negotiation dashboard
 * (`#/doc/<id>/dashboard`).
 */
import './styles/screen.css';
import './styles/print.css';
import { fetchMe, fetchDocuments, ApiError, type Account } from './connection/index.ts';
import { renderSignIn } from './pages/sign-in.ts';
import { renderDocuments } from './pages/documents.ts';
import { renderDocument } from './pages/document.ts';
import { withRecovery } from './editor/recovery.ts';
import { renderProjection } from './session/index.ts';
import { renderDashboard } from './pages/dashboard.ts';

const root = document.getElementById('app')!;
let open: { destroy(): void } | null = null;

/** The document of the hash and its view: `#/doc/<id>` (the editor), `#/doc/<id>/projection` (also `?view=projection`), `#/doc/<id>/dashboard`. */
function documentOfHash(): { id: string; view: 'editor' | 'projection' | 'dashboard' } | null {
  const match = /^#\/doc\/([^/?]+)(?:\/(projection|dashboard))?/.exec(window.location.hash);
  if (!match) return null;
  const view = match[2] === 'projection' || new URLSearchParams(window.location.search).get('view') === 'projection' ? 'projection' : match[2] === 'dashboard' ? 'dashboard' : 'editor';
  return { id: decodeURIComponent(match[1]), view };
}

let routing = 0;

async function route(account: Account): Promise<void> {
  const turn = ++routing;
  const documents = await fetchDocuments();
  if (turn !== routing) return; // a later navigation won
  open?.destroy();
  open = null;
  const target = documentOfHash();
  const summary = target ? documents.find((d) => d.id === target.id) : undefined;
  if (summary && target?.view === 'projection') {
    open = renderProjection(root, account, summary);
  } else if (summary && target?.view === 'dashboard') {
    open = renderDashboard(root, account, summary);
  } else if (summary) {
    // A refused edit reopens the document on the shared text (editor/recovery.ts).
    open = withRecovery(() => renderDocument(root, account, summary));
  } else {
    document.title = 'Plenipo';
    renderDocuments(root, account, documents);
  }
}

async function start(): Promise<void> {
  try {
    const account = await fetchMe();
    if (!account) {
      renderSignIn(root);
      return;
    }
    window.addEventListener('hashchange', () => void route(account));
    await route(account);
  } catch (error) {
    renderSignIn(root, error instanceof ApiError ? error.message : `Could not reach the server: ${(error as Error).message}`);
  }
}

void start();
