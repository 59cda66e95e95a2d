// Finds actions granted only on resources they can never apply to (s3:GetObject on a bucket ARN, s3:ListBucket on objects).
import { actionMayApply, type ArnPattern, defineRule, describeResources, describeRoleUsers, describeValue, expandActionPattern, getActionByFullName, hasWildcard, type IamAction, isInlineStatement, literalValues, type PolicyStatement, quoteResources, resourcePattern, resourceTypeArn, soleFunctionName, statementKey, summarisedList } from '../kit.js';

export default defineRule({
  id: 'iam/resource-mismatch',
  category: 'iam',
  severity: 'warning',
  description: 'An action is granted only on resources it can never apply to, so the grant has no effect.',
  fullDescription:
    'Each IAM action is authorized against particular resource types: s3:GetObject against objects ' +
    '(`arn:aws:s3:::bucket/key`), s3:ListBucket against the bucket (`arn:aws:s3:::bucket`), dynamodb:GetItem against ' +
    'tables. Granting an action only on the wrong kind of ARN grants nothing, and the function fails with ' +
    'AccessDenied. The rule compares each resource with the ARN templates of the action\'s resource types from the ' +
    'bundled IAM reference data. It reads literal ARNs, `Fn::Sub` strings (unknown `${...}` parts match anything; ' +
    'a bucket or table name cannot contain "/"), `Fn::Join` and `Fn::GetAtt`/`Ref` of resources whose type it knows ' +
    '(an AWS::S3::Bucket Arn is a bucket ARN). A statement with any resource it cannot read is not judged, nor one ' +
    'whose resource holds a CloudFormation dynamic reference (`{{resolve:ssm:...}}`, `{{resolve:secretsmanager:...}}`, ' +
    'alone or inside `Fn::Sub`): CloudFormation replaces it at deploy time.',
  help:
    'Grant object actions on `bucket/*` and bucket actions on the bucket itself, for example:\n' +
    '  - Effect: Allow\n    Action: s3:GetObject\n    Resource: !Sub "${UploadsBucket.Arn}/*"\n' +
    '  - Effect: Allow\n    Action: s3:ListBucket\n    Resource: !GetAtt UploadsBucket.Arn',
  precision: 'high',
  tags: ['correctness', 'iam'],
  messages: {
    mismatch:
      '{{action}} is granted only on {{resource}}, where it never applies, so the grant has no effect for {{who}}: it acts on {{expected}}.',
    patternMismatch:
      '{{action}} is granted only on {{resource}}, to which none of the {{count}} actions it covers applies, so the grant has no effect for {{who}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const statement of role.statements) {
        if (statement.effect !== 'Allow' || !isInlineStatement(statement)) continue;
        if (statement.notResources.length > 0 || statement.resources.length === 0) continue;
        const patterns: ArnPattern[] = [];
        for (const resource of statement.resources) {
          const pattern = resourcePattern(resource.value, role.service.resources);
          if (pattern) patterns.push(pattern);
        }
        // One resource we cannot read might be the one the action applies to.
        if (patterns.length !== statement.resources.length) continue;
        const resource = describeResources(statement);
        const quoted = quoteResources(statement);
        for (const action of literalValues(statement.actions)) {
          if (action.text === '*') continue;
          const names = hasWildcard(action.text) ? expandActionPattern(action.text) : [action.text];
          const actions = names.map(getActionByFullName);
          // Unknown actions are iam/unknown-action's; wildcard-only ones take "*" and are judged elsewhere.
          if (actions.length === 0 || actions.some((a) => !a || a.wildcardOnly || actionMayApply(a, patterns))) continue;
          const base = {
            at: action.location,
            statement: { location: statement.location },
            function: soleFunctionName(role),
            key: statementKey(role, statement, action.text, resource),
          };
          const who = describeRoleUsers(role);
          if (hasWildcard(action.text)) {
            report({ ...base, messageId: 'patternMismatch', data: { action: action.text, resource: quoted, count: actions.length, who } });
          } else {
            report({ ...base, messageId: 'mismatch', data: { action: action.text, resource: quoted, expected: describeExpected(actions[0]!), who } });
          }
        }
      }
    }
  },
});

/** `object ARNs such as arn:${Partition}:s3:::${BucketName}/${ObjectName} (or accesspointobject)`: the plainest form first. */
function describeExpected(action: IamAction): string {
  const forms = action.resourceTypes
    .map((t) => ({ name: t.name, arn: resourceTypeArn(action.service, t.name) ?? '' }))
    .filter((t) => t.arn !== '')
    .sort((a, b) => a.arn.length - b.arn.length || (a.name < b.name ? -1 : 1));
  const [first, ...others] = forms;
  if (!first) return 'other resources';
  const rest = others.length > 0 ? ` (or ${summarisedList(others.map((t) => t.name), 'or')})` : '';
  return `${first.name} ARNs such as ${first.arn}${rest}`;
}

