// Reads a file the configuration or the command line names (configuration, baseline, rule files): a regular file
// inside the project root after following links, size-capped before it is read, UTF-8 text.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TextFile } from './files.js';

export interface ConfinedReadOptions {
  /** The project root (absolute). */
  root: string;
  /** Larger files are refused before any byte is read. */
  maxBytes: number;
  /**
   * A path the user typed outside the project (`--baseline /tmp/b.json`) is theirs to choose and may be read; a path
   * inside the project, or any path the project's own files name, must stay inside it after following links.
   */
  allowOutside?: boolean;
}

/** Where a path really is: its real path when it stays inside the root (or may leave it), else why not. */
export function confinedRealPath(absolute: string, root: string, allowOutside = false): { ok: true; real: string } | { ok: false; reason: string } {
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch {
    return { ok: false, reason: 'it does not exist or is a broken link' };
  }
  if (allowOutside && !isInside(path.resolve(root), path.resolve(absolute))) return { ok: true, real };
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    realRoot = path.resolve(root);
  }
  if (!isInside(realRoot, real)) return { ok: false, reason: 'it is outside the project root (after following symbolic links)' };
  return { ok: true, real };
}

/**
 * Reads `absolute` as UTF-8 text. Refused with a reason, and never opened: a path out of the root, anything but a
 * regular file (`/dev/zero`, a named pipe, a folder), a file over `maxBytes`; read but refused: NUL bytes, bad UTF-8.
 * `/proc` files report size 0, so at most `maxBytes` + 1 bytes are ever read.
 */
export function readConfinedText(absolute: string, options: ConfinedReadOptions): TextFile {
  const where = confinedRealPath(absolute, options.root, options.allowOutside);
  if (!where.ok) return where;
  try {
    if (!statSync(where.real).isFile()) return { ok: false, reason: 'it is not a regular file' };
  } catch (error) {
    return { ok: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let fd: number;
  try {
    fd = openSync(where.real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: `it cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'it is not a regular file' };
    if (stats.size > options.maxBytes) return { ok: false, reason: tooLarge(options.maxBytes) };
    // Read in chunks up to one byte past the limit: the size fstat gives is 0 for /proc files.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= options.maxBytes) {
      const chunk = Buffer.alloc(Math.min(Math.max(stats.size - length, 64 * 1024), options.maxBytes + 1 - length));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
    }
    if (length > options.maxBytes) return { ok: false, reason: tooLarge(options.maxBytes) };
    const bytes = Buffer.concat(chunks, length);
    if (bytes.includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes)' };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), file: absolute };
    } catch {
      return { ok: false, reason: 'it is not valid UTF-8' };
    }
  } catch (error) {
    return { ok: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(maxBytes: number): string {
  return maxBytes >= 1024 * 1024 ? `it is larger than ${maxBytes / 1024 / 1024} MiB` : `it is larger than ${Math.round(maxBytes / 1024)} KB`;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
