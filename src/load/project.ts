// Loads a project: discovers manifests under the given paths, parses them, and builds the one model.
import path from 'node:path';
import { inputFinding, INPUT_RULES, type Finding } from '../model/finding.js';
import { locationAtStart } from '../model/location.js';
import { quote } from '../util/quote.js';
import { isUnresolved } from '../model/values.js';
import type { Project, ServiceModel } from '../model/project.js';
import { classifyManifest, isJsonSchema, mayBeManifest } from './classify.js';
import { discoverManifests, SUMMARY_KEYS } from './discover.js';
import { builtTemplateReason } from './build-output.js';
import type { BuildOutputMode } from './discover.js';
import { includingServerlessManifest } from './fragments.js';
import { cdkAppOf, type CdkApp } from './cdk.js';
import { listAppSources, scanCdkSources, type CdkSourceSites } from './cdk-source.js';
import { ProjectFiles } from './files.js';
import { isCodeManifestName, type CodeManifestReader, type LoadOptions, type ManifestContext, type ManifestLoader } from './manifests/context.js';
import { loadCloudFormation } from './manifests/cloudformation.js';
import { loadServerless } from './manifests/serverless.js';
import { loadService } from './manifests/service.js';
import { parseYaml } from './yaml.js';

const LOADERS: Record<string, ManifestLoader> = {
  serverless: loadServerless,
  sam: loadCloudFormation,
  cloudformation: loadCloudFormation,
  service: loadService,
};

export interface ProjectOptions extends LoadOptions {
  /** Root-relative paths to analyse ('' for the whole root). */
  paths: string[];
  ignores: string[];
  gitignore: boolean;
  /** Root-relative files to load instead of discovering them under `paths` (one worker's share of a run). */
  candidates?: string[];
  /** `check` reads packaged and exported templates (build output) like source; `skip` (default) notes and skips them. */
  buildOutput?: BuildOutputMode;
  /** Evaluates `serverless.ts` / `serverless.js` statically; without it they are skipped with a note. */
  readCodeManifest?: CodeManifestReader;
}

export function loadProject(files: ProjectFiles, options: ProjectOptions): Project {
  const discovered = options.candidates
    ? { candidates: options.candidates, findings: [], cdkApps: [] }
    : discoverManifests(files, { paths: options.paths, ignores: options.ignores, gitignore: options.gitignore, buildOutput: options.buildOutput ?? 'skip' });
  const findings: Finding[] = [...discovered.findings];
  const services: ServiceModel[] = [];
  const read = new Set<string>();
  const cdkApps = new Map<string, CdkApp | undefined>();
  const fragments = new Map<string, Set<string>>();
  const cdkSites = new Map<string, CdkSourceSites>();

  for (const file of discovered.candidates) {
    let parsed: { ok: true; value: unknown } | { ok: false };
    if (isCodeManifestName(file)) {
      // serverless.ts / serverless.js: evaluated statically, never run; TypeScript loads only for these.
      if (!options.readCodeManifest) {
        findings.push(inputFinding(INPUT_RULES.skippedFile, 'note', `Skipped ${quote(file)}: this run does not read configurations written as code.`, locationAtStart(file)));
        continue;
      }
      const code = options.readCodeManifest(files, file, options);
      for (const module of code.files) read.add(module);
      findings.push(...code.findings);
      parsed = code;
    } else {
      const text = files.read(file);
      if (!text.ok) {
        // Only files that look like manifests by name are worth a finding; other YAML/JSON is not ours.
        if (looksLikeManifestByName(file)) {
          findings.push(inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${quote(file)}: ${text.reason}.`, locationAtStart(file)));
        }
        continue;
      }
      if (!mayBeManifest(file, text.text)) continue;
      // A fragment a serverless.yml includes with ${file()} is checked as part of that service only.
      if (!isServerlessFileName(file) && includingServerlessManifest(files, file, fragments) !== undefined) continue;
      read.add(file);
      const yaml = parseYaml(text.text, file);
      findings.push(...yaml.findings);
      parsed = yaml;
    }
    if (!parsed.ok) continue;
    // A configuration computed by code noops-lint does not run is already noted where it is written.
    if (isUnresolved(parsed.value)) continue;
    if (isCodeManifestName(file) && !looksLikeServerlessConfiguration(parsed.value)) {
      // A module that happens to be named serverless.js (a plugin's source, a helper) is not a service.
      findings.push(inputFinding(INPUT_RULES.skippedFile, 'note', `Skipped ${quote(file)}: it exports no Serverless configuration (service, provider, functions).`, locationAtStart(file)));
      continue;
    }
    const kind = classifyManifest(file, parsed.value);
    if (!kind) {
      // A file named serverless.yml is a manifest whatever it holds; say why nothing in it was checked.
      if (isServerlessFileName(file) && !isJsonSchema(parsed.value)) findings.push(notAManifest(file, parsed.value));
      continue;
    }
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    const context: ManifestContext = {
      root: files.root,
      file,
      dir,
      options,
      report: (finding) => findings.push(finding),
      readFile: (written) => {
        const rel = files.resolve(dir, written);
        if (rel === undefined) return { ok: false, reason: `${quote(written)} is outside the project root` };
        const result = files.read(rel);
        if (result.ok) read.add(rel);
        return result;
      },
      resolvePath: (written) => files.resolve(dir, written),
    };
    const app = kind === 'cloudformation' ? cdkAppOf(files, file, cdkApps) : undefined;
    // Packaged and exported templates repeat a source manifest with the code moved to S3.
    const built = (kind === 'sam' || kind === 'cloudformation') && !app && options.buildOutput !== 'check' ? builtTemplateReason(file, parsed.value) : undefined;
    if (built !== undefined) {
      findings.push(inputFinding(INPUT_RULES.skippedFile, 'note', `Skipped ${quote(file)}: ${built}. Set \`buildOutput: check\` in the configuration to check it anyway.`, locationAtStart(file)));
      continue;
    }
    // `cdk synth > template.yaml` beside the app: an old copy of what its cloud assembly holds, not source.
    if (kind === 'cloudformation' && !app && hasConstructPaths(parsed.value)) {
      const owner = [...cdkApps.values()].find((candidate) => candidate !== undefined && (candidate.dir === '' || file.startsWith(`${candidate.dir}/`)));
      if (owner) {
        // Beside an app without synthesized output the copy is still not read (it is often older than the app):
        // the app's input/cdk-not-synthesized says so, and names it.
        const synthesized = owner.templates.length > 0;
        findings.push(
          inputFinding(
            INPUT_RULES.skippedFile,
            'note',
            synthesized
              ? `Skipped ${quote(file)}: it is a copy of synthesized CDK output beside the app in ${quote(owner.dir || '.')}, whose cloud assembly ${quote(owner.out)} is read instead.`
              : `Skipped ${quote(file)}: it is a copy of synthesized CDK output beside the app in ${quote(owner.dir || '.')}, which has no cloud assembly to read: run \`npx cdk synth\` there, and noops-lint checks the app's current templates.`,
            locationAtStart(file),
            synthesized ? `${SUMMARY_KEYS.cdkCopy}${file}` : `${SUMMARY_KEYS.cdkCopyUnsynthesized}${owner.dir}|${file}`,
          ),
        );
        continue;
      }
    }
    if (app) {
      context.cdkSites = () => {
        let sites = cdkSites.get(app.dir);
        if (!sites) {
          const sources = listAppSources(files, app.dir, app.out);
          for (const source of sources) read.add(source);
          sites = scanCdkSources(files, sources);
          cdkSites.set(app.dir, sites);
        }
        return sites;
      };
    }
    try {
      const service = LOADERS[kind]!(parsed.value, context);
      if (service) services.push(service);
    } catch (error) {
      findings.push(
        inputFinding(INPUT_RULES.ruleError, 'error', `noops-lint failed while reading ${quote(file)}: ${(error as Error).message}. Please report this.`, locationAtStart(file)),
      );
    }
  }

  services.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    root: files.root,
    services,
    functions: services.flatMap((s) => s.functions),
    roles: services.flatMap((s) => s.roles),
    resources: services.flatMap((s) => s.resources),
    inputFindings: findings,
    files: [...read].sort(),
  };
}

function isServerlessFileName(file: string): boolean {
  return /^serverless\.(ya?ml|json)$/i.test(file.slice(file.lastIndexOf('/') + 1)) || isCodeManifestName(file);
}

/** An object with at least one of the keys every Serverless configuration is made of. */
function looksLikeServerlessConfiguration(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return ['service', 'provider', 'functions', 'resources'].some((key) => Object.hasOwn(value, key));
}

function notAManifest(file: string, document: unknown): Finding {
  const message =
    document === null || document === undefined
      ? `${quote(file)} is empty, so there is nothing to check.`
      : `${quote(file)} must be a mapping (service, provider, functions); it holds ${Array.isArray(document) ? 'a list' : typeof document === 'string' || typeof document === 'number' || typeof document === 'boolean' ? `a ${typeof document}` : 'something else'}, so it is ignored.`;
  return inputFinding(INPUT_RULES.invalidManifest, 'warning', message, locationAtStart(file));
}

function looksLikeManifestByName(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  return /^(serverless|template|samconfig|.*\.template)\.(ya?ml|json)$/.test(base) || base.endsWith('.yml') || base.endsWith('.yaml');
}

/** A template whose resources carry `aws:cdk:path` metadata: written by `cdk synth`. */
function hasConstructPaths(document: unknown): boolean {
  const resources = (document as { Resources?: unknown }).Resources;
  if (resources === null || typeof resources !== 'object') return false;
  return Object.values(resources as Record<string, unknown>).some((resource) => {
    const metadata = resource !== null && typeof resource === 'object' ? (resource as { Metadata?: unknown }).Metadata : undefined;
    return metadata !== null && typeof metadata === 'object' && typeof (metadata as Record<string, unknown>)['aws:cdk:path'] === 'string';
  });
}
