/**
 * The index of the line holding `offset`, given the offsets at which lines start (ascending, the first 0): a binary
 * search, for texts with many lines.
 */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
