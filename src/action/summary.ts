// The Markdown job summary: verdict, counts by rule and severity, the first findings, derived versus granted
// permissions per function, and how to suppress. Kept under GitHub's 1 MiB per step.
import type { Finding, Severity } from '../model/finding.js';
import type { SuppressedFinding } from '../engine/result.js';
import { countSeverities, outputPath, singleLine, sortFindings } from '../report/findings.js';
import type { PermissionRow } from '../analyse/permission-table.js';
import { unicodeEscape } from '../util/quote.js';

/** GitHub refuses step summaries over 1 MiB; stay well below it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
const MAX_FINDING_ROWS = 50;
const MAX_ACTIONS_LISTED = 12;

export interface SummaryInput {
  findings: readonly Finding[];
  suppressed: readonly SuppressedFinding[];
  failOn: Severity | 'never';
  exitCode: number;
  /** Root-relative → git-top-level-relative prefix. */
  cwdPrefix?: string;
  permissions?: PermissionRow[];
  /** Set when only-changed limited the report. */
  changedScope?: { files: number; range: string };
  /** Why only-changed could not be honoured (the whole report follows). */
  changedUnavailable?: string;
  /** `https://github.com/owner/repo/blob/<sha>/` for links, when the run knows it. */
  blobBase?: string;
  sarifFile?: string;
}

export function renderSummary(input: SummaryInput): string {
  const findings = sortFindings(input.findings);
  const counts = countSeverities(findings);
  const out: string[] = ['## noops-lint', ''];
  const verdict = input.exitCode === 0 ? '✅ Passed' : input.exitCode === 1 ? '❌ Failed' : '⚠️ Could not run';
  out.push(
    `**${verdict}** (fail-on: \`${input.failOn}\`): ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')}.`,
    '',
  );
  if (input.changedScope) out.push(`Only findings in the ${plural(input.changedScope.files, 'changed file')} (${cell(input.changedScope.range)}) are reported; whole services were analysed.`, '');
  if (input.changedUnavailable) out.push(`> [!NOTE]\n> only-changed is on, but ${cell(input.changedUnavailable)}; every finding is reported.`, '');

  if (findings.length > 0) {
    out.push('### Findings by rule', '', '| Rule | Errors | Warnings | Notes |', '| --- | ---: | ---: | ---: |');
    const byRule = new Map<string, Record<Severity, number>>();
    for (const finding of findings) {
      const row = byRule.get(finding.ruleId) ?? { error: 0, warning: 0, note: 0 };
      row[finding.severity]++;
      byRule.set(finding.ruleId, row);
    }
    for (const [rule, row] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`| \`${rule}\` | ${row.error} | ${row.warning} | ${row.note} |`);
    out.push('');

    const shown = findings.slice(0, MAX_FINDING_ROWS);
    out.push(`### ${findings.length > shown.length ? `First ${shown.length} of ${findings.length} findings` : 'Findings'}`, '', '| Severity | Rule | Where | Message |', '| --- | --- | --- | --- |');
    for (const finding of shown) out.push(`| ${finding.severity} | \`${finding.ruleId}\` | ${where(finding, input)} | ${cell(singleLine(finding.message))} |`);
    out.push('');
  }

  if (input.permissions && input.permissions.length > 0) {
    out.push(
      '### Permissions: derived from code vs granted',
      '',
      'Actions only; resources are checked by the `iam/*` rules.',
      '',
      '| Function | Needed by the code | Granted | Missing | Granted, not used |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const row of input.permissions) {
      const name = `${code(row.function)} (${cell(outputPath(row.manifest, input.cwdPrefix))})${row.caveat ? `<br>⚠️ ${cell(row.caveat)}` : ''}`;
      out.push(`| ${name} | ${actions(row.needed)} | ${actions(row.granted)} | ${actions(row.missing, '✅ none')} | ${row.caveat && row.unused.length === 0 ? 'unknown' : actions(row.unused, '✅ none')} |`);
    }
    out.push('');
  }

  if (input.suppressed.length > 0) {
    const bySource = { inline: 0, metadata: 0, baseline: 0 };
    for (const entry of input.suppressed) bySource[entry.suppressions[0]?.source ?? 'inline']++;
    out.push(`${plural(input.suppressed.length, 'finding')} suppressed: ${bySource.inline} inline, ${bySource.metadata} by resource Metadata, ${bySource.baseline} by the baseline (not in SARIF).`, '');
  }
  if (findings.length > 0) {
    out.push(
      '<details><summary>How to suppress a finding</summary>',
      '',
      'Fix it if you can. Otherwise, on the line above it, with a reason (narrow to one action where you can):',
      '',
      '```yaml',
      '# noops-lint-disable-next-line iam/wildcard-resource(s3:GetObject) -- public assets bucket',
      '```',
      '',
      'In JavaScript or TypeScript use `//`. On a CloudFormation/SAM resource: `Metadata: { noops-lint: { ignore: [{ rule, reason, until }] } }`. For existing findings at once: `noops-lint --write-baseline noops-lint-baseline.json`, then the `baseline` input.',
      '',
      '</details>',
      '',
    );
  }
  if (input.sarifFile) out.push(`SARIF: ${code(input.sarifFile)} (upload it with \`github/codeql-action/upload-sarif\` to see every finding in code scanning).`, '');
  return fitToLimit(out.join('\n'));
}

function where(finding: Finding, input: SummaryInput): string {
  const file = outputPath(finding.location.file, input.cwdPrefix);
  const label = `${file}:${finding.location.line}`;
  if (!input.blobBase) return code(label);
  const href = input.blobBase + file.split('/').map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/') + `#L${finding.location.line}`;
  return `[${code(label)}](${href})`;
}

function actions(list: string[], empty = '—'): string {
  if (list.length === 0) return empty;
  const shown = list.slice(0, MAX_ACTIONS_LISTED).map((a) => code(a));
  return shown.join(' ') + (list.length > shown.length ? ` …and ${list.length - shown.length} more` : '');
}

/**
 * Line breaks of every kind (a lone CR ends a line for GitHub's Markdown too), the other control characters, and
 * the invisible format characters that reorder text (bidi overrides): one line of visible text.
 */
function oneLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, unicodeEscape);
}

/** Plain text safe inside a Markdown table cell: no HTML, no links, emphasis or other Markdown from user strings. */
export function cell(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** A code span in a table cell: backticks cannot end it early, pipes cannot split the row. */
export function code(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function fitToLimit(text: string): string {
  if (Buffer.byteLength(text, 'utf8') <= SUMMARY_LIMIT_BYTES) return text + '\n';
  const note = '\n\n… the summary was cut to stay under GitHub’s 1 MiB limit; see code scanning for every finding.\n';
  let cut = text.slice(0, SUMMARY_LIMIT_BYTES - 1000);
  cut = cut.slice(0, cut.lastIndexOf('\n'));
  return cut + note;
}
