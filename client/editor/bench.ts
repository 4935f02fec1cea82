/**
 * Keypress-to-paint measurement, for `bench/typing.ts` and the browser tests. While recording, each
 * keydown starts a clock; the transaction it causes schedules a requestAnimationFrame, and a
 * message posted from that frame lands after the frame has been painted: that instant ends the
 * sample. Samples are also left as `performance.measure('plenipo:key-to-paint')` entries.
 *
 * Exposed as `window.__plenipoBench` (see `BenchHook`); tests use its cursor helpers too.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { articles } from '../../shared/model/index.ts';

/** What the page exposes to the benchmark driver. */
export interface BenchHook {
  /** Clear the samples and start recording. */
  start(): void;
  /** Stop recording and return the samples (ms), one per key that changed the document. */
  stop(): number[];
  /** Put the cursor at the end of the first line of text of article `index` (0-based); false when there is none. */
  focusArticle(index: number): boolean;
  /** Number of articles in the document. */
  articleCount(): number;
  /** Select the first occurrence of `text` inside one text node; false when there is none. */
  selectText(text: string): boolean;
  /** Put the selection at `from`..`to` (a cursor when `to` is absent) and focus the text. */
  setSelection(from: number, to?: number): void;
}

declare global {
  interface Window {
    __plenipoBench?: BenchHook;
  }
}

/** Install the hook for `view`; returns `noteDocChange`, to call after every document change. */
export function installBenchHook(view: EditorView): { noteDocChange(): void } {
  const samples: number[] = [];
  let recording = false;
  let keyAt = -1;
  const channel = new MessageChannel();
  const pending: number[] = [];
  channel.port1.onmessage = () => {
    const start = pending.shift();
    if (start === undefined) return;
    const end = performance.now();
    samples.push(end - start);
    performance.measure('plenipo:key-to-paint', { start, end });
  };
  view.dom.addEventListener('keydown', () => {
    if (recording) keyAt = performance.now();
  }, true);
  window.__plenipoBench = {
    start() {
      samples.length = 0;
      recording = true;
    },
    stop() {
      recording = false;
      return samples.slice();
    },
    focusArticle(index) {
      const list = articles(view.state.doc).filter((a) => !a.optionId);
      const article = list[index];
      if (!article) return false;
      let target = -1;
      article.node.descendants((node, offset) => {
        if (target >= 0) return false;
        if (node.type.name === 'plain') {
          target = article.pos + 1 + offset + 1 + node.content.size;
          return false;
        }
        return true;
      });
      if (target < 0) return false;
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, target)).scrollIntoView());
      return true;
    },
    articleCount: () => articles(view.state.doc).length,
    setSelection(from, to = from) {
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
    },
    selectText(text) {
      let range: { from: number; to: number } | null = null;
      view.state.doc.descendants((node, pos) => {
        if (range) return false;
        if (!node.isTextblock) return true;
        node.forEach((child, childOffset) => {
          const value = child.isText ? child.text! : '';
          const index = range ? -1 : value.indexOf(text);
          if (index >= 0) range = { from: pos + 1 + childOffset + index, to: pos + 1 + childOffset + index + text.length };
        });
        return false;
      });
      if (!range) return false;
      const { from, to } = range;
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
      return true;
    },
  };
  return {
    noteDocChange() {
      if (keyAt < 0) return;
      const start = keyAt;
      keyAt = -1;
      requestAnimationFrame(() => {
        pending.push(start);
        channel.port2.postMessage(null);
      });
    },
  };
}
