/**
 * Reading Akoma Ntoso exports in tests: validation with xmllint against the Akoma Ntoso 3.0 XSD
 * beside the repository, and the text of a redline with its `<ins>` or `<del>` dropped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { changesText, type Redline, type Change } from '../../shared/redline/index.ts';

/** The Akoma Ntoso XSD beside the repository (from /work/main or from a worktree under /work/wt). */
export const AKN_XSD = [process.env.PLENIPO_AKN_XSD, resolve(import.meta.dirname, '../../../shared/akn/akomantoso30.xsd'), resolve(import.meta.dirname, '../../../../shared/akn/akomantoso30.xsd')]
  .find((p): p is string => !!p && existsSync(p)) ?? resolve(import.meta.dirname, '../../../shared/akn/akomantoso30.xsd');

/** Validate XML with `xmllint --noout --schema`; returns whether it validates and xmllint's report. */
export function validateAkn(xml: string): { ok: boolean; report: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plenipo-akn-'));
  try {
    const file = join(dir, 'text.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', AKN_XSD, file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
    return { ok: run.status === 0, report: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const dropping = (xml: string, drop: 'ins' | 'del' | null) => (drop ? xml.replace(new RegExp(`<${drop}>[\\s\\S]*?</${drop}>`, 'g'), '') : xml);

/** The character content of the text (everything after `</meta>`), with every `<ins>` or `<del>` element dropped first. */
export function aknText(xml: string, drop: 'ins' | 'del' | null): string {
  return unescape(dropping(xml.slice(xml.indexOf('</meta>')), drop).replace(/<[^>]+>/g, ''));
}

/** Whitespace runs as one space, trimmed. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A pair with the "[" / "]" at both ends of each text dropped: a bracketed block's marks are part
 * of the side text but an attribute in Akoma Ntoso, and nothing else tells them from an inline
 * bracket at the edge of the line.
 */
export const looseEnds = (pair: string) => pair.split(' ⟂ ').map((t) => squash(t.replace(/^\[+/, '').replace(/\]+$/, ''))).join(' ⟂ ');

/** Every `<p>` and `<heading>` of the text (footnotes left out) as "older text ⟂ newer text": `<ins>` dropped, then `<del>` dropped, whitespace-normalised. */
export function aknLinePairs(xml: string): Set<string> {
  const body = xml.slice(xml.indexOf('</meta>')).replace(/<authorialNote[\s\S]*?<\/authorialNote>/g, '');
  const pairs = new Set<string>();
  for (const m of body.matchAll(/<(p|heading)(?:\s[^>]*[^/>])?>([\s\S]*?)<\/\1>/g)) {
    const side = (drop: 'ins' | 'del') => squash(unescape(dropping(m[2], drop).replace(/<[^>]+>/g, '')));
    pairs.add(`${side('ins')} ⟂ ${side('del')}`);
  }
  return pairs;
}

/**
 * The changed lines of a Redline's units present in the newer text (moved units and moved
 * provisions, option captions aside) as "older text ⟂ newer text", whitespace-normalised; a
 * provision deleted from a kept unit has an empty newer text.
 */
export function changedLinePairs(redline: Redline): string[] {
  const out: string[] = [];
  for (const unit of [...redline.articles, ...redline.parts]) {
    if (unit.toId == null || unit.status === 'moved') continue;
    const lines: { changes: Change[]; toId: string | null; move?: string }[] = 'heading' in unit ? [{ changes: unit.heading, toId: unit.toId }, ...unit.blocks] : unit.blocks;
    for (const line of lines) {
      if (line.move || !line.changes.some((c) => c.added || c.removed)) continue;
      const from = squash(changesText(line.changes, 'from'));
      const to = line.toId == null ? '' : squash(changesText(line.changes, 'to'));
      if (/^\[?Option \d/.test(from) || /^\[?Option \d/.test(to)) continue;
      out.push(`${from} ⟂ ${to}`);
    }
  }
  return out;
}
