// The one way noops-lint writes a file (report, SARIF, baseline, cache, init): never through a symbolic link the
// checkout may hold, always whole (a temporary file renamed into place), missing folders created, failures as one message.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { quote } from './quote.js';

/** A file noops-lint cannot write: a usage error (exit 2) that names the path and why. */
export class OutputFileError extends Error {}

export interface OutputTarget {
  /** Absolute path of the file. */
  file: string;
  /** What the file is, for messages: `report`, `SARIF file`, `baseline`, `cache`. */
  purpose: string;
  /** The path as the user wrote it. */
  display: string;
  /**
   * The project root. Inside it every folder and file comes from the checkout (a pull request can commit a
   * symbolic link named `noops-lint.sarif` or `reports/`), so no part of the path below the root may be a link.
   */
  root: string;
}

/**
 * Checks that `target` can be written and creates its missing folders, before the analysis runs, so a mistyped
 * path costs no time. Throws OutputFileError.
 */
export function prepareOutputFile(target: OutputTarget): void {
  const file = path.resolve(target.file);
  if (isDeviceAlias(file)) return;
  const inside = isInside(target.root, file);
  const folder = path.dirname(file);
  try {
    if (inside) {
      let current = path.resolve(target.root);
      for (const part of path.relative(current, folder).split(path.sep).filter(Boolean)) {
        current = path.join(current, part);
        const stats = lstatOrUndefined(current);
        if (!stats) {
          mkdirSync(current);
          continue;
        }
        if (stats.isSymbolicLink()) throw refusal(target, `${quote(relativeTo(target.root, current))} is a symbolic link, and noops-lint never writes through a link in the project`);
        if (!stats.isDirectory()) throw refusal(target, `${quote(relativeTo(target.root, current))} is not a folder`);
      }
    } else {
      mkdirSync(folder, { recursive: true });
    }
  } catch (error) {
    if (error instanceof OutputFileError) throw error;
    throw refusal(target, reason(error));
  }
  checkExisting(target, file, inside);
}

/**
 * Writes `text` to `target`: into a new temporary file in the same folder (created exclusively, so it cannot be a
 * planted link), then renamed over the target, which replaces a link rather than following it. The target itself
 * must be absent or a regular file. A device given outside the project (`/dev/stdout`) is written directly.
 */
export function writeOutputFile(target: OutputTarget, text: string): void {
  const file = path.resolve(target.file);
  prepareOutputFile(target);
  if (isDeviceAlias(file) || isDeviceOutside(target, file)) {
    writeWhole(file, text, 'w');
    return;
  }
  const existing = lstatOrUndefined(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    writeWhole(temporary, text, 'wx');
    if (existing?.isFile()) chmodSync(temporary, existing.mode & 0o777);
    checkExisting(target, file, isInside(target.root, file));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof OutputFileError) throw error;
    throw refusal(target, reason(error));
  }
}

function checkExisting(target: OutputTarget, file: string, inside: boolean): void {
  const stats = lstatOrUndefined(file);
  if (!stats) return;
  if (stats.isSymbolicLink()) {
    // Outside the project the path is the user's own: a link to a device or pipe (/dev/stderr) is fine.
    if (!inside && isDevice(statOrUndefined(file))) return;
    throw refusal(target, 'it is a symbolic link, and noops-lint never writes through a link; delete it or choose another path');
  }
  if (stats.isDirectory()) throw refusal(target, 'it is a folder');
  if (!stats.isFile() && !(!inside && isDevice(stats))) throw refusal(target, 'it is not a regular file');
}

function isDeviceOutside(target: OutputTarget, file: string): boolean {
  return !isInside(target.root, file) && isDevice(statOrUndefined(file));
}

function isDevice(stats: Stats | undefined): boolean {
  return stats !== undefined && (stats.isCharacterDevice() || stats.isFIFO() || stats.isSocket());
}

/** `/dev/stdout`, `/dev/stderr`, `/dev/fd/1`: the shell's streams, which may be redirected to a regular file. */
function isDeviceAlias(file: string): boolean {
  return process.platform !== 'win32' && /^\/dev\/(?:stdout|stderr|fd\/\d+)$/.test(file);
}

function writeWhole(file: string, text: string, flags: 'w' | 'wx'): void {
  const fd = openSync(file, flags, 0o666);
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } finally {
    closeSync(fd);
  }
}

function refusal(target: OutputTarget, why: string): OutputFileError {
  return new OutputFileError(`Cannot write the ${target.purpose} ${quote(target.display)}: ${why}.`);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EEXIST':
      return 'a file appeared there while noops-lint was writing it';
    default:
      return String((error as Error).message);
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  return lstatSync(file, { throwIfNoEntry: false });
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    // A link loop or a folder that cannot be searched.
    return undefined;
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(path.resolve(root), file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
