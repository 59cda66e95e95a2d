// The default human format: findings grouped by file in aligned columns, then one summary line.
import * as util from 'node:util';
import type { Finding, Severity } from '../model/finding.js';
import type { LintResult } from '../engine/result.js';
import { countSeverities, displayPath, singleLine, sortFindings } from './findings.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { plural } from '../util/plural.js';

type Style = Parameters<typeof util.styleText>[0];
type Paint = (style: Style, text: string) => string;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };

/**
 * Messages up to this length line their rule ids up in one column; a longer message is followed by its rule id
 * without padding, so one long message never pads every other line of its file (800 long function names once
 * made 330 MB of output).
 */
export const ALIGNED_MESSAGE_LENGTH = 72;

export const stylish: Reporter = (result, options) => {
  const paint = painter(options.color);
  const findings = sortFindings(result.findings);
  const lines: string[] = [];
  for (const group of groupByFile(findings, options.cwdPrefix)) {
    lines.push(paint(['bold', 'underline'], group.path));
    for (const line of formatGroup(group.findings, paint)) lines.push(line);
    lines.push('');
  }
  lines.push(summaryLine(result, findings, paint, options.hidden));
  if (options.unresolved) lines.push(paint('dim', unresolvedLine(options.unresolved)));
  return lines.join('\n') + '\n';
};

function formatGroup(findings: Finding[], paint: Paint): string[] {
  const rows = findings.map((finding) => ({
    line: String(finding.location.line),
    column: String(finding.location.column),
    severity: finding.severity,
    message: singleLine(finding.message),
    ruleId: finding.ruleId,
  }));
  // A loop, not Math.max(...rows): a file with 100,000 findings would overflow the argument list.
  const width = (pick: (row: (typeof rows)[number]) => string, limit = Infinity) =>
    rows.reduce((widest, row) => (pick(row).length <= limit ? Math.max(widest, pick(row).length) : widest), 0);
  const lineWidth = width((row) => row.line);
  const columnWidth = width((row) => row.column);
  const severityWidth = width((row) => row.severity);
  const messageWidth = width((row) => row.message, ALIGNED_MESSAGE_LENGTH);
  // Padding is measured on plain text and colour added afterwards, so escapes never skew columns.
  return rows.map(
    (row) =>
      '  ' +
      paint('dim', `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`) +
      '  ' +
      paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(severityWidth)) +
      '  ' +
      row.message.padEnd(messageWidth) +
      '  ' +
      paint('dim', row.ruleId),
  );
}

function groupByFile(findings: Finding[], prefix: string | undefined): Array<{ path: string; findings: Finding[] }> {
  const groups: Array<{ path: string; findings: Finding[] }> = [];
  for (const finding of findings) {
    const path = displayPath(finding.location.file, prefix);
    const last = groups.at(-1);
    if (last && last.path === path) last.findings.push(finding);
    else groups.push({ path, findings: [finding] });
  }
  return groups;
}

/** The one line that stands for the input/unresolved notes left out of a report. */
export function unresolvedLine(count: number): string {
  const values = count === 1 ? '1 value was' : `${count} values were`;
  return `${values} left unresolved (read only at deployment); --verbose lists them.`;
}

function summaryLine(result: LintResult, findings: Finding[], paint: Paint, hidden: ReporterOptions['hidden']): string {
  const fileCount = new Set([...result.files, ...(result.sourceFiles ?? []), ...findings.map((finding) => finding.location.file)]).size;
  const files = plural(fileCount, 'file');
  const held = hidden ? [hidden.warnings ? plural(hidden.warnings, 'warning') : '', hidden.notes ? plural(hidden.notes, 'note') : ''].filter(Boolean) : [];
  const heldText = held.length ? ` (${held.join(' and ')} hidden by --quiet)` : '';
  if (findings.length === 0) return paint('green', `No ${hidden ? 'errors' : 'problems'} found in ${files}`) + `${heldText}.`;
  const counts = countSeverities(findings);
  const text = hidden
    ? `${plural(counts.errors, 'error')} in ${files}`
    : `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')} in ${files}`;
  const style: Style = counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'cyan';
  return paint(['bold', style] as Style, text) + heldText;
}

/**
 * The CLI has already decided whether to colour (TTY, NO_COLOR, FORCE_COLOR, flags), so the
 * stream check styleText does by default is turned off: the reporter stays a pure function.
 */
function painter(color: boolean): Paint {
  const styleText = (util as Partial<typeof util>).styleText;
  if (!color || typeof styleText !== 'function') return (_style, text) => text;
  return (style, text) => (text === '' ? text : styleText(style, text, { validateStream: false }));
}
