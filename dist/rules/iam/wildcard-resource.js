// Finds actions allowed on `Resource: "*"` although they support resource-level permissions.
import { defineRule } from '../../src/engine/rule.js';
import { IAM_RUNTIME_RESOURCE_ACTIONS } from '../../src/data/iam-runtime-resource-actions.js';
import { expandActionPattern, getActionByFullName, globToRegExp, hasWildcard } from '../../src/model/iam-catalog.js';
import { describeRoleUsers, isInlineStatement, isWildcardResourceValue, literalValues, soleFunctionName, statementKey, } from '../../src/model/iam-statements.js';
const RUNTIME_RESOURCE_ACTIONS = new Set(IAM_RUNTIME_RESOURCE_ACTIONS.actions.map((a) => a.toLowerCase()));
export default defineRule({
    id: 'iam/wildcard-resource',
    category: 'iam',
    severity: 'warning',
    description: 'An IAM policy statement allows an action on every resource ("*") that could be limited to specific resources.',
    fullDescription: 'With `Resource: "*"` an action applies to every table, bucket or queue in the account, not only the ones the ' +
        'function uses. The rule reports each action that supports resource-level permissions, according to the bundled ' +
        'IAM reference data. Actions that can only be granted on "*" (xray:PutTraceSegments, ecr:GetAuthorizationToken) ' +
        'and actions whose resource is created or chosen at run time (ec2:CreateNetworkInterface for a VPC function, ' +
        'cloudwatch:PutMetricData) are never reported. A log group ARN ending in `:*` is scoped, not a wildcard, and ' +
        'intrinsics or unresolved values are never treated as "*". Only Allow statements written in the manifest are checked.',
    help: 'Name the resources the function uses, for example:\n' +
        '  Action: dynamodb:GetItem\n  Resource: !GetAtt OrdersTable.Arn\n' +
        'For actions that must take "*" in your project, list them in the rule option `allowActions`.',
    precision: 'high',
    tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-732'],
    securitySeverity: 5.5,
    messages: {
        scoped: '{{action}} is allowed on every resource ("*") for {{who}}; it can be limited to specific {{types}} ARNs.',
        pattern: '{{action}} is allowed on every resource ("*") for {{who}}; {{count}} of the actions it covers can be limited to specific resources.',
    },
    optionsSchema: {
        type: 'object',
        additionalProperties: false,
        properties: { allowActions: { type: 'array', items: { type: 'string' } } },
    },
    defaultOptions: { allowActions: [] },
    check({ project, options, report }) {
        const allowed = options.allowActions.map(globToRegExp);
        const mayTakeWildcard = (fullName) => {
            const action = getActionByFullName(fullName);
            // Unknown actions are iam/unknown-action's business.
            if (!action || action.wildcardOnly)
                return true;
            return RUNTIME_RESOURCE_ACTIONS.has(fullName.toLowerCase()) || allowed.some((re) => re.test(fullName));
        };
        for (const role of project.roles) {
            for (const statement of role.statements) {
                if (statement.effect !== 'Allow' || !isInlineStatement(statement))
                    continue;
                const wildcards = statement.resources.filter((r) => isWildcardResourceValue(r.value));
                if (wildcards.length === 0)
                    continue;
                for (const action of literalValues(statement.actions)) {
                    const shown = action.text === '*' ? '"*"' : action.text;
                    let data;
                    let messageId;
                    if (hasWildcard(action.text)) {
                        const scoped = expandActionPattern(action.text).filter((name) => !mayTakeWildcard(name));
                        if (scoped.length === 0)
                            continue;
                        messageId = 'pattern';
                        data = { action: shown, count: scoped.length };
                    }
                    else {
                        if (mayTakeWildcard(action.text))
                            continue;
                        const types = getActionByFullName(action.text).resourceTypes.map((t) => t.name);
                        messageId = 'scoped';
                        data = { action: action.text, types: [...new Set(types)].join(' or ') };
                    }
                    for (const resource of wildcards) {
                        report({
                            messageId,
                            data: { ...data, who: describeRoleUsers(role) },
                            at: resource.location,
                            function: soleFunctionName(role),
                            key: statementKey(role, statement, action.text, '*'),
                        });
                    }
                }
            }
        }
    },
});
