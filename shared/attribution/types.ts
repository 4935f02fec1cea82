/** Who made a change and when: what a tracked change in Word is signed with. */
export interface Stamp {
  /** The signer as readers know it: a delegation code ("FR"), "Chair", "Secretariat", an issuing body. */
  author: string;
  /** Epoch milliseconds. */
  time: number;
}

/**
 * Who wrote and who deleted each character of a text, by where the character sits in its document:
 * the textblock ordinal (document order, as `textblockOrdinals` counts) and the content offset.
 * Bracket markers ("[" "]") are signed by whoever opened the bracket.
 */
export interface TextAuthorship {
  /** Who wrote the character, when known. */
  written(block: number, offset: number): Stamp | undefined;
  /** Who deleted the character (when it is gone from the later text), when known. */
  deleted(block: number, offset: number): Stamp | undefined;
  /** For the later text: who opened the bracket `id`; for the older text: who removed it (when known). */
  bracket(id: string): Stamp | undefined;
}

/** The later of two stamps (the last author of a piece written by several). */
export function laterStamp(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.time >= a.time ? b : a;
}
