/**
 * The HTTP side of the server as the editor sees it: JSON in, JSON out, authenticated by the
 * `plenipo_session` cookie that `GET /login?token=` sets (or a bearer token kept for this tab).
 * Every POST goes out as `application/json` from this origin, as the server requires.
 */

/** Roles of accounts (see the server contract). */
export type Role = 'delegate' | 'chair' | 'secretariat' | 'observer';

/** The signed-in account, as `GET /api/me` returns it. */
export interface Account {
  id: string;
  name: string;
  delegation: string;
  role: Role;
}

/** A document the account may open, as listed by `GET /api/documents`. */
export interface DocumentSummary {
  id: string;
  title: string;
  base?: string | null;
  createdAt?: number;
}

/** An HTTP failure carrying the status and the server's `{ error }` message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly path: string) {
    super(`${path}: ${status} ${message}`);
  }
}

let bearer: string | null = null;

/** Use this token for requests from this tab (when the cookie cannot be set, e.g. in a frame). */
export function useBearerToken(token: string | null): void {
  bearer = token;
}

/** The token given with `?token=` for this tab, if any (the websocket passes it on as a param). */
export function bearerToken(): string | null {
  return bearer;
}

/** Fetch a JSON endpoint of the server; throws `ApiError` with the server's message on failure. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  // The server takes state-changing requests only as application/json (415 otherwise), bodyless ones too.
  const writes = !!init.method && !/^(GET|HEAD)$/i.test(init.method);
  if ((init.body || writes) && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(path, { credentials: 'same-origin', ...init, headers });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : response.statusText;
    throw new ApiError(response.status, message, path);
  }
  return body as T;
}

/** POST a JSON body and return the parsed answer. */
export function post<T>(path: string, body: unknown): Promise<T> {
  return api<T>(path, { method: 'POST', body: JSON.stringify(body) });
}

/** The signed-in account, or null when the server says 401. */
export async function fetchMe(): Promise<Account | null> {
  try {
    const me = await api<Account | { account: Account }>('/api/me');
    return 'account' in me ? me.account : me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The documents the signed-in account may open. */
export async function fetchDocuments(): Promise<DocumentSummary[]> {
  const answer = await api<DocumentSummary[] | { documents: DocumentSummary[] }>('/api/documents');
  return Array.isArray(answer) ? answer : answer.documents;
}

/** One document's summary. */
export async function fetchDocument(id: string): Promise<DocumentSummary> {
  const answer = await api<DocumentSummary | { document: DocumentSummary }>(`/api/documents/${encodeURIComponent(id)}`);
  return 'document' in answer ? answer.document : answer;
}
