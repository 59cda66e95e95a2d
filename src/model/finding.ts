// A finding: what a rule (or the tool itself, for input problems) reports at one location.
import type { Location } from './location.js';
import { plural } from '../util/plural.js';

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

export interface RelatedLocation {
  location: Location;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Plain text; its first sentence stands alone. */
  message: string;
  location: Location;
  related: RelatedLocation[];
  /** The function the finding is about, as the manifest spells its name. */
  function?: string;
  /** IAM findings: the actions involved, so tools need not read them from the message. */
  actions?: FindingActions;
  /** The rule's message id (rules' findings only): what kind of problem the message states. */
  messageId?: string;
  /** IAM findings: the statement the finding is about. Not part of any output: the engine folds by it (fold.ts). */
  statement?: FindingStatement;
  /**
   * The finding's logical identity without line numbers (resource logical id, policy path, action),
   * used for fingerprints, baselines and de-duplication.
   */
  key: string;
}

/** The IAM statement an IAM finding is about, so that one statement gets one finding per problem. */
export interface FindingStatement {
  /** The whole statement, AWS managed policy reference or SAM policy template entry. */
  location: Location;
  /** The finding's fix removes the statement whole (a grant the code never uses): that settles every other finding about it. */
  removed?: boolean;
}

/**
 * The actions an IAM finding is about: `missing` (called by the code, not granted), `unused` (granted, never called)
 * and `used` (granted and called: what to keep). Each list is sorted; empty lists are left out.
 */
export interface FindingActions {
  used?: string[];
  unused?: string[];
  missing?: string[];
}

/** Findings the tool reports about its own input (reserved ids). */
export const INPUT_RULES = {
  parseError: 'input/parse-error',
  skippedFile: 'input/skipped-file',
  unresolved: 'input/unresolved',
  /** A handler that exists but that noops-lint cannot follow (built archives, build output, run-time handlers). */
  handlerNotAnalysed: 'input/handler-not-analysed',
  invalidManifest: 'input/invalid-manifest',
  /** A CDK function whose bundle has no source map: its findings point into the bundle (one note per template). */
  analysedBundle: 'input/analysed-bundle',
  ruleError: 'internal/rule-error',
  /** A custom rule's pattern ran out of time on a value, which it then did not judge: a note about the rule file. */
  slowPattern: 'input/slow-pattern',
} as const;

/**
 * What a parser reported after its first error, for the one parse-error finding a file gets: recovery after one
 * mistake (an unclosed quote) often reports every later token again. Empty when there was nothing after it.
 */
export function laterErrors(count: number): string {
  return count > 0 ? ` (and ${plural(count, 'more error')} after it, which may follow from this one)` : '';
}

export function inputFinding(
  ruleId: string,
  severity: Severity,
  message: string,
  location: Location,
  key = '',
): Finding {
  return { ruleId, severity, message, location, related: [], key: key || `${ruleId}|${location.file}|${message}` };
}

/** The one order of findings: file, line, column, rule id, message, then the rest, so equal inputs print equally. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message) ||
    a.location.endLine - b.location.endLine ||
    a.location.endColumn - b.location.endColumn ||
    compareStrings(a.key, b.key)
  );
}

/** Code-unit order, not localeCompare: the same bytes on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
