// File arguments as a scope, not as the unit of analysis: each file's owning service is analysed whole,
// and only findings whose primary or related location is in a given file (or below a given folder) are kept.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { classifyManifest, mayBeManifest } from '../load/classify.js';
import type { ProjectFiles } from '../load/files.js';
import { parseYaml } from '../load/yaml.js';
import type { Finding } from '../model/finding.js';

/** Files whose change can change a finding: manifests, handler and helper sources, Dockerfiles. */
const RELEVANT = /\.(ya?ml|json|[cm]?[jt]sx?|py)$|(^|\/)Dockerfile[^/]*$/i;
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export interface Scope {
  /** Root-relative paths to analyse ('' = the whole root), sorted. */
  analyse: string[];
  /** Root-relative files findings must touch; undefined = report everything analysed. */
  files?: Set<string>;
  /** Root-relative folders whose findings are all reported ('' = the root). */
  folders: string[];
}

/**
 * Splits the user's paths into folders (analysed and reported whole) and files (analysed through the
 * services that own them, reported only where findings touch them).
 */
export function resolveScope(projectFiles: ProjectFiles, paths: readonly string[]): Scope {
  const folders: string[] = [];
  const files: string[] = [];
  for (const rel of paths) {
    if (isDirectory(projectFiles.absolute(rel))) folders.push(rel);
    else files.push(rel);
  }
  if (files.length === 0) return { analyse: unique(folders), folders: unique(folders) };
  const analyse = new Set(folders);
  const owners = new ManifestOwners(projectFiles);
  for (const file of files) {
    if (!exists(projectFiles.absolute(file))) {
      // A deleted file still names its service; a typo is reported by discovery as a missing path.
      analyse.add(file);
    }
    if (!RELEVANT.test(file)) continue;
    const manifests = owners.of(file);
    if (manifests === undefined) analyse.add('');
    else for (const manifest of manifests) analyse.add(manifest);
  }
  return { analyse: collapse([...analyse]), files: new Set(files), folders: unique(folders) };
}

export function isInScope(file: string, scope: Pick<Scope, 'files' | 'folders'>): boolean {
  if (scope.files === undefined) return true;
  if (scope.files.has(file)) return true;
  return scope.folders.some((folder) => folder === '' || file === folder || file.startsWith(`${folder}/`));
}

/** Keeps findings whose primary or related location is in scope: a handler change surfaces the statement that grants it. */
export function filterToScope<T extends Pick<Finding, 'location' | 'related'>>(findings: readonly T[], scope: Pick<Scope, 'files' | 'folders'>): T[] {
  if (scope.files === undefined) return [...findings];
  return findings.filter((f) => isInScope(f.location.file, scope) || f.related.some((r) => isInScope(r.location.file, scope)));
}

/** Finds, per file, the manifests of the nearest folder at or above it that has any (not above the root). */
export class ManifestOwners {
  private readonly byDir = new Map<string, string[]>();

  constructor(private readonly files: ProjectFiles) {}

  /** The owning manifests of a root-relative file; the file itself when it is a manifest; undefined when none. */
  of(file: string): string[] | undefined {
    if (MANIFEST_FILE.test(file) && this.isManifest(file)) return [file];
    let dir = path.posix.dirname(file);
    if (dir === '.') dir = '';
    for (;;) {
      const found = this.manifestsIn(dir);
      if (found.length > 0) return found;
      if (dir === '') return undefined;
      const parent = path.posix.dirname(dir);
      dir = parent === '.' ? '' : parent;
    }
  }

  private manifestsIn(dir: string): string[] {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let names: string[] = [];
    try {
      names = readdirSync(this.files.absolute(dir)).sort();
    } catch {
      names = [];
    }
    const found = names.map((name) => (dir ? `${dir}/${name}` : name)).filter((rel) => MANIFEST_FILE.test(rel) && this.isManifest(rel));
    this.byDir.set(dir, found);
    return found;
  }

  private isManifest(rel: string): boolean {
    const text = this.files.read(rel);
    if (!text.ok || !mayBeManifest(rel, text.text)) return false;
    const parsed = parseYaml(text.text, rel);
    return parsed.ok && classifyManifest(rel, parsed.value) !== undefined;
  }
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function exists(abs: string): boolean {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** Drops paths already covered by an enclosing folder being analysed. */
function collapse(paths: string[]): string[] {
  const sorted = unique(paths);
  if (sorted.includes('')) return [''];
  return sorted.filter((p) => !sorted.some((other) => other !== p && isDirectoryPrefix(other, p)));
}

function isDirectoryPrefix(folder: string, file: string): boolean {
  return file.startsWith(`${folder}/`);
}
