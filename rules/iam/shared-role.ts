// Finds one role shared by functions whose code needs different permissions, so each gets the others' grants too.
import { defineRule, describeRoleUsers, quote, resourceKey } from '../kit.js';

export default defineRule({
  id: 'iam/shared-role',
  category: 'iam',
  severity: 'warning',
  description: 'Functions whose code needs different permissions share one role.',
  fullDescription:
    'A role shared by several functions must grant the union of what they need, so each function can do everything ' +
    'the others may: a compromised read-only handler can then write, publish or delete. The rule compares the ' +
    'permissions derived from each function\'s code (actions and resources; platform needs such as logs are left ' +
    'out) and reports the role when they differ. Functions whose code could not be analysed completely are left out ' +
    'of the comparison.',
  help:
    'Give each function its own role. Serverless Framework: the serverless-iam-roles-per-function plugin and\n' +
    '  functions:\n    getOrder:\n      iamRoleStatements:\n        - Effect: Allow\n          Action: dynamodb:GetItem\n          Resource: !GetAtt OrdersTable.Arn\n' +
    'AWS SAM: `Policies` on each AWS::Serverless::Function instead of a shared `Role`.',
  precision: 'high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-272'],
  securitySeverity: 3.0,
  messages: {
    shared: 'The role {{role}} is shared by {{who}}, whose code needs different permissions ({{needs}}); each function gets the grants of all of them.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const role of project.roles) {
      if (role.kind === 'external' || role.functions.length < 2) continue;
      const signatures = new Map<string, string[]>();
      const summaries: string[] = [];
      const used = new Set<string>();
      for (const fn of role.functions) {
        const permissions = analysis.permissionsOf(fn);
        if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) continue;
        const needs = [...new Set(permissions.needs.map((n) => `${n.action}|${n.unresolved === undefined ? resourceKey(n.resource) : '?'}`))].sort();
        const signature = needs.join('\n');
        const group = signatures.get(signature);
        if (group) group.push(fn.name);
        else signatures.set(signature, [fn.name]);
        const actions = [...new Set(permissions.needs.map((n) => n.action))].sort();
        for (const action of actions) used.add(action);
        summaries.push(`${quote(fn.name)}: ${actions.length > 0 ? actions.join(', ') : 'no AWS calls'}`);
      }
      if (signatures.size < 2) continue;
      report({
        messageId: 'shared',
        data: { role: quote(role.name), who: describeRoleUsers(role), needs: summarise(summaries) },
        at: role.location,
        related: role.functions.map((fn) => ({ location: fn.location, message: `${quote(fn.name)} uses ${quote(role.name)}` })),
        actions: { used: [...used] },
        key: `${role.id}|shared`,
      });
    }
  },
});

/** At most six functions' needs in one message; a role shared by hundreds would otherwise print them all. */
function summarise(summaries: string[]): string {
  const shown = summaries.slice(0, 6).join('; ');
  return summaries.length > 6 ? `${shown}; and ${summaries.length - 6} more` : shown;
}
