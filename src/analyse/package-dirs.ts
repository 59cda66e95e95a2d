// Code the runtime finds by package name outside the handler folder: npm/yarn/pnpm workspace packages and
// Lambda layers declared in the manifests (`/opt/nodejs/node_modules/<pkg>` at run time).
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Project } from '../model/project.js';
import { normaliseRootPath, type SourceReader } from './source-reader.js';

export interface PackageDirs {
  /** Root-relative folders holding packages by folder name (`layer/nodejs/node_modules`). */
  moduleDirs: string[];
  /** Root-relative workspace patterns (`packages/*`, `libs/data`). */
  workspaces: string[];
}

function readJson(reader: SourceReader, file: string): unknown {
  const read = reader.read(file);
  if (!read.ok) return undefined;
  try {
    return JSON.parse(read.text) as unknown;
  } catch {
    return undefined;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The workspace patterns of the package.json / pnpm-workspace.yaml in `dir` (root-relative, '' for the root). */
function workspacePatterns(reader: SourceReader, dir: string): string[] {
  const join = (p: string): string | undefined => normaliseRootPath(path.posix.join(dir, p));
  const manifest = readJson(reader, dir ? `${dir}/package.json` : 'package.json') as { workspaces?: unknown } | undefined;
  const declared = manifest?.workspaces;
  const patterns = [...strings(declared), ...strings((declared as { packages?: unknown } | undefined)?.packages)];
  const pnpm = reader.read(dir ? `${dir}/pnpm-workspace.yaml` : 'pnpm-workspace.yaml');
  if (pnpm.ok) {
    try {
      patterns.push(...strings((parseYaml(pnpm.text, { schema: 'core', version: '1.2' }) /* the one schema of src/load/yaml.ts */ as { packages?: unknown } | null)?.packages));
    } catch {
      // an unreadable workspace file adds nothing
    }
  }
  return patterns.filter((p) => !p.startsWith('!')).flatMap((p) => join(p.replace(/\/+$/, '')) ?? []);
}

/** Layer content folders of every service: SAM `ContentUri`, CloudFormation `Content` as a path, Serverless `layers.<name>.path`. */
function layerDirs(project: Project): string[] {
  const dirs: string[] = [];
  for (const service of project.services ?? []) {
    const inService = (p: unknown): void => {
      if (typeof p !== 'string' || p.includes('://')) return;
      const dir = normaliseRootPath(path.posix.join(service.dir, p));
      if (dir !== undefined) dirs.push(dir);
    };
    for (const resource of service.resources ?? []) {
      if (resource.type === 'AWS::Serverless::LayerVersion') inService(resource.properties.ContentUri);
      else if (resource.type === 'AWS::Lambda::LayerVersion') inService(resource.properties.Content);
    }
    const layers = service.kind === 'serverless' ? service.document?.layers : undefined;
    if (layers && typeof layers === 'object' && !Array.isArray(layers)) {
      for (const layer of Object.values(layers as Record<string, unknown>)) inService((layer as { path?: unknown } | null)?.path);
    }
  }
  return dirs;
}

export function projectPackageDirs(project: Project, reader: SourceReader): PackageDirs {
  const moduleDirs = new Set<string>();
  for (const dir of layerDirs(project)) {
    for (const sub of ['nodejs/node_modules', 'node_modules']) moduleDirs.add(dir === '' ? sub : `${dir}/${sub}`);
  }
  const workspaces = new Set<string>(workspacePatterns(reader, ''));
  for (const service of project.services ?? []) if (service.dir) for (const p of workspacePatterns(reader, service.dir)) workspaces.add(p);
  return { moduleDirs: [...moduleDirs].sort(), workspaces: [...workspaces].sort() };
}

/** The package folder candidates for `name` under the workspace patterns and module folders. */
export function packageFolderCandidates(dirs: PackageDirs, name: string): string[] {
  const last = name.split('/').pop()!;
  const out: string[] = [];
  for (const pattern of dirs.workspaces) {
    if (pattern.endsWith('/*')) out.push(`${pattern.slice(0, -2)}/${last}`);
    else if (pattern === '*') out.push(last);
    else if (!pattern.includes('*')) out.push(pattern);
  }
  for (const dir of dirs.moduleDirs) out.push(`${dir}/${name}`);
  return out;
}
