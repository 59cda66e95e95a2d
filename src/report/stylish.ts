// The default human format: findings grouped by file, wrapped at the terminal's width, then one summary line.
import * as util from 'node:util';
import type { Finding, Severity } from '../model/finding.js';
import type { LintResult } from '../engine/result.js';
import { countSeverities, displayPath, singleLine, sortFindings } from './findings.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { docsUri } from '../util/docs-link.js';
import { plural } from '../util/plural.js';

type Style = Parameters<typeof util.styleText>[0];
type Paint = (style: Style, text: string) => string;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };

/** The width when the output is not a terminal (a file, a pipe, CI logs). */
export const DEFAULT_WIDTH = 80;
/** Narrower terminals are treated as this wide: below it a message would be a column of single words. */
const MIN_WIDTH = 40;

export const stylish: Reporter = (result, options) => {
  const paint = painter(options.color);
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const docs = new Map(result.rules.map((rule) => [rule.id, docsUri(rule)]));
  // OSC 8: in a terminal that shows hyperlinks, the rule id itself links to its docs (the compact form of the link).
  const link = (ruleId: string): string => {
    const uri = options.hyperlinks ? docs.get(ruleId) : undefined;
    return uri ? `\u001b]8;;${uri}\u001b\\${ruleId}\u001b]8;;\u001b\\` : ruleId;
  };
  const findings = sortFindings(result.findings);
  const lines: string[] = [];
  for (const group of groupByFile(findings, options.cwdPrefix)) {
    lines.push(paint(['bold', 'underline'], group.path));
    for (const line of formatGroup(group.findings, width, paint, link)) lines.push(line);
    lines.push('');
  }
  lines.push(summaryLine(result, findings, paint, options.hidden));
  if (options.unresolved) lines.push(paint('dim', unresolvedLine(options.unresolved)));
  if (options.notAnalysed) lines.push(paint('dim', notAnalysedLine(options.notAnalysed)));
  return lines.join('\n') + '\n';
};

/**
 * One finding per row: `line:column  severity  message  rule-id` when it fits the width. A longer message is
 * wrapped at the width, its lines under the message's first (never padded to the longest message of the file), and
 * the rule id goes on a line of its own at the same indent.
 */
function formatGroup(findings: Finding[], width: number, paint: Paint, link: (ruleId: string) => string): string[] {
  const rows = findings.map((finding) => ({
    line: String(finding.location.line),
    column: String(finding.location.column),
    severity: finding.severity,
    message: singleLine(finding.message),
    ruleId: finding.ruleId,
  }));
  // A loop, not Math.max(...rows): a file with 100,000 findings would overflow the argument list.
  const widest = (pick: (row: (typeof rows)[number]) => string) => rows.reduce((most, row) => Math.max(most, pick(row).length), 0);
  const lineWidth = widest((row) => row.line);
  const columnWidth = widest((row) => row.column);
  const severityWidth = widest((row) => row.severity);
  const indent = 2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2;
  const room = Math.max(MIN_WIDTH / 2, width - indent);
  const margin = ' '.repeat(indent);
  const out: string[] = [];
  for (const row of rows) {
    // Widths are measured on plain text and colour added afterwards, so escapes never skew columns.
    const head =
      '  ' + paint('dim', `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`) + '  ' + paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(severityWidth)) + '  ';
    const rule = paint('dim', link(row.ruleId));
    if (row.message.length + 2 + row.ruleId.length <= room) {
      out.push(`${head}${row.message}  ${rule}`);
      continue;
    }
    const [first, ...rest] = wrap(row.message, room);
    out.push(`${head}${first}`);
    for (const text of rest) out.push(margin + text);
    out.push(margin + rule);
  }
  return out;
}

/** Words into lines of at most `width` characters; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (current && current.length + 1 + word.length <= width) {
      current += ` ${word}`;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    current = rest;
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
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

/** The one line that stands for the input/handler-not-analysed notes left out of a report. */
export function notAnalysedLine(count: number): string {
  const notes = count === 1 ? '1 note names' : `${count} notes name`;
  return `${notes} functions whose code noops-lint could not follow (built archives, build output, handlers built at run time); --verbose lists them.`;
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
