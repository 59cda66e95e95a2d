// The step both folds end with (one IAM finding per problem, one finding per line of shared code): each finding that
// speaks for others replaced by its folded form, the findings folded into it left out, the rest as they were.
import type { Finding } from '../model/finding.js';

/** The findings in their order, each replaced as `replaced` says: by another finding, or by nothing (null). */
export function replaceFindings(findings: readonly Finding[], replaced: ReadonlyMap<Finding, Finding | null>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const replacement = replaced.get(finding);
    if (replacement === undefined) result.push(finding);
    else if (replacement !== null) result.push(replacement);
  }
  return result;
}
