// How source analysis reads handler code: root-relative paths only, through a reader that refuses to leave the root.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InlineCode, Project } from '../model/project.js';

/** `inline`: the text is code written in a manifest, and locations in it are placed where it is written there. */
export type SourceReadResult = { ok: true; text: string; inline?: InlineCode } | { ok: false; reason: string };

export interface SourceReader {
  /** Reads a root-relative file (forward slashes); refuses paths outside the root, binary and oversized files. */
  read(rootRelativePath: string): SourceReadResult;
  /** True when the root-relative path is a regular file inside the root. */
  exists(rootRelativePath: string): boolean;
}

/** Normalises a root-relative path (`a/./b/../c` -> `a/c`); undefined when it climbs out of the root or is absolute. */
export function normaliseRootPath(rootRelativePath: string): string | undefined {
  if (rootRelativePath.includes('\0')) return undefined;
  const slashed = rootRelativePath.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return undefined;
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join('/');
}

const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** A plain file-system reader for tests and small tools; the CLI uses the confined file loader instead. */
export function createFsSourceReader(root: string): SourceReader {
  const realRoot = realpathSync(root);
  const inside = (rootRelativePath: string): string | undefined => {
    const normal = normaliseRootPath(rootRelativePath);
    if (normal === undefined || normal === '') return undefined;
    let real: string;
    try {
      real = realpathSync(path.join(realRoot, normal));
    } catch {
      return undefined;
    }
    // A symlink may still point out of the root.
    const relative = path.relative(realRoot, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return real;
  };
  return {
    exists(rootRelativePath) {
      const real = inside(rootRelativePath);
      if (real === undefined) return false;
      try {
        return statSync(real).isFile();
      } catch {
        return false;
      }
    },
    read(rootRelativePath) {
      if (normaliseRootPath(rootRelativePath) === undefined) return { ok: false, reason: 'the path leaves the project root' };
      const real = inside(rootRelativePath);
      if (real === undefined) return { ok: false, reason: 'the file does not exist inside the project root' };
      try {
        const stat = statSync(real);
        if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
        if (stat.size > MAX_SOURCE_BYTES) return { ok: false, reason: `larger than ${MAX_SOURCE_BYTES} bytes` };
        const buffer = readFileSync(real);
        if (buffer.includes(0)) return { ok: false, reason: 'a binary file' };
        return { ok: true, text: buffer.toString('utf8') };
      } catch (error) {
        return { ok: false, reason: String((error as Error).message ?? error) };
      }
    },
  };
}

/** `reader`, plus the code functions carry in their manifest (SAM InlineCode, Code.ZipFile) under its own names. */
export function withInlineCode(project: Project, reader: SourceReader): SourceReader {
  const inline = new Map<string, InlineCode>();
  for (const fn of project.functions) if (fn.inlineCode) inline.set(fn.inlineCode.file, fn.inlineCode);
  if (inline.size === 0) return reader;
  return {
    read(rootRelativePath) {
      const code = inline.get(rootRelativePath);
      return code ? { ok: true, text: code.text, inline: code } : reader.read(rootRelativePath);
    },
    exists: (rootRelativePath) => inline.has(rootRelativePath) || reader.exists(rootRelativePath),
  };
}
