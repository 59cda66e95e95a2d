// One problem, one finding: IAM rules look at one statement from several sides (admin access, full access, wildcard
// action, wildcard resource, unused grants) and once per function that uses it. The findings about one problem are
// folded into the one that speaks for it: their places become related locations and their rules are named in its
// message. At most one IAM finding stays at any place (file, line, column), and a statement shared by several
// functions (a provider statement every function's role inherits) is reported once, naming them.
import { SEVERITY_RANK, type Finding, type FindingActions } from '../model/finding.js';
import { replaceFindings } from './replace-findings.js';

/** Unused-permission messages that mean the grant goes entirely (not a wildcard that is partly used). */
const WHOLLY_UNUSED = new Set(['unusedAction', 'unusedStatement', 'unusedCdkStatement', 'removeManagedPolicy', 'removeTemplate']);

/**
 * Which finding speaks for the others (lower first): a grant the code never uses (removing it settles everything
 * else about it), then the broadest grants, then the narrower problems.
 */
function strength(finding: Finding): number {
  switch (finding.ruleId) {
    case 'iam/unused-permission':
      return WHOLLY_UNUSED.has(finding.messageId ?? '') ? 0 : 8;
    case 'iam/admin-policy':
      return 1;
    case 'iam/privilege-escalation':
      return 2;
    case 'iam/full-access-policy':
      return 3;
    case 'iam/wildcard-action':
      // `Action: "*"` is administrator access: it says more than any one way to escalate from it.
      return finding.messageId === 'everyAction' ? 1.5 : 4;
    case 'iam/not-action':
      return 5;
    case 'iam/partial-wildcard-action':
      // For an AWS managed policy, what it allows on every resource says more than how its document spells actions.
      return finding.messageId?.startsWith('managed') ? 7.5 : 6;
    case 'iam/wildcard-resource':
      return 7;
    case 'iam/resource-mismatch':
      return 9;
    case 'iam/unknown-action':
      return 10;
    case 'iam/missing-permission':
      return 11;
    default:
      return 12;
  }
}

/** Primaries whose fix (remove the grant, replace the managed policy) settles every finding folded into them. */
function settlesAll(primary: Finding): boolean {
  return strength(primary) <= 1 || primary.ruleId === 'iam/full-access-policy' || primary.statement?.removed === true;
}

/** Functions named at most in a merged message; the rest are counted. */
const MAX_NAMED = 5;

const placeOf = (finding: Finding): string => `${finding.location.file}\u0000${finding.location.line}\u0000${finding.location.column}`;

/**
 * Folds the IAM findings that are one problem; other findings pass unchanged. Keeps the input order (the folded
 * finding takes its primary's position). Findings are one problem when they are at one place, or when one of them
 * removes their statement whole. Distinct problems of one statement at their own places stay distinct: which actions
 * (the wildcard, at the action), which resources (the "*", at the resource) and which actions the code leaves unused
 * (at the Action key).
 */
export function foldSamePlace(findings: Finding[]): Finding[] {
  const iam = findings.filter((f) => f.ruleId.startsWith('iam/'));
  if (iam.length < 2) return findings;
  const parent = new Map<Finding, Finding>(iam.map((f) => [f, f]));
  const root = (finding: Finding): Finding => {
    let current = finding;
    while (parent.get(current) !== current) current = parent.get(current)!;
    parent.set(finding, current);
    return current;
  };
  const join = (a: Finding, b: Finding): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(rb, ra);
  };

  const byPlace = groupBy(iam, placeOf);
  for (const group of byPlace.values()) for (const other of group.slice(1)) join(group[0]!, other);
  const aboutStatements = iam.filter((f) => f.statement !== undefined);
  const byStatement = groupBy(aboutStatements, (f) => `${f.statement!.location.file}\u0000${f.statement!.location.line}\u0000${f.statement!.location.column}`);
  for (const group of byStatement.values()) {
    if (group.length < 2) continue;
    const removal = group.find((f) => f.statement!.removed === true);
    if (removal) for (const other of group) join(removal, other);
  }

  const sets = groupBy(iam, (f) => root(f));
  const replaced = new Map<Finding, Finding | null>();
  for (const set of sets.values()) {
    if (set.length < 2) continue;
    const primary = strongest(set)!;
    replaced.set(primary, fold(primary, set.filter((f) => f !== primary)));
    for (const other of set) if (other !== primary) replaced.set(other, null);
  }
  return replaceFindings(findings, replaced);
}

/** The finding that speaks first: the strongest rule, ties in input order. */
function strongest(findings: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const finding of findings) if (best === undefined || strength(finding) < strength(best)) best = finding;
  return best;
}

/** The primary finding with the others folded in: named in its message, kept as related locations. */
function fold(primary: Finding, others: Finding[]): Finding {
  const folded: Finding = { ...primary, related: [...primary.related] };
  const withoutName = (f: Finding): string => (f.function === undefined ? f.message : f.message.replaceAll(JSON.stringify(f.function), ''));
  // Keys start with the role: the same key after it is the same grant judged for another role (a provider statement
  // each per-function role inherits, the provider role itself).
  const withoutRole = (f: Finding): string => `${f.messageId ?? ''}\u0000${f.key.slice(f.key.indexOf('|'))}`;
  // The same finding for another function or role sharing the statement: the functions named, nothing else to show.
  const sameForOthers = others.filter(
    (f) =>
      f.ruleId === primary.ruleId &&
      placeOf(f) === placeOf(primary) &&
      f.function !== primary.function &&
      ((f.function !== undefined && withoutName(f) === withoutName(primary)) || (f.statement !== undefined && f.key.includes('|') && withoutRole(f) === withoutRole(primary))),
  );
  const rest = others.filter((f) => !sameForOthers.includes(f));
  const otherFunctions = unique(sameForOthers.flatMap((f) => (f.function === undefined ? [] : [f.function])));
  if (otherFunctions.length > 0) folded.message += ` The same holds for ${names(otherFunctions)}.`;
  // The same rule here with another message (another function's call, another table): each kept as a related location.
  const sameRule = rest.filter((f) => f.ruleId === primary.ruleId);
  if (sameRule.length > 0) {
    const functions = unique(sameRule.flatMap((f) => (f.function === undefined || f.function === primary.function ? [] : [f.function])));
    folded.message += functions.length > 0 ? ` Also reported here for ${names(functions)} (see the related locations).` : ` Also reported ${sameRule.length === 1 ? 'once more' : `${sameRule.length} more times`} here (see the related locations).`;
  }
  const otherRules = unique(rest.filter((f) => f.ruleId !== primary.ruleId).map((f) => f.ruleId));
  if (otherRules.length > 0) {
    folded.message += settlesAll(primary)
      ? ` This also settles ${otherRules.join(', ')} (see the related locations).`
      : ` The same grant is also reported by ${otherRules.join(', ')} (see the related locations).`;
  }
  for (const other of rest) {
    folded.related.push({ location: other.location, message: `${other.ruleId}: ${other.message}` });
    if (SEVERITY_RANK[other.severity] > SEVERITY_RANK[folded.severity]) folded.severity = other.severity;
  }
  for (const other of sameForOthers) if (SEVERITY_RANK[other.severity] > SEVERITY_RANK[folded.severity]) folded.severity = other.severity;
  const actions = mergedActions([primary, ...others]);
  if (actions) folded.actions = actions;
  else delete folded.actions;
  return folded;
}

/** The actions of the folded findings together (each list sorted, empty lists left out), or undefined for none. */
function mergedActions(findings: readonly Finding[]): FindingActions | undefined {
  const out: FindingActions = {};
  for (const kind of ['used', 'unused', 'missing'] as const) {
    const list = unique(findings.flatMap((f) => f.actions?.[kind] ?? [])).sort();
    if (list.length > 0) out[kind] = list;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function names(functions: readonly string[]): string {
  const named = functions.slice(0, MAX_NAMED).map((name) => JSON.stringify(name));
  const more = functions.length > MAX_NAMED ? ` and ${functions.length - MAX_NAMED} more` : '';
  return `${named.join(', ')}${more}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function groupBy<K, V>(items: readonly V[], keyOf: (item: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
