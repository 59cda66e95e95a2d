// What a manifest loader gets: where its file is, a confined file reader, and a sink for input findings.
import type { Finding } from '../../model/finding.js';
import type { ServiceModel } from '../../model/project.js';
import type { CdkSourceSites } from '../cdk-source.js';
import type { ProjectFiles } from '../files.js';

export interface LoadOptions {
  /** Resolve `${env:X}` from `env` (off by default: on CI it would copy runner secrets into reports). */
  resolveEnv: boolean;
  env: Record<string, string | undefined>;
  /** `--stage`; otherwise the manifest's `provider.stage`, then `dev`. */
  stage?: string;
  region?: string;
}

export type ReadResult = { ok: true; text: string; file: string } | { ok: false; reason: string };

export interface ManifestContext {
  /** Absolute project root. */
  root: string;
  /** Root-relative manifest path (forward slashes). */
  file: string;
  /** Root-relative folder of the manifest ('' for the root). */
  dir: string;
  options: LoadOptions;
  report(finding: Finding): void;
  /**
   * Reads a file by a path relative to the manifest's folder (as `${file(./x.yml)}` and CodeUri are
   * written). Refuses paths that leave the project root (`../..`, absolute paths, symlinks out),
   * binary and oversized files, with a reason for the finding.
   */
  readFile(relativeToManifest: string): ReadResult;
  /** Resolves a path relative to the manifest's folder to a root-relative one, or undefined if it leaves the root. */
  resolvePath(relativeToManifest: string): string | undefined;
  /** For a template synthesized by a CDK app: the grant calls and policy statements written in the app's source. */
  cdkSites?: () => CdkSourceSites;
}

/** Builds the service model of one parsed manifest; never throws for user input. */
export type ManifestLoader = (document: unknown, context: ManifestContext) => ServiceModel | undefined;

/** A Serverless configuration written as code, evaluated as static data: its value, or why not (in `findings`). */
export type CodeManifest = { ok: true; value: unknown; findings: Finding[]; files: string[] } | { ok: false; findings: Finding[]; files: string[] };

/** Evaluates `serverless.ts` / `serverless.js` statically (src/analyse/code-manifest.ts; the engine passes it in). */
export type CodeManifestReader = (files: ProjectFiles, file: string, options: LoadOptions) => CodeManifest;

/** `serverless.ts`, `.js`, `.cjs`, `.mjs`: configurations written as code. */
export function isCodeManifestName(file: string): boolean {
  return /^serverless\.(ts|js|cjs|mjs)$/.test(file.slice(file.lastIndexOf('/') + 1));
}
