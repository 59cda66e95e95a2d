// Finds AWS calls in a function's code whose action its role does not grant on the resource the call uses.
import { defineRule, describeValue, evaluateRole, grantsActionAnywhere, type FunctionModel, type Location, type PermissionNeed, quote, resourceKey } from '../kit.js';

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
    notGranted: '{{function}} {{calls}} {{action}} on {{resource}}, but {{its}} role {{role}} does not grant {{it}}, so the call fails with AccessDenied.',
    denied: '{{function}} {{calls}} {{action}} on {{resource}}, but a Deny statement of {{its}} role {{role}} refuses {{it}}, so the call fails with AccessDenied.',
    notGrantedAnywhere:
      '{{function}} calls {{action}} on a resource noops-lint cannot determine ({{reason}}), but its role {{role}} grants {{action}} on no resource at all, so the call fails with AccessDenied.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    // One problem, one finding: the needs one call makes of one role (kms:GenerateDataKey and kms:Decrypt for one
    // send; the same handler file run by two functions sharing a role) are reported together at the call.
    const groups = new Map<string, { role: FunctionModel['role']; decision: 'not-granted' | 'denied'; functions: FunctionModel[]; needs: PermissionNeed[]; denying: Location[]; via: Location[] }>();
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
            actions: { missing: [need.action] },
            key,
          });
          continue;
        }
        const result = evaluateRole(fn.role, need.action, need.resource);
        if (result.decision !== 'not-granted' && result.decision !== 'denied') continue;
        const at = need.evidence.location;
        const id = `${fn.role.id}|${result.decision}|${at.file}:${at.line}:${at.column}|${resourceKey(need.resource)}`;
        let group = groups.get(id);
        if (!group) {
          group = { role: fn.role, decision: result.decision, functions: [], needs: [], denying: [], via: [] };
          groups.set(id, group);
        }
        if (!group.functions.includes(fn)) group.functions.push(fn);
        if (!group.needs.some((n) => n.action === need.action)) group.needs.push(need);
        group.denying.push(...result.denying.map((s) => s.location));
        group.via.push(...need.evidence.via);
      }
    }
    for (const group of groups.values()) {
      const first = group.needs[0]!;
      const fn = group.functions[0]!;
      const names = group.functions.map((f) => quote(f.name));
      const actions = group.needs.map((n) => n.action);
      const related = [
        { location: group.role.location, message: `the role ${quote(group.role.name)} of ${names.join(' and ')}` },
        ...uniqueLocations(group.denying).map((location) => ({ location, message: `the Deny statement refusing ${actions.join(', ')}` })),
        ...uniqueLocations(group.via).map((location) => ({ location, message: `reached from the handler of ${quote(fn.name)}` })),
      ];
      report({
        messageId: group.decision === 'denied' ? 'denied' : 'notGranted',
        data: {
          function: joinNames(names),
          calls: names.length > 1 ? 'call' : 'calls',
          its: names.length > 1 ? 'their' : 'its',
          action: joinNames(actions),
          it: actions.length > 1 ? 'them' : 'it',
          resource: quote(describeNeedResource(first)),
          role: quote(group.role.name),
        },
        at: first.evidence.location,
        related,
        function: fn.name,
        actions: { missing: actions },
        key: `${fn.id}|${actions.join(',')}|${resourceKey(first.resource)}|${first.evidence.location.file}`,
      });
    }
  },
});

/** `a`, `a and b`, `a, b and c`. */
function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function uniqueLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const id = `${l.file}:${l.line}:${l.column}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

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
