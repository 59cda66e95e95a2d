// The rule contract: metadata and a check in one object; the check only reports.
import type { Location } from '../model/location.js';
import type { Project } from '../model/project.js';
import type { ProjectAnalysis } from '../analyse/analysis-types.js';
import type { RelatedLocation, Severity } from './finding.js';
import { excerpt, EXCERPT_LIMITS } from '../util/excerpt.js';

export const DOCS_BASE = 'https://github.com/noops-lint/noops-lint/blob/main/README.md#';

export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  /** Values for the message's {{placeholders}}. */
  data?: Record<string, string | number>;
  at: Location;
  related?: RelatedLocation[];
  /** The function the finding is about, as the manifest spells it. */
  function?: string;
  /** Logical identity without line numbers: resource logical id, policy path, action. */
  key: string;
  /** Overrides the rule's severity for this finding (partial wildcards are warnings, full ones errors). */
  severity?: Severity;
}

export interface RuleContext<Options, MessageId extends string> {
  project: Project;
  /** What the code of each function does (source analysis, derived permissions), computed lazily. */
  analysis: ProjectAnalysis;
  options: Options;
  /** The date deprecation tables are read at (pinned in tests). */
  now: Date;
  report(report: RuleReport<MessageId>): void;
}

export interface Rule<Options = Record<string, never>, MessageId extends string = string> {
  id: string;
  category: string;
  severity: Severity;
  /** One sentence naming the problem (SARIF shortDescription). */
  description: string;
  /** A paragraph: why it matters and how the rule decides (SARIF fullDescription, at most 1024 characters). */
  fullDescription: string;
  /** What to do instead, with an example. */
  help: string;
  /** Documentation link; built-in rules link to their README section. */
  helpUri?: string;
  /** Security rules carry a CVSS-like score for GitHub code scanning. */
  securitySeverity?: number;
  precision: 'very-high' | 'high' | 'medium' | 'low';
  tags: string[];
  messages: Record<MessageId, string>;
  /**
   * Off in the recommended preset (on in `noops-lint:strict`, or when the config sets its severity): checks most
   * projects fail on purpose, which would bury the findings a reviewer wants.
   */
  strictOnly?: boolean;
  /** JSON Schema of the options (checked with Ajv before the rule runs). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions: Options;
  check(context: RuleContext<Options, MessageId>): void;
}

export type AnyRule = Rule<any, string>;

export function defineRule<Options, MessageId extends string>(rule: Rule<Options, MessageId>): Rule<Options, MessageId> {
  return rule;
}

export function helpUri(ruleId: string): string {
  return DOCS_BASE + ruleId.replace('/', '').toLowerCase();
}

/** The message with its placeholders filled; each value is echoed as an excerpt (credentials masked, length capped). */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? excerpt(String(data[name]), EXCERPT_LIMITS.maxMessageValueChars) : whole,
  );
}
