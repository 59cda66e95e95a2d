// Finds Allow statements granting `*`, `service:*` or a partial wildcard action such as `s3:Get*`.
import { countAllActions, defineRule, describeResources, describeRoleUsers, describeValue, expandActionPattern, hasWildcard, isInlineStatement, judgedManagedPolicy, literalValues, type PolicyStatement, quote, quoteResources, soleFunctionName, splitActionName, statementKey } from '../kit.js';

export default defineRule({
  id: 'iam/wildcard-action',
  category: 'iam',
  severity: 'error',
  description: 'An IAM policy statement allows a wildcard action.',
  fullDescription:
    'A wildcard action grants every current and future action it matches: `dynamodb:*` includes DeleteTable and ' +
    'UpdateTable, `*` is full administrator access. A compromised or buggy function can then do far more than its ' +
    'code needs. `*` and `service:*` are errors; a partial wildcard such as `s3:Get*` is a warning, since it stays ' +
    'within one kind of access but still grows whenever AWS adds a matching action. Allow statements written in ' +
    'the manifest are checked, and so are AWS managed policies attached to the role (reported at the reference, once ' +
    'per action, with the policy name), except the execution policies Lambda itself needs for logs, VPC, tracing and ' +
    'event sources. SAM policy templates and framework-added statements are not the user\'s wording. ' +
    'The message says how many actions the wildcard covers today, from the bundled IAM reference data.',
  help:
    'List the actions the code calls instead of a wildcard, for example:\n' +
    '  Action:\n    - dynamodb:GetItem\n    - dynamodb:PutItem\n  Resource: !GetAtt OrdersTable.Arn\n' +
    'Instead of a broad AWS managed policy such as AmazonDynamoDBFullAccess, use such a statement or a SAM policy ' +
    'template scoped to one resource (`DynamoDBCrudPolicy: { TableName: !Ref OrdersTable }`).\ncdk-nag: AwsSolutions-IAM5.',
  precision: 'very-high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-732'],
  securitySeverity: 7.5,
  messages: {
    everyAction: '"*" allows every action of every AWS service ({{count}} actions) on {{resource}} to {{who}}.',
    allOfService: '{{action}} allows all {{count}} {{service}} actions on {{resource}} to {{who}}.',
    crossService: '{{action}} allows {{count}} actions of {{services}} services on {{resource}} to {{who}}.',
    partial: '{{action}} allows {{count}} actions ({{examples}}) on {{resource}} to {{who}}.',
    managed: 'The AWS managed policy {{policy}} allows {{action}}, {{scope}}, on {{resource}} to {{who}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      const managedSeen = new Set<string>();
      for (const statement of role.statements) {
        if (statement.effect !== 'Allow') continue;
        const policy = judgedManagedPolicy(statement);
        if (!isInlineStatement(statement) && policy === undefined) continue;
        const resource = describeResources(statement);
        const common = { resource: quoteResources(statement), who: describeRoleUsers(role) };
        for (const action of literalValues(statement.actions)) {
          const judged = judgeAction(action.text);
          if (!judged) continue;
          if (policy !== undefined) {
            // A managed policy is fixed by replacing its reference: one finding per reference and action.
            const reference = managedReferencePath(statement);
            const key = `${role.id}|${reference}|${action.text}`;
            if (managedSeen.has(key)) continue;
            managedSeen.add(key);
            report({
              messageId: 'managed',
              data: { ...common, policy: quote(policy), action: action.text, scope: describeScope(judged) },
              at: statement.location,
              function: soleFunctionName(role),
              key,
              ...(judged.kind === 'partial' ? { severity: 'warning' as const } : {}),
            });
            continue;
          }
          const base = { at: action.location, function: soleFunctionName(role), key: statementKey(role, statement, action.text, resource) };
          if (judged.kind === 'everyAction') {
            report({ ...base, messageId: 'everyAction', data: { ...common, count: judged.count } });
          } else if (judged.kind === 'crossService') {
            report({ ...base, messageId: 'crossService', data: { ...common, action: action.text, count: judged.count, services: judged.services } });
          } else if (judged.kind === 'allOfService') {
            report({ ...base, messageId: 'allOfService', data: { ...common, action: action.text, count: judged.count, service: judged.service } });
          } else {
            report({
              ...base,
              messageId: 'partial',
              severity: 'warning',
              data: { ...common, action: action.text, count: judged.count, examples: listExamples(judged.covered) },
            });
          }
        }
      }
    }
  },
});

type WildcardKind =
  | { kind: 'everyAction'; count: number }
  | { kind: 'crossService'; count: number; services: number }
  | { kind: 'allOfService'; count: number; service: string }
  | { kind: 'partial'; count: number; covered: readonly string[] };

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

function describeScope(judged: WildcardKind): string {
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

function listExamples(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

