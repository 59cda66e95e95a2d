// Finds the manifests under the paths a user gives, inside the project root: skips node_modules, build
// output, custom-rule test cases and files .gitignore or .git/info/exclude leave out, follows symlinks only
// inside the root, and never loops.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { inputFinding, INPUT_RULES, type Finding } from '../model/finding.js';
import { locationAtStart } from '../model/location.js';
import { quote } from '../util/quote.js';
import { cdkNotSynthesizedMessage, readCdkApp, type CdkApp } from './cdk.js';
import type { EntryKind, ProjectFiles } from './files.js';
import { BUILD_OUTPUT_FOLDERS } from './build-output.js';

/** Folders never walked into unless a user names them. */
export const ALWAYS_SKIPPED = ['node_modules', '.git', 'coverage', '.esbuild', '.webpack'];

/** `skip` (default): build output folders and packaged templates are skipped with a note; `check`: read like source. */
export type BuildOutputMode = 'skip' | 'check';

/** Custom rules and their good/bad test cases (`noops-lint test-rules` runs them): fixtures of the rules, not the project. */
const RULE_FOLDER = /(^|\/)\.noops-lint\/rules$/;

export interface DiscoverOptions {
  /** Root-relative paths to walk ('' = the root). */
  paths: string[];
  /** Config `ignores`: picomatch globs over root-relative paths. */
  ignores: string[];
  gitignore: boolean;
  maxFiles?: number;
  buildOutput?: BuildOutputMode;
}

export interface Discovered {
  /** Root-relative files that may be manifests (YAML, JSON, serverless.ts/js), sorted. */
  candidates: string[];
  findings: Finding[];
  /** CDK apps found (folders with cdk.json), by folder; their synthesized templates are among the candidates. */
  cdkApps: CdkApp[];
}

/** The rule id of the finding for a CDK app without synthesized output (a usage problem: nothing to check). */
export const CDK_NOT_SYNTHESIZED = 'input/cdk-not-synthesized';

/** Key prefixes of the tool findings the engine summarises when they repeat (src/engine/tool-summary.ts) (the rest of the key names the place). */
export const SUMMARY_KEYS = {
  /** An app without synthesized output: `<prefix><app folder>`. */
  unsynthesizedApp: 'input/cdk-not-synthesized|app|',
  /** A copy of synthesized output beside an app whose assembly is read: `<prefix><file>`. */
  cdkCopy: 'input/skipped-file|cdk-copy|',
  /** A copy of synthesized output beside an app that has no assembly: `<prefix><app folder>|<file>`. */
  cdkCopyUnsynthesized: 'input/skipped-file|cdk-copy-unsynthesized|',
} as const;

const MANIFEST_EXTENSIONS = new Set(['.yml', '.yaml', '.json']);
const CODE_CONFIGS = new Set(['serverless.ts', 'serverless.js', 'serverless.cjs', 'serverless.mjs']);
/**
 * The Serverless Framework reads the first of these in a service folder (lib/cli/resolve-configuration-path.js:
 * yml, yaml, json, js, ts; cjs and mjs are read as JavaScript too): the others beside it are not the service.
 */
export const SERVERLESS_CONFIG_ORDER = ['serverless.yml', 'serverless.yaml', 'serverless.json', 'serverless.js', 'serverless.cjs', 'serverless.mjs', 'serverless.ts'];

export function discoverManifests(files: ProjectFiles, options: DiscoverOptions): Discovered {
  const findings: Finding[] = [];
  const candidates = new Set<string>();
  const visitedDirs = new Set<string>();
  const isConfigIgnored = options.ignores.length ? picomatch(options.ignores, { dot: true }) : () => false;
  const maxFiles = options.maxFiles ?? 200_000;
  let seen = 0;
  const cdkApps = new Map<string, CdkApp>();
  /** Cloud assembly folders of the apps found: read through their manifest.json, never walked. */
  const assemblies = new Set<string>();
  const takeCdkApp = (dir: string): void => {
    if (cdkApps.has(dir)) return;
    const app = readCdkApp(files, dir);
    cdkApps.set(dir, app);
    assemblies.add(app.out);
    for (const template of app.templates) if (!isConfigIgnored(template)) candidates.add(template);
    if (app.templates.length === 0) {
      findings.push(
        inputFinding(CDK_NOT_SYNTHESIZED, 'error', cdkNotSynthesizedMessage(app), locationAtStart(dir === '' ? 'cdk.json' : `${dir}/cdk.json`), `${SUMMARY_KEYS.unsynthesizedApp}${dir}`),
      );
    }
  };
  /** The CDK app whose cloud assembly holds `rel` (a path a user named inside `cdk.out`), if any. */
  const appOfAssemblyPath = (rel: string): string | undefined => {
    const parts = rel.split('/');
    for (let i = parts.length - 1; i >= 0; i -= 1) {
      const dir = parts.slice(0, i).join('/');
      if (!files.isFile(dir === '' ? 'cdk.json' : `${dir}/cdk.json`)) continue;
      const app = readCdkApp(files, dir);
      if (rel === app.out || rel.startsWith(`${app.out}/`)) return dir;
    }
    return undefined;
  };

  const gitignores = new Map<string, Ignore | null>();
  const gitignoreOf = (dir: string): Ignore | null => {
    if (!options.gitignore) return null;
    if (gitignores.has(dir)) return gitignores.get(dir)!;
    const rel = dir === '' ? '.gitignore' : `${dir}/.gitignore`;
    let matcher: Ignore | null = null;
    if (files.isFile(rel)) {
      const text = files.read(rel);
      if (text.ok) matcher = ignore().add(text.text);
    }
    // git reads the repository's own exclude file as one more .gitignore at the top.
    const exclude = dir === '' ? gitInfoExclude(files.absolute('')) : undefined;
    if (exclude) matcher = (matcher ?? ignore()).add(exclude);
    gitignores.set(dir, matcher);
    return matcher;
  };
  // Checks every .gitignore from the root down to the entry's folder, each relative to its own folder.
  const isGitIgnored = (rel: string, isDir: boolean): boolean => {
    if (!options.gitignore) return false;
    const parts = rel.split('/');
    for (let i = 0; i < parts.length; i += 1) {
      const dir = parts.slice(0, i).join('/');
      const matcher = gitignoreOf(dir);
      if (!matcher) continue;
      const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
      if (matcher.ignores(sub)) return true;
    }
    return false;
  };

  /** The first YAML/JSON file in `dir` or one folder below (sorted), to place the note about a skipped build folder. */
  const firstManifestUnder = (dir: string): string | undefined => {
    const entries = files.entries(dir) ?? [];
    for (const [name, kind] of entries) if (kind === 'file' && MANIFEST_EXTENSIONS.has(path.posix.extname(name).toLowerCase())) return `${dir}/${name}`;
    for (const [name, kind] of entries) {
      if (kind !== 'dir') continue;
      for (const [inner, innerKind] of files.entries(`${dir}/${name}`) ?? []) {
        if (innerKind === 'file' && MANIFEST_EXTENSIONS.has(path.posix.extname(inner).toLowerCase())) return `${dir}/${name}/${inner}`;
      }
    }
    return undefined;
  };

  const consider = (rel: string, explicit: boolean): void => {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (CODE_CONFIGS.has(base)) {
      candidates.add(rel);
      return;
    }
    const ext = path.posix.extname(base).toLowerCase();
    if (!MANIFEST_EXTENSIONS.has(ext) && !explicit) return;
    if (ext === '.json' && isToolingJson(base)) return;
    candidates.add(rel);
  };

  /**
   * `kind` is what the parent folder's listing says the entry is (undefined for a path the user named); `real` is
   * the entry's real path when its parent's is known and it is no link, so plain folders cost no realpath.
   */
  const walk = (rel: string, explicit: boolean, kind?: EntryKind, real?: string): void => {
    if (seen > maxFiles) return;
    const abs = files.absolute(rel);
    if (kind === undefined || kind === 'link' || kind === 'other') {
      let stat;
      try {
        stat = lstatSync(abs);
      } catch {
        if (explicit) findings.push(inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(rel || '.')}: it does not exist.`, locationAtStart(rel || '.')));
        return;
      }
      real = undefined;
      if (stat.isSymbolicLink()) {
        try {
          real = realpathSync(abs);
        } catch {
          findings.push(inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${quote(rel)}: the symbolic link is broken or loops.`, locationAtStart(rel)));
          return;
        }
        if (!files.isInsideRoot(real)) {
          findings.push(inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${quote(rel)}: the symbolic link points outside the project root.`, locationAtStart(rel)));
          return;
        }
        try {
          stat = statSync(real);
        } catch {
          return;
        }
      }
      kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
    }
    if (kind === 'dir') {
      if (real === undefined) {
        try {
          real = realpathSync(abs);
        } catch {
          return;
        }
      }
      if (visitedDirs.has(real)) return; // a symlink loop or a second link to the same folder
      visitedDirs.add(real);
      const entries = files.entries(rel);
      if (!entries) {
        findings.push(inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${quote(rel || '.')}: the folder cannot be read.`, locationAtStart(rel || '.')));
        return;
      }
      for (const [shown, entryKind] of files.undecodableEntries(rel)) {
        // Such a name cannot be written in a path, so what it holds could not be checked: say so rather than skip it silently.
        const ext = path.posix.extname(shown).toLowerCase();
        if (entryKind !== 'dir' && entryKind !== 'link' && !MANIFEST_EXTENSIONS.has(ext)) continue;
        const child = rel ? `${rel}/${shown}` : shown;
        findings.push(
          inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(child)}: its name is not valid UTF-8, so noops-lint cannot check what it holds; rename it.`, locationAtStart(child)),
        );
      }
      if (entries.some(([name, entryKind]) => name === 'cdk.json' && entryKind !== 'dir')) takeCdkApp(rel);
      for (const [name, entryKind] of entries) {
        const child = rel ? `${rel}/${name}` : name;
        seen += 1;
        if (ALWAYS_SKIPPED.includes(name) || assemblies.has(child) || RULE_FOLDER.test(child)) continue;
        let isDir = entryKind === 'dir';
        if (entryKind === 'link') {
          try {
            isDir = statSync(files.absolute(child)).isDirectory();
          } catch {
            isDir = false;
          }
        }
        if (isConfigIgnored(child) || isGitIgnored(child, isDir)) continue;
        if (isDir && Object.hasOwn(BUILD_OUTPUT_FOLDERS, name) && options.buildOutput !== 'check') {
          // Committed build output: one note for the folder (at its first template), nothing read from it.
          const template = firstManifestUnder(child);
          if (template !== undefined) {
            findings.push(
              inputFinding(INPUT_RULES.skippedFile, 'note', `Skipped ${quote(`${child}/`)}: it is ${BUILD_OUTPUT_FOLDERS[name]}, not source; the manifests it was built from are checked. Set \`buildOutput: check\` in the configuration to check it anyway.`, locationAtStart(template)),
            );
          }
          continue;
        }
        walk(child, false, entryKind, entryKind === 'link' || entryKind === 'other' ? undefined : path.join(real, name));
      }
      return;
    }
    if (kind === 'file') consider(rel, explicit);
  };

  for (const p of [...options.paths].sort()) {
    // `noops-lint cdk.out` (or a template inside it) means the app that synthesized it.
    const app = p === '' ? undefined : appOfAssemblyPath(p);
    if (app !== undefined) takeCdkApp(app);
    else walk(p, true);
  }
  for (const shadowed of shadowedConfigurations(candidates)) {
    candidates.delete(shadowed.file);
    findings.push(
      inputFinding(
        INPUT_RULES.skippedFile,
        'note',
        `Skipped ${quote(shadowed.file)}: the Serverless Framework reads ${quote(shadowed.by)} in the same folder first, so this file is not the service's configuration.`,
        locationAtStart(shadowed.file),
      ),
    );
  }
  return { candidates: [...candidates].sort(), findings, cdkApps: [...cdkApps.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0)) };
}

/** `serverless.*` files beside the one the framework reads in their folder (see SERVERLESS_CONFIG_ORDER). */
function shadowedConfigurations(candidates: ReadonlySet<string>): Array<{ file: string; by: string }> {
  const byFolder = new Map<string, string[]>();
  for (const file of candidates) {
    const slash = file.lastIndexOf('/');
    const base = file.slice(slash + 1);
    if (!SERVERLESS_CONFIG_ORDER.includes(base)) continue;
    const dir = slash < 0 ? '' : file.slice(0, slash);
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), base]);
  }
  const shadowed: Array<{ file: string; by: string }> = [];
  for (const [dir, names] of byFolder) {
    if (names.length < 2) continue;
    const ordered = [...names].sort((a, b) => SERVERLESS_CONFIG_ORDER.indexOf(a) - SERVERLESS_CONFIG_ORDER.indexOf(b));
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const name of ordered.slice(1)) shadowed.push({ file: `${prefix}${name}`, by: `${prefix}${ordered[0]!}` });
  }
  return shadowed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** JSON files that tools write and that are never manifests. */
function isToolingJson(base: string): boolean {
  return (
    base === 'package.json' ||
    base === 'package-lock.json' ||
    base === 'composer.json' ||
    base.startsWith('tsconfig') ||
    base.startsWith('jsconfig') ||
    base.endsWith('.schema.json') ||
    base.startsWith('.eslintrc') ||
    base.startsWith('.prettierrc') ||
    base === 'manifest.json' ||
    base === 'cdk.json' ||
    base === 'tree.json'
  );
}

/** The text of `.git/info/exclude` of the repository whose top is `root` (a work tree's `.git` file names its git folder). */
function gitInfoExclude(root: string): string | undefined {
  const gitPath = path.join(root, '.git');
  let gitDir = gitPath;
  try {
    if (statSync(gitPath).isFile()) {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(gitPath, 'utf8').slice(0, 4096));
      if (!pointer) return undefined;
      gitDir = path.resolve(root, pointer[1]!);
      // A linked work tree shares info/exclude with the main repository (its commondir).
      try {
        gitDir = path.resolve(gitDir, readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
      } catch {
        // not a linked work tree
      }
    }
    const file = path.join(gitDir, 'info', 'exclude');
    if (statSync(file).size > 1024 * 1024) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
