// Turns an import specifier into a project file or a package name: relative paths, index files and tsconfig `paths`/`baseUrl`.
import path from 'node:path';
import ts, { loadTypeScriptNow } from './typescript.js';
import { normaliseRootPath, type SourceReader } from './source-reader.js';
import { CODE_EXTENSIONS } from './source-files.js';
import { packageFolderCandidates, type PackageDirs } from './package-dirs.js';

export type Resolution =
  | { kind: 'file'; file: string }
  | { kind: 'package'; name: string }
  /** A project file that is not code (JSON, CSS): nothing to analyse. */
  | { kind: 'data'; file: string }
  | { kind: 'missing'; reason: string };

interface PathMapping {
  /** Root-relative folder that `paths` targets are relative to. */
  base: string;
  /** Root-relative `baseUrl`, when set: bare specifiers are also tried below it. */
  baseUrl?: string;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
}

const SOURCE_FOR_OUTPUT: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

export class ModuleResolver {
  private readonly tsconfigByDir = new Map<string, PathMapping | undefined>();
  private readonly resolved = new Map<string, Resolution>();
  private packageDirs: PackageDirs = { moduleDirs: [], workspaces: [] };
  private readonly packageFiles = new Map<string, string | undefined>();

  constructor(private readonly reader: SourceReader) {
    // tsconfig files are read with TypeScript's own (JSON-with-comments) parser.
    loadTypeScriptNow();
  }

  /** Workspace packages and layer modules the runtime finds by name. */
  usePackageDirs(dirs: PackageDirs): void {
    this.packageDirs = dirs;
    this.resolved.clear();
    this.packageFiles.clear();
  }

  resolve(fromFile: string, specifier: string): Resolution {
    const dir = path.posix.dirname(fromFile);
    const key = `${dir}\0${specifier}`;
    let result = this.resolved.get(key);
    if (!result) {
      result = this.compute(dir === '.' ? '' : dir, specifier);
      this.resolved.set(key, result);
    }
    return result;
  }

  /** Finds `base`, `base.ts`, ..., `base/index.ts`, ... (root-relative), or undefined. */
  probe(base: string): string | undefined {
    const ext = path.posix.extname(base);
    if (ext) {
      for (const source of SOURCE_FOR_OUTPUT[ext] ?? []) {
        const candidate = base.slice(0, -ext.length) + source;
        if (this.reader.exists(candidate)) return candidate;
      }
      if ((CODE_EXTENSIONS as readonly string[]).includes(ext) && this.reader.exists(base)) return base;
    }
    for (const candidateExt of CODE_EXTENSIONS) {
      if (this.reader.exists(base + candidateExt)) return base + candidateExt;
    }
    for (const candidateExt of CODE_EXTENSIONS) {
      const candidate = base === '' ? `index${candidateExt}` : `${base}/index${candidateExt}`;
      if (this.reader.exists(candidate)) return candidate;
    }
    return undefined;
  }

  private compute(dir: string, specifier: string): Resolution {
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      if (specifier.startsWith('/')) return { kind: 'missing', reason: 'absolute paths are not followed' };
      return this.resolvePath(path.posix.join(dir, specifier), specifier);
    }
    if (specifier.startsWith('node:')) return { kind: 'package', name: specifier };
    const mapping = this.tsconfigFor(dir);
    if (mapping) {
      const mapped = this.resolveMapped(mapping, specifier);
      if (mapped) return mapped;
    }
    const local = this.packageFile(specifier);
    if (local) return { kind: 'file', file: local };
    return { kind: 'package', name: specifier };
  }

  /** `@acme/data` or `shared-db/sub` in a workspace package or a layer's node_modules inside the root. */
  private packageFile(specifier: string): string | undefined {
    if (this.packageDirs.moduleDirs.length === 0 && this.packageDirs.workspaces.length === 0) return undefined;
    if (this.packageFiles.has(specifier)) return this.packageFiles.get(specifier);
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const subpath = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
    let found: string | undefined;
    for (const dir of packageFolderCandidates(this.packageDirs, name)) {
      const manifest = this.reader.read(`${dir}/package.json`);
      let parsed: { name?: unknown; main?: unknown; module?: unknown } = {};
      if (manifest.ok) {
        try {
          parsed = JSON.parse(manifest.text) as typeof parsed;
        } catch {
          continue;
        }
      }
      // A workspace folder is the package only when its package.json says so; a node_modules folder is named after it.
      const inModules = dir.endsWith(`node_modules/${name}`);
      if (!inModules && parsed.name !== name) continue;
      const entry = subpath || (typeof parsed.main === 'string' ? parsed.main : typeof parsed.module === 'string' ? parsed.module : 'index');
      const normal = normaliseRootPath(path.posix.join(dir, entry));
      found = normal === undefined ? undefined : this.probe(normal);
      if (found) break;
    }
    this.packageFiles.set(specifier, found);
    return found;
  }

  private resolvePath(joined: string, specifier: string): Resolution {
    const normal = normaliseRootPath(joined);
    if (normal === undefined) return { kind: 'missing', reason: `${JSON.stringify(specifier)} leaves the project root` };
    const found = this.probe(normal);
    if (found) return { kind: 'file', file: found };
    if (path.posix.extname(normal) && this.reader.exists(normal)) return { kind: 'data', file: normal };
    return { kind: 'missing', reason: `no file for ${JSON.stringify(specifier)}` };
  }

  private resolveMapped(mapping: PathMapping, specifier: string): Resolution | undefined {
    // TypeScript prefers the pattern with the longest prefix.
    let best: PathMapping['paths'][number] | undefined;
    for (const entry of mapping.paths) {
      const matches = entry.wildcard
        ? specifier.startsWith(entry.prefix) && specifier.endsWith(entry.suffix) && specifier.length >= entry.prefix.length + entry.suffix.length
        : specifier === entry.prefix;
      if (matches && (!best || entry.prefix.length > best.prefix.length)) best = entry;
    }
    if (best) {
      const star = best.wildcard ? specifier.slice(best.prefix.length, specifier.length - best.suffix.length) : '';
      for (const target of best.targets) {
        const result = this.resolvePath(path.posix.join(mapping.base, target.replace('*', star)), specifier);
        if (result.kind === 'file') return result;
      }
    }
    if (mapping.baseUrl !== undefined) {
      const result = this.resolvePath(path.posix.join(mapping.baseUrl, specifier), specifier);
      if (result.kind === 'file') return result;
    }
    return undefined;
  }

  /** The nearest tsconfig.json from `dir` up to the root, with its paths. */
  private tsconfigFor(dir: string): PathMapping | undefined {
    if (this.tsconfigByDir.has(dir)) return this.tsconfigByDir.get(dir);
    const file = dir === '' ? 'tsconfig.json' : `${dir}/tsconfig.json`;
    let mapping: PathMapping | undefined;
    if (this.reader.exists(file)) mapping = this.readTsconfig(file, 0);
    else if (dir !== '') mapping = this.tsconfigFor(path.posix.dirname(dir) === '.' ? '' : path.posix.dirname(dir));
    this.tsconfigByDir.set(dir, mapping);
    return mapping;
  }

  private readTsconfig(file: string, depth: number): PathMapping | undefined {
    const read = this.reader.read(file);
    if (!read.ok) return undefined;
    const parsed = ts.parseConfigFileTextToJson(file, read.text);
    const config = (parsed.config ?? {}) as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    let inherited: PathMapping | undefined;
    // Only a relative `extends` inside the root is followed; package presets rarely set paths.
    if (typeof config.extends === 'string' && config.extends.startsWith('.') && depth < 5) {
      const target = normaliseRootPath(path.posix.join(dir, config.extends));
      const withJson = target && !target.endsWith('.json') ? `${target}.json` : target;
      if (withJson && this.reader.exists(withJson)) inherited = this.readTsconfig(withJson, depth + 1);
    }
    const options = config.compilerOptions ?? {};
    const baseUrl = typeof options.baseUrl === 'string' ? normaliseRootPath(path.posix.join(dir, options.baseUrl)) : inherited?.baseUrl;
    const paths = options.paths && typeof options.paths === 'object' ? parsePaths(options.paths as Record<string, unknown>) : undefined;
    if (!paths && baseUrl === undefined) return inherited;
    return {
      base: paths ? (baseUrl ?? dir) : (inherited?.base ?? dir),
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      paths: paths ?? inherited?.paths ?? [],
    };
  }
}

function parsePaths(paths: Record<string, unknown>): PathMapping['paths'] {
  const result: PathMapping['paths'] = [];
  for (const [pattern, targets] of Object.entries(paths)) {
    if (!Array.isArray(targets)) continue;
    const star = pattern.indexOf('*');
    result.push({
      prefix: star === -1 ? pattern : pattern.slice(0, star),
      suffix: star === -1 ? '' : pattern.slice(star + 1),
      wildcard: star !== -1,
      targets: targets.filter((t): t is string => typeof t === 'string'),
    });
  }
  return result;
}
