// The fix a finding's SARIF result carries: the `fix` command's change of the statement list the finding is about,
// as whole-line replacements (what a pull-request suggestion replaces).
import type { ProjectAnalysis } from '../analyse/analysis-types.js';
import type { Project } from '../model/project.js';
import { planFixes, type FixSources, type SiteChange } from './plan.js';
import { applySplices } from './splice.js';

/**
 * Whole lines `startLine`..`endLine` (1-based, inclusive) become `text`. `text` ends with a line break when the last
 * replaced line had one (`lineBreak`); `endColumn` is one past that line's last character, for a region without it.
 */
export interface FixReplacement {
  startLine: number;
  endLine: number;
  endColumn: number;
  lineBreak: boolean;
  text: string;
}

export interface ProposedFix {
  description: string;
  file: string;
  replacements: FixReplacement[];
}

/** A finding (by `findingId`) and the fix that addresses it. */
export interface FindingFix {
  finding: string;
  fix: ProposedFix;
}

interface FindingLike {
  ruleId: string;
  location: { file: string; line: number; column: number };
  key: string;
  function?: string;
}

/** What identifies a finding across threads and reporters. */
export function findingId(finding: FindingLike): string {
  return `${finding.ruleId}|${finding.location.file}|${finding.location.line}|${finding.location.column}|${finding.key}`;
}

/**
 * The fixes of the IAM findings a `fix` run would address: findings inside a statement it rewrites or removes, and
 * missing permissions of the functions whose grants it adds.
 */
export function findingFixes(project: Project, analysis: ProjectAnalysis, findings: readonly FindingLike[], sources: FixSources): FindingFix[] {
  const iam = findings.filter((f) => f.ruleId.startsWith('iam/'));
  if (iam.length === 0) return [];
  const plan = planFixes(project, analysis, sources);
  if (plan.sites.length === 0) return [];
  const proposed = new Map<SiteChange, ProposedFix>();
  const proposal = (site: SiteChange): ProposedFix | undefined => {
    if (!proposed.has(site)) {
      const text = sources.read(site.file);
      const body = text === undefined ? undefined : text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      proposed.set(site, body === undefined ? (undefined as unknown as ProposedFix) : { description: site.description, file: site.file, replacements: [lineReplacement(body, site)] });
    }
    return proposed.get(site);
  };
  const out: FindingFix[] = [];
  for (const finding of iam) {
    const site =
      plan.sites.find((s) => s.file === finding.location.file && s.lines.some(([from, to]) => finding.location.line >= from && finding.location.line <= to)) ??
      (finding.ruleId === 'iam/missing-permission' && finding.function !== undefined ? plan.sites.find((s) => s.functions.includes(finding.function!)) : undefined);
    const fix = site ? proposal(site) : undefined;
    if (fix) out.push({ finding: findingId(finding), fix });
  }
  return out;
}

/** The site's splices as one replacement of the whole lines they touch (their line breaks included). */
function lineReplacement(text: string, site: SiteChange): FixReplacement {
  const start = Math.min(...site.splices.map((s) => s.start));
  const end = Math.max(...site.splices.map((s) => s.end));
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to: number;
  if (end > start && text[end - 1] === '\n') to = end;
  else {
    const newline = text.indexOf('\n', end);
    to = newline < 0 ? text.length : newline + 1;
  }
  const lineBreak = text[to - 1] === '\n';
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  const replaced = applySplices(text.slice(from, to), site.splices.map((s) => ({ start: s.start - from, end: s.end - from, text: s.text })));
  const lastLineStart = text.lastIndexOf('\n', to - 2) + 1;
  const lastLineEnd = lineBreak ? to - (text[to - 2] === '\r' ? 2 : 1) : to;
  return { startLine: lineOf(from), endLine: lineOf(Math.max(from, to - 1)), endColumn: lastLineEnd - lastLineStart + 1, lineBreak, text: replaced };
}
