// The AWS managed policies noops-lint knows the content of (src/data/managed-policies.json), read once,
// and the one reader of a managed policy reference (a name, an ARN, `!Sub` or `Fn::Join` of one).
import { readPackageJson } from '../util/package-root.js';
import { intrinsicName, isIntrinsic } from './values.js';

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` -> its name in group 1. */
export const AWS_MANAGED_POLICY_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const POLICY_NAME = /^[\w+=,.@-]+$/;

export interface ManagedPolicyData {
  arn: string;
  document: { Statement: Record<string, unknown>[] };
}

let cached: Record<string, ManagedPolicyData> | undefined;
let catalogue: Record<string, ManagedPolicyData> | undefined;

/**
 * The hand-checked AWS managed policies Lambda roles get most (execution roles, common full-access
 * policies), by name: small, so every run can read it.
 */
export function managedPolicies(): Record<string, ManagedPolicyData> {
  cached ??= readPackageJson<{ policies: Record<string, ManagedPolicyData> }>('src/data/managed-policies.json').policies;
  return cached;
}

/**
 * Any AWS managed policy by name: the hand-checked ones first, then the whole catalogue
 * (src/data/managed-policy-catalogue.json, about 1,600 policies, read only when a role names one of them).
 */
export function managedPolicy(name: string): ManagedPolicyData | undefined {
  const core = managedPolicies();
  if (Object.hasOwn(core, name)) return core[name];
  catalogue ??= readPackageJson<{ policies: Record<string, ManagedPolicyData> }>('src/data/managed-policy-catalogue.json').policies;
  return Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
}

export type ManagedPolicyBreadth = 'administrator' | 'power-user' | 'full-access';

const breadths = new Map<string, ManagedPolicyBreadth | undefined>();

/**
 * How broad an AWS managed policy is, judged from its document in the catalogue: `Action: "*"` on every
 * resource is administrator access, `NotAction` on every resource power-user access (everything but the
 * services listed), and some `service:*` on every resource full access to that service. Statements with a
 * Condition are narrower and not counted. AWS's own names decide too, for policies the catalogue lacks
 * (newer ones) and for those that list every action of a service one by one (AmazonVPCFullAccess):
 * `AdministratorAccess*` (the Amplify and Elastic Beanstalk variants are as broad in practice),
 * `PowerUserAccess`, `*FullAccess`.
 */
export function managedPolicyBreadth(name: string): ManagedPolicyBreadth | undefined {
  if (breadths.has(name)) return breadths.get(name);
  const document = managedPolicy(name)?.document;
  const byDocument = document === undefined ? undefined : documentBreadth(document.Statement);
  let breadth: ManagedPolicyBreadth | undefined;
  if (name === 'AdministratorAccess' || name.startsWith('AdministratorAccess-') || byDocument === 'administrator') breadth = 'administrator';
  else if (name === 'PowerUserAccess' || byDocument === 'power-user') breadth = 'power-user';
  else if (/FullAccess$/.test(name) || byDocument === 'full-access') breadth = 'full-access';
  breadths.set(name, breadth);
  return breadth;
}

/** The broadest grant among a document's unconditioned Allow statements on `Resource: "*"`. */
export function documentBreadth(statements: readonly Record<string, unknown>[]): ManagedPolicyBreadth | undefined {
  let broadest: ManagedPolicyBreadth | undefined;
  for (const statement of statements) {
    if (statement.Effect !== 'Allow' || statement.Condition !== undefined) continue;
    if (!listOf(statement.Resource).includes('*')) continue;
    if (statement.NotAction !== undefined) {
      broadest = 'power-user';
      continue;
    }
    const actions = listOf(statement.Action);
    if (actions.includes('*')) return 'administrator';
    if (broadest === undefined && actions.some((action) => /^[\w-]+:\*$/.test(action))) broadest = 'full-access';
  }
  return broadest;
}

/** The services whose every action a document allows on every resource (`cognito-idp:*` -> cognito-idp), sorted. */
export function fullAccessServices(name: string): string[] {
  const services = new Set<string>();
  for (const statement of managedPolicy(name)?.document.Statement ?? []) {
    if (statement.Effect !== 'Allow' || statement.Condition !== undefined || !listOf(statement.Resource).includes('*')) continue;
    for (const action of listOf(statement.Action)) {
      const match = /^([\w-]+):\*$/.exec(action);
      if (match) services.add(match[1]!);
    }
  }
  return [...services].sort();
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
}

/**
 * The AWS managed policy a reference names: `arn:aws:iam::aws:policy/AdministratorAccess`,
 * `!Sub arn:${AWS::Partition}:iam::aws:policy/...`, or the `Fn::Join` of those pieces that the framework
 * and CDK write. With `bareNames` (SAM `Policies`, which turns a bare name into the ARN), a plain
 * `AdministratorAccess` too. Undefined for customer policies and values that cannot be read.
 */
export function managedPolicyNameOf(value: unknown, bareNames: boolean): string | undefined {
  const text = managedPolicyText(value);
  if (text === undefined) return undefined;
  const arn = AWS_MANAGED_POLICY_ARN.exec(text);
  if (arn) return arn[1];
  return bareNames && typeof value === 'string' && !text.startsWith('arn:') && POLICY_NAME.test(text) ? text : undefined;
}

function managedPolicyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (!isIntrinsic(value)) return undefined;
  const name = intrinsicName(value);
  const argument = value[name];
  if (name === 'Fn::Sub') {
    const template = Array.isArray(argument) ? argument[0] : argument;
    return typeof template === 'string' ? template.trim() : undefined;
  }
  if (name === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && Array.isArray(argument[1])) {
    const parts: string[] = [];
    for (const part of argument[1] as unknown[]) {
      if (typeof part === 'string') parts.push(part);
      else if (isIntrinsic(part) && intrinsicName(part) === 'Ref' && part.Ref === 'AWS::Partition') parts.push('${AWS::Partition}');
      else return undefined;
    }
    return parts.join(argument[0]);
  }
  return undefined;
}
