// Finds Allow statements granting a partial wildcard action of one service, such as `s3:Get*` or `dynamodb:*Item`.
import { defineRule, findingGroups, listExamples, wildcardGrants, wildcardGroupReport } from '../kit.js';

export default defineRule({
  id: 'iam/partial-wildcard-action',
  category: 'iam',
  severity: 'warning',
  description: 'An IAM policy statement allows a partial wildcard action of one service.',
  fullDescription:
    'A partial wildcard such as `s3:Get*` stays within one kind of access of one service, but it still grants ' +
    'every matching action, today dozens (s3:GetBucketPolicy, s3:GetObjectAcl), and grows whenever AWS adds one. ' +
    'Allow statements written in the manifest are checked, and so are AWS managed policies attached to the role ' +
    '(reported at the reference, once per reference naming each wildcard of the policy), except the execution policies Lambda ' +
    'itself needs. `*`, `service:*` and wildcards spanning services are iam/wildcard-action. The message says how ' +
    'many actions the wildcard covers today, from the bundled IAM reference data.',
  help:
    'List the actions the code calls instead of the wildcard, for example:\n' +
    '  Action:\n    - s3:GetObject\n  Resource: !Sub ${UploadsBucket.Arn}/*\ncdk-nag: AwsSolutions-IAM5.',
  precision: 'very-high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-732'],
  securitySeverity: 5.0,
  messages: {
    partial: '{{action}} allows {{count}} actions ({{examples}}) on {{resource}} to {{who}}.',
    managed: 'The AWS managed policy {{policy}} allows {{action}}, {{scope}}, on {{resource}} to {{who}}.',
    managedSeveral: 'The AWS managed policy {{policy}} allows {{actions}}, {{count}} actions in all, on {{resource}} to {{who}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const group of findingGroups(wildcardGrants(project).filter((grant) => grant.judged.kind === 'partial'))) {
      const { action, judged } = group[0]!;
      if (judged.kind !== 'partial') continue;
      const { base, common, managed } = wildcardGroupReport(group);
      if (managed) {
        report({ ...base, ...managed });
      } else {
        report({ ...base, key: group[0]!.key, messageId: 'partial', data: { ...common, action, count: judged.count, examples: listExamples(judged.covered) } });
      }
    }
  },
});
