// CDK apps: a folder with cdk.json is an app whose stacks are in its synthesized cloud assembly (`cdk.out`, or the
// `output` cdk.json names). The assembly is read even when git ignores it (every `cdk init` project does); its
// manifest.json lists the stack templates, and nested assemblies (CDK stages) are followed. noops-lint never runs
// `cdk synth`: an app without synthesized output is reported, with the command that makes it.
import path from 'node:path';
import { quote } from '../util/quote.js';
import type { ProjectFiles } from './files.js';
import { isRecord } from '../util/is-record.js';

export interface CdkApp {
  /** Root-relative folder holding cdk.json ('' for the root). */
  dir: string;
  /** Root-relative cloud assembly folder. */
  out: string;
  /** Root-relative stack templates, sorted; empty when the app has no synthesized output. */
  templates: string[];
  /** Why no template was found, when none was. */
  problem?: string;
}

/** Nested assemblies followed at most this deep (stages inside stages). */
const MAX_NESTING = 8;

/** Reads `<dir>/cdk.json` and the cloud assembly it points at. */
export function readCdkApp(files: ProjectFiles, dir: string): CdkApp {
  const join = (...parts: string[]): string => path.posix.join(...parts.filter((part) => part !== '')) || '';
  let output = 'cdk.out';
  const config = files.read(join(dir, 'cdk.json'));
  if (config.ok) {
    try {
      const parsed = JSON.parse(config.text) as unknown;
      if (isRecord(parsed) && typeof parsed.output === 'string' && parsed.output.trim() !== '') output = parsed.output.trim();
    } catch {
      // A broken cdk.json still marks a CDK app; the default output folder is looked for.
    }
  }
  const out = files.resolve(dir, output);
  if (out === undefined) {
    return { dir, out: output, templates: [], problem: `its cdk.json names the output folder ${quote(output)}, which is outside the project root` };
  }
  const templates = new Set<string>();
  const problems: string[] = [];
  const visit = (assembly: string, depth: number): void => {
    const manifestFile = join(assembly, 'manifest.json');
    if (!files.isFile(manifestFile)) {
      if (depth === 0) problems.push(`it has no synthesized output: ${quote(manifestFile)} does not exist`);
      return;
    }
    const text = files.read(manifestFile);
    if (!text.ok) {
      problems.push(`${quote(manifestFile)} cannot be read: ${text.reason}`);
      return;
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(text.text);
    } catch {
      problems.push(`${quote(manifestFile)} is not valid JSON`);
      return;
    }
    const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : {};
    for (const name of Object.keys(artifacts).sort()) {
      const artifact = artifacts[name];
      if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
      if (artifact.type === 'aws:cloudformation:stack' && typeof artifact.properties.templateFile === 'string') {
        const template = files.resolve(assembly, artifact.properties.templateFile);
        if (template !== undefined && template.startsWith(`${out}/`) && files.isFile(template)) templates.add(template);
      } else if (artifact.type === 'cdk:cloud-assembly' && typeof artifact.properties.directoryName === 'string' && depth < MAX_NESTING) {
        const nested = files.resolve(assembly, artifact.properties.directoryName);
        if (nested !== undefined && nested.startsWith(`${out}/`)) visit(nested, depth + 1);
      }
    }
  };
  visit(out, 0);
  const app: CdkApp = { dir, out, templates: [...templates].sort() };
  if (app.templates.length === 0) app.problem = problems[0] ?? `its cloud assembly ${quote(out)} lists no stack template`;
  return app;
}

/**
 * The CDK app whose cloud assembly holds `file` (a root-relative template), found by looking upward for cdk.json;
 * `apps` memoises the apps read in one load.
 */
export function cdkAppOf(files: ProjectFiles, file: string, apps: Map<string, CdkApp | undefined>): CdkApp | undefined {
  const parts = file.split('/');
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const dir = parts.slice(0, i).join('/');
    let app = apps.get(dir);
    if (!apps.has(dir)) {
      app = files.isFile(dir === '' ? 'cdk.json' : `${dir}/cdk.json`) ? readCdkApp(files, dir) : undefined;
      apps.set(dir, app);
    }
    if (app && file.startsWith(`${app.out}/`)) return app;
  }
  return undefined;
}

/** The message for an app without templates: what was looked for and how to make it. */
export function cdkNotSynthesizedMessage(app: CdkApp): string {
  const where = app.dir === '' ? 'The CDK app in this folder' : `The CDK app in ${quote(app.dir)}`;
  return `${where} cannot be checked: ${app.problem ?? 'it has no synthesized output'}. noops-lint reads the synthesized templates and never runs the app: run \`npx cdk synth\` in ${quote(app.dir || '.')} first, then run noops-lint again.`;
}

