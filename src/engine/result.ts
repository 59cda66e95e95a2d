// The outcome of one run, as every reporter receives it.
import type { AnyRule } from '../../rules/kit.js';
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/location.js';
import type { FindingFix } from '../fix/finding-fixes.js';

/** Why a finding is not reported: SARIF `suppressions[]` (kind inSource or external, with a justification). */
export interface SuppressionRecord {
  /** SARIF kind: `inSource` for a comment or Metadata entry in the analysed files, `external` for a baseline. */
  kind: 'inSource' | 'external';
  source: 'inline' | 'metadata' | 'baseline';
  justification: string;
  /** Where the suppression is written (the comment or Metadata entry); absent for baselines. */
  location?: Location;
}

/** A finding held back by a suppression or the baseline; reported only on request (`--include-suppressed`). */
export interface SuppressedFinding {
  finding: Finding;
  suppressions: SuppressionRecord[];
}

export interface ToolNotification {
  /** `input/parse-error`, `input/skipped-file`: problems reading input, also listed as findings. */
  ruleId: string;
  message: string;
  file: string;
  line: number;
}

export interface LintResult {
  /** Absolute project root (never printed). */
  root: string;
  /** Sorted by file, line, column, rule id, message. */
  findings: Finding[];
  /** The rules that ran, sorted by id, including the tool's own input/* and internal/* pseudo-rules. */
  rules: AnyRule[];
  /** Root-relative files read, sorted. */
  files: string[];
  /** Root-relative source files the handlers reach, sorted: the summary's "in N files" counts them with `files`. */
  sourceFiles?: string[];
  /** Files that could not be parsed or were skipped (SARIF toolExecutionNotifications). */
  notifications: ToolNotification[];
  toolVersion: string;
  /** Findings held back by inline suppressions, resource Metadata or the baseline, sorted like `findings`. */
  suppressed?: SuppressedFinding[];
  /** The `fix` command's change for the IAM findings it addresses, by finding (SARIF `fixes`). */
  fixes?: FindingFix[];
}
