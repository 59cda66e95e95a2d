// Finds granted actions that no function using the role needs, judged against what the functions' code calls.
import { administrativePolicyKind, cdkArnExpression, cdkGrantMethods, defineRule, describeRoleUsers, expandActionPattern, getActionByFullName, hasWildcard, judgedManagedPolicy, type PermissionNeed, plural, type PolicyStatement, policyTemplates, quote, type RoleModel, soleFunctionName, statementCoversResource, STREAM_READING_ACTIONS } from '../kit.js';

export default defineRule({
  id: 'iam/unused-permission',
  category: 'iam',
  severity: 'warning',
  description: 'A function role grants actions that the code of its functions never uses.',
  fullDescription:
    'The rule derives the actions each function needs from the AWS SDK calls its handler can reach, adds what the ' +
    'platform needs, and compares them with each Allow statement of the role: ' +
    'an action (or every action a wildcard stands for) that no function using the role needs on the statement\'s ' +
    'resources is unused. A wildcard that is partly used is reported with the number of actions it grants beyond the ' +
    'used ones; a statement of several actions none of which is used is reported once, at its Action key. SAM policy templates and AWS managed policies are judged whole, at the line that names them (iam/admin-policy speaks for administrator and power-user policies, and for a full-access one the code partly uses). Statements the framework adds are not judged, and nothing is claimed for a role ' +
    'when the code of one of its functions could not be followed completely. ' +
    'Platform needs (pollers, X-Ray, VPC, EFS mounts, destinations, the API key a Datadog extension reads) and stream-reading actions are never unused.',
  help:
    'Grant only what the code calls:\n' +
    '  - Effect: Allow\n    Action: [dynamodb:GetItem, dynamodb:PutItem]\n    Resource: !GetAtt OrdersTable.Arn\n' +
    'or, in SAM, the narrowest policy template (`DynamoDBReadPolicy` instead of `DynamoDBCrudPolicy`). A template is suggested ' +
    'only when it grants nothing beyond what the code uses and the current template grants.',
  precision: 'high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-272'],
  securitySeverity: 4.0,
  messages: {
    unusedAction: '{{action}} is granted to {{who}} on these resources, but the code never calls it there. Remove it from the statement.',
    unusedStatement:
      'None of the {{count}} actions of this statement ({{actions}}) is used by the code of {{who}} on these resources. Remove the statement.',
    partlyUsedWildcard:
      '{{action}} grants {{grantedText}}, but the code of {{who}} uses only {{used}}; {{unusedText}} ({{levels}}). Grant only what is used: Action: [{{used}}].',
    unusedTemplate:
      '{{template}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}',
    unusedCdkGrant:
      '{{call}} grants {{grantedText}} to {{who}}, but its code uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}',
    unusedCdkStatement:
      'A statement the CDK generated for {{construct}} grants {{actions}}, which the code of {{who}} never uses. Remove the grant or policy statement that adds it from the app.',
    unusedManagedPolicy:
      'The AWS managed policy {{policy}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}',
    removeManagedPolicy:
      'The AWS managed policy {{policy}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}',
    removeTemplate:
      '{{template}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    const shared = sharedStatements(project.roles, (fn) => analysis.permissionsOf(fn));
    for (const role of project.roles) {
      const needs = decidableUses(role, (fn) => analysis.permissionsOf(fn));
      if (!needs) continue;
      const uses = byAction(needs);
      const who = describeRoleUsers(role);
      const fnName = soleFunctionName(role);
      const templates = new Map<string, PolicyStatement[]>();
      const cdkGrants = new Map<string, PolicyStatement[]>();
      const policies = new Map<string, PolicyStatement[]>();
      const unjudgedPolicies = new Set<string>();
      for (const statement of role.statements) {
        const policy = judgedManagedPolicy(statement);
        const breadth = policy === undefined ? undefined : administrativePolicyKind(policy);
        if (policy !== undefined && breadth !== 'administrator' && breadth !== 'power-user') {
          // A managed policy is judged whole, at its reference; one with NotAction or Deny is left to the broad-grant rules.
          const id = `${policy}|${statement.location.file}:${statement.location.line}:${statement.location.column}`;
          if (statement.effect !== 'Allow' || statement.notActions.length > 0) unjudgedPolicies.add(id);
          else policies.set(id, [...(policies.get(id) ?? []), statement]);
          continue;
        }
        if (statement.effect !== 'Allow' || statement.notActions.length > 0) continue;
        if (statement.origin.kind === 'cdk-grant') {
          // One finding per grant call of the app (a call may generate several statements).
          const at = statement.origin.call ? statement.location : statement.origin.templateLocation;
          const id = `${statement.origin.call ?? statement.path}|${at.file}:${at.line}:${at.column}`;
          cdkGrants.set(id, [...(cdkGrants.get(id) ?? []), statement]);
          continue;
        }
        if (statement.origin.kind === 'sam-policy-template') {
          const id = `${statement.origin.template}|${statement.location.file}:${statement.location.line}:${statement.location.column}`;
          templates.set(id, [...(templates.get(id) ?? []), statement]);
          continue;
        }
        if (statement.origin.kind !== 'inline') continue; // platform grants and managed policies are not the user's choice here
        // A statement several roles hold (provider statements inherited by per-function roles) is judged once, against all their functions.
        let [judgeUses, judgeWho, judgeFn] = [uses, who, fnName];
        const sharing = shared.get(statement);
        if (sharing) {
          if (sharing.first !== role || !sharing.uses) continue;
          [judgeUses, judgeWho, judgeFn] = [sharing.uses, sharing.who, sharing.fn];
        }
        const judged = statement.actions.flatMap((item) => {
          if (typeof item.value !== 'string') return [];
          const expanded = expandActionPattern(item.value);
          if (expanded.length === 0) return []; // unknown actions are iam/unknown-action's business
          const granted = judgedActions(expanded);
          if (granted.length === 0) return [];
          return [{ item, text: item.value, granted, used: granted.filter((action) => isUsed(action, statement, judgeUses, role)) }];
        });
        // Nothing in a statement of several actions is used: the statement goes, so one finding at its Action key.
        if (judged.length >= 2 && judged.length === statement.actions.length && judged.every((j) => j.used.length === 0)) {
          const actions = judged.map((j) => j.text);
          report({
            messageId: 'unusedStatement',
            data: { count: actions.length, actions: actions.join(', '), who: judgeWho },
            at: statement.actionKeyLocation ?? judged[0]!.item.location,
            function: judgeFn,
            actions: { unused: actions },
            key: `${role.id}|${statement.path}|${actions.join(',')}`,
            statement: { location: statement.location, removed: true },
          });
          continue;
        }
        for (const { item, text, granted, used } of judged) {
          if (used.length === granted.length) continue;
          const unused = granted.filter((a) => !used.includes(a));
          const key = `${role.id}|${statement.path}|${text}`;
          if (used.length === 0 || !hasWildcard(text)) {
            // The statement's only action: removing it removes the statement.
            const removed = used.length === 0 && statement.actions.length === 1;
            const about = { location: statement.location, ...(removed ? { removed } : {}) };
            report({ messageId: 'unusedAction', data: { action: text, who: judgeWho }, at: item.location, function: judgeFn, actions: { unused: [text], used }, key, statement: about });
          } else {
            report({
              messageId: 'partlyUsedWildcard',
              data: { action: text, grantedText: plural(granted.length, 'action'), used: used.join(', '), unusedText: unusedText(unused.length), levels: accessLevels(unused), who: judgeWho },
              // The fix rewrites the statement's Action list: reported at its key, beside the wildcard's own finding.
              at: statement.actionKeyLocation ?? item.location,
              function: judgeFn,
              actions: { used, unused },
              key,
              statement: { location: statement.location },
            });
          }
        }
      }
      for (const statements of cdkGrants.values()) {
        const first = statements[0]!;
        if (first.origin.kind !== 'cdk-grant') continue;
        const { granted, used } = grantedAndUsed(statements, uses, role);
        const unused = [...granted].filter((a) => !used.has(a) && judgedActions([a]).length > 0);
        if (granted.size === 0 || unused.length === 0) continue;
        const usedList = [...used].sort();
        if (!first.origin.call) {
          if (used.size > 0) continue; // partly used and its call unknown: nothing precise to say
          report({
            messageId: 'unusedCdkStatement',
            data: { construct: quote(first.origin.construct), actions: [...granted].sort().join(', '), who },
            at: first.origin.templateLocation,
            function: fnName,
            actions: { unused: [...granted] },
            key: `${role.id}|${first.path}|cdk`,
            statement: { location: first.location, removed: true },
          });
          continue;
        }
        const fix = cdkSuggestion(first.origin.className, first.origin.method, usedList, first.origin.call);
        if (!fix) continue; // already the narrowest grant method that covers what the code uses
        report({
          messageId: 'unusedCdkGrant',
          data: {
            call: first.origin.call,
            grantedText: plural(granted.size, 'action'),
            usedText: usedList.length === 0 ? 'none of them' : `only ${usedList.join(', ')}`,
            unusedText: unusedText(unused.length),
            levels: accessLevels(unused),
            who,
            suggestion: fix,
          },
          at: first.location,
          related: [{ location: first.origin.templateLocation, message: 'the statement the CDK generates for it' }],
          function: fnName,
          actions: { used: usedList, unused },
          key: `${role.id}|cdk|${first.origin.call}`,
          statement: { location: first.location },
        });
      }
      for (const [id, statements] of policies) {
        if (unjudgedPolicies.has(id)) continue;
        const first = statements[0]!;
        const policy = first.origin.kind === 'managed-policy' ? first.origin.policy : '';
        const { granted, used } = grantedAndUsed(statements, uses, role);
        const unused = [...granted].filter((a) => !used.has(a) && judgedActions([a]).length > 0);
        if (granted.size === 0 || unused.length === 0) continue;
        const usedList = [...used].sort();
        report({
          messageId: usedList.length === 0 ? 'removeManagedPolicy' : 'unusedManagedPolicy',
          data: {
            policy: quote(policy),
            grantedText: plural(granted.size, 'action'),
            usedText: usedList.length === 0 ? 'none of them' : `only ${usedList.join(', ')}`,
            unusedText: unusedText(unused.length),
            levels: accessLevels(unused),
            who,
            suggestion: usedList.length === 0 ? `Remove the ${quote(policy)} entry.` : `Replace it with a statement granting only Action: [${usedList.join(', ')}] on the resources the code uses.`,
          },
          at: first.location,
          function: fnName,
          actions: { used: usedList, unused },
          key: `${role.id}|${first.path.replace(/#[^#]*$/, '')}|${policy}`,
          statement: { location: first.location, ...(usedList.length === 0 ? { removed: true } : {}) },
        });
      }
      for (const statements of templates.values()) {
        const first = statements[0]!;
        const template = first.origin.kind === 'sam-policy-template' ? first.origin.template : '';
        const { granted, used } = grantedAndUsed(statements, uses, role);
        const unused = [...granted].filter((a) => !used.has(a) && judgedActions([a]).length > 0);
        if (granted.size === 0 || unused.length === 0) continue;
        const usedList = [...used].sort();
        report({
          messageId: usedList.length === 0 ? 'removeTemplate' : 'unusedTemplate',
          data: {
            template: quote(template),
            grantedText: plural(granted.size, 'action'),
            usedText: usedList.length === 0 ? 'none of them' : `only ${usedList.join(', ')}`,
            unusedText: unusedText(unused.length),
            levels: accessLevels(unused),
            who,
            suggestion: suggestion(template, usedList),
          },
          at: first.location,
          function: fnName,
          actions: { used: usedList, unused },
          key: `${role.id}|${first.path.replace(/\.Statement\[\d+\]$/, '')}|${template}`,
          statement: { location: first.location, ...(usedList.length === 0 ? { removed: true } : {}) },
        });
      }
    }
  },
});

/** The actions a group of statements grants, and those of them the role's functions use there. */
function grantedAndUsed(statements: PolicyStatement[], uses: NeedsByAction, role: RoleModel): { granted: Set<string>; used: Set<string> } {
  const granted = new Set<string>();
  const used = new Set<string>();
  for (const statement of statements) {
    for (const item of statement.actions) {
      if (typeof item.value !== 'string') continue;
      for (const action of expandActionPattern(item.value)) {
        granted.add(action);
        if (isUsed(action, statement, uses, role)) used.add(action);
      }
    }
  }
  return { granted, used };
}

/**
 * The fix for an over-broad CDK grant: the narrowest grant method of the construct that covers what the code uses,
 * else a PolicyStatement with the used actions; undefined when the grant is already the narrowest method that does.
 */
function cdkSuggestion(className: string | undefined, method: string | undefined, used: string[], call: string): string | undefined {
  const receiver = call.slice(0, call.lastIndexOf('.', call.indexOf('(')));
  const grantee = call.slice(call.indexOf('(') + 1, call.lastIndexOf(')')) || 'fn';
  if (used.length === 0) return `Remove ${call}: the code makes no call it allows.`;
  const methods = className ? cdkGrantMethods(className) : undefined;
  const current = methods?.find((m) => m.method === method);
  const covers = (actions: readonly string[]): boolean => {
    const expanded = new Set(actions.flatMap((a) => expandActionPattern(a)));
    return used.every((u) => expanded.has(u));
  };
  const size = (actions: readonly string[]): number => new Set(actions.flatMap((a) => expandActionPattern(a))).size;
  const narrower = methods
    ?.filter((m) => m.method !== method && covers(m.actions) && (!current || size(m.actions) < size(current.actions)))
    .sort((a, b) => size(a.actions) - size(b.actions))[0];
  const arn = (className ? cdkArnExpression(className, receiver) : undefined) ?? '...';
  const statement = `${grantee}.addToRolePolicy(new iam.PolicyStatement({ actions: [${used.map((a) => `'${a}'`).join(', ')}], resources: [${arn}] }))`;
  if (narrower) return `Use ${receiver}.${narrower.method}(${grantee}) instead, or ${statement}.`;
  if (current && covers(current.actions)) return undefined;
  return `Replace it with ${statement}.`;
}

interface SharedStatement {
  /** The first role holding it that has functions: the statement is reported there, once. */
  first: RoleModel;
  /** The needs of every function of every role holding it; undefined when one of them is not decidable. */
  uses?: NeedsByAction;
  who: string;
  fn?: string;
}

/** Inline statements held by more than one role with functions (serverless-iam-roles-per-function inheritance). */
function sharedStatements(roles: readonly RoleModel[], permissionsOf: Parameters<typeof decidableUses>[1]): Map<PolicyStatement, SharedStatement> {
  const holders = new Map<PolicyStatement, RoleModel[]>();
  for (const role of roles) {
    if (role.functions.length === 0) continue;
    for (const statement of role.statements) {
      if (statement.origin.kind !== 'inline') continue;
      const list = holders.get(statement);
      if (list) list.push(role);
      else holders.set(statement, [role]);
    }
  }
  const result = new Map<PolicyStatement, SharedStatement>();
  const usesOf = new Map<RoleModel, PermissionNeed[] | undefined>();
  for (const [statement, holding] of holders) {
    if (holding.length < 2) continue;
    const needs: PermissionNeed[] = [];
    let decidable = true;
    for (const role of holding) {
      if (!usesOf.has(role)) usesOf.set(role, decidableUses(role, permissionsOf));
      const own = usesOf.get(role);
      if (own) needs.push(...own);
      else decidable = false;
    }
    const functions = holding.flatMap((role) => role.functions);
    const entry: SharedStatement = { first: holding[0]!, who: describeRoleUsers({ ...holding[0]!, functions }) };
    if (functions.length === 1) entry.fn = functions[0]!.name;
    if (decidable) entry.uses = byAction(needs);
    result.set(statement, entry);
  }
  return result;
}

/** Every need of the role's functions, or undefined when one of them could not be analysed completely. */
function decidableUses(
  role: RoleModel,
  permissionsOf: (fn: RoleModel['functions'][number]) => { needs: PermissionNeed[]; platform: PermissionNeed[]; analysed: boolean; incompleteReasons: string[] } | undefined,
): PermissionNeed[] | undefined {
  if (role.kind === 'external' || role.functions.length === 0) return undefined;
  const uses: PermissionNeed[] = [];
  for (const fn of role.functions) {
    const permissions = permissionsOf(fn);
    if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) return undefined;
    uses.push(...permissions.needs, ...permissions.platform);
  }
  return uses;
}

/** A granted action is used when a need names it on a resource the statement may cover (unresolved needs cover any). */
function isUsed(action: string, statement: PolicyStatement, uses: NeedsByAction, role: RoleModel): boolean {
  return (uses.get(action.toLowerCase()) ?? []).some((need) => {
    if (need.unresolved !== undefined) return true;
    return statementCoversResource(statement, need.resource, role.service) !== 'no';
  });
}

/** The granted actions the rule judges: a stream may be attached outside the manifest, so its reading actions are not. */
function judgedActions(actions: readonly string[]): string[] {
  return actions.filter((action) => !STREAM_READING_ACTIONS.has(action.toLowerCase()));
}

/** The needs of a role's functions by lower-cased action: a wildcard grant asks about each of its actions. */
type NeedsByAction = Map<string, PermissionNeed[]>;

function byAction(needs: PermissionNeed[]): NeedsByAction {
  const map: NeedsByAction = new Map();
  for (const need of needs) {
    const key = need.action.toLowerCase();
    const list = map.get(key);
    if (list) list.push(need);
    else map.set(key, [need]);
  }
  return map;
}

/** `1 granted action is unused`, `13 granted actions are unused`. */
function unusedText(count: number): string {
  return `${plural(count, 'granted action')} ${count === 1 ? 'is' : 'are'} unused`;
}

/** `Write 20, Read 12, Permissions management 3`, largest first. */
function accessLevels(actions: string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) {
    // Some actions have two levels ("Permissions management, Write"): keep them together.
    const level = (getActionByFullName(action)?.accessLevel || 'Unknown').replace(/, /g, ' + ');
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([level, count]) => `${level} ${count}`)
    .join(', ');
}

/** The actions each SAM policy template grants, by template name (the bundled definitions never change). */
const templateActions = new Map<string, readonly string[]>();

/**
 * The narrowest SAM policy template with the same parameters that still covers the used actions and grants nothing
 * beyond them and the current template (DynamoDBRestoreFromBackupPolicy is smaller than DynamoDBCrudPolicy but adds
 * backup restores), or an inline statement.
 */
function suggestion(current: string, used: string[]): string {
  if (used.length === 0) return `Remove the ${quote(current)} entry.`;
  const definitions = policyTemplates();
  const currentDefinition = definitions[current];
  const parameters = Object.keys(currentDefinition?.Parameters ?? {}).sort().join(',');
  const size = (name: string): readonly string[] => {
    let actions = templateActions.get(name);
    if (!actions) {
      actions = (definitions[name]?.Definition.Statement ?? []).flatMap((s) => {
        const listed = s.Action;
        return (Array.isArray(listed) ? listed : [listed]).filter((a): a is string => typeof a === 'string').flatMap((a) => expandActionPattern(a));
      });
      templateActions.set(name, actions);
    }
    return actions;
  };
  const currentActions = size(current);
  const allowed = new Set([...currentActions, ...used]);
  let best: { name: string; count: number } | undefined;
  for (const name of Object.keys(definitions).sort()) {
    if (name === current || Object.keys(definitions[name]!.Parameters).sort().join(',') !== parameters) continue;
    const actions = size(name);
    if (actions.length >= currentActions.length || !used.every((u) => actions.includes(u)) || !actions.every((a) => allowed.has(a))) continue;
    if (!best || actions.length < best.count) best = { name, count: actions.length };
  }
  if (best) return `Use ${best.name} instead, or a statement with Action: [${used.join(', ')}].`;
  return `Replace it with a statement granting only Action: [${used.join(', ')}] on the resources the code uses.`;
}
