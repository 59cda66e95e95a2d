// Text splices: the only way a fix changes a file, so every byte outside them stays as it was.

export interface Splice {
  /** Offsets in the file's text (after a byte-order mark). */
  start: number;
  end: number;
  text: string;
}

/** The first splice that overlaps the one before it (in offset order), or undefined. */
export function overlap(splices: readonly Splice[]): Splice | undefined {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.find((splice, i) => i > 0 && splice.start < sorted[i - 1]!.end);
}

/** Applies non-overlapping splices; throws (a programming error) when two overlap. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const splice of sorted) {
    if (splice.start < at) throw new Error(`overlapping edits at offset ${splice.start}`);
    out += text.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return out + text.slice(at);
}
