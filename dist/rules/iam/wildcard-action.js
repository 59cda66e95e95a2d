// Finds Allow statements granting `*`, `service:*` or a partial wildcard action such as `s3:Get*`.
import { defineRule } from '../../src/engine/rule.js';
import { countAllActions, expandActionPattern, hasWildcard, splitActionName } from '../../src/model/iam-catalog.js';
import { describeResources, describeRoleUsers, isInlineStatement, literalValues, soleFunctionName, statementKey, } from '../../src/model/iam-statements.js';
export default defineRule({
    id: 'iam/wildcard-action',
    category: 'iam',
    severity: 'error',
    description: 'An IAM policy statement allows a wildcard action.',
    fullDescription: 'A wildcard action grants every current and future action it matches: `dynamodb:*` includes DeleteTable and ' +
        'UpdateTable, `*` is full administrator access. A compromised or buggy function can then do far more than its ' +
        'code needs. `*` and `service:*` are errors; a partial wildcard such as `s3:Get*` is a warning, since it stays ' +
        'within one kind of access but still grows whenever AWS adds a matching action. Only Allow statements written ' +
        'in the manifest are checked; SAM policy templates and framework-added statements are not the user\'s wording. ' +
        'The message says how many actions the wildcard covers today, from the bundled IAM reference data.',
    help: 'List the actions the code calls instead of a wildcard, for example:\n' +
        '  Action:\n    - dynamodb:GetItem\n    - dynamodb:PutItem\n  Resource: !GetAtt OrdersTable.Arn',
    precision: 'very-high',
    tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-732'],
    securitySeverity: 7.5,
    messages: {
        everyAction: '"*" allows every action of every AWS service ({{count}} actions) on {{resource}} to {{who}}.',
        allOfService: '{{action}} allows all {{count}} {{service}} actions on {{resource}} to {{who}}.',
        crossService: '{{action}} allows {{count}} actions of {{services}} services on {{resource}} to {{who}}.',
        partial: '{{action}} allows {{count}} actions ({{examples}}) on {{resource}} to {{who}}.',
    },
    defaultOptions: {},
    check({ project, report }) {
        for (const role of project.roles) {
            for (const statement of role.statements) {
                if (statement.effect !== 'Allow' || !isInlineStatement(statement))
                    continue;
                const resource = describeResources(statement);
                const common = { resource, who: describeRoleUsers(role) };
                for (const action of literalValues(statement.actions)) {
                    const base = { at: action.location, function: soleFunctionName(role), key: statementKey(role, statement, action.text, resource) };
                    if (action.text === '*') {
                        report({ ...base, messageId: 'everyAction', data: { ...common, count: countAllActions() } });
                        continue;
                    }
                    const parts = splitActionName(action.text);
                    if (!parts || !hasWildcard(action.text))
                        continue;
                    const covered = expandActionPattern(action.text);
                    // A pattern matching nothing grants nothing: iam/unknown-action reports it.
                    if (covered.length === 0)
                        continue;
                    const services = new Set(covered.map((name) => name.slice(0, name.indexOf(':'))));
                    // `sqs:SendMessage*` covers only sqs:SendMessage today (the batch APIs are not IAM actions).
                    if (covered.length === 1 && parts.action !== '*')
                        continue;
                    if (services.size > 1) {
                        report({ ...base, messageId: 'crossService', data: { ...common, action: action.text, count: covered.length, services: services.size } });
                    }
                    else if (parts.action === '*') {
                        report({ ...base, messageId: 'allOfService', data: { ...common, action: action.text, count: covered.length, service: [...services][0] } });
                    }
                    else {
                        report({
                            ...base,
                            messageId: 'partial',
                            severity: 'warning',
                            data: { ...common, action: action.text, count: covered.length, examples: listExamples(covered) },
                        });
                    }
                }
            }
        }
    },
});
function listExamples(names) {
    const shown = names.slice(0, 3).join(', ');
    return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
