/**
 * Keypress-to-paint in the real editor: start a server with the Convention (48 articles, the
 * "50-article" text), open it in Chromium as a delegate, type N characters in the middle of the
 * text and read the page's own measurements (`window.__plenipoBench`: keydown → the frame after
 * the transaction has been painted). Optionally a second delegation types elsewhere at the same
 * time, so remote updates are part of the load. Run alone: `node --import tsx bench/typing.ts`.
 */
import { fileURLToPath } from 'node:url';
import { launchChromium, startTestServer, openDocument } from '../test/helpers/browser.ts';
import { loadFixture } from '../fixtures/index.ts';
import { percentiles, type Percentiles } from './latency.ts';

/** Options of `benchTyping`. */
export interface TypingOptions {
  /** Characters to type (default 200). */
  chars?: number;
  /** Pause between keys in ms (default 30: a fast typist, no key overlaps). */
  delayMs?: number;
  /** Fixture key of the document (default "convention-2001"). */
  fixture?: string;
  /** Article (0-based) to type in (default: the middle one). */
  article?: number;
  /** Also have a second delegation type in another article meanwhile (default false). */
  remoteTypist?: boolean;
}

/** What `benchTyping` measured: keypress-to-paint percentiles (ms) and the setting. */
export interface TypingResult extends Percentiles {
  fixture: string;
  articles: number;
  chars: number;
  delayMs: number;
  remoteTypist: boolean;
  /** Every sample, ms. */
  samples: number[];
}

/** Type in the editor in Chromium and return keypress-to-paint p50/p95/p99 (ms). */
export async function benchTyping(options: TypingOptions = {}): Promise<TypingResult> {
  const chars = options.chars ?? 200;
  const delayMs = options.delayMs ?? 30;
  const fixture = options.fixture ?? 'convention-2001';
  const remoteTypist = options.remoteTypist ?? false;
  const [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  try {
    const typist = await server.account('Bench typist', 'FR', 'delegate');
    const other = await server.account('Bench peer', 'KE', 'delegate');
    const docId = await server.document(loadFixture(fixture), fixture);
    const { page } = await openDocument(browser, server.url, typist.token, docId);
    const articles = await page.evaluate(() => window.__plenipoBench!.articleCount());
    const article = options.article ?? Math.floor(articles / 2);
    if (!(await page.evaluate((i) => window.__plenipoBench!.focusArticle(i), article))) {
      throw new RangeError(`Article ${article} of ${fixture} has no text to type in (${articles} articles)`);
    }
    let peerTyping: Promise<void> = Promise.resolve();
    if (remoteTypist) {
      const peer = await openDocument(browser, server.url, other.token, docId);
      await peer.page.evaluate((i) => window.__plenipoBench!.focusArticle(i), Math.max(0, article - 3));
      peerTyping = peer.page.keyboard.type('x'.repeat(chars), { delay: delayMs });
    }
    await page.evaluate(() => window.__plenipoBench!.start());
    const text = 'Each Party shall adopt such legislative and other measures as may be necessary. '.repeat(Math.ceil(chars / 80)).slice(0, chars);
    await page.keyboard.type(text, { delay: delayMs });
    await peerTyping;
    // The last samples land one frame after the last key: wait for the frame, then collect.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const samples = await page.evaluate(() => window.__plenipoBench!.stop());
    return { ...percentiles(samples), fixture, articles, chars, delayMs, remoteTypist, samples };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const chars = Number(process.argv[2] ?? 200);
  for (const remoteTypist of [false, true]) {
    const { samples: _samples, ...result } = await benchTyping({ chars, remoteTypist });
    console.log(JSON.stringify(result));
  }
}
