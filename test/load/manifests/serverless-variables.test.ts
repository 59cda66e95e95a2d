// Tests for the static Serverless variable resolver: sources, fallbacks, files, limits and positions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import type { LoadOptions, ManifestContext } from '../../../src/load/manifests/context.js';
import { formatDocumentPath, resolveServerlessVariables, VARIABLE_LIMITS } from '../../../src/load/manifests/serverless-variables.js';
import { parseYaml } from '../../../src/load/yaml.js';
import { locationOf, locationOfValue } from '../../../src/model/positions.js';
import { Unresolved } from '../../../src/model/values.js';

const FILE = 'svc/serverless.yml';

function resolve(yaml: string, options: Partial<LoadOptions> = {}, files: Record<string, string> = {}) {
  const parsed = parseYaml(yaml, FILE);
  if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message).join('; '));
  const findings: Finding[] = [];
  const dir = 'svc';
  const resolvePath = (written: string): string | undefined => {
    if (path.posix.isAbsolute(written)) return undefined;
    const joined = path.posix.normalize(path.posix.join(dir, written));
    return joined.startsWith('../') || joined === '..' ? undefined : joined;
  };
  const context: ManifestContext = {
    root: '/project',
    file: FILE,
    dir,
    options: { resolveEnv: false, env: {}, ...options },
    report: (finding) => findings.push(finding),
    readFile: (written) => {
      const rel = resolvePath(written);
      if (rel === undefined) return { ok: false, reason: `${written} is outside the project root` };
      return rel in files ? { ok: true, text: files[rel]!, file: rel } : { ok: false, reason: 'it does not exist' };
    },
    resolvePath,
  };
  const result = resolveServerlessVariables(parsed.value, context);
  const doc = result.document as Record<string, any>;
  return { ...result, doc, findings, unresolved: findings.filter((f) => f.ruleId === 'input/unresolved') };
}

describe('serverless-compose params', () => {
  const compose = `services:
  infra:
    path: infra
  api:
    path: ./svc/
    params:
      size: 3
      region: \${env:REGION, 'eu-north-1'}
      table: \${infra.tableName}
  other:
    path: other
    params:
      size: 9
`;

  it('answers ${param:X} from the compose file that names the folder, after the manifest own params', () => {
    const { doc, unresolved } = resolve('params:\n  default:\n    own: mine\na: ${param:size}\nb: ${param:region}\nc: ${param:table}\nd: ${param:own}\ne: ${param:nope, fallback}\n', {}, { 'serverless-compose.yml': compose });
    expect(doc.a).toBe(3);
    expect(doc.b).toBe('eu-north-1');
    expect(doc.c).toBeInstanceOf(Unresolved);
    expect((doc.c as Unresolved).deployTime).toBe(true);
    expect(doc.d).toBe('mine');
    expect(doc.e).toBe('fallback');
    expect(unresolved.map((f) => `${f.location.file}:${f.location.line} ${f.message}`)).toEqual([
      'serverless-compose.yml:8 "${env:REGION, \'eu-north-1\'}" reads the environment at deploy time; without --resolve-env noops-lint assumed its default "eu-north-1".',
      'svc/serverless.yml:6 Could not resolve "${param:table}": serverless-compose gives it the output "tableName" of the service "infra", known once that service is deployed.',
    ]);
  });

  it('ignores a compose file that names other folders', () => {
    const other = resolve('a: ${param:size}\n', {}, { 'serverless-compose.yml': compose.replace('./svc/', 'elsewhere') });
    expect(other.doc.a).toBeInstanceOf(Unresolved);
    expect(other.unresolved[0]!.message).toContain('the parameter "size" is not set under params');
  });
});

describe('self references', () => {
  it('resolves ${self:} paths, nested variables and list indexes', () => {
    const { doc, findings } = resolve(`service: orders
custom:
  tables: [first, second]
  names:
    dev: orders-dev-table
  region: eu-west-1
provider:
  stage: dev
  environment:
    TABLE: \${self:custom.names.\${self:provider.stage}}
    SECOND: \${self:custom.tables.1}
    MIXED: \${self:service}-\${self:custom.region}
`);
    expect(doc.provider.environment).toEqual({ TABLE: 'orders-dev-table', SECOND: 'second', MIXED: 'orders-eu-west-1' });
    expect(findings).toEqual([]);
  });

  it('keeps whole mappings and lists when a variable is the entire value', () => {
    const { doc } = resolve(`custom:
  shared:
    A: one
    B: 2
provider:
  environment: \${self:custom.shared}
`);
    expect(doc.provider.environment).toEqual({ A: 'one', B: 2 });
  });

  it('resolves references in either order (the target may be resolved first)', () => {
    const { doc } = resolve(`a: \${self:b}
b: \${self:c}
c: value
`);
    expect(doc).toEqual({ a: 'value', b: 'value', c: 'value' });
  });

  it('uses the fallback when a self path is missing', () => {
    const { doc, findings } = resolve(`a: \${self:custom.missing, 'default'}
b: \${self:custom.missing, 42}
`);
    expect(doc).toEqual({ a: 'default', b: 42 });
    expect(findings).toEqual([]);
  });

  it('reports a missing self path without fallback', () => {
    const { doc, unresolved } = resolve('a: ${self:custom.missing}\n');
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('Could not resolve "${self:custom.missing}"');
    expect(unresolved[0]!.location.line).toBe(1);
  });

  it('leaves CloudFormation ${AWS::Region} and ${Resource} in Fn::Sub alone', () => {
    const { doc, findings } = resolve(`service: s
value: !Sub 'arn:aws:s3:::\${AWS::AccountId}-\${Bucket}-\${self:service}'
`);
    expect(doc.value).toEqual({ 'Fn::Sub': 'arn:aws:s3:::${AWS::AccountId}-${Bucket}-s' });
    expect(findings).toEqual([]);
  });
});

describe('stage, region and params', () => {
  it('defaults the stage to dev and the region to us-east-1', () => {
    const { doc, stage, region } = resolve(`a: \${sls:stage}
b: \${aws:region}
c: \${opt:stage, 'prod'}
d: \${self:provider.stage}
`);
    expect(doc).toEqual({ a: 'dev', b: 'us-east-1', c: 'prod', d: 'dev' });
    expect(stage).toBe('dev');
    expect(region).toBe('us-east-1');
  });

  it('takes provider.stage, itself written with ${opt:stage, ...}', () => {
    const { doc, stage } = resolve(`provider:
  stage: \${opt:stage, 'qa'}
  region: \${opt:region, 'eu-central-1'}
a: \${sls:stage}-\${aws:region}
`);
    expect(doc.a).toBe('qa-eu-central-1');
    expect(stage).toBe('qa');
  });

  it('lets --stage and --region win', () => {
    const { doc } = resolve(
      `provider:
  stage: \${opt:stage, 'qa'}
a: \${sls:stage}-\${opt:region}
`,
      { stage: 'prod', region: 'eu-west-1' },
    );
    expect(doc.a).toBe('prod-eu-west-1');
  });

  it('does not loop on stage: ${sls:stage} or stage: ${opt:stage}', () => {
    expect(resolve('provider:\n  stage: ${sls:stage}\na: ${sls:stage}\n').doc.a).toBe('dev');
    expect(resolve('provider:\n  stage: ${opt:stage}\na: ${sls:stage}\n').doc.a).toBe('dev');
  });

  it('reads params for the stage, then params.default, then v4 stages.*.params', () => {
    const yaml = `params:
  prod:
    size: 1024
  default:
    size: 128
    name: shared
stages:
  default:
    params:
      color: blue
a: \${param:size}
b: \${param:name}
c: \${param:color}
d: \${param:missing, 'fallback'}
`;
    expect(resolve(yaml).doc).toMatchObject({ a: 128, b: 'shared', c: 'blue', d: 'fallback' });
    expect(resolve(yaml, { stage: 'prod' }).doc).toMatchObject({ a: 1024 });
    const missing = resolve('a: ${param:nope}\n');
    expect(missing.unresolved[0]!.message).toContain('the parameter "nope" is not set');
  });
});

describe('environment variables', () => {
  it('does not read the environment unless resolveEnv is set', () => {
    const { doc, unresolved } = resolve("a: ${env:SECRET}\nb: ${env:SECRET, 'local'}\n", { env: { SECRET: 's3cr3t' } });
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect((doc.a as Unresolved).reason).toBe('environment variables are not read unless --resolve-env');
    expect(doc.b).toBe('local');
    expect(unresolved.map((f) => [f.location.line, f.message])).toEqual([
      [1, expect.stringContaining('Could not resolve "${env:SECRET}"')],
      [2, `"\${env:SECRET, 'local'}" reads the environment at deploy time; without --resolve-env noops-lint assumed its default "local".`],
    ]);
    expect(JSON.stringify(unresolved)).not.toContain('s3cr3t');
  });

  it('reads the environment with resolveEnv, assuming nothing', () => {
    const { doc, unresolved } = resolve("a: ${env:SECRET}\nb: ${env:NOPE, 'x'}\n", { resolveEnv: true, env: { SECRET: 'value' } });
    expect(doc).toEqual({ a: 'value', b: 'x' });
    expect(unresolved).toEqual([]);
  });
});

describe('deploy-time sources', () => {
  it('leaves ssm, cf, s3, instanceId and unknown sources Unresolved with one note each', () => {
    const { doc, unresolved } = resolve(`a: \${ssm:/x}
b: \${cf:stack.Output}
c: \${s3:bucket/key}
e: \${sls:instanceId}
f: \${vault:secret/x}
g: \${ssm:/aws/reference/secretsmanager/db}
`);
    for (const key of ['a', 'b', 'c', 'e', 'f', 'g']) expect(doc[key]).toBeInstanceOf(Unresolved);
    expect(unresolved.map((f) => f.location.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(unresolved[0]!.message).toBe('Could not resolve "${ssm:/x}": SSM parameters are read at deploy time.');
    expect(unresolved[0]!.severity).toBe('note');
    expect(unresolved[5]!.message).toContain('Secrets Manager');
  });

  it('keeps the account id symbolic, as CloudFormation writes it', () => {
    const { doc, unresolved } = resolve('a: arn:aws:sqs:eu-west-1:${aws:accountId}:jobs\n');
    expect(doc.a).toBe('arn:aws:sqs:eu-west-1:${AWS::AccountId}:jobs');
    expect(unresolved).toEqual([]);
  });

  it('makes a string mixing text and an unresolved variable Unresolved as a whole', () => {
    const { doc, unresolved } = resolve('a: prefix-${ssm:/x}-${sls:stage}\n');
    expect(doc.a).toEqual(new Unresolved('prefix-${ssm:/x}-${sls:stage}', 'SSM parameters are read at deploy time', true));
    expect(unresolved).toHaveLength(1);
  });

  it('marks values the framework fills in when it deploys, so a policy can name them by the variable', () => {
    const { doc } = resolve(`a: \${cf:stack.TopicArn}
b: \${cf(us-east-1):stack.TopicArn}
c: arn:aws:sns:\${aws:region}:\${ssm:/account}:topic
d: \${opt:bucket}
e: \${sls:instanceId}
f: \${ssm:/x}-\${opt:suffix}
g: \${vault:secret/x}
`);
    const deployTime = Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, value instanceof Unresolved && value.deployTime]));
    expect(deployTime).toEqual({ a: true, b: true, c: true, d: false, e: false, f: false, g: false });
  });

  it('does not take the fallback of a deploy-time source (the real value would win)', () => {
    expect(resolve("a: ${ssm:/x, 'default'}\n").doc.a).toBeInstanceOf(Unresolved);
  });

  it('reports an unresolved value once, where it is written, even when referenced elsewhere', () => {
    const { doc, unresolved } = resolve(`custom:
  secret: \${ssm:/db/password}
a: \${self:custom.secret}
b: x-\${self:custom.secret}
`);
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(doc.b).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.location.line).toBe(2);
  });
});

describe('file()', () => {
  it('reads YAML and JSON files relative to the service folder, with an address', () => {
    const { doc, findings } = resolve(
      `service: orders
custom: \${file(./config/custom.yml)}
provider:
  environment:
    TABLE: \${file(./config/custom.yml):table}
    LIMIT: \${file(settings.json):limits.max}
`,
      {},
      {
        'svc/config/custom.yml': 'table: ${self:service}-table\nsize: 3\n',
        'svc/settings.json': '{ "limits": { "max": 10 } }',
      },
    );
    expect(doc.custom).toEqual({ table: 'orders-table', size: 3 });
    expect(doc.provider.environment).toEqual({ TABLE: 'orders-table', LIMIT: 10 });
    expect(findings).toEqual([]);
    // Values from the file keep that file's positions.
    expect(locationOf(doc.custom)?.file).toBe('svc/config/custom.yml');
    expect(locationOfValue(doc.custom, 'size')).toMatchObject({ file: 'svc/config/custom.yml', line: 2 });
  });

  it('uses the fallback for a missing file, and reports it without one', () => {
    const { doc, unresolved } = resolve("a: ${file(./nope.yml), 'x'}\nb: ${file(./nope.yml)}\n");
    expect(doc.a).toBe('x');
    expect(doc.b).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('"./nope.yml" could not be read');
  });

  it('refuses paths outside the project root and names the reason, never the content', () => {
    const { doc, unresolved } = resolve("a: ${file(../../etc/passwd.yml), 'x'}\n", {}, { 'etc/passwd.yml': 'root: secret' });
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('outside the project root');
    expect(unresolved[0]!.message).not.toContain('secret');
  });

  it('never runs JavaScript files', () => {
    const { doc, unresolved } = resolve('a: ${file(./config.js):value}\n', {}, { 'svc/config.js': 'module.exports = { value: 1 }' });
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(unresolved[0]!.message).toContain('would run its code');
  });

  it('reports a parse error of the included file', () => {
    const { doc, findings } = resolve('a: ${file(./bad.yml)}\n', {}, { 'svc/bad.yml': 'a: [unclosed\n' });
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(findings.some((f) => f.ruleId === 'input/parse-error' && f.location.file === 'svc/bad.yml')).toBe(true);
  });

  it('includes other files as plain text', () => {
    expect(resolve('a: ${file(./policy.txt)}\n', {}, { 'svc/policy.txt': 'hello' }).doc.a).toBe('hello');
  });
});

describe('strToBool', () => {
  it('converts true/false/1/0 and rejects anything else', () => {
    const { doc, unresolved } = resolve(`custom:
  flag: 'true'
a: \${strToBool(\${self:custom.flag})}
b: \${strToBool(0)}
c: \${strToBool(maybe)}
`);
    expect(doc.a).toBe(true);
    expect(doc.b).toBe(false);
    expect(doc.c).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
  });
});

describe('limits', () => {
  it('reports a circular reference once and does not hang', () => {
    const { doc, unresolved } = resolve('a: ${self:b}\nb: ${self:a}\n');
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(doc.b).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('refers back to itself');
  });

  it('catches a value that contains a reference to itself', () => {
    const { doc, unresolved } = resolve('custom:\n  self: ${self:custom}\n');
    expect(doc.custom.self).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
  });

  it('stops chains deeper than the depth limit', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `a${i}: \${self:a${i + 1}}`);
    lines.push('a40: end');
    const { doc, unresolved } = resolve(`${lines.join('\n')}\n`);
    expect(doc.a0).toBeInstanceOf(Unresolved);
    expect(doc.a39).toBe('end');
    expect(unresolved.length).toBeGreaterThan(0);
    expect(unresolved[0]!.message).toContain(`more than ${VARIABLE_LIMITS.maxDepth} levels`);
  });

  it('stops after the step limit with one finding', () => {
    const lines = Array.from({ length: VARIABLE_LIMITS.maxSteps + 50 }, (_, i) => `k${i}: \${sls:stage}`);
    const { doc, unresolved } = resolve(`${lines.join('\n')}\n`);
    expect(doc.k0).toBe('dev');
    expect(doc[`k${VARIABLE_LIMITS.maxSteps + 10}`]).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('stopped after');
  });

  it('does not blow up on exponential references', () => {
    const lines = ['a0: x'];
    for (let i = 1; i < 30; i += 1) lines.push(`a${i}: \${self:a${i - 1}}\${self:a${i - 1}}`);
    const { doc, unresolved } = resolve(`${lines.join('\n')}\n`);
    expect(doc.a10).toBe('x'.repeat(1024));
    expect(doc.a29).toBeInstanceOf(Unresolved);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).toContain('grows beyond');
  });

  it('reports invalid variable syntax', () => {
    const { doc, unresolved } = resolve('a: ${self:custom.x\n');
    expect(doc.a).toBeInstanceOf(Unresolved);
    expect(unresolved[0]!.message).toContain('syntax');
  });
});

describe('positions', () => {
  it('keeps the positions of rebuilt mappings, lists and scalars', () => {
    const { doc } = resolve(`provider:
  iam:
    role:
      statements:
        - Effect: Allow
          Action: dynamodb:*
          Resource:
            - \${self:custom.arn}
custom:
  arn: arn:aws:dynamodb:eu-west-1:123:table/x
`);
    const statement = doc.provider.iam.role.statements[0];
    expect(locationOf(statement)?.line).toBe(5);
    expect(locationOfValue(statement, 'Action')?.line).toBe(6);
    expect(statement.Resource[0]).toBe('arn:aws:dynamodb:eu-west-1:123:table/x');
    expect(locationOfValue(statement.Resource, 0)?.line).toBe(8);
  });

  it('formats document paths', () => {
    expect(formatDocumentPath(['provider', 'iam', 'role', 'statements', 0, 'Action'])).toBe('provider.iam.role.statements[0].Action');
  });
});
