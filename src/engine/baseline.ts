// Baselines: record today's findings by a line-independent fingerprint, then report only findings that are new.
import { createHash } from 'node:crypto';
import type { ProjectFiles } from '../load/files.js';
import type { Finding } from '../model/finding.js';
import type { SuppressedFinding } from './result.js';

export const BASELINE_VERSION = 1;

/** Findings that must be fixed, never accepted: a broken file or a crash proves nothing about the code. */
const NEVER_BASELINED = /^(input\/parse-error|internal\/|suppression\/)/;

export interface BaselineEntry {
  fingerprint: string;
  /** For people reading the diff of the baseline file; matching uses only the fingerprint. */
  ruleId: string;
  file: string;
  message: string;
  /** How many current findings share the fingerprint (two identical calls in one function). */
  count: number;
}

export interface BaselineFile {
  version: number;
  tool: 'noops-lint';
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/**
 * The finding's logical identity: rule, file, its logical key (function or resource logical id, policy
 * path, action) and the normalised text it points at. Never the line number, so moving code keeps it.
 */
export function baselineFingerprint(finding: Finding, files: ProjectFiles): string {
  const content = normalisedContent(finding, files);
  return createHash('sha256').update(['v1', finding.ruleId, finding.location.file, finding.key, content].join('\n')).digest('hex').slice(0, 32);
}

/**
 * The text the finding starts at, on its first line only (a finding on a whole resource would otherwise change
 * identity with every edit inside it), without whitespace and quotes, so re-indenting or re-quoting keeps it.
 */
function normalisedContent(finding: Finding, files: ProjectFiles): string {
  const text = files.read(finding.location.file);
  if (!text.ok) return '';
  const { line, column, endLine, endColumn } = finding.location;
  const whole = text.text.split(/\r?\n/)[line - 1];
  if (whole === undefined) return '';
  const from = Math.max(0, column - 1);
  const to = endLine === line && endColumn - 1 > from ? endColumn - 1 : whole.length;
  return whole.slice(from, to).replace(/[\s'"`]+/g, '').slice(0, 500);
}

export function createBaseline(findings: readonly Finding[], files: ProjectFiles): BaselineFile {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (NEVER_BASELINED.test(finding.ruleId)) continue;
    const fingerprint = baselineFingerprint(finding, files);
    const existing = entries.get(fingerprint);
    if (existing) existing.count++;
    else entries.set(fingerprint, { fingerprint, ruleId: finding.ruleId, file: finding.location.file, message: finding.message, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: 'noops-lint', findings: sorted };
}

export function serializeBaseline(baseline: BaselineFile): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

export function parseBaseline(text: string, displayName: string): BaselineFile {
  let value: unknown;
  // An editor may save the file with a byte order mark.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    value = JSON.parse(json);
  } catch (error) {
    // Only the position: the parser's own message quotes the text, and the file may be a link to a secret.
    const position = /at position (\d+)/.exec((error as Error).message);
    const where = position ? ` at line ${lineAndColumn(json, Number(position[1]))}` : '';
    throw new BaselineError(`The baseline ${displayName} is not valid JSON${where}; write it again with --write-baseline ${displayName}.`);
  }
  const doc = value as Partial<BaselineFile> | null;
  if (!doc || typeof doc !== 'object' || doc.version !== BASELINE_VERSION || !Array.isArray(doc.findings)) {
    throw new BaselineError(`The baseline ${displayName} is not a noops-lint baseline (version ${BASELINE_VERSION}); write it again with --write-baseline ${displayName}.`);
  }
  for (const [index, entry] of doc.findings.entries()) {
    if (!entry || typeof entry.fingerprint !== 'string' || !Number.isInteger(entry.count) || entry.count < 1) {
      throw new BaselineError(`Entry ${index + 1} of the baseline ${displayName} has no fingerprint or count; write it again with --write-baseline ${displayName}.`);
    }
  }
  return doc as BaselineFile;
}

/** `3, column 7` for an offset into `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}, column ${offset - before.lastIndexOf('\n')}`;
}

export interface BaselineOutcome {
  /** Findings not in the baseline: the only ones reported and counted. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Holds back findings the baseline records, up to the recorded count per fingerprint, in report order,
 * so a second identical finding beyond the recorded count is new.
 */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile, files: ProjectFiles, displayName: string): BaselineOutcome {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + entry.count);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (NEVER_BASELINED.test(finding.ruleId)) {
      kept.push(finding);
      continue;
    }
    const fingerprint = baselineFingerprint(finding, files);
    const left = remaining.get(fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(fingerprint, left - 1);
      suppressed.push({ finding, suppressions: [{ kind: 'external', source: 'baseline', justification: `Recorded in the baseline ${displayName}.` }] });
    } else {
      kept.push(finding);
    }
  }
  return { findings: kept, suppressed };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
