/** Errors as the reader sees them: the server's own sentence, without the request path or status code. */
import { ApiError } from '../connection/index.ts';

/** The plain sentence of `error` for the screen: an ApiError's server message without its path and status. */
export function plainMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const message = error.message.replace(`${error.path}: ${error.status} `, '').trim();
    if (error.status === 403 && !message) return 'Your account may not do this.';
    return message || 'The server could not do this; try again.';
  }
  return error instanceof Error ? error.message : String(error);
}
