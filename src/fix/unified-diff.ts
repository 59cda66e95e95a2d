// A unified diff of a file before and after a fix (`noops-lint fix --dry-run`), computed around the spliced regions.
import type { Splice } from './splice.js';
import { lineIndexAt } from '../util/line-index.js';

interface Region {
  /** Lines of the old text [oldStart, oldEnd) replaced by lines of the new text [newStart, newEnd). */
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

const CONTEXT = 3;

/** Splits text into lines keeping each line's ending, so CRLF and a missing final newline survive. */
function linesOf(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return lines;
}

function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length;
  }
  starts.push(at);
  return starts;
}

/** The unified diff of `before` → `after`, given the splices (sorted, non-overlapping) that made `after`. */
export function unifiedDiff(file: string, before: string, after: string, splices: readonly Splice[]): string {
  if (before === after) return '';
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  const oldStarts = lineStarts(oldLines);
  const newStarts = lineStarts(newLines);
  // Each splice covers whole lines of the old text; the same lines, shifted, in the new text.
  const regions: Region[] = [];
  let shift = 0;
  for (const splice of [...splices].sort((a, b) => a.start - b.start || a.end - b.end)) {
    // The lines holding the splice's start and end: before and after it they are the same text in both files.
    const oldStart = lineIndexAt(oldStarts, splice.start);
    const oldEnd = Math.min(lineIndexAt(oldStarts, splice.end) + 1, oldLines.length);
    const newSpliceStart = splice.start + shift;
    const newSpliceEnd = newSpliceStart + splice.text.length;
    shift += splice.text.length - (splice.end - splice.start);
    const newStart = lineIndexAt(newStarts, newSpliceStart);
    const newEnd = Math.min(lineIndexAt(newStarts, newSpliceEnd) + 1, newLines.length);
    const last = regions[regions.length - 1];
    if (last && oldStart <= last.oldEnd) {
      last.oldEnd = Math.max(last.oldEnd, oldEnd);
      last.newEnd = Math.max(last.newEnd, newEnd);
    } else regions.push({ oldStart, oldEnd: Math.max(oldEnd, oldStart), newStart, newEnd: Math.max(newEnd, newStart) });
  }
  // Line operations per region (an LCS of the region's lines), then hunks with context.
  type Op = { kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number };
  const ops: Op[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const region of regions) {
    while (oldAt < region.oldStart) ops.push({ kind: ' ', line: oldLines[oldAt]!, oldIndex: oldAt++, newIndex: newAt++ });
    newAt = region.newStart;
    ops.push(...lineOps(oldLines.slice(region.oldStart, region.oldEnd), newLines.slice(region.newStart, region.newEnd), region.oldStart, region.newStart));
    oldAt = region.oldEnd;
    newAt = region.newEnd;
  }
  while (oldAt < oldLines.length) ops.push({ kind: ' ', line: oldLines[oldAt]!, oldIndex: oldAt++, newIndex: newAt++ });

  const out: string[] = [`--- a/${file}\n`, `+++ b/${file}\n`];
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  let i = 0;
  while (i < changed.length) {
    let first = changed[i]!;
    let last = first;
    while (i + 1 < changed.length && changed[i + 1]! - last <= 2 * CONTEXT) last = changed[++i]!;
    i += 1;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    const slice = ops.slice(from, to);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const firstOld = slice.find((op) => op.kind !== '+');
    const firstNew = slice.find((op) => op.kind !== '-');
    const oldStart = oldCount === 0 ? (firstOld?.oldIndex ?? slice[0]!.oldIndex) : firstOld!.oldIndex + 1;
    const newStart = newCount === 0 ? (firstNew?.newIndex ?? slice[0]!.newIndex) : firstNew!.newIndex + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`);
    for (const op of slice) {
      const ending = op.line.endsWith('\n') ? '' : '\n\\ No newline at end of file\n';
      out.push(`${op.kind}${op.line}${ending}`);
    }
    first = last;
  }
  return out.join('');
}

/** The lines two small regions share (LCS), as keep/remove/add operations. */
function lineOps(a: string[], b: string[], oldBase: number, newBase: number): Array<{ kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number }> {
  const n = a.length;
  const m = b.length;
  const ops: Array<{ kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number }> = [];
  if (n * m > 4_000_000) {
    a.forEach((line, k) => ops.push({ kind: '-', line, oldIndex: oldBase + k, newIndex: newBase }));
    b.forEach((line, k) => ops.push({ kind: '+', line, oldIndex: oldBase + n, newIndex: newBase + k }));
    return ops;
  }
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]!, oldIndex: oldBase + i, newIndex: newBase + j });
      i += 1;
      j += 1;
    } else if (j < m && (i === n || table[i * (m + 1) + j + 1]! > table[(i + 1) * (m + 1) + j]!)) {
      ops.push({ kind: '+', line: b[j]!, oldIndex: oldBase + i, newIndex: newBase + j });
      j += 1;
    } else {
      ops.push({ kind: '-', line: a[i]!, oldIndex: oldBase + i, newIndex: newBase + j });
      i += 1;
    }
  }
  return ops;
}
