// The outcome of one run, as every reporter receives it.
import type { AnyRule } from './rule.js';
import type { Finding } from './finding.js';

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
  /** Files that could not be parsed or were skipped (SARIF toolExecutionNotifications). */
  notifications: ToolNotification[];
  toolVersion: string;
}
