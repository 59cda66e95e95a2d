// One problem, one finding: IAM rules look at one statement from several sides (admin access, wildcard action,
// wildcard resource, unused grants) and once per function that uses it. At one place (file, line, column) the
// strongest IAM finding is kept; the others are folded into it as related locations and named in its message, and
// the same finding for several functions (a provider statement shared by every function's role) is reported once,
// naming them.
import { SEVERITY_RANK, type Finding } from '../model/finding.js';

/** Unused-permission messages that mean the grant goes entirely (not a wildcard that is partly used). */
const WHOLLY_UNUSED = new Set(['unusedAction', 'unusedStatement', 'unusedCdkStatement', 'removeManagedPolicy', 'removeTemplate']);

/**
 * The finding that speaks for a place, and the findings of other rules it absorbs: a grant that is wholly unused absorbs
 * the admin, wildcard and resource findings about it (removing it fixes them too); admin access absorbs every other
 * IAM finding there; a wildcard action absorbs the wildcard resource of the same managed policy or template entry.
 * Distinct problems at one place (a wildcard that is partly used) stay distinct.
 */
function absorbs(primary: Finding, other: Finding): boolean {
  const whollyUnused = (finding: Finding): boolean => finding.ruleId === 'iam/unused-permission' && WHOLLY_UNUSED.has(finding.messageId ?? '');
  // A broad managed policy the code uses none of: removing the grant is the one fix, so "unused" speaks for it.
  if (primary.ruleId === 'iam/admin-policy') return !whollyUnused(other);
  if (whollyUnused(primary)) {
    return other.ruleId === 'iam/admin-policy' || other.ruleId === 'iam/wildcard-action' || other.ruleId === 'iam/wildcard-resource' || other.ruleId === 'iam/resource-mismatch' || other.ruleId === 'iam/unknown-action';
  }
  return primary.ruleId === 'iam/wildcard-action' && other.ruleId === 'iam/wildcard-resource';
}

/** Functions named at most in a merged message; the rest are counted. */
const MAX_NAMED = 5;

/** Folds the IAM findings that share a place; other findings pass unchanged. Keeps the input order. */
export function foldSamePlace(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.ruleId.startsWith('iam/')) continue;
    const place = `${finding.location.file}\u0000${finding.location.line}\u0000${finding.location.column}`;
    const group = groups.get(place);
    if (group) group.push(finding);
    else groups.set(place, [finding]);
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const remaining = [...group];
    while (remaining.length > 0) {
      // The finding absorbing the most others speaks first; ties keep the report order.
      const primary = [...remaining].sort((a, b) => remaining.filter((o) => o !== b && absorbs(b, o)).length - remaining.filter((o) => o !== a && absorbs(a, o)).length)[0]!;
      remaining.splice(remaining.indexOf(primary), 1);
      const sameRule = remaining.filter((f) => f.ruleId === primary.ruleId && f.function !== undefined && f.function !== primary.function && f.message.replaceAll(JSON.stringify(f.function), '') === primary.message.replaceAll(JSON.stringify(primary.function ?? ''), ''));
      const absorbed = remaining.filter((f) => !sameRule.includes(f) && absorbs(primary, f));
      if (sameRule.length === 0 && absorbed.length === 0) continue;
      const folded: Finding = { ...primary, related: [...primary.related] };
      const otherFunctions = [...new Set(sameRule.map((f) => f.function!))];
      if (otherFunctions.length > 0) {
        const named = otherFunctions.slice(0, MAX_NAMED).map((name) => JSON.stringify(name));
        const more = otherFunctions.length > MAX_NAMED ? ` and ${otherFunctions.length - MAX_NAMED} more` : '';
        folded.message += ` The same holds for ${named.join(', ')}${more}.`;
      }
      for (const other of absorbed) {
        folded.related.push({ location: other.location, message: `${other.ruleId}: ${other.message}` });
        if (SEVERITY_RANK[other.severity] > SEVERITY_RANK[folded.severity]) folded.severity = other.severity;
      }
      const alsoRules = [...new Set(absorbed.map((f) => f.ruleId))];
      if (alsoRules.length > 0) folded.message += ` This also settles ${alsoRules.join(', ')} here (see the related locations).`;
      replaced.set(primary, folded);
      for (const other of [...sameRule, ...absorbed]) {
        replaced.set(other, null);
        remaining.splice(remaining.indexOf(other), 1);
      }
    }
  }
  if (replaced.size === 0) return findings;
  const result: Finding[] = [];
  for (const finding of findings) {
    const replacement = replaced.get(finding);
    if (replacement === undefined) result.push(finding);
    else if (replacement !== null) result.push(replacement);
  }
  return result;
}
