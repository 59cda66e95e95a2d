// Function code written in a template (SAM `InlineCode`, CloudFormation `Code.ZipFile`): its text, and where each of
// its lines is written, so the analysis reads it like a file and its findings point at the template's lines.
import path from 'node:path';
import type { Location } from '../../model/location.js';
import { locationOfValue } from '../../model/positions.js';
import type { InlineCode, Located } from '../../model/project.js';
import { isIntrinsic } from '../../model/values.js';
import type { ManifestContext } from './context.js';

/** A run of the code's text and where it is written (a whole string, or one part of a Fn::Join). */
interface Piece {
  text: string;
  location: Location;
}

/**
 * The inline code of `logicalId`, or undefined when its text is not known before deployment (a Fn::Sub that fills in
 * values, a Fn::Join of intrinsics) or is not for Node.js or Python.
 */
export function readInlineCode(ctx: ManifestContext, logicalId: string, runtime: unknown, written: Located): InlineCode | undefined {
  const extension = typeof runtime !== 'string' || runtime.startsWith('nodejs') ? 'js' : runtime.startsWith('python') ? 'py' : undefined;
  if (extension === undefined) return undefined;
  const pieces = piecesOf(written.value, written.location);
  if (!pieces) return undefined;
  let rawLines: string[] | undefined;
  const raw = (): string[] => {
    if (rawLines === undefined) {
      const read = ctx.readFile(path.posix.basename(ctx.file));
      rawLines = read.ok ? read.text.split('\n').map((line) => line.replace(/\r$/, '')) : [];
    }
    return rawLines;
  };
  const text = pieces.map((piece) => piece.text).join('');
  if (text.trim() === '') return undefined;
  // Each line of the code is placed where its first character is written (an empty line: where its line break is).
  const lines: InlineCode['lines'] = [];
  let piece = 0;
  let pieceStart = 0;
  let placed = placeLines(pieces[0]!, raw);
  // Line breaks of the current piece before `scanned`: every character is looked at once.
  let lineInPiece = 0;
  let scanned = 0;
  for (let lineStart = 0; ; ) {
    // An empty Fn::Join part is the line that starts where it is.
    const length = (): number => pieces[piece]!.text.length;
    while (piece < pieces.length - 1 && (lineStart > pieceStart + length() || (lineStart === pieceStart + length() && length() > 0))) {
      pieceStart += pieces[piece]!.text.length;
      piece += 1;
      placed = placeLines(pieces[piece]!, raw);
      lineInPiece = 0;
      scanned = 0;
    }
    for (; scanned < lineStart - pieceStart; scanned += 1) if (text.charCodeAt(pieceStart + scanned) === 10) lineInPiece += 1;
    lines.push(placed[lineInPiece]!);
    const next = text.indexOf('\n', lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  return { file: `${ctx.file}#${logicalId}/index.${extension}`, manifest: ctx.file, text, lines, location: written.location };
}

/** The code as text pieces: a string, a Fn::Sub with nothing to fill in, or a Fn::Join of strings. */
function piecesOf(value: unknown, location: Location): Piece[] | undefined {
  if (typeof value === 'string') return [{ text: value, location }];
  if (!isIntrinsic(value)) return undefined;
  const sub = value['Fn::Sub'];
  if (sub !== undefined) {
    const template = typeof sub === 'string' ? sub : Array.isArray(sub) && sub.length === 1 && typeof sub[0] === 'string' ? sub[0] : undefined;
    // `${Table}` becomes a value only CloudFormation knows: the code the function runs is not this text.
    if (template === undefined || /\$\{(?!!)/.test(template)) return undefined;
    return [{ text: template.replace(/\$\{!/g, '${'), location: locationOfValue(value, 'Fn::Sub') ?? location }];
  }
  const join = value['Fn::Join'];
  if (!Array.isArray(join) || join.length !== 2 || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  const [separator, parts] = join as [string, unknown[]];
  if (!parts.every((part): part is string => typeof part === 'string')) return undefined;
  const separatorAt = locationOfValue(join, 0) ?? location;
  const pieces: Piece[] = [];
  parts.forEach((part, index) => {
    if (index > 0 && separator !== '') pieces.push({ text: separator, location: separatorAt });
    pieces.push({ text: part, location: locationOfValue(parts, index) ?? location });
  });
  return pieces;
}

/**
 * Where each line of a piece is written. A YAML literal block (`|`) keeps the code's characters where they are, one
 * indentation further in: each line maps exactly. Any other form (quoted, JSON, folded) maps every line to the start
 * of the value.
 */
function placeLines(piece: Piece, raw: () => string[]): InlineCode['lines'] {
  const codeLines = piece.text.split('\n');
  const literal = literalBlockIndent(piece, codeLines, raw());
  if (literal !== undefined) return codeLines.map((_, index) => ({ line: piece.location.line + 1 + index, column: literal, exact: true }));
  return codeLines.map(() => ({ line: piece.location.line, column: piece.location.column - 1, exact: false }));
}

/** The indentation of a literal block whose lines are the code's lines, or undefined when the value is not one. */
function literalBlockIndent(piece: Piece, codeLines: string[], rawLines: string[]): number | undefined {
  const header = rawLines[piece.location.line - 1]?.slice(piece.location.column - 1);
  // `|`, `|-`, `|+`, then spaces or a comment; an explicit indentation indicator (`|2`) is left to the fallback.
  if (header === undefined || !/^\|[+-]?\s*(#.*)?$/.test(header)) return undefined;
  const first = piece.location.line; // 0-based index of the line after the header
  const content = rawLines.slice(first, first + codeLines.length);
  const firstText = content.find((line) => line.trim() !== '');
  if (firstText === undefined) return undefined;
  const indent = firstText.length - firstText.trimStart().length;
  const matches = codeLines.every((code, index) => {
    // The line break that ends the block (clip chomping) leaves an empty last line with nothing written for it.
    if (index === codeLines.length - 1 && code === '') return true;
    const written = content[index];
    if (written === undefined) return false;
    return written.slice(indent) === code && (written.slice(0, indent).trim() === '' || code === '') || (code === '' && written.trim() === '');
  });
  return matches ? indent : undefined;
}
