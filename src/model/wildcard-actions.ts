// The wildcard actions a project's roles allow, judged by what they cover today: the one reading shared by
// iam/wildcard-action (`*`, `service:*`, several services) and iam/partial-wildcard-action (`s3:Get*`).
import { countAllActions, expandActionPattern, hasWildcard, splitActionName } from './iam-catalog.js';
import { describeResources, describeRoleUsers, isInlineStatement, judgedManagedPolicy, literalValues, quoteResources, soleFunctionName, statementKey } from './iam-statements.js';
import type { Location } from './location.js';
import type { PolicyStatement, Project, RoleModel } from './project.js';
import { quote } from '../util/quote.js';
import { summarisedList } from '../util/plural.js';

export type WildcardKind =
  | { kind: 'everyAction'; count: number }
  | { kind: 'crossService'; count: number; services: number }
  | { kind: 'allOfService'; count: number; service: string }
  | { kind: 'partial'; count: number; covered: readonly string[] };

export interface WildcardGrant {
  role: RoleModel;
  statement: PolicyStatement;
  action: string;
  judged: WildcardKind;
  /** Where to report: the action in a written statement, the reference of an AWS managed policy. */
  at: Location;
  key: string;
  /** The AWS managed policy the statement comes from (reported once per reference). */
  policy?: string;
  /** With `policy`: the reference's identity (role and path), shared by the grants of its statements. */
  reference?: string;
}

/** Every wildcard action of an Allow statement written in a manifest or in an AWS managed policy the rules judge. */
export function wildcardGrants(project: Project): WildcardGrant[] {
  const grants: WildcardGrant[] = [];
  for (const role of project.roles) {
    const managedSeen = new Set<string>();
    for (const statement of role.statements) {
      if (statement.effect !== 'Allow') continue;
      const policy = judgedManagedPolicy(statement);
      if (!isInlineStatement(statement) && policy === undefined) continue;
      const resource = describeResources(statement);
      for (const action of literalValues(statement.actions)) {
        const judged = judgeAction(action.text);
        if (!judged) continue;
        if (policy !== undefined) {
          // A managed policy is fixed by replacing its reference: one finding per reference and action.
          const reference = `${role.id}|${managedReferencePath(statement)}`;
          const key = `${reference}|${action.text}`;
          if (managedSeen.has(key)) continue;
          managedSeen.add(key);
          grants.push({ role, statement, action: action.text, judged, at: statement.location, key, policy, reference });
          continue;
        }
        grants.push({ role, statement, action: action.text, judged, at: action.location, key: statementKey(role, statement, action.text, resource) });
      }
    }
  }
  return grants;
}

/**
 * The grants one finding speaks for: all those of one AWS managed policy reference together (the policy is fixed by
 * replacing its reference, so it gets one finding however many wildcards its document holds), each written grant on
 * its own (each action has its own line). In the order of `grants`.
 */
export function findingGroups(grants: readonly WildcardGrant[]): WildcardGrant[][] {
  const groups: WildcardGrant[][] = [];
  const byReference = new Map<string, WildcardGrant[]>();
  for (const grant of grants) {
    if (grant.reference === undefined) {
      groups.push([grant]);
      continue;
    }
    const group = byReference.get(grant.reference);
    if (group) group.push(grant);
    else {
      const created = [grant];
      byReference.set(grant.reference, created);
      groups.push(created);
    }
  }
  return groups;
}

/**
 * What iam/wildcard-action and iam/partial-wildcard-action report alike for one group of `findingGroups`: the place,
 * the function and the statement (`base`), the resource and the role's users (`common`), and for an AWS managed
 * policy the whole report: one finding per reference, naming each wildcard of its document.
 */
export function wildcardGroupReport(group: readonly WildcardGrant[]): {
  base: { at: Location; function: string | undefined; statement: { location: Location } };
  common: { resource: string; who: string };
  managed?: { key: string; messageId: 'managed' | 'managedSeveral'; data: Record<string, string | number> };
} {
  const { role, statement, action, judged, policy } = group[0]!;
  const common = { resource: quoteResources(statement), who: describeRoleUsers(role) };
  const base = { at: group[0]!.at, function: soleFunctionName(role), statement: { location: statement.location } };
  if (policy === undefined) return { base, common };
  if (group.length > 1) {
    const actions = summarisedList(group.map((g) => g.action), 'and', 4);
    return { base, common, managed: { key: group[0]!.reference!, messageId: 'managedSeveral', data: { ...common, policy: quote(policy), actions, count: coveredCount(group) } } };
  }
  return { base, common, managed: { key: group[0]!.key, messageId: 'managed', data: { ...common, policy: quote(policy), action, scope: describeWildcardScope(judged) } } };
}

/** How many distinct actions the grants' wildcards cover today. */
export function coveredCount(grants: readonly WildcardGrant[]): number {
  const names = new Set<string>();
  for (const grant of grants) for (const name of grant.action === '*' ? [] : expandActionPattern(grant.action)) names.add(name);
  const every = grants.find((g) => g.judged.kind === 'everyAction');
  return every ? every.judged.count : names.size;
}

/** What a wildcard action covers today, or undefined when it is no wildcard worth reporting. */
function judgeAction(text: string): WildcardKind | undefined {
  if (text === '*') return { kind: 'everyAction', count: countAllActions() };
  const parts = splitActionName(text);
  if (!parts || !hasWildcard(text)) return undefined;
  const covered = expandActionPattern(text);
  // A pattern matching nothing grants nothing: iam/unknown-action reports it.
  if (covered.length === 0) return undefined;
  // `sqs:SendMessage*` covers only sqs:SendMessage today (the batch APIs are not IAM actions).
  if (covered.length === 1 && parts.action !== '*') return undefined;
  const services = new Set(covered.map((name) => name.slice(0, name.indexOf(':'))));
  if (services.size > 1) return { kind: 'crossService', count: covered.length, services: services.size };
  if (parts.action === '*') return { kind: 'allOfService', count: covered.length, service: [...services][0]! };
  return { kind: 'partial', count: covered.length, covered };
}

/** How much a wildcard covers, in words. */
export function describeWildcardScope(judged: WildcardKind): string {
  switch (judged.kind) {
    case 'everyAction':
      return `every action of every AWS service (${judged.count} actions)`;
    case 'crossService':
      return `${judged.count} actions of ${judged.services} services`;
    case 'allOfService':
      return `all ${judged.count} ${judged.service} actions`;
    case 'partial':
      return `${judged.count} actions (${listExamples(judged.covered)})`;
  }
}

/** `Resources.Fn.Properties.Policies[0]#AmazonDynamoDBFullAccess.Statement[2]` -> the reference's own path. */
function managedReferencePath(statement: PolicyStatement): string {
  return statement.path.replace(/\.Statement\[\d+\]$/, '');
}

export function listExamples(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
