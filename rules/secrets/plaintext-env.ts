// Finds secrets written as literal environment variable values in a manifest (passwords, API tokens,
// access keys, private keys, URLs with a password), where anyone reading the template or the function sees them.
import { defineRule, detectSecretValue, type EnvironmentVariable, type FunctionModel, isCredentialSlot, isDynamicReference, isNonSecretValueFor, isPlaceholderValue, isSecretLikeName, maskSecret, quote } from '../kit.js';

type MessageId = 'secretValue' | 'secretName' | 'credentialSlot';

export default defineRule<Record<string, never>, MessageId>({
  id: 'secrets/plaintext-env',
  category: 'secrets',
  severity: 'error',
  description: 'A secret is written in plain text as an environment variable value.',
  fullDescription:
    'Environment variables are stored in the template, in the deployment package and in the function configuration, where ' +
    'anyone with read access to the repository or lambda:GetFunctionConfiguration sees them. Reported: a variable whose ' +
    'literal value looks like a credential whatever its name (AWS access key ids, private key blocks, provider tokens such as ' +
    'sk_live_ or ghp_, URLs with an embedded password), or whose name says it holds one (PASSWORD, SECRET, TOKEN, API_KEY ...) ' +
    'and whose value is a literal rather than a pointer (*_ARN, *_NAME, *_PARAM) or a setting (TOKEN_TTL, AUTH_ENABLED). ' +
    'References are never reported: ${ssm:...}, !Ref, {{resolve:secretsmanager:...}}. Provider and Globals variables are ' +
    'reported once, where written; so is `spec.env` of a `kind: Service` manifest. A placeholder under such a name ' +
    '(YOUR-AUTH-TOKEN-HERE, <api-key>, changeme) is reported as a credential slot: the real value would be committed there. ' +
    'Messages show at most the first four characters of the value.',
  help:
    'Store the secret in AWS Secrets Manager or SSM Parameter Store (SecureString) and pass only its name or ARN, for example ' +
    '`DB_PASSWORD_SECRET_ARN: !Ref DbPasswordSecret`, then read it at runtime (the AWS Parameters and Secrets Lambda extension ' +
    'caches it). Rotate any secret that has been committed: it stays in the repository history.',
  securitySeverity: 7.5,
  precision: 'high',
  tags: ['security', 'secrets', 'external/cwe/cwe-798'],
  messages: {
    secretValue: 'Environment variable {{name}} holds {{what}} in plain text ({{masked}}).',
    secretName: 'Environment variable {{name}} holds a secret in plain text ({{masked}}).',
    credentialSlot:
      'Environment variable {{name}} is a credential slot in the manifest ({{masked}}): whoever fills it in commits the secret with the template. Pass a reference to a secret store instead: ${ssm:...}, a Secrets Manager dynamic reference, or a secret ARN the function reads at run time.',
  },
  defaultOptions: {},
  check({ project, report }) {
    // Provider and Globals variables appear in every function that inherits them: report each once.
    const reported = new Set<string>();
    for (const fn of project.functions) {
      for (const variable of fn.environment) {
        const problem = judge(variable);
        if (!problem) continue;
        const key = environmentKey(fn, variable);
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          messageId: problem.messageId,
          data: { name: quote(variable.name), masked: maskSecret(problem.value), ...(problem.what ? { what: problem.what } : {}) },
          at: variable.location,
          ...(variable.origin === 'function' ? { function: fn.name } : {}),
          key,
        });
      }
    }
    // A `kind: Service` container's `spec.env` is judged like a function's environment.
    for (const service of project.services) {
      for (const variable of service.container?.environment ?? []) {
        const problem = judge(variable);
        if (!problem) continue;
        report({
          messageId: problem.messageId,
          data: { name: quote(variable.name), masked: maskSecret(problem.value), ...(problem.what ? { what: problem.what } : {}) },
          at: variable.location,
          key: `${service.id}|env|${variable.name}`,
        });
      }
    }
  },
});

interface Problem {
  messageId: MessageId;
  value: string;
  what?: string;
}

function judge(variable: EnvironmentVariable): Problem | undefined {
  // Unresolved (${ssm:...}), intrinsics (!Ref, !Sub '{{resolve:...}}'), numbers and booleans are not literal secrets.
  if (typeof variable.value !== 'string') return undefined;
  const value = variable.value;
  if (isPlaceholderValue(value) || isDynamicReference(value)) return undefined;
  const match = detectSecretValue(value);
  if (match) return { messageId: 'secretValue', value, what: match.description };
  // YOUR-TWILIO-AUTH-TOKEN-HERE under a secret's name: not a leak yet, but where the secret is meant to go.
  if (isSecretLikeName(variable.name) && isCredentialSlot(value)) return { messageId: 'credentialSlot', value };
  if (isSecretLikeName(variable.name) && !isNonSecretValueFor(variable.name, value)) return { messageId: 'secretName', value };
  return undefined;
}

function environmentKey(fn: FunctionModel, variable: EnvironmentVariable): string {
  return variable.origin === 'function' ? `${fn.service.id}|env|${fn.name}|${variable.name}` : `${fn.service.id}|env|${variable.name}`;
}
