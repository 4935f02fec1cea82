/**
 * Checking request bodies: a JSON object, and string fields within their length limits. A bad
 * field is a 400 naming the field, the limit and the value (cut to 80 characters).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** Longest document or fork title, characters. */
export const MAX_TITLE_LENGTH = 300;

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters)` : text;
};

/** The request body as a JSON object ({} when empty); 400 naming `example` otherwise. */
export async function readJsonObject(c: Context, example: string): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch { /* reported below */ }
  throw new HTTPException(400, { message: `Body must be a JSON object such as ${example}, not ${shown(text)}` });
}

/** `body[field]` trimmed: a non-empty string of at most `max` characters, else 400. */
export function requireString(body: Record<string, unknown>, field: string, max: number): string {
  const value = body[field];
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max) throw new HTTPException(400, { message: `${field} must be a non-empty string of at most ${max} characters, not ${shown(value)}` });
  return text;
}

/** `body[field]` trimmed when present (undefined when absent or null), else as `requireString`. */
export function optionalString(body: Record<string, unknown>, field: string, max: number): string | undefined {
  if (body[field] === undefined || body[field] === null) return undefined;
  return requireString(body, field, max);
}
