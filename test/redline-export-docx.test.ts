import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareDocuments } from '../shared/redline/index.ts';
import { redlineToDocx, documentToDocx } from '../shared/export/index.ts';
import { zipEntry } from './helpers/zip.ts';
import { rev1, rev2 } from './helpers/redline-samples.ts';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

describe('redlineToDocx', () => {
  let bytes: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    bytes = await redlineToDocx(compareDocuments(rev1(), rev2(), { from: { label: 'Rev.1' }, to: { label: 'Rev.2' } }), { author: 'UNODC Secretariat', date: '2026-01-15T10:00:00Z' });
    xml = zipEntry(bytes, 'word/document.xml');
  });

  it('writes insertions and deletions as tracked revisions with author and date', () => {
    expect(xml).toMatch(/<w:ins [^>]*w:author="UNODC Secretariat"[^>]*w:date="2026-01-15T10:00:00Z"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="UNODC Secretariat"/);
    expect(xml).toMatch(/<w:delText[^>]*>shall<\/w:delText>/);
  });

  it('writes article captions as Word headings', () => {
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('Illegal access');
  });

  it('marks a moved article with a Word comment', () => {
    expect(zipEntry(bytes, 'word/comments.xml')).toContain('Moved from Article 4');
  });

  it('writes a single document without revisions', async () => {
    const single = zipEntry(await documentToDocx(rev1()), 'word/document.xml');
    expect(single).not.toContain('<w:ins ');
    expect(single).toContain('Data interference');
  });

  it.skipIf(!hasSoffice)('opens in LibreOffice and converts to PDF (skipped only when soffice is not installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenipo-docx-'));
    try {
      const file = join(dir, 'redline.docx');
      writeFileSync(file, bytes);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
      expect(existsSync(join(dir, 'redline.pdf'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
