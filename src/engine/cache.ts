// The --cache file: each candidate file's findings, reused while the tool, the settings and every file its analysis read
// are unchanged, and only when this machine wrote them (a secret outside the project signs the file).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProjectFiles } from '../load/files.js';
import { writeOutputFile } from '../util/output-file.js';
import type { Finding } from '../model/finding.js';
import type { UnitResult } from './unit.js';

/** Bumped when the file's shape changes; any other format is ignored and rewritten. */
const FORMAT = 'noops-lint-cache/3';
/** The file written inside a folder given as --cache-location (and inside the default folder). */
export const CACHE_FILE_NAME = 'lint-cache.json';
/** The cache file at the project root when the project has no node_modules folder (ESLint: .eslintcache). */
export const ROOT_CACHE_FILE = '.noops-lint-cache';
/** Where the signing secret lives, under the user's cache folder (never in a project). */
const SECRET_FILE = path.join('noops-lint', 'cache-secret');

/** Where the cache is and what signs it. */
export interface CacheSettings {
  /** A cache file, or a folder (existing, or written with a trailing separator) that holds CACHE_FILE_NAME. */
  location: string;
  /** The location as the user wrote it, for messages. */
  display: string;
  /** The project root: no part of the path below it may be a symbolic link. */
  root: string;
  /** This machine's secret (loadCacheSecret): a file committed to the project cannot carry a valid signature. */
  secret: Uint8Array;
}

/** The header line of the file: everything after it is the entries' JSON, signed as it is written. */
interface CacheHeader {
  format: typeof FORMAT;
  /** Hash of the tool build and the run's settings: a different key means none of the entries apply. */
  key: string;
  /** HMAC-SHA256 over the key and the entries' text, with this machine's secret. */
  signature: string;
}

/**
 * The default location: node_modules/.cache/noops-lint/ under the project root, as ESLint's and Babel's caches,
 * when node_modules is a real folder; else the file .noops-lint-cache at the root (ESLint: .eslintcache), so
 * --cache never creates node_modules and never follows a node_modules link out of the project.
 */
export function defaultCacheLocation(root: string): string {
  let current = root;
  for (const part of ['node_modules', '.cache', 'noops-lint']) {
    current = path.join(current, part);
    let stats;
    try {
      stats = lstatSync(current);
    } catch {
      if (part === 'node_modules') return path.join(root, ROOT_CACHE_FILE);
      break;
    }
    if (!stats.isDirectory()) return path.join(root, ROOT_CACHE_FILE);
  }
  return `${path.join(root, 'node_modules', '.cache', 'noops-lint')}${path.sep}`;
}

/** A folder (existing, or written with a trailing slash) holds the cache file; anything else is the file itself. */
export function cacheFilePath(location: string): string {
  if (/[\\/]$/.test(location)) return path.join(location, CACHE_FILE_NAME);
  try {
    if (statSync(location).isDirectory()) return path.join(location, CACHE_FILE_NAME);
  } catch {
    // Does not exist yet: a file, unless it is the default folder.
  }
  return location;
}

/** The user's cache folder: $XDG_CACHE_HOME, %LOCALAPPDATA% on Windows, else ~/.cache. */
export function userCacheFolder(env: Record<string, string | undefined>): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return env.XDG_CACHE_HOME;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return path.join(env.HOME || os.homedir(), '.cache');
}

/**
 * This machine's cache secret, created on first use (32 random bytes, readable by the user only). A cache file is
 * used only with a valid signature from it, so a cache committed to the repository is ignored.
 */
export function loadCacheSecret(env: Record<string, string | undefined>): { ok: true; secret: Uint8Array } | { ok: false; reason: string } {
  const file = path.join(userCacheFolder(env), SECRET_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = readFileSync(file, 'utf8').trim();
      if (/^[0-9a-f]{64}$/.test(text)) return { ok: true, secret: Buffer.from(text, 'hex') };
      return { ok: false, reason: `${file} is not a noops-lint cache secret; delete it` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, reason: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      // Another run created it first: read that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, reason: `cannot create ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  }
  return { ok: false, reason: `cannot read ${file}` };
}

/** What a file looks like now: the hash of its text, or why it cannot be read (missing, binary, outside the root). */
export function fileFingerprint(files: ProjectFiles, rel: string): string {
  const read = files.read(rel);
  return read.ok ? createHash('sha1').update(read.text).digest('base64') : `!${read.reason}`;
}

function sign(secret: Uint8Array, key: string, entries: string): string {
  return createHmac('sha256', secret).update(key).update('\n').update(entries).digest('base64');
}

function signatureMatches(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class LintCache {
  private readonly entries: Record<string, UnitResult>;
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly settings: CacheSettings,
    private readonly key: string,
    entries: Record<string, UnitResult>,
    stale: boolean,
  ) {
    this.entries = entries;
    this.changed = stale;
  }

  /**
   * Opens the cache; a missing, unreadable, corrupt, unsigned or foreign file (signed with another secret, as one
   * committed to the repository is), or another key, is an empty cache.
   */
  static open(settings: CacheSettings, key: string): LintCache {
    const file = cacheFilePath(settings.location);
    const empty = () => new LintCache(file, settings, key, Object.create(null) as Record<string, UnitResult>, true);
    let text: string;
    try {
      // A link is never read either: the file is this tool's own, written as a regular file.
      if (!lstatSync(file).isFile()) return empty();
      text = readFileSync(file, 'utf8');
    } catch {
      return empty();
    }
    const newline = text.indexOf('\n');
    if (newline < 0) return empty();
    let header: Partial<CacheHeader>;
    let entries: unknown;
    try {
      header = JSON.parse(text.slice(0, newline)) as Partial<CacheHeader>;
      if (header?.format !== FORMAT || header.key !== key) return empty();
      const body = text.slice(newline + 1);
      if (!signatureMatches(sign(settings.secret, key, body), header.signature)) return empty();
      entries = JSON.parse(body);
    } catch {
      return empty();
    }
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return empty();
    return new LintCache(file, settings, key, Object.assign(Object.create(null), entries) as Record<string, UnitResult>, false);
  }

  /** The stored result when its shape is sound and every file it depends on still has the same fingerprint. */
  lookup(candidate: string, fingerprint: (rel: string) => string): UnitResult | undefined {
    const entry = this.entries[candidate];
    if (!entry || !isUnitResult(entry) || entry.candidate !== candidate) return undefined;
    for (const [rel, print] of Object.entries(entry.dependencies!)) {
      if (fingerprint(rel) !== print) return undefined;
    }
    return entry;
  }

  store(candidate: string, result: UnitResult): void {
    this.entries[candidate] = result;
    this.changed = true;
  }

  /** Writes the file whole (a temporary file renamed into place), never through a link; throws OutputFileError. */
  save(): void {
    if (!this.changed) return;
    const body = JSON.stringify(this.entries);
    const header: CacheHeader = { format: FORMAT, key: this.key, signature: sign(this.settings.secret, this.key, body) };
    writeOutputFile({ file: this.file, purpose: 'cache', display: this.settings.display, root: this.settings.root }, `${JSON.stringify(header)}\n${body}`);
    this.changed = false;
  }
}

const SEVERITIES = new Set(['error', 'warning', 'note']);

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isLocation(value: unknown): boolean {
  return isObject(value) && isString(value.file) && isPosition(value.line) && isPosition(value.column) && isPosition(value.endLine) && isPosition(value.endColumn);
}

/** Every field a reporter reads, with its type, so a damaged entry is a miss and never reaches a report. */
function isFinding(value: unknown): value is Finding {
  return (
    isObject(value) &&
    isString(value.ruleId) &&
    SEVERITIES.has(value.severity as string) &&
    isString(value.message) &&
    isString(value.key) &&
    isLocation(value.location) &&
    (value.function === undefined || isString(value.function)) &&
    (value.actions === undefined || (isObject(value.actions) && Object.values(value.actions).every(isStringArray))) &&
    Array.isArray(value.related) &&
    value.related.every((r) => isObject(r) && isString(r.message) && isLocation(r.location))
  );
}

/** The whole entry's shape; a damaged entry is a miss. */
function isUnitResult(value: unknown): value is UnitResult {
  if (!isObject(value)) return false;
  return (
    isString(value.candidate) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding) &&
    isStringArray(value.files) &&
    isStringArray(value.sourceFiles) &&
    (value.directiveFiles === undefined || isStringArray(value.directiveFiles)) &&
    isStringArray(value.services) &&
    Array.isArray(value.functions) &&
    value.functions.every((f) => isObject(f) && isString(f.service) && isString(f.name)) &&
    isObject(value.metadata) &&
    Array.isArray(value.metadata.suppressions) &&
    Array.isArray(value.metadata.problems) &&
    value.metadata.problems.every(isFinding) &&
    isObject(value.dependencies) &&
    Object.values(value.dependencies).every(isString)
  );
}
