/**
 * Server-side edits of one document, one at a time. A server edit reads the live text, computes
 * the next one and submits the difference; two of them computed from the same text would each
 * replace it, and their merge would hold both results (duplicated words, a resolution applied
 * twice). `EditQueue.run` starts each edit of a document only once the previous one is stored
 * and applied, in the order they were queued; edits of different documents run independently.
 */

/** Runs async tasks one at a time per document id, in call order. */
export class EditQueue {
  /** The settled-when-done tail of each document's queue (absent when idle). */
  private readonly tails = new Map<string, Promise<void>>();

  /** Run `edit` after every edit queued before it for `docId`; resolves or rejects as `edit` does. */
  run<T>(docId: string, edit: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(docId) ?? Promise.resolve();
    const result = previous.then(edit);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(docId, tail);
    void tail.then(() => {
      if (this.tails.get(docId) === tail) this.tails.delete(docId);
    });
    return result;
  }

  /** True when no edit of `docId` is queued or running. */
  idle(docId: string): boolean {
    return !this.tails.has(docId);
  }
}
