// Finds actions allowed on `Resource: "*"` although they support resource-level permissions.
import { defineRule, describeRoleUsers, expandActionPattern, type FunctionModel, type FunctionPermissions, getActionByFullName, globMatcher, hasWildcard, IAM_RUNTIME_RESOURCE_ACTIONS, isInlineStatement, isWildcardResourceValue, judgedManagedPolicy, literalValues, type Location, type PolicyStatement, quote, type RoleModel, soleFunctionName, statementKey, summarisedList } from '../kit.js';

interface Options {
  /** More actions (IAM globs) that may take `*` in this project. */
  allowActions: string[];
}

const RUNTIME_RESOURCE_ACTIONS = new Set(IAM_RUNTIME_RESOURCE_ACTIONS.actions.map((a) => a.toLowerCase()));

export default defineRule({
  id: 'iam/wildcard-resource',
  category: 'iam',
  severity: 'warning',
  description: 'An IAM policy statement allows an action on every resource ("*") that could be limited to specific resources.',
  fullDescription:
    'With `Resource: "*"` an action applies to every table, bucket or queue in the account, not only the ones the ' +
    'function uses. A statement is reported once, at its "*", naming the actions that could be scoped (bundled IAM ' +
    'reference data). Actions that can only be granted on "*" (xray:PutTraceSegments, ecr:GetAuthorizationToken) ' +
    'and actions whose resource is created at run time or has no ARN (ec2:CreateNetworkInterface for a VPC ' +
    'function, cloudwatch:PutMetricData) are never reported. sns:Publish takes "*" for a direct SMS, so it is reported only when ' +
    'the code of every function using the role was analysed completely and publishes only to topics. A log group ARN ' +
    'ending in `:*` is scoped; intrinsics and unresolved values are never "*". Checked: Allow statements in the ' +
    'manifest, AWS managed policies on the role (once per reference; not the execution policies Lambda needs), and SAM policy templates given a literal `\'*\'` as their resource name ' +
    '(`DynamoDBCrudPolicy: { TableName: \'*\' }`), once per entry.',
  help:
    'Name the resources the function uses, for example:\n' +
    '  Action: dynamodb:GetItem\n  Resource: !GetAtt OrdersTable.Arn\n' +
    'or, for a SAM policy template, `DynamoDBCrudPolicy: { TableName: !Ref OrdersTable }`.\n' +
    'For actions that must take "*" in your project, list them in the rule option `allowActions`.\ncdk-nag: AwsSolutions-IAM5.',
  precision: 'high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-732'],
  securitySeverity: 5.5,
  messages: {
    scoped: '{{action}} is allowed on every resource ("*") for {{who}}; it can be limited to specific {{types}} ARNs.',
    pattern: '{{action}} is allowed on every resource ("*") for {{who}}; {{count}} of the actions it covers can be limited to specific resources.',
    several: '{{actions}} are allowed on every resource ("*") for {{who}}; they can be limited to specific {{types}} ARNs.',
    severalPatterns:
      '{{actions}} are allowed on every resource ("*") for {{who}}; {{count}} of the actions they cover can be limited to specific resources.',
    topicsOnly: 'sns:Publish is allowed on every resource ("*") for {{who}}, but the code publishes only to topics (no direct SMS); limit it to their ARNs.',
    template:
      '{{template}} is given {{parameters}} "*", so it applies to every such resource in the account for {{who}}, not only the ones the function uses.',
    managed:
      'The AWS managed policy {{policy}} allows {{count}} actions on every resource ("*") for {{who}} that can be limited to specific resources ({{examples}}).',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { allowActions: { type: 'array', items: { type: 'string' } } },
  },
  defaultOptions: { allowActions: [] } as Options,
  check({ project, analysis, options, report }) {
    const allowed = options.allowActions.map(globMatcher);
    for (const role of project.roles) {
      // Asked only when sns:Publish meets "*": it needs the source analysis of every function of the role.
      let topicsOnly: boolean | undefined;
      const isTopicsOnly = (): boolean => (topicsOnly ??= publishesOnlyToTopics(role, (fn) => analysis.permissionsOf(fn)));
      const mayTakeWildcard = (fullName: string): boolean => {
        const action = getActionByFullName(fullName);
        // Unknown actions are iam/unknown-action's business.
        if (!action || action.wildcardOnly) return true;
        if (allowed.some((re) => re.test(fullName))) return true;
        // sns:Publish takes "*" for a direct SMS; when the code publishes only to topics, it can name them.
        if (fullName.toLowerCase() === 'sns:publish') return !isTopicsOnly();
        return RUNTIME_RESOURCE_ACTIONS.has(fullName.toLowerCase());
      };
      const managed = new Map<string, { policy: string; location: Location; written: Map<string, number>; scoped: Set<string> }>();

      // `DynamoDBCrudPolicy: { TableName: '*' }`: once per template entry, at the line naming it.
      const templateEntries = new Set<string>();
      for (const statement of role.statements) {
        const origin = statement.origin;
        if (origin.kind !== 'sam-policy-template' || !origin.wildcardParameters) continue;
        const entry = statement.path.replace(/\.Statement\[\d+\]$/, '');
        if (templateEntries.has(entry)) continue;
        templateEntries.add(entry);
        const names = origin.wildcardParameters.map((p) => p.name);
        report({
          messageId: 'template',
          data: { template: quote(origin.template), parameters: names.join(' and '), who: describeRoleUsers(role) },
          at: statement.location,
          statement: { location: statement.location },
          related: origin.wildcardParameters.map((p) => ({ location: p.location, message: `${p.name} is "*" here.` })),
          function: soleFunctionName(role),
          key: `${role.id}|${entry}|*`,
        });
      }

      for (const statement of role.statements) {
        if (statement.effect !== 'Allow') continue;
        const policy = judgedManagedPolicy(statement);
        if (!isInlineStatement(statement) && policy === undefined) continue;
        const wildcards = statement.resources.filter((r) => isWildcardResourceValue(r.value));
        if (wildcards.length === 0) continue;
        if (policy !== undefined) {
          // A condition (iam:PassedToService, aws:CalledViaLast) narrows the "*" of a managed policy.
          if (statement.condition !== undefined) continue;
          const reference = managedReferencePath(statement);
          const entry = managed.get(reference) ?? { policy, location: statement.location, written: new Map<string, number>(), scoped: new Set<string>() };
          managed.set(reference, entry);
          for (const action of literalValues(statement.actions)) {
            const scoped = (hasWildcard(action.text) ? expandActionPattern(action.text) : [action.text]).filter((name) => !mayTakeWildcard(name));
            if (scoped.length === 0) continue;
            const weight = Math.min(...scoped.map(accessWeight));
            entry.written.set(action.text, Math.min(weight, entry.written.get(action.text) ?? weight));
            for (const name of scoped) entry.scoped.add(name);
          }
          continue;
        }
        // One finding per statement, at its "*", naming every action that could be scoped.
        const scopedActions: Array<{ text: string; shown: string; scoped: string[] }> = [];
        for (const action of literalValues(statement.actions)) {
          const shown = action.text === '*' ? '"*"' : action.text;
          const scoped = (hasWildcard(action.text) ? expandActionPattern(action.text) : [action.text]).filter((name) => !mayTakeWildcard(name));
          if (scoped.length > 0) scopedActions.push({ text: action.text, shown, scoped });
        }
        if (scopedActions.length === 0) continue;
        const base = {
          at: wildcards[0]!.location,
          function: soleFunctionName(role),
          statement: { location: statement.location },
        };
        const who = describeRoleUsers(role);
        if (scopedActions.length === 1) {
          const { text, shown, scoped } = scopedActions[0]!;
          const key = statementKey(role, statement, text, '*');
          if (hasWildcard(text)) report({ ...base, key, messageId: 'pattern', data: { action: shown, count: scoped.length, who } });
          else if (text.toLowerCase() === 'sns:publish') report({ ...base, key, messageId: 'topicsOnly', data: { who } });
          else report({ ...base, key, messageId: 'scoped', data: { action: text, types: resourceTypesOf([text]), who } });
          continue;
        }
        const actions = summarisedList(scopedActions.map((a) => a.shown), 'and', 4);
        const key = statementKey(role, statement, scopedActions.map((a) => a.text).join(','), '*');
        if (scopedActions.some((a) => hasWildcard(a.text))) {
          const count = new Set(scopedActions.flatMap((a) => a.scoped)).size;
          report({ ...base, key, messageId: 'severalPatterns', data: { actions, count, who } });
        } else {
          report({ ...base, key, messageId: 'several', data: { actions, types: resourceTypesOf(scopedActions.map((a) => a.text)), who } });
        }
      }

      // A managed policy is fixed by replacing its reference: one finding per reference, at the reference.
      for (const [reference, entry] of managed) {
        if (entry.scoped.size === 0) continue;
        report({
          messageId: 'managed',
          data: { policy: quote(entry.policy), count: entry.scoped.size, examples: listExamples(byWeight(entry.written)), who: describeRoleUsers(role) },
          at: entry.location,
          statement: { location: entry.location },
          function: soleFunctionName(role),
          key: `${role.id}|${reference}|*`,
        });
      }
    }
  },
});

/**
 * True when every function using the role is analysed completely and each sns:Publish in its code names a
 * topic (TopicArn or TargetArn resolved): then no direct SMS needs `Resource: "*"`.
 */
function publishesOnlyToTopics(role: RoleModel, permissionsOf: (fn: FunctionModel) => FunctionPermissions | undefined): boolean {
  if (role.kind === 'external' || role.functions.length === 0) return false;
  return role.functions.every((fn) => {
    const permissions = permissionsOf(fn);
    if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) return false;
    return permissions.needs.every((need) => {
      const action = need.action.toLowerCase();
      if (!action.startsWith('sns:')) return true;
      if (need.unresolved !== undefined) return false;
      return action !== 'sns:publish' || (need.resource !== '*' && need.resource !== undefined);
    });
  });
}

/** `Resources.Fn.Properties.Policies[0]#AmazonDynamoDBFullAccess.Statement[2]` -> the reference's own path. */
function managedReferencePath(statement: PolicyStatement): string {
  return statement.path.replace(/\.Statement\[\d+\]$/, '');
}

/** The resource types the actions act on, for a message: `table`, `log-group or log-stream`, `a, b, c or 2 others`. */
function resourceTypesOf(actions: readonly string[]): string {
  const types = actions.flatMap((name) => getActionByFullName(name)?.resourceTypes.map((t) => t.name) ?? []);
  return summarisedList([...new Set(types)], 'or');
}

/** Writing and permission changes first, then reading data, then listing: the examples a reviewer should see first. */
const ACCESS_WEIGHT: Record<string, number> = { 'Permissions management': 0, Write: 1, Tagging: 2, Read: 3, List: 4 };

function accessWeight(fullName: string): number {
  return ACCESS_WEIGHT[getActionByFullName(fullName)?.accessLevel ?? ''] ?? 5;
}

/** The written actions, weightiest first (in document order among equals). */
function byWeight(written: Map<string, number>): string[] {
  return [...written].map(([text, weight], index) => ({ text, weight, index })).sort((a, b) => a.weight - b.weight || a.index - b.index).map((w) => w.text);
}

function listExamples(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
