// GitHub Actions workflow commands: one annotation per finding, within GitHub's per-step limits.
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { compareFindings, normalizedRegion, outputPath, sortFindings } from './findings.js';
import type { Reporter } from './reporter.js';
import { notAnalysedLine, unresolvedLine } from './stylish.js';

/** GitHub shows 10 error, 10 warning and 10 notice annotations per step and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

export const github: Reporter = (result, options) => {
  const bySeverity = sortFindings(result.findings).sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareFindings(a, b),
  );
  const total = { error: 0, warning: 0, note: 0 };
  for (const finding of bySeverity) total[finding.severity]++;
  const overflows = total.error > ANNOTATIONS_PER_LEVEL || total.warning > ANNOTATIONS_PER_LEVEL || total.note > ANNOTATIONS_PER_LEVEL;
  // The closing "N more" line is itself a notice, so it takes the tenth notice slot when needed.
  const limit: Record<Severity, number> = {
    error: ANNOTATIONS_PER_LEVEL,
    warning: ANNOTATIONS_PER_LEVEL,
    note: overflows ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL,
  };
  const shown = { error: 0, warning: 0, note: 0 };
  const lines: string[] = [];
  for (const finding of bySeverity) {
    if (shown[finding.severity] >= limit[finding.severity]) continue;
    shown[finding.severity]++;
    lines.push(annotation(finding, options.cwdPrefix));
  }
  const dropped = bySeverity.length - lines.length;
  if (dropped > 0) {
    const noun = dropped === 1 ? 'finding' : 'findings';
    lines.push(`::notice::${escapeData(`${dropped} more ${noun}: see the job summary or code scanning`)}`);
  }
  // A plain log line, not an annotation: the values left unresolved are the tool's limit, not a place in the code.
  if (options.unresolved) lines.push(`noops-lint: ${unresolvedLine(options.unresolved)}`);
  if (options.notAnalysed) lines.push(`noops-lint: ${notAnalysedLine(options.notAnalysed)}`);
  return lines.map((line) => line + '\n').join('');
};

/** One workflow command for a finding, with the runner's escaping; the Action reuses it. */
export function annotation(finding: Finding, prefix: string | undefined): string {
  const region = normalizedRegion(finding.location);
  const properties: Array<[string, string | number]> = [
    ['file', outputPath(finding.location.file, prefix)],
    ['line', region.line],
    ['endLine', region.endLine],
  ];
  // Toolkit: columns may only be sent when the annotation starts and ends on the same line.
  // GitHub's endColumn is the last column covered, ours is exclusive.
  if (region.endLine === region.line) properties.push(['col', region.column], ['endColumn', region.endColumn - 1]);
  properties.push(['title', finding.ruleId]);
  const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[finding.severity]} ${rendered}::${escapeData(finding.message)}`;
}

/** actions/toolkit packages/core src/command.ts escapeData. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** actions/toolkit packages/core src/command.ts escapeProperty. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
