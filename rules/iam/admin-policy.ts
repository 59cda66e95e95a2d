// Finds AWS managed policies that grant administrator or power-user access to a function's role
// (full access to one service is iam/full-access-policy).
import { administrativePolicyKind, defineRule, describeRoleUsers, managedPolicyName, quote, soleFunctionName } from '../kit.js';

export default defineRule({
  id: 'iam/admin-policy',
  category: 'iam',
  severity: 'error',
  description: 'A function role has an AWS managed policy granting administrator or power-user access.',
  fullDescription:
    'AdministratorAccess allows everything in the account; PowerUserAccess everything except managing IAM and ' +
    'Organizations. A function needs a few actions on a few resources. Other AWS managed policies are judged from ' +
    'their documents in the bundled catalogue: `Action: "*"` or `NotAction` on every resource ' +
    'without a Condition. Policies are recognised by name or by ARN (`arn:aws:iam::aws:policy/...`, also through ' +
    '`Fn::Sub` with `${AWS::Partition}`) in Serverless `managedPolicies`, SAM `Policies` and CloudFormation ' +
    '`ManagedPolicyArns`. Full access to one service (AmazonS3FullAccess, or `service:*` on every resource) is ' +
    'iam/full-access-policy; a few actions on "*" (AWSLambdaRole) are iam/wildcard-resource\'s.',
  help:
    'Replace the managed policy with statements for what the code calls, or a SAM policy template scoped to one resource:\n' +
    '  Policies:\n    - DynamoDBReadPolicy:\n        TableName: !Ref OrdersTable\n' +
    'cdk-nag: AwsSolutions-IAM4 (AWS managed policies), AwsSolutions-IAM5 (wildcards).',
  precision: 'very-high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-250'],
  securitySeverity: 9.0,
  messages: {
    administrator: '{{policy}} gives {{who}} administrator access to the whole AWS account.',
    powerUser: '{{policy}} gives {{who}} every action on every resource except IAM and Organizations management.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const reference of role.managedPolicies) {
        const name = managedPolicyName(reference);
        const kind = name === undefined ? undefined : administrativePolicyKind(name);
        if (name === undefined || kind === undefined || kind === 'full-access') continue;
        const base = {
          data: { policy: quote(name), who: describeRoleUsers(role) },
          at: reference.location,
          statement: { location: reference.location },
          function: soleFunctionName(role),
          key: `${role.id}|managedPolicies|${name}|*`,
        };
        if (kind === 'administrator') report({ ...base, messageId: 'administrator' });
        else if (kind === 'power-user') report({ ...base, messageId: 'powerUser' });
      }
    }
  },
});
