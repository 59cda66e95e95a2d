// Finds passwords and auth tokens written in plain text in resource properties (MasterUserPassword of RDS,
// DocumentDB and Redshift, ElastiCache AuthToken, Amazon MQ user passwords), or in the default of the parameter
// they come from.
import { defineRule, isDynamicReference, isIntrinsic, isNonSecretShape, isPlaceholderValue, isUnresolved, type Location, locationOfValue, maskSecret, quote, type ResourceModel, type ServiceModel } from '../kit.js';

type MessageId = 'literal' | 'parameterDefault';

/**
 * Property names that hold a credential, as CloudFormation spells them: MasterUserPassword, AdminUserPassword,
 * Password (Amazon MQ users, DMS endpoints, IAM login profiles), Passwords (ElastiCache users), AuthToken, and the
 * PASSWORD key of Glue connection properties.
 */
const CREDENTIAL_KEY = /(?:Password|Passwords|AuthToken)$|^PASSWORD$/;

/** Subtrees other rules judge (function environments: secrets/plaintext-env) or that hold no credentials. */
const SKIPPED_KEYS = new Set(['Environment', 'Tags', 'Metadata']);

const MAX_DEPTH = 12;

interface Credential {
  path: (string | number)[];
  value: unknown;
  location: Location;
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'secrets/plaintext-property',
  category: 'secrets',
  severity: 'error',
  description: 'A password or auth token is written in plain text in a resource property.',
  fullDescription:
    'A database master password, cache auth token or broker password written into the template is stored in the ' +
    'repository, in every deployment artifact and in the CloudFormation console, where anyone who can read them sees ' +
    'it. The rule reads credential properties of every resource (MasterUserPassword of RDS, Aurora, DocumentDB, Redshift ' +
    'and OpenSearch, ElastiCache AuthToken and user Passwords, Amazon MQ Users[].Password, AdminUserPassword, Password ' +
    'of DMS endpoints and IAM login profiles), also when the value comes from `${self:custom.x}`, and the literal Default ' +
    'of a parameter they Ref. Silent for dynamic references (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), ' +
    '`ManageMasterUserPassword: true`, a Ref to a parameter without a default (NoEcho), `${ssm:...}` and other values ' +
    'resolved at deploy time. Messages show at most the first four characters.',
  help:
    'Let the service manage the secret (`ManageMasterUserPassword: true` on RDS and Aurora), or keep it in Secrets ' +
    'Manager and reference it: `MasterUserPassword: !Sub "{{resolve:secretsmanager:${DbSecret}:SecretString:password}}"` ' +
    'with `DbSecret` an AWS::SecretsManager::Secret using GenerateSecretString. Rotate a password that was committed: ' +
    'it stays in the repository history.\ncdk-nag: AwsSolutions-SMG4; Checkov: CKV_SECRET_6.',
  securitySeverity: 7.5,
  precision: 'high',
  tags: ['security', 'secrets', 'external/cwe/cwe-798'],
  messages: {
    literal: '{{property}} of {{resource}} is written in plain text ({{masked}}): anyone who can read the template or the stack sees it.',
    parameterDefault:
      'Parameter {{parameter}} has a plain-text default ({{masked}}) and is used as {{property}} of {{resource}}: the default is in the template for anyone who can read it.',
  },
  defaultOptions: {},
  check({ project, report }) {
    const reportedDefaults = new Set<string>();
    for (const resource of project.resources) {
      for (const credential of credentialsOf(resource)) {
        const property = formatPath(credential.path);
        const literal = literalText(credential.value);
        if (literal !== undefined) {
          if (!isPlainSecret(literal)) continue;
          report({
            messageId: 'literal',
            data: { property, resource: quote(resource.logicalId), masked: maskSecret(literal) },
            at: credential.location,
            key: `${resource.service.id}|${resource.logicalId}|${property}`,
          });
          continue;
        }
        // MasterUserPassword: !Ref DbPassword, with `Default: hunter2` on the parameter
        const parameter = referencedParameter(resource.service, credential.value);
        if (!parameter || reportedDefaults.has(`${resource.service.id}|${parameter.name}`)) continue;
        reportedDefaults.add(`${resource.service.id}|${parameter.name}`);
        report({
          messageId: 'parameterDefault',
          data: { parameter: quote(parameter.name), property, resource: quote(resource.logicalId), masked: maskSecret(parameter.value) },
          at: parameter.location,
          related: [{ location: credential.location, message: `${property} of ${quote(resource.logicalId)} takes the parameter here.` }],
          key: `${resource.service.id}|Parameters|${parameter.name}`,
        });
      }
    }
  },
});

/** Every credential property of a resource, at any depth (Users[0].Password), with its value and where it is written. */
function credentialsOf(resource: ResourceModel): Credential[] {
  const found: Credential[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (path.length > MAX_DEPTH || node === null || typeof node !== 'object' || isUnresolved(node) || isIntrinsic(node)) return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (typeof key === 'string' && SKIPPED_KEYS.has(key)) continue;
      if (typeof key === 'string' && CREDENTIAL_KEY.test(key)) {
        // ElastiCache::User Passwords: [a, b]
        const values = Array.isArray(value) ? value.map((item, index) => ({ item, parent: value as unknown, at: index as string | number })) : [{ item: value, parent: node, at: key as string | number }];
        for (const { item, parent, at } of values) {
          const location = locationOfValue(parent, at) ?? resource.location;
          found.push({ path: Array.isArray(value) ? [...path, key, at] : [...path, key], value: item, location });
        }
        continue;
      }
      visit(value, [...path, key]);
    }
  };
  visit(resource.properties, []);
  return found;
}

/** A plain string, or a `!Sub` without variables; intrinsics that compute the value are not literals. */
function literalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isIntrinsic(value) && typeof value['Fn::Sub'] === 'string' && !value['Fn::Sub'].includes('${')) return value['Fn::Sub'];
  return undefined;
}

/** Not a reference resolved at deploy time, a placeholder for another tool, or a flag, number, ARN or path. */
function isPlainSecret(text: string): boolean {
  return !isDynamicReference(text) && !isPlaceholderValue(text) && !isNonSecretShape(text) && !text.includes('{{resolve:');
}

/** The template parameter a `Ref` names, when its Default is a literal secret. */
function referencedParameter(service: ServiceModel, value: unknown): { name: string; value: string; location: Location } | undefined {
  if (!isIntrinsic(value) || typeof value.Ref !== 'string') return undefined;
  const parameters = service.document.Parameters;
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) return undefined;
  const parameter = (parameters as Record<string, unknown>)[value.Ref];
  if (parameter === null || typeof parameter !== 'object' || Array.isArray(parameter)) return undefined;
  const fallback = (parameter as Record<string, unknown>).Default;
  if (typeof fallback !== 'string' || !isPlainSecret(fallback)) return undefined;
  const location = locationOfValue(parameter, 'Default');
  return location ? { name: value.Ref, value: fallback, location } : undefined;
}

/** `Users[0].Password`, `MasterUserPassword`. */
function formatPath(path: (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
