// What every reporter needs from a run's findings: one order, counts, output paths and fingerprints.
import { createHash } from 'node:crypto';
import { compareFindings, compareStrings, type Finding, type Severity } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { unicodeEscape } from '../util/quote.js';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  notes: number;
}

export { compareFindings, compareStrings } from '../model/finding.js';

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, notes: 0 };
  for (const finding of findings) counts[COUNT_KEY[finding.severity]]++;
  return counts;
}

const COUNT_KEY: Record<Severity, keyof SeverityCounts> = { error: 'errors', warning: 'warnings', note: 'notes' };

/**
 * A root-relative path as printed: `prefix/file` with forward slashes. The prefix (options.cwdPrefix)
 * is where the project root sits relative to the directory output paths are meant for (the git
 * top-level), so `serverless.yml` in `services/api` prints as `services/api/serverless.yml`.
 */
export function outputPath(file: string, prefix = ''): string {
  const parts = [...splitPath(prefix), ...splitPath(file)];
  return parts.join('/');
}

function splitPath(value: string): string[] {
  return value.split('/').filter((part) => part !== '' && part !== '.');
}

/**
 * The path as a relative URI reference (RFC 3986 path-noscheme): each segment percent-encoded as
 * UTF-8, so spaces, `%`, `#`, `?` and non-ASCII names survive, and a `:` never reads as a scheme.
 */
export function artifactUri(file: string, prefix = ''): string {
  return outputPath(file, prefix)
    .split('/')
    .map((segment) => encodeURIComponent(toWellFormed(segment)))
    .join('/');
}

/** Lone surrogates (possible in file names read as UTF-16) would make encodeURIComponent throw. */
function toWellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Line-independent identity of a finding: sha256 over rule id, URI and logical key, separated by
 * newlines so that neither part can run into the next.
 */
export function fingerprint(finding: Finding, uri: string): string {
  return createHash('sha256').update(`${finding.ruleId}\n${uri}\n${finding.key}`).digest('hex');
}

/**
 * A region that is never inverted or empty: a finding whose end precedes its start (or equals it,
 * as a project-level anchor at line 1 does) still marks one character.
 */
export function normalizedRegion(location: Location): Pick<Location, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const line = Math.max(1, Math.trunc(location.line) || 1);
  const column = Math.max(1, Math.trunc(location.column) || 1);
  let endLine = Math.trunc(location.endLine) || line;
  let endColumn = Math.trunc(location.endColumn) || column;
  if (endLine < line || (endLine === line && endColumn <= column)) {
    endLine = line;
    endColumn = column + 1;
  }
  return { line, column, endLine, endColumn };
}

/**
 * Messages are single-line in line-oriented formats, and the names they quote (functions, resources,
 * variables) come from the user: other control characters are shown escaped, so a crafted name cannot
 * start a new line, move the cursor or retitle the terminal.
 */
export function singleLine(text: string): string {
  return escapeControlCharacters(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim());
}

/**
 * A path for the start of a line in text formats (stylish, compact). A CI log line that starts with `::`
 * (after spaces, which the runner trims) is a GitHub Actions workflow command, and a folder may be named
 * `::error::…` or hold a line break, so such paths are written `./::error::…` and with visible escapes.
 */
export function displayPath(file: string, prefix = ''): string {
  const shown = escapeControlCharacters(outputPath(file, prefix));
  return /^\s|^:/.test(shown) ? `./${shown}` : shown;
}

/** C0 and C1 control characters (but the tab), separators and the invisible format characters (bidi overrides) as `\u001b`. */
function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, unicodeEscape);
}
