// Finds AWS calls in a function's code whose action its role does not grant on the resource the call uses.
import { defineRule } from '../../src/engine/rule.js';
import { effectiveStatements, evaluateRole, statementCoversAction } from '../../src/analyse/match-policy.js';
import { resourceKey } from '../../src/analyse/permissions.js';
import type { PermissionNeed } from '../../src/analyse/permissions-types.js';
import { describeValue } from '../../src/model/values.js';
import { quote } from '../../src/util/quote.js';

export default defineRule({
  id: 'iam/missing-permission',
  category: 'iam',
  severity: 'error',
  description: "A function's code calls an AWS action that its role does not grant.",
  fullDescription:
    'The rule follows the handler through its imports to every AWS SDK call, maps each call to the IAM actions it ' +
    'needs and binds the request\'s resource (table, bucket and key prefix, queue, topic ...) to the template resource ' +
    'its environment variable names. A need that no Allow statement of the function\'s role covers, or that a Deny ' +
    'refuses, fails with AccessDenied at run time. Needs whose resource cannot be determined, statements that cannot ' +
    'be evaluated and roles with unknown grants (external roles, unknown managed policies) are never reported. ' +
    'When the resource of a call cannot be determined, the call is reported only when no Allow statement of the role ' +
    'grants its action on any resource at all. Calls through a client built with credentials the code supplies ' +
    '(taken from the request, or from an AssumeRole result) do not use the role and are never reported.',
  help:
    'Grant the action on the resource the code uses, e.g. for `sns.send(new PublishCommand({ TopicArn }))`:\n' +
    '  - Effect: Allow\n    Action: sns:Publish\n    Resource: !Ref OrderCreatedTopic\n' +
    'In SAM, add a policy template such as `SNSPublishMessagePolicy: { TopicName: !GetAtt OrderCreatedTopic.TopicName }`.',
  precision: 'high',
  tags: ['correctness', 'iam', 'least-privilege'],
  messages: {
    notGranted: '{{function}} calls {{action}} on {{resource}}, but its role {{role}} does not grant it, so the call fails with AccessDenied.',
    denied: '{{function}} calls {{action}} on {{resource}}, but a Deny statement of its role {{role}} refuses it, so the call fails with AccessDenied.',
    notGrantedAnywhere:
      '{{function}} calls {{action}} on a resource noops-lint cannot determine ({{reason}}), but its role {{role}} grants {{action}} on no resource at all, so the call fails with AccessDenied.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const fn of project.functions) {
      const permissions = analysis.permissionsOf(fn);
      if (!permissions) continue;
      const reportedUnresolved = new Set<string>();
      for (const need of permissions.needs) {
        if (need.optional !== undefined) continue;
        if (need.unresolved !== undefined) {
          // Unknown resource: only an action granted on nothing at all is sure to fail.
          const key = `${fn.id}|${need.action}|?|${need.evidence.location.file}:${need.evidence.location.line}`;
          if (reportedUnresolved.has(key) || grantsActionAnywhere(fn.role, need.action)) continue;
          reportedUnresolved.add(key);
          report({
            messageId: 'notGrantedAnywhere',
            data: { function: quote(fn.name), action: need.action, reason: need.unresolved, role: quote(fn.role.name) },
            at: need.evidence.location,
            related: [
              { location: fn.role.location, message: `the role ${quote(fn.role.name)} of ${quote(fn.name)}` },
              ...need.evidence.via.map((location) => ({ location, message: `reached from the handler of ${quote(fn.name)}` })),
            ],
            function: fn.name,
            key,
          });
          continue;
        }
        const result = evaluateRole(fn.role, need.action, need.resource);
        if (result.decision !== 'not-granted' && result.decision !== 'denied') continue;
        const related = [
          { location: fn.role.location, message: `the role ${quote(fn.role.name)} of ${quote(fn.name)}` },
          ...result.denying.map((s) => ({ location: s.location, message: `the Deny statement refusing ${need.action}` })),
          ...need.evidence.via.map((location) => ({ location, message: `reached from the handler of ${quote(fn.name)}` })),
        ];
        report({
          messageId: result.decision === 'denied' ? 'denied' : 'notGranted',
          data: { function: quote(fn.name), action: need.action, resource: quote(describeNeedResource(need)), role: quote(fn.role.name) },
          at: need.evidence.location,
          related,
          function: fn.name,
          key: `${fn.id}|${need.action}|${resourceKey(need.resource)}|${need.evidence.location.file}`,
        });
      }
    }
  },
});

function describeNeedResource(need: PermissionNeed): string {
  if (need.logicalId !== undefined) {
    const suffix = objectSuffix(need.resource);
    return suffix ? `${need.logicalId}${suffix}` : need.logicalId;
  }
  return describeValue(need.resource);
}

/** `/thumbs/*` of `arn:...:s3:::${Bucket}/thumbs/*`, so messages show the key prefix. */
function objectSuffix(resource: unknown): string | undefined {
  if (resource === null || typeof resource !== 'object') return undefined;
  const sub = (resource as Record<string, unknown>)['Fn::Sub'];
  if (typeof sub !== 'string') return undefined;
  const match = /^arn:\$\{AWS::Partition\}:s3:::\$\{[A-Za-z0-9]+\}(\/.*)$/.exec(sub);
  return match?.[1];
}

/** True unless every grant of the role is known and no Allow statement names the action (on any resource). */
function grantsActionAnywhere(role: Parameters<typeof evaluateRole>[0], action: string): boolean {
  if (role.kind === 'external') return true;
  const { statements, incomplete } = effectiveStatements(role);
  if (incomplete) return true;
  return statements.some((statement) => statement.effect === 'Allow' && statementCoversAction(statement, action) !== 'no');
}
