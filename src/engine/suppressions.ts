// Inline and resource-Metadata suppressions: parses them, holds back the findings they cover, and reports
// the ones that cannot be trusted (no reason, expired, unknown rule) or that suppress nothing.
import type { ProjectFiles } from '../load/files.js';
import type { Location } from '../model/location.js';
import { locationOf, locationOfKey, locationOfValue } from '../model/positions.js';
import type { Project, ResourceModel } from '../model/project.js';
import type { Finding } from '../model/finding.js';
import type { SuppressedFinding, SuppressionRecord } from './result.js';
import { defineRule, type AnyRule } from '../../rules/kit.js';
import { closest } from '../util/closest.js';
import { isRecord } from '../util/is-record.js';

export const SUPPRESSION_RULE_IDS = {
  missingReason: 'suppression/missing-reason',
  expired: 'suppression/expired',
  unknownRule: 'suppression/unknown-rule',
  unused: 'suppression/unused',
  unknownDirective: 'suppression/unknown-directive',
} as const;

const meta = (id: string, severity: 'error' | 'warning', description: string, fullDescription: string, help: string): AnyRule =>
  defineRule({
    id,
    category: 'suppression',
    severity,
    description,
    fullDescription,
    help,
    precision: 'very-high',
    tags: ['noops-lint', 'suppression'],
    messages: {},
    defaultOptions: {},
    check() {},
  });

/** Described like rules so SARIF, `explain` and the config can name them. */
export const SUPPRESSION_RULES: AnyRule[] = [
  meta(
    SUPPRESSION_RULE_IDS.expired,
    'warning',
    'A suppression is past its `until` date, or its date is not YYYY-MM-DD.',
    'A suppression with an `until` date stops applying the day after that date, so the finding it held back is reported again. An unreadable date never applies.',
    'Fix the finding, or renew the suppression with a new date and a reason:\n\n  Metadata:\n    noops-lint:\n      ignore:\n        - rule: iam/wildcard-resource\n          reason: legacy bucket, tracked in OPS-12\n          until: 2026-12-31',
  ),
  meta(
    SUPPRESSION_RULE_IDS.missingReason,
    'warning',
    'A suppression has no reason, so it does not apply.',
    'Every suppression must say why the finding is acceptable, so reviewers and auditors can judge it. A suppression without a reason suppresses nothing and the finding stays reported.',
    'Add the reason after ` -- `:\n\n  # noops-lint-disable-next-line iam/wildcard-action -- read-only audit role, reviewed in SEC-42',
  ),
  meta(
    SUPPRESSION_RULE_IDS.unknownRule,
    'error',
    'A suppression names a rule that does not exist.',
    'A misspelt rule id would silently suppress nothing, so it is reported instead. The comment must list rule ids separated by commas, then ` -- ` and the reason.',
    'Correct the rule id (`noops-lint rules` lists them); put ` -- ` between the rule ids and the reason:\n\n  // noops-lint-disable-next-line iam/wildcard-resource(s3:GetObject) -- public assets bucket',
  ),
  meta(
    SUPPRESSION_RULE_IDS.unknownDirective,
    'error',
    'A noops-lint comment is not a directive noops-lint knows.',
    'A comment starting with noops-lint- that is not noops-lint-disable-next-line, noops-lint-disable-line, noops-lint-disable or noops-lint-enable (a typo such as noops-lint-disable-nextline, or another tool\'s word such as noops-lint-ignore) would silently suppress nothing, so it is reported.',
    'Write one of the four directives:\n\n  # noops-lint-disable-next-line iam/wildcard-action -- reason\n  Resource: "*"  # noops-lint-disable-line iam/wildcard-resource -- reason\n  # noops-lint-disable ops/tracing-disabled -- reason\n  # noops-lint-enable ops/tracing-disabled',
  ),
  meta(
    SUPPRESSION_RULE_IDS.unused,
    'warning',
    'A suppression suppresses nothing.',
    'The finding it was written for is gone (fixed, moved, or narrowed differently). An unused suppression would hide a later regression on that line, so it is reported.',
    'Delete the suppression, or move it to the line just above the finding.',
  ),
];

export const INLINE_DIRECTIVE = 'noops-lint-disable-next-line';
/** The comment directives, as ESLint spells its own: the next line, this line, and a block from disable to enable. */
const DIRECTIVES = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;
type DirectiveKind = (typeof DIRECTIVES)[number];

/** A cheap look before a file's lines are read for suppression comments. */
export function holdsInlineDirective(text: string): boolean {
  return text.includes('noops-lint-');
}

/** One rule a suppression names, optionally narrowed to one action or resource: `iam/wildcard-resource(s3:GetObject)`. */
export interface RuleSelector {
  ruleId: string;
  qualifier?: string;
}

export interface Suppression {
  source: 'inline' | 'metadata';
  selector: RuleSelector;
  /** Where it is written. */
  location: Location;
  reason?: string;
  /** YYYY-MM-DD, last day it applies. */
  until?: string;
  /** What it covers. */
  target: InlineTarget | ResourceTarget;
}

interface InlineTarget {
  kind: 'line';
  file: string;
  line: number;
  /** In YAML, a key's nested block belongs to it: `Action:` followed by its list items. */
  endLine: number;
}

interface ResourceTarget {
  kind: 'resource';
  file: string;
  logicalId: string;
  startLine: number;
  endLine: number;
  /** Set when the resource is also a function: findings about it in its code are covered too, when no other service has a function of that name. */
  function?: { service: string; name: string };
}

/** What a unit of a run (the project, or one service) found in resource Metadata: plain data that crosses threads. */
export interface MetadataSuppressions {
  suppressions: Suppression[];
  /** Metadata blocks that cannot be read as suppressions. */
  problems: Finding[];
}

export interface ApplySuppressionsOptions {
  findings: Finding[];
  files: ProjectFiles;
  /** Files to scan for comments: the manifests read and the handler sources they reach. */
  scanFiles: readonly string[];
  /** Every function of the run, so a Metadata suppression on a function covers its code findings only when its name is unique. */
  functions: ReadonlyArray<{ service: string; name: string }>;
  metadata: MetadataSuppressions;
  /** Every rule id noops-lint knows (enabled or not), to tell a typo from a disabled rule. */
  knownRuleIds: ReadonlySet<string>;
  /** The rules that ran: only their suppressions can be unused. */
  ranRuleIds: ReadonlySet<string>;
  now: Date;
  /** Files known to hold no suppression comment, which need not be read again. */
  withoutDirectives?: ReadonlySet<string>;
}

export interface SuppressionOutcome {
  /** Findings still reported, plus the problems with suppressions, unsorted. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

// Comment lines: "# ..." (YAML, Python, shell), "// ..." and "/* ..." (JS/TS).
const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*)/;
/** A comment whose text starts with `noops-lint-<word>`, on its own line or after code: the word, then the rest. */
const DIRECTIVE = /(?:^|[\s;,)\]}])(?:#|\/\/|\/\*+)\s*noops-lint-([a-z][a-z-]*)(?=\s|$|\*)(.*)$/;
const RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function applySuppressions(options: ApplySuppressionsOptions): SuppressionOutcome {
  const problems: Finding[] = [...options.metadata.problems];
  const suppressions = [...collectInlineSuppressions(options, problems), ...options.metadata.suppressions];
  const functionNames = new Map<string, number>();
  for (const fn of options.functions) functionNames.set(fn.name, (functionNames.get(fn.name) ?? 0) + 1);
  // A function name shared by two services cannot tell which one a code finding belongs to.
  const uniqueName = (name: string): boolean => functionNames.get(name) === 1;
  const active: Suppression[] = [];
  for (const suppression of suppressions) {
    const problem = validate(suppression, options);
    if (problem) problems.push(problem);
    else active.push(suppression);
  }

  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of options.findings) {
    const matching = active.filter((s) => covers(s, finding, uniqueName));
    if (matching.length === 0) {
      kept.push(finding);
      continue;
    }
    for (const s of matching) used.add(s);
    suppressed.push({ finding, suppressions: matching.map(toRecord) });
  }
  for (const suppression of active) {
    if (used.has(suppression) || !options.ranRuleIds.has(suppression.selector.ruleId)) continue;
    problems.push(
      problem(
        SUPPRESSION_RULE_IDS.unused,
        'warning',
        `The suppression of ${describeSelector(suppression.selector)} suppresses nothing${suppression.target.kind === 'line' ? ` on line ${suppression.target.line}` : ` in ${suppression.target.logicalId}`}. Delete it, or move it above the line that is reported.`,
        suppression,
      ),
    );
  }
  return { findings: [...kept, ...problems], suppressed };
}

// `rest` without the comment's closing star-slash and the stars before it: a scan from the end, linear where the
// regular expression it replaces was quadratic on a line of 300,000 stars.
function withoutCommentEnd(rest: string): string {
  const trimmed = rest.trimEnd();
  if (!trimmed.endsWith('*/')) return rest;
  let end = trimmed.length - 1;
  while (end > 0 && trimmed.charCodeAt(end - 1) === 42) end -= 1;
  return trimmed.slice(0, end);
}

/** Parses the rule list and reason of a `noops-lint-disable-next-line` comment's remainder. */
export function parseDirective(rest: string): { selectors: string[]; reason?: string } {
  const body = withoutCommentEnd(rest).trim();
  const split = body.match(/^(.*?)(?:^|\s)--(?:\s+(.*))?$/s);
  const list = split ? split[1]! : body;
  const reason = split?.[2]?.trim();
  return { selectors: splitSelectors(list), reason: reason || undefined };
}

/** Splits `a, b(x, y) c` on commas and spaces outside parentheses. */
function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || /\s/.test(char))) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current) out.push(current);
  return out;
}

/** `iam/wildcard-resource(s3:GetObject)` → rule id and qualifier; undefined when it is not shaped like a rule id. */
export function parseSelector(text: string): RuleSelector | undefined {
  const match = text.trim().match(/^([^()\s]+?)(?:\(\s*([^()]*?)\s*\))?$/);
  if (!match || !RULE_ID.test(match[1]!)) return undefined;
  return match[2] ? { ruleId: match[1]!, qualifier: match[2] } : { ruleId: match[1]! };
}

function collectInlineSuppressions(options: ApplySuppressionsOptions, problems: Finding[]): Suppression[] {
  const files = new Set<string>(options.scanFiles);
  for (const finding of options.findings) files.add(finding.location.file);
  const suppressions: Suppression[] = [];
  for (const file of [...files].sort()) {
    if (options.withoutDirectives?.has(file)) continue;
    const text = options.files.read(file);
    if (!text.ok || !holdsInlineDirective(text.text)) continue;
    suppressions.push(...directivesOf(file, text.text.split(/\r?\n/), problems));
  }
  return suppressions;
}

/** The suppressions a file's comments write; malformed and unknown directives become problems. */
function directivesOf(file: string, lines: string[], problems: Finding[]): Suppression[] {
  const yaml = /\.ya?ml$/i.test(file);
  const suppressions: Suppression[] = [];
  /** Open `noops-lint-disable` blocks, closed by `noops-lint-enable` (of their rule, or of every rule) or the end of the file. */
  let open: Array<{ selector: RuleSelector; location: Location; reason?: string }> = [];
  const closeBlock = (entry: (typeof open)[number], lastLine: number): void => {
    suppressions.push({ source: 'inline', selector: entry.selector, location: entry.location, reason: entry.reason, target: { kind: 'line', file, line: entry.location.line + 1, endLine: lastLine } });
  };
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const word = match[1]!;
    const start = line.indexOf(`noops-lint-${word}`);
    const location: Location = { file, line: index + 1, column: start + 1, endLine: index + 1, endColumn: line.length + 1 };
    if (!(DIRECTIVES as readonly string[]).includes(word)) {
      const known = DIRECTIVES.map((d) => `noops-lint-${d}`);
      const near = closest(`noops-lint-${word}`, known);
      problems.push(
        problem(
          SUPPRESSION_RULE_IDS.unknownDirective,
          'error',
          `"noops-lint-${word}" is not a noops-lint directive, so it suppresses nothing.${near ? ` Did you mean ${near}?` : ''} The directives are ${known.join(', ')}.`,
          { location, selector: { ruleId: `noops-lint-${word}` } },
        ),
      );
      return;
    }
    const kind = word as DirectiveKind;
    const { selectors, reason } = parseDirective(match[2] ?? '');
    const parsed: RuleSelector[] = [];
    for (const text of selectors) {
      const selector = parseSelector(text);
      if (selector) parsed.push(selector);
      else
        problems.push(
          problem(SUPPRESSION_RULE_IDS.unknownRule, 'error', `"${text}" in the noops-lint-${kind} comment is not a rule id, so it suppresses nothing. Rule ids look like iam/wildcard-action; put \` -- \` between the rule ids and the reason.`, {
            location,
            selector: { ruleId: text },
          }),
        );
    }
    if (kind === 'enable') {
      // Without rule ids it ends every open block, as in ESLint.
      const closing = selectors.length === 0 ? open : open.filter((o) => parsed.some((p) => describeSelector(p) === describeSelector(o.selector) || p.ruleId === o.selector.ruleId));
      if (closing.length === 0) {
        problems.push(
          problem(SUPPRESSION_RULE_IDS.unknownDirective, 'error', `This noops-lint-enable comment ends no noops-lint-disable block${selectors.length ? ` of ${selectors.join(', ')}` : ''} above it, so it does nothing; delete it or fix the rule id.`, {
            location,
            selector: { ruleId: 'noops-lint-enable' },
          }),
        );
      }
      for (const entry of closing) closeBlock(entry, index);
      open = open.filter((o) => !closing.includes(o));
      return;
    }
    if (selectors.length === 0) {
      problems.push(
        problem(SUPPRESSION_RULE_IDS.unknownRule, 'error', `The noops-lint-${kind} comment names no rule, so it suppresses nothing. Write the rule id, then \` -- \` and the reason.`, {
          location,
          selector: { ruleId: '' },
        }),
      );
      return;
    }
    for (const selector of parsed) {
      if (kind === 'disable') {
        open.push({ selector, location, reason });
        continue;
      }
      let target: InlineTarget;
      if (kind === 'disable-line') target = { kind: 'line', file, line: index + 1, endLine: index + 1 };
      else {
        const targetLine = nextCodeLine(lines, index + 1);
        const statement = yaml ? yamlStatementRange(lines, targetLine) : undefined;
        target = statement ? { kind: 'line', file, line: statement.start, endLine: statement.end } : { kind: 'line', file, line: targetLine, endLine: yaml ? yamlBlockEnd(lines, targetLine) : targetLine };
        // The comment itself stays the place that is reported for the suppression; only findings below it count.
        if (statement) target = { ...target, line: Math.max(target.line, 1) };
      }
      suppressions.push({ source: 'inline', selector, location, reason, target });
    }
  });
  for (const entry of open) closeBlock(entry, lines.length);
  return suppressions;
}

/**
 * When the line a next-line comment precedes is a key of an IAM policy statement (a list item holding Effect and
 * Action or NotAction), the whole statement: findings about it are reported on any of its keys (Resource for a
 * wildcard, Action for a service wildcard).
 */
function yamlStatementRange(lines: string[], line: number): { start: number; end: number } | undefined {
  const head = lines[line - 1];
  if (head === undefined) return undefined;
  const headIndent = indentOf(head);
  // The item's first line: this one when it starts with "- ", else the nearest line above that starts an item
  // whose keys sit at this line's indentation.
  let itemLine = -1;
  let dash = -1;
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (i < line - 1 && (text.trim() === '' || /^\s*#/.test(text))) continue;
    const m = /^(\s*)-\s+(?=\S)/.exec(text);
    if (m && (i === line - 1 || m[0].length === headIndent)) {
      itemLine = i + 1;
      dash = m[1]!.length;
      break;
    }
    if (indentOf(text) < headIndent) return undefined;
  }
  if (itemLine < 0) return undefined;
  const keysIndent = /^(\s*-\s+)/.exec(lines[itemLine - 1]!)![1]!.length;
  let end = itemLine;
  const keys = new Set<string>();
  const keyOf = (text: string): string | undefined => /^\s*(?:-\s+)?([A-Za-z]+)\s*:/.exec(text)?.[1];
  keys.add(keyOf(lines[itemLine - 1]!) ?? '');
  for (let i = itemLine; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const indent = indentOf(text);
    if (indent <= dash) break;
    if (indent === keysIndent) keys.add(keyOf(text) ?? '');
    end = i + 1;
  }
  const statement = keys.has('Effect') && (keys.has('Action') || keys.has('NotAction'));
  return statement && line >= itemLine && line <= end ? { start: itemLine, end } : undefined;
}

/** The line a `disable-next-line` comment applies to: the next one that is neither blank nor a comment. */
function nextCodeLine(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || COMMENT_LINE.test(line)) continue;
    return i + 1;
  }
  return from + 1;
}

/** The last line of the YAML block a key line opens (deeper-indented lines, or a compact list under the key). */
function yamlBlockEnd(lines: string[], line: number): number {
  const head = lines[line - 1];
  if (head === undefined || !/:\s*(#.*)?$/.test(head)) return line;
  const indent = indentOf(head);
  let end = line;
  for (let i = line; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const deeper = indentOf(text) > indent || (indentOf(text) === indent && /^\s*-(\s|$)/.test(text) && !/^\s*-/.test(head));
    if (!deeper) break;
    end = i + 1;
  }
  return end;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * `Metadata: { noops-lint: { ignore: [{ rule, reason, until }] } }` on a CloudFormation/SAM resource (SAM keeps
 * Metadata on AWS::Serverless::Function). cfn_nag's `suppress: [{ id, reason }]` spelling is accepted too.
 */
export function collectMetadataSuppressions(project: Project): MetadataSuppressions {
  const problems: Finding[] = [];
  const suppressions: Suppression[] = [];
  for (const resource of project.resources) {
    const block = resource.metadata?.['noops-lint'];
    if (block === undefined) continue;
    const blockLocation = locationOfValue(resource.metadata, 'noops-lint') ?? resource.location;
    const entries = isRecord(block) ? (block.ignore ?? block.suppress) : undefined;
    if (!Array.isArray(entries)) {
      problems.push(
        problem(SUPPRESSION_RULE_IDS.unknownRule, 'error', `Metadata.noops-lint of ${resource.logicalId} must hold a list "ignore" of { rule, reason, until } entries; it suppresses nothing.`, {
          location: blockLocation,
          selector: { ruleId: '' },
        }),
      );
      continue;
    }
    const target = resourceTarget(resource, project);
    entries.forEach((entry, index) => {
      const location = locationOf(entry) ?? locationOfValue(entries, index) ?? blockLocation;
      const ruleText = isRecord(entry) ? (entry.rule ?? entry.id) : undefined;
      const selector = typeof ruleText === 'string' ? parseSelector(ruleText) : undefined;
      if (!isRecord(entry) || !selector) {
        problems.push(
          problem(
            SUPPRESSION_RULE_IDS.unknownRule,
            'error',
            `Entry ${index + 1} of Metadata.noops-lint.ignore on ${resource.logicalId} has no valid "rule" (such as iam/wildcard-action), so it suppresses nothing.`,
            { location, selector: { ruleId: typeof ruleText === 'string' ? ruleText : '' } },
          ),
        );
        return;
      }
      const ruleLocation = locationOfKey(entry, entry.rule === undefined ? 'id' : 'rule') ?? location;
      const reason = typeof entry.reason === 'string' && entry.reason.trim() ? entry.reason.trim() : undefined;
      const until = entry.until instanceof Date ? entry.until.toISOString().slice(0, 10) : entry.until === undefined ? undefined : String(entry.until);
      suppressions.push({ source: 'metadata', selector, location: ruleLocation, reason, until, target });
    });
  }
  return { suppressions, problems };
}

/** The lines of the resource's whole entry (logical id, Properties, Metadata). */
function resourceTarget(resource: ResourceModel, project: Project): ResourceTarget {
  const spans = [resource.location, locationOf(resource.properties), locationOf(resource.metadata)].filter(
    (l): l is Location => l !== undefined && l.file === resource.location.file,
  );
  const fn = project.functions.find((f) => f.service === resource.service && f.name === resource.logicalId);
  return {
    kind: 'resource',
    file: resource.location.file,
    logicalId: resource.logicalId,
    startLine: Math.min(...spans.map((l) => l.line)),
    endLine: Math.max(...spans.map((l) => l.endLine)),
    ...(fn ? { function: { service: fn.service.id, name: fn.name } } : {}),
  };
}

function validate(suppression: Suppression, options: ApplySuppressionsOptions): Finding | undefined {
  const { selector } = suppression;
  if (!options.knownRuleIds.has(selector.ruleId)) {
    return problem(
      SUPPRESSION_RULE_IDS.unknownRule,
      'error',
      `The suppression names the unknown rule "${selector.ruleId}", so it suppresses nothing. Run noops-lint rules to list the rule ids.`,
      suppression,
    );
  }
  if (!suppression.reason) {
    const how = suppression.source === 'inline' ? 'add " -- <reason>" after the rule id' : 'add a "reason" to the entry';
    return problem(SUPPRESSION_RULE_IDS.missingReason, 'warning', `The suppression of ${describeSelector(selector)} has no reason, so it does not apply; ${how}.`, suppression);
  }
  if (suppression.until !== undefined) {
    const until = parseDate(suppression.until);
    if (!until) {
      return problem(SUPPRESSION_RULE_IDS.expired, 'warning', `The suppression of ${describeSelector(selector)} has until "${suppression.until}", which is not a date YYYY-MM-DD, so it does not apply.`, suppression);
    }
    if (today(options.now) > suppression.until) {
      return problem(
        SUPPRESSION_RULE_IDS.expired,
        'warning',
        `The suppression of ${describeSelector(selector)} expired on ${suppression.until}, so the finding is reported again. Fix it, or renew the suppression with a new date.`,
        suppression,
      );
    }
  }
  return undefined;
}

function covers(suppression: Suppression, finding: Finding, uniqueName: (name: string) => boolean): boolean {
  if (finding.ruleId !== suppression.selector.ruleId) return false;
  if (suppression.selector.qualifier !== undefined && !keyHasSegment(finding.key, suppression.selector.qualifier)) return false;
  const target = suppression.target;
  if (target.kind === 'line') return finding.location.file === target.file && finding.location.line >= target.line && finding.location.line <= target.endLine;
  if (finding.location.file === target.file && finding.location.line >= target.startLine && finding.location.line <= target.endLine) return true;
  return target.function !== undefined && finding.function === target.function.name && uniqueName(target.function.name);
}

/**
 * A narrowed suppression matches one segment of the finding's logical key exactly (IAM names compare
 * case-insensitively), so `s3:GetObject` never covers a later `s3:*` or `s3:PutObject`.
 */
export function keyHasSegment(key: string, qualifier: string): boolean {
  const wanted = qualifier.trim().toLowerCase();
  return key.split('|').some((segment) => segment.trim().toLowerCase() === wanted);
}

function toRecord(suppression: Suppression): SuppressionRecord {
  return { kind: 'inSource', source: suppression.source, justification: suppression.reason ?? '', location: suppression.location };
}

function describeSelector(selector: RuleSelector): string {
  return selector.qualifier ? `${selector.ruleId}(${selector.qualifier})` : selector.ruleId;
}

function problem(ruleId: string, severity: 'error' | 'warning', message: string, at: Pick<Suppression, 'location' | 'selector'>): Finding {
  const { location, selector } = at;
  return {
    ruleId,
    severity,
    message,
    location,
    related: [],
    key: `${location.file}|${describeSelector(selector)}`,
  };
}

function parseDate(text: string): Date | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date : undefined;
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

