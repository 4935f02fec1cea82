/**
 * Plenipo in the browser: who am I (`/api/me`, signed in by the cookie that `/login?token=` sets),
 * then the document list (`#/`) or one document (`#/doc/<id>`).
 */
import './styles/screen.css';
import './styles/print.css';
import { fetchMe, fetchDocuments, ApiError, type Account } from './connection/index.ts';
import { renderSignIn } from './pages/sign-in.ts';
import { renderDocuments } from './pages/documents.ts';
import { renderDocument } from './pages/document.ts';
import { withRecovery, type OpenDocument } from './editor/recovery.ts';

const root = document.getElementById('app')!;
let open: OpenDocument | null = null;

function documentIdOfHash(): string | null {
  const match = /^#\/doc\/(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

let routing = 0;

async function route(account: Account): Promise<void> {
  const turn = ++routing;
  const documents = await fetchDocuments();
  if (turn !== routing) return; // a later navigation won
  open?.destroy();
  open = null;
  const id = documentIdOfHash();
  const summary = id ? documents.find((d) => d.id === id) : undefined;
  if (summary) {
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
