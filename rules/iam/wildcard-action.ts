// Finds Allow statements granting `*`, `service:*` or actions of several services (`s3:*Object` is
// iam/partial-wildcard-action).
import { defineRule, findingGroups, wildcardGrants, wildcardGroupReport } from '../kit.js';

export default defineRule({
  id: 'iam/wildcard-action',
  category: 'iam',
  severity: 'error',
  description: 'An IAM policy statement allows a wildcard action.',
  fullDescription:
    'A wildcard action grants every current and future action it matches: `dynamodb:*` includes DeleteTable and ' +
    'UpdateTable, `*` is full administrator access. A compromised or buggy function can then do far more than its ' +
    'code needs. A wildcard that stays within one kind of access of one service, such as `s3:Get*`, is ' +
    'iam/partial-wildcard-action. Allow statements written in ' +
    'the manifest are checked, and so are AWS managed policies attached to the role (reported at the reference, once ' +
    'per reference naming each wildcard of the policy), except the execution policies Lambda itself needs for logs, VPC, tracing and ' +
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
    managed: 'The AWS managed policy {{policy}} allows {{action}}, {{scope}}, on {{resource}} to {{who}}.',
    managedSeveral: 'The AWS managed policy {{policy}} allows {{actions}}, {{count}} actions in all, on {{resource}} to {{who}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const group of findingGroups(wildcardGrants(project).filter((grant) => grant.judged.kind !== 'partial'))) {
      const { action, judged } = group[0]!;
      const { base, common, managed } = wildcardGroupReport(group);
      if (managed) {
        report({ ...base, ...managed });
      } else if (judged.kind === 'everyAction') {
        report({ ...base, key: group[0]!.key, messageId: 'everyAction', data: { ...common, count: judged.count } });
      } else if (judged.kind === 'crossService') {
        report({ ...base, key: group[0]!.key, messageId: 'crossService', data: { ...common, action, count: judged.count, services: judged.services } });
      } else if (judged.kind === 'allOfService') {
        report({ ...base, key: group[0]!.key, messageId: 'allOfService', data: { ...common, action, count: judged.count, service: judged.service } });
      }
    }
  },
});
