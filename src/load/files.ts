// Reads files confined to the project root: no path may leave it (.., absolute paths, symlinks out),
// and binary, oversized or non-UTF-8 files are refused with a reason.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';

export const FILE_LIMITS = {
  /**
   * Manifests and source files larger than this are skipped. CloudFormation itself refuses templates over
   * 1 MB, and a file twice that size already takes seconds to parse and analyse on a small CI runner.
   */
  maxFileBytes: 2 * 1024 * 1024,
};

/** `bom`: the file starts with a UTF-8 byte-order mark, which `text` leaves out (a fix writes it back). */
export type TextFile = { ok: true; text: string; file: string; bom?: true } | { ok: false; reason: string };

/** What a folder entry is, as its folder listing says (a symbolic link is not followed). */
export type EntryKind = 'file' | 'dir' | 'link' | 'other';

/** One folder's entries: exact names with their kind, and the lower-cased names for case-insensitive file systems. */
interface Listing {
  kinds: Map<string, EntryKind>;
  lower: Set<string>;
  /** Entries whose names are not valid UTF-8, shown with their odd bytes escaped (`evil-\xff`): they cannot be named in a path. */
  undecodable: Array<[string, EntryKind]>;
}

/**
 * True for a path inside a `.git` folder (or a `.git` file), at any depth and in any case: it holds the
 * repository's configuration, where CI checkouts keep their credentials (`http.<url>.extraheader`), and is
 * never read, whatever a manifest, an import or a symbolic link asks for.
 */
export function isGitPath(rel: string): boolean {
  // Windows drops trailing dots and spaces from names: `.git.` opens `.git`.
  return rel.split(/[\\/]/).some((part) => part.toLowerCase().replace(/[. ]+$/, '') === '.git');
}

export const GIT_REFUSAL = "it is inside the repository's .git folder, which noops-lint never reads";

/** O_NOFOLLOW where the platform has it: a plain path read without realpath must not turn into a link meanwhile. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export class ProjectFiles {
  private readonly realRoot: string;
  private readonly cache = new Map<string, TextFile>();
  private readonly isFileCache = new Map<string, boolean>();
  /** Each root-relative folder's entries (null: it cannot be listed). */
  private readonly listings = new Map<string, Listing | null>();
  /** Paths read or probed since `startRecording`, so a cache can tell which files a result depends on. */
  private recorded: Set<string> | undefined;

  constructor(readonly root: string) {
    this.realRoot = safeRealpath(root) ?? root;
  }

  /** Root-relative posix path of an absolute path, or undefined when it is outside the root. */
  relative(absolute: string): string | undefined {
    const rel = path.relative(this.root, absolute);
    if (rel === '') return '';
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  /**
   * Joins a path written in a manifest or import (relative to `fromDir`, root-relative) and returns the
   * root-relative result, or undefined when it leaves the root or is absolute.
   */
  resolve(fromDir: string, written: string): string | undefined {
    if (written.includes('\0')) return undefined;
    if (path.posix.isAbsolute(written) || path.win32.isAbsolute(written)) return undefined;
    const joined = path.posix.normalize(path.posix.join(fromDir || '.', written.replace(/\\/g, '/')));
    if (joined === '..' || joined.startsWith('../')) return undefined;
    return joined === '.' ? '' : joined.replace(/\/$/, '');
  }

  absolute(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /** Starts collecting every path read or probed (reads served from memory included); returns the live set. */
  startRecording(): Set<string> {
    this.recorded = new Set();
    return this.recorded;
  }

  stopRecording(): void {
    this.recorded = undefined;
  }

  /** True when `rel` exists as a file inside the root (after following symlinks); asked once per path per run. */
  isFile(rel: string): boolean {
    this.recorded?.add(rel);
    let known = this.isFileCache.get(rel);
    if (known === undefined) {
      known = this.isFileUncached(rel);
      this.isFileCache.set(rel, known);
    }
    return known;
  }

  private isFileUncached(rel: string): boolean {
    if (isGitPath(rel) || this.isSurelyMissing(rel)) return false;
    const plain = this.plainKind(rel);
    if (plain !== undefined) return plain === 'file';
    const abs = this.absolute(rel);
    const real = safeRealpath(abs);
    if (!real || !this.isInsideRoot(real) || this.isGitReal(real)) return false;
    try {
      return statSync(real).isFile();
    } catch {
      return false;
    }
  }

  /**
   * The sorted entries of a root-relative folder with their kinds (links not followed), or undefined when it
   * cannot be listed. Listings are read once per run and shared with module resolution.
   */
  entries(dir: string): Array<[string, EntryKind]> | undefined {
    const listing = this.listing(dir);
    if (!listing) return undefined;
    return [...listing.kinds].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The entries of a root-relative folder whose names are not valid UTF-8 (escaped for display), sorted. */
  undecodableEntries(dir: string): Array<[string, EntryKind]> {
    return [...(this.listing(dir)?.undecodable ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  private listing(dir: string): Listing | null {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      try {
        const kinds = new Map<string, EntryKind>();
        const undecodable: Array<[string, EntryKind]> = [];
        // Names as bytes: a name that is not UTF-8 would otherwise be decoded to a different, non-existent name and vanish.
        for (const entry of readdirSync(this.absolute(dir), { withFileTypes: true, encoding: 'buffer' })) {
          const raw = entry.name as unknown as Buffer;
          if (isUtf8(raw)) kinds.set(raw.toString('utf8'), kindOf(entry));
          else undecodable.push([escapeBytes(raw), kindOf(entry)]);
        }
        listing = { kinds, lower: new Set([...kinds.keys()].map((name) => name.toLowerCase())), undecodable };
      } catch (error) {
        // A folder that does not exist holds nothing; any other failure is left to the slow path to explain.
        const code = (error as NodeJS.ErrnoException).code;
        listing = code === 'ENOENT' || code === 'ENOTDIR' ? { kinds: new Map(), lower: new Set(), undecodable: [] } : null;
      }
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /**
   * The kind of `rel` when every part of its path, from the root down, is a plain folder entry spelt exactly so
   * and none is a symbolic link: then it is inside the root without asking realpath. Undefined sends the caller
   * the slow way (links, case differences, unlistable folders).
   */
  private plainKind(rel: string): EntryKind | undefined {
    if (rel === '') return undefined;
    let dir = '';
    let start = 0;
    for (;;) {
      const slash = rel.indexOf('/', start);
      const name = slash < 0 ? rel.slice(start) : rel.slice(start, slash);
      if (name === '' || name === '.' || name === '..') return undefined;
      const kind = this.listing(dir)?.kinds.get(name);
      if (kind === undefined || kind === 'link') return undefined;
      if (slash < 0) return kind;
      if (kind !== 'dir') return undefined;
      dir = rel.slice(0, slash);
      start = slash + 1;
    }
  }

  isInsideRoot(realAbsolute: string): boolean {
    const rel = path.relative(this.realRoot, realAbsolute);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /** A real path (symbolic links followed) that lies in the root's `.git` folder or another one below the root. */
  private isGitReal(realAbsolute: string): boolean {
    return isGitPath(path.relative(this.realRoot, realAbsolute));
  }

  /** Reads a root-relative file as UTF-8 text, once per run. */
  read(rel: string): TextFile {
    this.recorded?.add(rel);
    const cached = this.cache.get(rel);
    if (cached) return cached;
    const result = this.readUncached(rel);
    this.cache.set(rel, result);
    return result;
  }

  /**
   * Module resolution probes many names that do not exist (`./db` as db.ts, db.tsx, db.js, db/index.ts, ...);
   * a failed realpath costs a thrown error each. One listing per folder answers those; a name that differs
   * only in case still takes the slow path, for case-insensitive file systems.
   */
  private isSurelyMissing(rel: string): boolean {
    const slash = rel.lastIndexOf('/');
    const dir = slash < 0 ? '' : rel.slice(0, slash);
    const name = rel.slice(slash + 1);
    if (name === '' || name === '.' || name === '..' || dir.split('/').includes('..')) return false;
    const listing = this.listing(dir);
    return listing !== null && !listing.lower.has(name.toLowerCase());
  }

  private readUncached(rel: string): TextFile {
    if (isGitPath(rel)) return { ok: false, reason: GIT_REFUSAL };
    if (this.isSurelyMissing(rel)) return { ok: false, reason: 'it does not exist or is a broken link' };
    const abs = this.absolute(rel);
    let fd: number | undefined;
    if (this.plainKind(rel) === 'file') {
      try {
        fd = openSync(abs, constants.O_RDONLY | NO_FOLLOW);
      } catch {
        fd = undefined; // changed since it was listed: take the slow way
      }
    }
    if (fd === undefined) {
      const real = safeRealpath(abs);
      if (!real) return { ok: false, reason: 'it does not exist or is a broken link' };
      if (!this.isInsideRoot(real)) return { ok: false, reason: 'it resolves to a path outside the project root' };
      if (this.isGitReal(real)) return { ok: false, reason: GIT_REFUSAL };
      try {
        fd = openSync(real, 'r');
      } catch (error) {
        return { ok: false, reason: `it cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
      }
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, reason: 'it is not a regular file' };
      if (stat.size > FILE_LIMITS.maxFileBytes) {
        return { ok: false, reason: `it is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MiB (${(stat.size / 1024 / 1024).toFixed(1)} MiB)` };
      }
      const buffer = Buffer.alloc(stat.size);
      let offset = 0;
      while (offset < stat.size) {
        const n = readSync(fd, buffer, offset, stat.size - offset, offset);
        if (n === 0) break;
        offset += n;
      }
      const bytes = buffer.subarray(0, offset);
      if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes)' };
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? { ok: true, text, file: rel, bom: true } : { ok: true, text, file: rel };
      } catch {
        return { ok: false, reason: 'it is not valid UTF-8' };
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** Printable ASCII as it is, every other byte as `\xNN`. */
function escapeBytes(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  return text;
}

function kindOf(entry: Dirent<Buffer> | Dirent): EntryKind {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  return 'other';
}

function safeRealpath(p: string): string | undefined {
  try {
    // The native call is one syscall; the JavaScript one lstat()s every path component (a third of the file time).
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}
