// Finds Allow statements granting a partial wildcard action of one service, such as `s3:Get*` or `dynamodb:*Item`.
import { defineRule, describeRoleUsers, describeWildcardScope, listExamples, quote, quoteResources, soleFunctionName, wildcardGrants } from '../kit.js';

export default defineRule({
  id: 'iam/partial-wildcard-action',
  category: 'iam',
  severity: 'warning',
  description: 'An IAM policy statement allows a partial wildcard action of one service.',
  fullDescription:
    'A partial wildcard such as `s3:Get*` stays within one kind of access of one service, but it still grants ' +
    'every matching action, today dozens (s3:GetBucketPolicy, s3:GetObjectAcl), and grows whenever AWS adds one. ' +
    'Allow statements written in the manifest are checked, and so are AWS managed policies attached to the role ' +
    '(reported at the reference, once per action, with the policy name), except the execution policies Lambda ' +
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
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const grant of wildcardGrants(project)) {
      const { role, statement, action, judged } = grant;
      if (judged.kind !== 'partial') continue;
      const common = { resource: quoteResources(statement), who: describeRoleUsers(role) };
      const base = { at: grant.at, function: soleFunctionName(role), key: grant.key };
      if (grant.policy !== undefined) {
        report({ ...base, messageId: 'managed', data: { ...common, policy: quote(grant.policy), action, scope: describeWildcardScope(judged) } });
      } else {
        report({ ...base, messageId: 'partial', data: { ...common, action, count: judged.count, examples: listExamples(judged.covered) } });
      }
    }
  },
});
