// SARIF 2.1.0 for GitHub code scanning and other consumers: one run, rules sorted by id, byte-stable.
import { findingId, type ProposedFix } from '../fix/finding-fixes.js';
import { INPUT_RULES, type Finding, type Severity } from '../model/finding.js';
import type { LintResult, ToolNotification } from '../engine/result.js';
import type { AnyRule } from '../../rules/kit.js';
import { docsUri } from '../util/docs-link.js';
import type { Location } from '../model/location.js';
import { artifactUri, compareFindings, compareStrings, fingerprint, normalizedRegion, sortFindings } from './findings.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { jsonText } from '../util/quote.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'noops-lint';
export const INFORMATION_URI = 'https://github.com/noops-lint/noops-lint';
export const FINGERPRINT_KEY = 'noopsLint/v1';
export const SRCROOT = '%SRCROOT%';
/** GitHub shows at most 10 tags per rule and reads at most 1024 characters of fullDescription. */
const MAX_TAGS = 10;
const MAX_FULL_DESCRIPTION = 1024;

/** Problems reading input are notifications, never results: they are not findings about the code. */
const NOTIFICATION_RULES: ReadonlySet<string> = new Set([INPUT_RULES.parseError, INPUT_RULES.skippedFile]);

type SarifLevel = 'error' | 'warning' | 'note';

const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'recommendation' };

export const sarif: Reporter = (result, options) => jsonText(buildSarifLog(result, options), 2) + '\n';

export function buildSarifLog(result: LintResult, options: ReporterOptions) {
  const prefix = options.cwdPrefix;
  const findings = sortFindings(result.findings);
  const fixes = new Map((result.fixes ?? []).map((entry) => [entry.finding, entry.fix]));
  const rules = descriptorRules(result.rules, findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = findings
    .filter((finding) => !NOTIFICATION_RULES.has(finding.ruleId))
    .map((finding) => ({ finding, uri: artifactUri(finding.location.file, prefix) }))
    .sort((a, b) => compareResults(a.finding, a.uri, b.finding, b.uri))
    .map(({ finding, uri }) => sarifResult(finding, uri, ruleIndex, prefix, fixes.get(findingId(finding))));
  const notifications = inputNotifications(findings, result.notifications);
  const category = options.sarifCategory?.replace(/\/+$/, '');

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: result.toolVersion,
            semanticVersion: result.toolVersion,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ruleDescriptor(rule)),
          },
        },
        ...(category ? { automationDetails: { id: `${category}/` } } : {}),
        invocations: [
          {
            executionSuccessful: !notifications.some((entry) => entry.ruleId === INPUT_RULES.parseError),
            ...(notifications.length > 0
              ? { toolExecutionNotifications: notifications.map((entry) => sarifNotification(entry, ruleIndex, prefix)) }
              : {}),
          },
        ],
        // Described but without a `uri`: an absolute root would leak the machine's path, and an empty or
        // relative one breaks SARIF1004 (a base must resolve to an absolute URI ending in `/`).
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The root of the repository that was analysed.' } },
        },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** Every rule that ran, plus a bare descriptor for any reported id missing from that list, by id. */
function descriptorRules(rules: readonly AnyRule[], findings: readonly Finding[]): AnyRule[] {
  const byId = new Map<string, AnyRule>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  for (const finding of findings) if (!byId.has(finding.ruleId)) byId.set(finding.ruleId, bareRule(finding));
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

function bareRule(finding: Finding): AnyRule {
  return {
    id: finding.ruleId,
    category: finding.ruleId.split('/')[0] ?? finding.ruleId,
    severity: finding.severity,
    description: `Findings reported as ${finding.ruleId}.`,
    fullDescription: '',
    help: '',
    precision: 'high',
    tags: [],
    messages: {},
    defaultOptions: {},
    check() {},
  };
}

function ruleDescriptor(rule: AnyRule) {
  const uri = docsUri(rule);
  const fullDescription = truncate(rule.fullDescription || rule.description, MAX_FULL_DESCRIPTION);
  const helpText = rule.help || rule.description;
  // GitHub sorts and filters alerts by security-severity, and reads it only for rules tagged `security`.
  const tags = unique(['security', ...rule.tags]).slice(0, MAX_TAGS);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription },
    help: { text: helpText, markdown: helpMarkdown(rule, rule.fullDescription || rule.description, helpText, uri) },
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: rule.severity satisfies SarifLevel },
    properties: {
      tags,
      precision: rule.precision,
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
      'security-severity': securitySeverity(rule.securitySeverity ?? defaultSecuritySeverity(rule)),
    },
  };
}

function sarifResult(finding: Finding, uri: string, ruleIndex: Map<string, number>, prefix: string | undefined, fix?: ProposedFix) {
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: finding.severity satisfies SarifLevel,
    message: { text: sentence(finding.message) },
    locations: [{ physicalLocation: physicalLocation(finding.location, uri) }],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, index) => ({
            id: index + 1,
            physicalLocation: physicalLocation(related.location, artifactUri(related.location.file, prefix)),
            message: { text: sentence(related.message) },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, uri) },
    ...(fix ? { fixes: [sarifFix(fix, prefix)] } : {}),
    ...(finding.function === undefined && finding.actions === undefined
      ? {}
      : { properties: { ...(finding.function === undefined ? {} : { function: finding.function }), ...(finding.actions === undefined ? {} : { actions: finding.actions }) } }),
  };
}

/** `noops-lint fix`'s change as a SARIF fix: whole lines replaced, line breaks included. */
function sarifFix(fix: ProposedFix, prefix: string | undefined) {
  return {
    description: { text: sentence(fix.description) },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(fix.file, prefix), uriBaseId: SRCROOT },
        replacements: fix.replacements.map((replacement) => ({
          deletedRegion: replacement.lineBreak
            ? { startLine: replacement.startLine, startColumn: 1, endLine: replacement.endLine + 1, endColumn: 1 }
            : { startLine: replacement.startLine, startColumn: 1, endLine: replacement.endLine, endColumn: replacement.endColumn },
          insertedContent: { text: replacement.text },
        })),
      },
    ],
  };
}

function physicalLocation(location: Location, uri: string) {
  const region = normalizedRegion(location);
  return {
    artifactLocation: { uri, uriBaseId: SRCROOT },
    region: {
      startLine: region.line,
      startColumn: region.column,
      endLine: region.endLine,
      endColumn: region.endColumn,
    },
  };
}

interface InputNotification {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
}

/**
 * Parse failures and skipped files, from the findings (which carry full locations) and from the
 * result's notification list, each once.
 */
function inputNotifications(findings: readonly Finding[], extra: readonly ToolNotification[]): InputNotification[] {
  const entries: InputNotification[] = findings
    .filter((finding) => NOTIFICATION_RULES.has(finding.ruleId))
    .map(({ ruleId, severity, message, location }) => ({ ruleId, severity, message, location }));
  const seen = new Set(entries.map((entry) => notificationKey(entry.ruleId, entry.location.file, entry.location.line, entry.message)));
  for (const notification of extra) {
    const key = notificationKey(notification.ruleId, notification.file, notification.line, notification.message);
    if (seen.has(key)) continue;
    seen.add(key);
    const line = Math.max(1, notification.line);
    entries.push({
      ruleId: notification.ruleId,
      severity: notification.ruleId === INPUT_RULES.parseError ? 'error' : 'warning',
      message: notification.message,
      location: { file: notification.file, line, column: 1, endLine: line, endColumn: 1 },
    });
  }
  return entries.sort(
    (a, b) =>
      compareStrings(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.message, b.message),
  );
}

function notificationKey(ruleId: string, file: string, line: number, message: string): string {
  return JSON.stringify([ruleId, file, line, message]);
}

function sarifNotification(entry: InputNotification, ruleIndex: Map<string, number>, prefix: string | undefined) {
  return {
    level: entry.severity satisfies SarifLevel,
    message: { text: sentence(entry.message) },
    locations: [{ physicalLocation: physicalLocation(entry.location, artifactUri(entry.location.file, prefix)) }],
    associatedRule: { id: entry.ruleId, index: ruleIndex.get(entry.ruleId) ?? -1 },
  };
}

function compareResults(a: Finding, aUri: string, b: Finding, bUri: string): number {
  return compareStrings(aUri, bUri) || compareFindings(a, b);
}

/** `iam/wildcard-action` → `IamWildcardAction`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** GitHub reads security-severity as a string score between 0.1 and 10.0. */
/**
 * The score of a rule without one of its own, from its default severity on GitHub's bands (high from 7.0, medium
 * from 4.0, low below). noops-lint's own ids (input/*, internal/*, suppression/*) are about the input or the tool,
 * not a weakness in the code: low whatever their severity.
 */
export function defaultSecuritySeverity(rule: Pick<AnyRule, 'id' | 'severity'>): number {
  if (/^(input|internal|suppression)\//.test(rule.id)) return 2.0;
  return DEFAULT_SECURITY_SEVERITY[rule.severity];
}

const DEFAULT_SECURITY_SEVERITY: Record<Severity, number> = { error: 7.0, warning: 5.0, note: 2.0 };

function securitySeverity(score: number): string {
  return Math.min(10, Math.max(0.1, score)).toFixed(1);
}

/** SARIF messages are plain-text sentences; a message without closing punctuation gets a period. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Help as Markdown for the code scanning alert page: the whole full description (no length cap
 * there), then the help text with indented lines (an example) fenced as code, then the docs link.
 */
function helpMarkdown(rule: AnyRule, fullDescription: string, helpText: string, uri: string | undefined): string {
  const parts = [fullDescription, '', '### How to fix', '', ...fenceIndentedLines(helpText), ...(uri ? ['', `See [${rule.id}](${uri}).`] : [])];
  return parts.join('\n');
}

/** Markdown of a help text: lines indented by two spaces or more (an example) become a fenced code block. */
export function fenceIndentedLines(text: string): string[] {
  const out: string[] = [];
  let code: string[] = [];
  const flush = () => {
    if (code.length === 0) return;
    let blankTail = 0;
    while (code.at(-1)?.trim() === '') {
      code.pop();
      blankTail++;
    }
    const indent = Math.min(...code.map((line) => line.length - line.trimStart().length));
    out.push('```', ...code.map((line) => line.slice(indent)), '```', ...Array<string>(blankTail).fill(''));
    code = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s{2,}\S/.test(line) || (code.length > 0 && line.trim() === '')) code.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}
