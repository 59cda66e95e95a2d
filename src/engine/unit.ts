// One unit of a run: a candidate file (a service's manifest) or a whole small project, checked on some thread or
// taken from the cache. Its result is plain data, the same shape whichever thread made it.
import type { FindingFix } from '../fix/finding-fixes.js';
import type { DerivedFunctionPolicy } from '../analyse/policy-output.js';
import type { PermissionRow } from '../analyse/permission-table.js';
import type { Finding } from '../model/finding.js';
import type { Config } from './config.js';
import type { CustomRuleSources } from './declarative.js';
import type { MetadataSuppressions } from './suppressions.js';

/** What one candidate file (a service's manifest, or a YAML/JSON file that is not one), or a whole small project, contributes to a run: plain data. */
export interface UnitResult {
  /** The candidate file, or '' for a project checked in one pass. */
  candidate: string;
  /** Unsorted, before suppressions. */
  findings: Finding[];
  /** Manifests and included files read, as in `Project.files`. */
  files: string[];
  /** Source files the handlers reach (when suppressions are read: comments in them count). */
  sourceFiles: string[];
  /**
   * Of `files` and `sourceFiles`, those that may hold an inline suppression comment (when suppressions are read):
   * the thread that read them says so, and the main thread reads just these again.
   */
  directiveFiles?: string[];
  /** The manifests of the services found (none: the candidate is no manifest). */
  services: string[];
  functions: Array<{ service: string; name: string }>;
  /** Suppressions written in resource Metadata, with their positions (when suppressions are read). */
  metadata: MetadataSuppressions;
  /** The least-privilege policy derived for each function (when asked: the policy command). */
  policies?: DerivedFunctionPolicy[];
  /** Needed against granted actions per function (when asked: the Action's job summary). */
  permissions?: PermissionRow[];
  /** Every file read or probed, with its fingerprint (only when caching). */
  dependencies?: Record<string, string>;
  /** The `fix` command's change for each IAM finding it addresses (when asked: SARIF output). */
  fixes?: FindingFix[];
}

/** What every unit of a run is checked with; crosses thread boundaries (structured-clone safe). */
export interface UnitSettings {
  root: string;
  config: Config;
  onlyRules?: string[];
  now: Date;
  resolveEnv: boolean;
  env: Record<string, string | undefined>;
  stage?: string;
  gitignore: boolean;
  /** Where the team's declarative rules come from; every thread loads them itself (rules hold functions). */
  customRules?: CustomRuleSources;
  /** Collect what suppressions read: source files, files with comments, Metadata suppressions. */
  suppressions: boolean;
  /** Derive each function's policy and permission table. */
  functionReports: boolean;
  /** Record every file read, with its fingerprint (the cache). */
  record: boolean;
  /** Plan the `fix` command's change for each IAM finding (SARIF `fixes`). */
  fixes?: boolean;
}
