/** Readable dates for redlines: "23 November 2001", "August 2009", "23 November 2001, 10:00 UTC". */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Write an ISO date or time out in words: "2001-11-23" → "23 November 2001", "2009-08" → "August
 * 2009", "2026-01-15T10:00:00.000Z" → "15 January 2026, 10:00 UTC". Text that is not an ISO date
 * is returned unchanged.
 */
export function readableDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, year, month, day, hour, minute, zone] = m;
  if (!month) return year;
  const name = MONTHS[Number(month) - 1];
  if (!name) return iso;
  if (!day) return `${name} ${year}`;
  if (hour == null) return `${Number(day)} ${name} ${year}`;
  if (zone && zone !== 'Z') return `${Number(day)} ${name} ${year}, ${hour}:${minute} (UTC${zone})`;
  if (zone === 'Z') {
    const d = new Date(iso);
    if (!Number.isNaN(d.getTime())) return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
  }
  return `${Number(day)} ${name} ${year}, ${hour}:${minute}`;
}
