// One problem, one finding, outside IAM too: a line of shared code that several functions reach (a helper that
// starts async work nobody awaits, a client built per request) is one problem, reported once at that line, naming
// every function, not once per function with the same words. (IAM findings are folded by fold.ts.)
import { compareFindings, type Finding } from '../model/finding.js';
import { replaceFindings } from './replace-findings.js';

/** Functions named at most in a merged message; the rest are counted. */
const MAX_NAMED = 5;

/** Folds the findings of one rule at one place whose messages differ only by the function they name. Keeps the order. */
export function foldSameCode(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.ruleId.startsWith('iam/') || finding.function === undefined) continue;
    const name = JSON.stringify(finding.function);
    if (!finding.message.includes(name)) continue;
    const place = `${finding.ruleId}\u0000${finding.location.file}\u0000${finding.location.line}\u0000${finding.location.column}\u0000${finding.message.replaceAll(name, '\u0001')}`;
    const group = groups.get(place);
    if (group) group.push(finding);
    else groups.set(place, [finding]);
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const group of groups.values()) {
    // The first in report order speaks for the others, whatever order the services were checked in.
    const [primary, ...others] = [...group].sort(compareFindings);
    const names = [...new Set(others.map((f) => f.function!))].filter((name) => name !== primary!.function);
    if (!primary || names.length === 0) continue;
    const named = names.slice(0, MAX_NAMED).map((name) => JSON.stringify(name));
    const more = names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '';
    replaced.set(primary, {
      ...primary,
      message: `${primary.message} The same holds for ${named.join(', ')}${more}, which run${names.length === 1 ? 's' : ''} this code too.`,
      related: [...primary.related, ...others.flatMap((f) => f.related.filter((r) => !primary.related.some((p) => p.message === r.message && p.location.file === r.location.file && p.location.line === r.location.line)))],
    });
    for (const other of others) replaced.set(other, null);
  }
  if (replaced.size === 0) return findings;
  return replaceFindings(findings, replaced);
}
