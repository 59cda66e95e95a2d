// Finds AWS managed policies that grant administrator, power-user or full service access to a function's role.
import { administrativePolicyKind, defineRule, describeRoleUsers, managedPolicyName, quote, soleFunctionName } from '../kit.js';

export default defineRule({
  id: 'iam/admin-policy',
  category: 'iam',
  severity: 'error',
  description: 'A function role has an AWS managed policy granting administrator, power-user or full service access.',
  fullDescription:
    'AdministratorAccess allows everything in the account; PowerUserAccess everything except managing IAM and ' +
    'Organizations; the `*FullAccess` policies (AmazonDynamoDBFullAccess, AmazonS3FullAccess, AWSLambda_FullAccess) ' +
    'every action of a service on all of its resources. A function needs a few actions on a few resources. Other ' +
    'AWS managed policies are judged from their documents in the bundled catalogue: `Action: "*"`, `NotAction` or ' +
    '`service:*` on every resource without a Condition (AmazonCognitoPowerUser, DatabaseAdministrator); a few ' +
    'actions on "*" (AWSLambdaRole) are iam/wildcard-resource\'s. Policies are recognised by name or by ARN ' +
    '(`arn:aws:iam::aws:policy/...`, also through `Fn::Sub` with `${AWS::Partition}`) in Serverless ' +
    '`managedPolicies`, SAM `Policies` and CloudFormation `ManagedPolicyArns`. Administrator and power-user access ' +
    'are errors, full service access is a warning.',
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
    fullAccess: '{{policy}} gives {{who}} every action of a service on all of its resources.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const reference of role.managedPolicies) {
        const name = managedPolicyName(reference);
        const kind = name === undefined ? undefined : administrativePolicyKind(name);
        if (name === undefined || kind === undefined) continue;
        const base = {
          data: { policy: quote(name), who: describeRoleUsers(role) },
          at: reference.location,
          function: soleFunctionName(role),
          key: `${role.id}|managedPolicies|${name}|*`,
        };
        if (kind === 'administrator') report({ ...base, messageId: 'administrator' });
        else if (kind === 'power-user') report({ ...base, messageId: 'powerUser' });
        else report({ ...base, messageId: 'fullAccess', severity: 'warning' });
      }
    }
  },
});
