// Finds Allow statements written with NotAction or NotResource, which grant everything not listed.
import { defineRule, describeResources, describeRoleUsers, describeValue, isInlineStatement, type PolicyStatement, quoteEach, quoteResources, soleFunctionName, statementKey } from '../kit.js';

export default defineRule({
  id: 'iam/not-action',
  category: 'iam',
  severity: 'error',
  description: 'An Allow statement uses NotAction or NotResource, granting everything it does not list.',
  fullDescription:
    '`Effect: Allow` with `NotAction` allows every action of every service except the listed ones, including ' +
    'actions AWS adds later; with `NotResource` it allows the actions on every resource except the listed ones. ' +
    'Either is an open-ended grant that is easy to misread as a restriction. NotAction and NotResource are useful ' +
    'in Deny statements, which the rule never reports. Statements expanded from AWS managed policies are left to ' +
    'iam/admin-policy.',
  help:
    'List what the function may do with Action and Resource, and keep NotAction/NotResource for Deny statements:\n' +
    '  - Effect: Allow\n    Action: [s3:GetObject]\n    Resource: arn:aws:s3:::uploads/*',
  precision: 'very-high',
  tags: ['security', 'iam', 'least-privilege', 'external/cwe/cwe-732'],
  securitySeverity: 7.0,
  messages: {
    notAction: 'This Allow statement grants every action except {{except}} on {{resource}} to {{who}} (NotAction).',
    notResource: 'This Allow statement grants {{actions}} on every resource except {{except}} to {{who}} (NotResource).',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const statement of role.statements) {
        if (statement.effect !== 'Allow') continue;
        // Managed policies such as PowerUserAccess use NotAction; iam/admin-policy reports those by name.
        if (!isInlineStatement(statement) && statement.origin.kind !== 'sam-policy-template') continue;
        const who = describeRoleUsers(role);
        const first = statement.notActions[0];
        if (first) {
          const except = statement.notActions.map((v) => describeValue(v.value)).join(', ');
          report({
            messageId: 'notAction',
            data: { except, resource: quoteResources(statement), who },
            at: first.location,
            statement: { location: statement.location },
            function: soleFunctionName(role),
            key: statementKey(role, statement, `NotAction:${except}`, describeResources(statement)),
          });
        }
        const firstResource = statement.notResources[0];
        if (firstResource) {
          const except = statement.notResources.map((v) => describeValue(v.value)).join(', ');
          const actions = first ? 'those actions' : statement.actions.map((v) => describeValue(v.value)).join(', ') || 'its actions';
          report({
            messageId: 'notResource',
            data: { actions, except: quoteEach(statement.notResources.map((v) => describeValue(v.value))), who },
            at: firstResource.location,
            statement: { location: statement.location },
            function: soleFunctionName(role),
            key: statementKey(role, statement, first ? 'NotAction' : actions, `NotResource:${except}`),
          });
        }
      }
    }
  },
});

