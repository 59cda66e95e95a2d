// The least-privilege policy derived for each function, as data (`noops-lint policy --format json`) and as YAML to paste into a manifest.
import { Document, isMap, isSeq, type Node } from 'yaml';
import type { Project } from '../model/project.js';
import type { ProjectAnalysis } from './analysis-types.js';
import { resourceKey } from './permissions.js';
import { renderCdkPolicy } from './cdk-policy.js';
import { printableLine } from '../util/quote.js';

export interface DerivedStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: unknown[];
}

export interface UnresolvedNeed {
  action: string;
  reason: string;
  file: string;
  line: number;
}

export interface DerivedFunctionPolicy {
  /** The service's manifest path (its id). */
  service: string;
  function: string;
  manifest: string;
  kind: string;
  handler?: string;
  /** The code could not be analysed completely (no handler, unknown calls): why, first, since the policy may be short. */
  incomplete?: string[];
  /** Every action the code needs, sorted (including those whose resource is unresolved). */
  actions: string[];
  /** Absent when the derivation is incomplete and derived no statement: an empty list would say the code needs nothing. */
  statements?: DerivedStatement[];
  unresolved: UnresolvedNeed[];
  /** A CDK function: the TypeScript to write in the app instead of a template block. */
  cdk?: string;
}

export interface DerivedPolicies {
  functions: DerivedFunctionPolicy[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Actions per resource, then resources with the same actions together, in a stable order: the statements `policy`
 * prints and `fix` writes.
 */
export function groupStatements(needs: Iterable<{ action: string; resource: unknown }>): Array<{ actions: string[]; resources: unknown[] }> {
  const byResource = new Map<string, { resource: unknown; actions: Set<string> }>();
  for (const need of needs) {
    const key = resourceKey(need.resource);
    const entry = byResource.get(key) ?? { resource: need.resource, actions: new Set<string>() };
    entry.actions.add(need.action);
    byResource.set(key, entry);
  }
  const byActions = new Map<string, { actions: string[]; resources: Map<string, unknown> }>();
  for (const [key, entry] of byResource) {
    const actions = [...entry.actions].sort(compare);
    const id = actions.join(',');
    const group = byActions.get(id) ?? { actions, resources: new Map<string, unknown>() };
    group.resources.set(key, entry.resource);
    byActions.set(id, group);
  }
  return [...byActions.values()]
    .map((group) => ({ actions: group.actions, resources: [...group.resources.entries()].sort((a, b) => compare(a[0], b[0])).map(([, r]) => r) }))
    .sort((a, b) => compare(a.actions.join(','), b.actions.join(',')) || compare(resourceKey(a.resources), resourceKey(b.resources)));
}

export function derivedPolicies(project: Project, analysis: ProjectAnalysis): DerivedPolicies {
  const functions: DerivedFunctionPolicy[] = [];
  for (const fn of project.functions) {
    const permissions = analysis.permissionsOf(fn);
    if (!permissions) continue;
    const granted: Array<{ action: string; resource: unknown }> = [];
    const unresolved: UnresolvedNeed[] = [];
    const actions = new Set<string>();
    for (const need of permissions.needs) {
      actions.add(need.action);
      if (need.unresolved !== undefined) {
        unresolved.push({ action: need.action, reason: need.unresolved, file: need.evidence.location.file, line: need.evidence.location.line });
        // A name the request supplies is still granted, as a wildcard in its part of the ARN (`table/*`).
        if (need.resource === '*') continue;
      }
      granted.push(need);
    }
    const statements = groupStatements(granted).map((group): DerivedStatement => ({ Effect: 'Allow', Action: group.actions, Resource: group.resources }));
    unresolved.sort((a, b) => compare(a.file, b.file) || a.line - b.line || compare(a.action, b.action));
    const handler = typeof fn.handler?.value === 'string' ? fn.handler.value : undefined;
    const incomplete = permissions.incompleteReasons.length > 0;
    functions.push({
      service: fn.service.id,
      function: fn.name,
      manifest: fn.service.manifest,
      kind: fn.service.kind,
      ...(handler !== undefined ? { handler } : {}),
      ...(incomplete ? { incomplete: permissions.incompleteReasons } : {}),
      actions: [...actions].sort(compare),
      ...(statements.length > 0 || !incomplete ? { statements } : {}),
      unresolved: dedupeUnresolved(unresolved),
      ...(fn.cdk
        ? { cdk: permissions.incompleteReasons.length > 0 ? `// No policy printed: the code of ${fn.name} could not be followed completely (see above).\n` : renderCdkPolicy(fn, statements) }
        : {}),
    });
  }
  return { functions };
}

function dedupeUnresolved(list: UnresolvedNeed[]): UnresolvedNeed[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const id = `${u.action}|${u.file}|${u.line}|${u.reason}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * YAML ready to paste: per function, the statements under `iamRoleStatements` (Serverless, for
 * serverless-iam-roles-per-function) or `Policies: - Statement` (SAM), with unresolved needs as comments.
 */
export function renderPoliciesYaml(policies: DerivedPolicies): string {
  if (policies.functions.length === 0) return '# No functions with analysable code were found.\n';
  const parts: string[] = [];
  for (const policy of policies.functions) {
    if (policy.cdk !== undefined) {
      // A CDK user writes TypeScript in the app, not a template block.
      const header = [`${policy.manifest}: ${policy.function}${policy.handler ? ` (${policy.handler})` : ''}: add to the stack`];
      for (const reason of policy.incomplete ?? []) header.push(`incomplete: ${reason}`);
      for (const u of policy.unresolved) header.push(`unresolved: ${u.action} at ${u.file}:${u.line}: ${u.reason}`);
      parts.push(`${header.map((line) => `// ${line}`).join('\n')}\n${policy.cdk}`);
      continue;
    }
    const header = [`${policy.manifest}: ${policy.function}${policy.handler ? ` (${policy.handler})` : ''}`];
    // Why the derivation is incomplete comes first: it says how far the statements below can be trusted.
    for (const reason of policy.incomplete ?? []) header.push(`incomplete: ${reason}`);
    const statements = policy.statements ?? [];
    if (policy.incomplete && statements.length > 0) header.push('the statements below are what the code that was followed needs; it may need more');
    if (!policy.incomplete && statements.length === 0) header.push('the code makes no AWS call that needs a permission');
    for (const u of policy.unresolved) header.push(`unresolved: ${u.action} at ${u.file}:${u.line}: ${u.reason}`);
    // Names and reasons come from the project: one comment line each, whatever they hold.
    if (policy.incomplete && statements.length === 0) {
      // An empty list would read as "needs nothing": say that nothing is known instead.
      const comment = header.map((line) => `# ${printableLine(line)}`).join('\n');
      parts.push(`${comment}\n# No statements printed: the code of ${printableLine(policy.function)} could not be followed completely, so what it needs is not known.\n`);
      continue;
    }
    const body =
      policy.kind === 'serverless'
        ? { functions: { [policy.function]: { iamRoleStatements: statements } } }
        : { Resources: { [policy.function]: { Properties: { Policies: [{ Statement: statements }] } } } };
    const document = new Document(body);
    document.commentBefore = header.map((line) => ` ${printableLine(line)}`).join('\n');
    flowShortLists(document.contents);
    parts.push(document.toString({ lineWidth: 0 }));
  }
  return parts.join('---\n');
}

/** Keeps `Fn::GetAtt: [X, Arn]` on one line, as people write it. */
function flowShortLists(node: Node | null | undefined | unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      if (key === 'Fn::GetAtt' && isSeq(pair.value)) pair.value.flow = true;
      flowShortLists(pair.value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) flowShortLists(item);
  }
}
