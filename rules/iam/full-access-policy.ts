// Finds AWS managed `*FullAccess` policies on a function's role: every action of a service on all of its resources.
import { administrativePolicyKind, defineRule, describeRoleUsers, fullAccessServices, managedPolicyName, quote, soleFunctionName, summarisedList } from '../kit.js';

export default defineRule({
  id: 'iam/full-access-policy',
  category: 'iam',
  severity: 'warning',
  description: 'A function role has an AWS managed policy granting full access to a service.',
  fullDescription:
    'The `*FullAccess` policies (AmazonDynamoDBFullAccess, AmazonS3FullAccess, AWSLambda_FullAccess) allow every ' +
    'action of a service on all of its resources, where a function needs a few actions on a few resources; other AWS ' +
    'managed policies are judged from their documents in the bundled catalogue (`service:*` on every resource without ' +
    'a Condition: AmazonCognitoPowerUser, DatabaseAdministrator). The rule recognises the policies by name or by ARN (`arn:aws:iam::aws:policy/...`, ' +
    'also through `Fn::Sub` with `${AWS::Partition}`) in Serverless `managedPolicies`, SAM `Policies` and ' +
    'CloudFormation `ManagedPolicyArns`. The message names the services the document allows wholly. Administrator ' +
    'and power-user access are iam/admin-policy.',
  help:
    'Replace the managed policy with statements for what the code calls, or a SAM policy template scoped to one resource:\n' +
    '  Policies:\n    - DynamoDBReadPolicy:\n        TableName: !Ref OrdersTable\ncdk-nag: AwsSolutions-IAM4.',
  precision: 'very-high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-250'],
  securitySeverity: 7.0,
  messages: {
    fullAccess: '{{policy}} gives {{who}} every action of a service on all of its resources.',
    fullAccessOf: '{{policy}} gives {{who}} every action of {{services}} on every resource.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const reference of role.managedPolicies) {
        const name = managedPolicyName(reference);
        if (name === undefined || administrativePolicyKind(name) !== 'full-access') continue;
        // The services the policy's document allows wholly (AmazonCognitoPowerUser: three of them), when it says.
        const services = fullAccessServices(name);
        report({
          ...(services.length > 0
            ? { messageId: 'fullAccessOf' as const, data: { policy: quote(name), who: describeRoleUsers(role), services: summarisedList(services, 'and', 4) } }
            : { messageId: 'fullAccess' as const, data: { policy: quote(name), who: describeRoleUsers(role) } }),
          at: reference.location,
          statement: { location: reference.location },
          function: soleFunctionName(role),
          key: `${role.id}|managedPolicies|${name}|*`,
        });
      }
    }
  },
});
