// Finds grants that let a function's role raise its own privileges (iam:PassRole on *, iam:Put*Policy, ...).
import { actionMayApply, administrativePolicyKind, allLiteral, type ArnPattern, defineRule, describeResources, describeRoleUsers, describeValue, type EscalationAction, getActionByFullName, globMatcher, type GlobMatcher, isPlatformStatement, type LiteralValue, literalValues, type PolicyStatement, PRIVILEGE_ESCALATION_ACTIONS, quoteResources, resourcePattern, type RoleModel, soleFunctionName, statementKey } from '../kit.js';

const DANGEROUS = PRIVILEGE_ESCALATION_ACTIONS.actions;

export default defineRule({
  id: 'iam/privilege-escalation',
  category: 'iam',
  severity: 'error',
  description: "A function's role is allowed actions that let it raise its own privileges.",
  fullDescription:
    'Some IAM actions are as good as administrator access: iam:PassRole or sts:AssumeRole on "*" reach any role, ' +
    'iam:AttachRolePolicy, iam:PutRolePolicy, iam:CreatePolicyVersion and iam:SetDefaultPolicyVersion rewrite ' +
    'permissions, iam:UpdateAssumeRolePolicy, iam:CreateAccessKey, iam:CreateLoginProfile and iam:AddUserToGroup ' +
    'take over other identities, and lambda:UpdateFunctionCode, lambda:UpdateFunctionConfiguration or ' +
    'lambda:CreateFunction with iam:PassRole on "*" run code as another function\'s role. Anyone who can inject ' +
    'code into the function inherits all of it. The rule also looks through wildcards (`iam:*`, `*`) and NotAction, ' +
    'names the dangerous actions each grant reaches, and leaves out those removed by an unconditional Deny on "*". ' +
    'Managed policies reported by iam/admin-policy are not reported again.',
  help:
    'Grant the specific actions the code needs on the specific resources; pass only named roles:\n' +
    '  - Effect: Allow\n    Action: iam:PassRole\n    Resource: !GetAtt WorkerRole.Arn\n' +
    '    Condition: { StringEquals: { "iam:PassedToService": lambda.amazonaws.com } }',
  precision: 'high',
  tags: ['security', 'iam', 'privilege-escalation', 'external/cwe/cwe-269'],
  securitySeverity: 8.8,
  messages: {
    single: '{{action}} on {{resource}} lets {{who}} raise its privileges: it {{how}}.',
    several: '{{action}} on {{resource}} lets {{who}} raise its privileges through {{reachable}}.',
    notAction: 'Allowing every action except {{except}} lets {{who}} raise its privileges through {{reachable}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      const judged = role.statements.filter((s) => !isPlatformStatement(s) && !isAdministrativeManagedPolicy(s));
      const denied = deniedActions(role);
      const passRoleOnAnything = judged.some(
        (s) => s.effect === 'Allow' && isBroad(s) && grantedNames(s, ['iam:PassRole']).length > 0 && !denied('iam:PassRole'),
      );
      const reachable = (statement: PolicyStatement, matches: (name: string) => boolean): EscalationAction[] => {
        const appliesTo = resourcesOf(statement, role);
        return DANGEROUS.filter(
          (d) =>
            matches(d.action) &&
            !denied(d.action) &&
            (d.scope === 'any' ? appliesTo(d.action) : isBroad(statement)) &&
            (d.requires ?? []).every((r) => r !== 'iam:PassRole' || passRoleOnAnything),
        );
      };

      for (const statement of judged) {
        if (statement.effect !== 'Allow') continue;
        const resource = describeResources(statement);
        const quoted = quoteResources(statement);
        const who = describeRoleUsers(role);
        const base = { function: soleFunctionName(role), statement: { location: statement.location } };
        for (const action of literalValues(statement.actions)) {
          const pattern = globMatcher(action.text);
          const found = reachable(statement, (name) => pattern.test(name));
          if (found.length === 0) continue;
          const key = statementKey(role, statement, action.text, resource);
          if (found.length === 1 && found[0]!.action.toLowerCase() === action.text.toLowerCase()) {
            report({ ...base, messageId: 'single', data: { action: action.text, resource: quoted, who, how: found[0]!.how }, at: action.location, key });
          } else {
            report({ ...base, messageId: 'several', data: { action: action.text, resource: quoted, who, reachable: listNames(found) }, at: action.location, key });
          }
        }
        const first = statement.notActions[0];
        if (first && allLiteral(statement.notActions)) {
          const excluded = literalValues(statement.notActions).map((v) => globMatcher(v.text));
          const found = reachable(statement, (name) => !excluded.some((re) => re.test(name)));
          if (found.length === 0) continue;
          const except = literalValues(statement.notActions).map((v) => v.text).join(', ');
          report({
            ...base,
            messageId: 'notAction',
            data: { except, who, reachable: listNames(found) },
            at: first.location,
            key: statementKey(role, statement, `NotAction:${except}`, resource),
          });
        }
      }
    }
  },
});

/**
 * Whether an action can apply to some resource of the statement: `iam:*` on a table ARN reaches no IAM
 * action, but an unreadable resource (a parameter, an import) might be anything.
 */
function resourcesOf(statement: PolicyStatement, role: RoleModel): (action: string) => boolean {
  if (statement.notResources.length > 0) return () => true;
  const patterns: ArnPattern[] = [];
  for (const resource of statement.resources) {
    const pattern = resourcePattern(resource.value, role.service.resources);
    if (!pattern) return () => true;
    patterns.push(pattern);
  }
  return (name) => {
    const action = getActionByFullName(name);
    return !action || action.wildcardOnly || actionMayApply(action, patterns);
  };
}

/** On every resource: `*`, NotResource, or an ARN whose resource part is only a wildcard (`role/*`, `function:*`). */
function isBroad(statement: PolicyStatement): boolean {
  if (statement.notResources.length > 0) return true;
  return literalValues(statement.resources).some((r) => r.text === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(?:[A-Za-z-]+[/:])?\*$/.test(r.text));
}

function grantedNames(statement: PolicyStatement, names: string[]): string[] {
  const patterns = literalValues(statement.actions).map((a: LiteralValue) => globMatcher(a.text));
  return names.filter((n) => patterns.some((re) => re.test(n)));
}

/** Actions an unconditional Deny on "*" takes away, whatever the Allow statements say. */
function deniedActions(role: RoleModel): (name: string) => boolean {
  const patterns: GlobMatcher[] = [];
  for (const statement of role.statements) {
    if (statement.effect !== 'Deny' || statement.condition != null || statement.notResources.length > 0) continue;
    if (!literalValues(statement.resources).some((r) => r.text === '*')) continue;
    patterns.push(...literalValues(statement.actions).map((a) => globMatcher(a.text)));
  }
  return (name) => patterns.some((re) => re.test(name));
}

function isAdministrativeManagedPolicy(statement: PolicyStatement): boolean {
  if (statement.origin.kind !== 'managed-policy') return false;
  const name = statement.origin.policy.slice(statement.origin.policy.lastIndexOf('/') + 1);
  return administrativePolicyKind(name) !== undefined;
}

function listNames(actions: EscalationAction[]): string {
  const names = actions.map((a) => a.action);
  if (names.length <= 6) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`;
}

