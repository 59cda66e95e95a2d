import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ajv, type ErrorObject } from 'ajv';
import { compileRule, loadCustomRules, parseRuleText, resolveRulePack, RuleFileError, violationsOf } from '../../src/engine/declarative.js';
import { RuleRegistry } from '../../src/engine/rule-registry.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { RuleView } from '../../src/engine/rule-views.js';
import { lint } from '../../src/engine/lint.js';
import type { Location } from '../../src/model/location.js';

const VALID = `id: acme/tracing-required
severity: warning
description: A function runs without active tracing.
help: 'Set tracing: Active.'
target: function
require:
  properties:
    tracing: { const: Active }
  required: [tracing]
message: '{{function.name}} does not trace: {{error}}.'
`;

function problemsOf(text: string, options = {}): string[] {
  try {
    compileRule(parseRuleText(text, 'rules/x.yaml', options), 'rules/x.yaml');
  } catch (error) {
    if (error instanceof RuleFileError) return error.problems;
    throw error;
  }
  return [];
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-declarative-'));
  temps.push(dir);
  return dir;
}
function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('rule files', () => {
  it('compiles a valid rule into the Rule shape', () => {
    const rule = compileRule(parseRuleText(VALID, 'rules/x.yaml'), 'rules/x.yaml');
    expect(rule).toMatchObject({ id: 'acme/tracing-required', category: 'acme', severity: 'warning', precision: 'high', tags: [], source: { file: 'rules/x.yaml', line: 1, column: 5 } });
    expect(rule.fullDescription).toBe(rule.description);
  });

  it('accepts JSON', () => {
    const json = JSON.stringify({ id: 'acme/json-rule', severity: 'note', description: 'd.', help: 'h.', target: 'service', require: { required: ['region'] }, message: '{{service.name}} has no region.' });
    expect(problemsOf(json)).toEqual([]);
  });

  it('names the file, line and key of an unknown key', () => {
    expect(problemsOf(VALID.replace('help:', 'hepl:'))).toEqual([
      'rules/x.yaml:1:1: the rule has no "help"; a rule needs id, severity, description, help, target, require and message.',
      'rules/x.yaml:4:1: unknown key "hepl" in a noops-lint rule. Allowed keys: id, category, severity, description, fullDescription, help, helpUri, precision, tags, securitySeverity, target, resourceTypes, where, require, message.',
    ]);
  });

  it('explains a bad id, severity and target at their lines', () => {
    expect(problemsOf(VALID.replace('acme/tracing-required', 'Acme.Tracing'))).toEqual(['rules/x.yaml:1:5: "id" must look like "acme/tracing-required" (lower-case namespace/name).']);
    expect(problemsOf(VALID.replace('severity: warning', 'severity: high'))).toEqual(['rules/x.yaml:2:11: "severity" must be one of "error", "warning", "note".']);
    expect(problemsOf(VALID.replace('target: function', 'target: lambda'))[0]).toMatch(/^rules\/x\.yaml:5:9: "target" must be one of "function", "resource"/);
  });

  it('requires target: resource with resourceTypes', () => {
    expect(problemsOf(VALID.replace('target: function', 'target: function\nresourceTypes: [AWS::S3::Bucket]'))).toEqual([
      expect.stringMatching(/^rules\/x\.yaml:5:9: "target" must be one of "resource" \(resourceTypes needs target: resource\)\.$/),
    ]);
  });

  it("keeps noops-lint's own categories for built-in rules", () => {
    const reservedCategories = new RuleRegistry(BUILTIN_RULES).reserved().categories;
    expect(problemsOf(VALID.replace('acme/tracing-required', 'ops/tracing-required'), { reservedCategories })).toEqual([
      'rules/x.yaml:1:5: "ops/tracing-required" uses noops-lint\'s own category "ops"; give your rules a namespace of your own, for example "acme/tracing-required".',
    ]);
    expect(problemsOf(VALID.replace('acme/tracing-required', 'ops/tracing-required'), { builtin: true, expectedId: 'ops/tracing-required', reservedCategories })).toEqual([]);
    for (const category of ['suppression', 'input', 'internal', 'noops-lint', 'iam', 'exposure']) expect(reservedCategories, category).toContain(category);
    expect(problemsOf(VALID, { builtin: true, expectedId: 'acme/other' })).toEqual(['rules/x.yaml:1:5: the id "acme/tracing-required" must equal the file\'s path, "acme/other".']);
  });

  it('checks the category and the message placeholders', () => {
    expect(problemsOf(`category: other\n${VALID}`)).toEqual(['rules/x.yaml:1:11: category "other" must repeat the id\'s first segment, "acme".']);
    expect(problemsOf(VALID.replace('{{function.name}}', '{{resource.logicalId}} {{fn}}'))).toEqual([
      'rules/x.yaml:10:10: unknown placeholder {{resource.logicalId}} in message; use {{function.<field>}}, {{value}} (or {{value.<field>}}), {{property}} or {{error}}.',
      'rules/x.yaml:10:10: unknown placeholder {{fn}} in message; use {{function.<field>}}, {{value}} (or {{value.<field>}}), {{property}} or {{error}}.',
    ]);
  });

  it('points at a misspelt JSON Schema keyword (strict schemas)', () => {
    expect(problemsOf(VALID.replace('tracing: { const: Active }', 'tracing:\n      cnst: Active'))).toEqual([
      'rules/x.yaml:9:7: unknown JSON Schema keyword "cnst" in require.properties.tracing.cnst. Check its spelling (JSON Schema draft-07 keywords and ajv-formats formats).',
    ]);
    expect(problemsOf(VALID.replace('{ const: Active }', '{ format: activeness }'))[0]).toMatch(/^rules\/x\.yaml:8:16: unknown format "activeness"/);
  });

  it('reports an invalid schema value at its line', () => {
    expect(problemsOf(VALID.replace('{ const: Active }', '{ maximum: lots }'))).toEqual(['rules/x.yaml:8:25: require.properties.tracing.maximum must be number (not a valid JSON Schema).']);
  });

  it('refuses remote and file references, $id and async schemas: nothing is fetched', () => {
    const text = VALID.replace('tracing: { const: Active }', "tracing: { $ref: 'https://example.com/s.json' }\n    runtime: { $ref: './local.json' }\n    name: { $id: 'x' }");
    expect(problemsOf(text)).toEqual([
      'rules/x.yaml:8:16: require.properties.tracing.$ref refers to "https://example.com/s.json"; rule files may only use local references such as "#/definitions/name" (nothing is fetched or read).',
      'rules/x.yaml:9:16: require.properties.runtime.$ref refers to "./local.json"; rule files may only use local references such as "#/definitions/name" (nothing is fetched or read).',
      'rules/x.yaml:10:13: require.properties.name.$id: "$id" is not allowed in rule files.',
    ]);
    const local = VALID.replace('tracing: { const: Active }', "tracing: { $ref: '#/definitions/active' }").replace('  required: [tracing]', '  required: [tracing]\n  definitions:\n    active: { const: Active }');
    expect(problemsOf(local)).toEqual([]);
  });

  it('refuses the textbook catastrophic-backtracking pattern, not ordinary repetition', () => {
    expect(problemsOf(VALID.replace('{ const: Active }', () => "{ pattern: '^(a+)+$' }"))).toEqual([
      'rules/x.yaml:8:16: require.properties.tracing.pattern "^(a+)+$" repeats a repeated group, which can take exponential time; write it without the nesting (e.g. "^a+$" rather than "^(a+)+$").',
    ]);
    expect(problemsOf(VALID.replace('{ const: Active }', () => "{ pattern: '^[a-z]+(-[a-z]+)*$' }"))).toEqual([]);
  });

  it('bounds the nesting of a schema', () => {
    let schema = '{ const: 1 }';
    for (let i = 0; i < 40; i += 1) schema = `{ not: ${schema} }`;
    expect(problemsOf(VALID.replace('{ const: Active }', schema))[0]).toMatch(/require is nested more than 32 levels deep; split the rule\.$/);
  });

  it('reports YAML errors, tags and non-mappings', () => {
    expect(problemsOf('id: [unclosed')[0]).toMatch(/^rules\/x\.yaml:\d+:\d+: "rules\/x\.yaml" is not valid YAML/);
    expect(problemsOf(VALID.replace('{ const: Active }', '{ const: !Secret x }'))[0]).toBe('rules/x.yaml:8:31: YAML tags such as "!Secret" are not allowed in rule files.');
    expect(problemsOf('- id: acme/x')).toEqual(['rules/x.yaml:1:1: a rule file holds one mapping with id, severity, description, help, target, require and message.']);
  });
});

const loc = (line: number): Location => ({ file: 'serverless.yml', line, column: 5, endLine: line, endColumn: 9 });

function view(data: RuleView['data'], locations: [string, number][], unjudged: string[] = []): RuleView {
  return { target: 'function', data, location: loc(1), locations: new Map([['', loc(1)], ...locations.map(([p, l]) => [p, loc(l)] as [string, Location])]), unjudged: new Set(unjudged), key: 'serverless.yml#fn', functionName: 'fn' };
}

/** Ajv's real errors for a schema, as the engine's validator (allErrors, verbose) produces them. */
function errorsOf(schema: string, data: RuleView['data']): ErrorObject[] {
  const validate = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false }).compile(JSON.parse(schema));
  validate(data);
  return validate.errors ?? [];
}

describe('violations', () => {
  it('reports each missing property at the object that lacks it', () => {
    const v = view({ name: 'fn' }, []);
    const found = violationsOf(errorsOf('{ "required": ["tracing", "deadLetterTarget"] }', v.data), v);
    expect(found.map((x) => [x.key, x.location.line])).toEqual([['tracing', 1], ['deadLetterTarget', 1]]);
  });

  it('points at the failing value, or its nearest located parent', () => {
    const v = view({ timeout: 60, properties: { nested: { deep: 3 } } }, [['/timeout', 8], ['/properties/nested', 12]]);
    const found = violationsOf(errorsOf('{ "properties": { "timeout": { "maximum": 30 }, "properties": { "properties": { "nested": { "properties": { "deep": { "maximum": 1 } } } } } } }', v.data), v);
    expect(found.map((x) => [x.pointer, x.location.line])).toEqual([['/timeout', 8], ['/properties/nested/deep', 12]]);
  });

  it('gives every offending item of `items: { not }` and `not: { contains }` its own finding, keyed by value', () => {
    const v = view({ actions: ['dynamodb:GetItem', 'dynamodb:Scan', 's3:GetObject', 'dynamodb:Scan2'] }, [['/actions/1', 20], ['/actions/3', 30]]);
    const items = violationsOf(errorsOf('{ "properties": { "actions": { "items": { "not": { "pattern": "^dynamodb:Scan" } } } } }', v.data), v);
    expect(items.map((x) => [x.key, x.location.line])).toEqual([['actions/dynamodb:Scan', 20], ['actions/dynamodb:Scan2', 30]]);
    const contains = violationsOf(errorsOf('{ "properties": { "actions": { "not": { "contains": { "pattern": "^dynamodb:Scan" } } } } }', v.data), v);
    expect(contains.map((x) => [x.key, x.location.line])).toEqual([['actions/dynamodb:Scan', 20], ['actions/dynamodb:Scan2', 30]]);
  });

  it('folds anyOf branches into one violation and drops the if error for its then', () => {
    const v = view({ memorySize: 4096, events: [{ type: 'http-api' }] }, [['/memorySize', 7]]);
    const found = violationsOf(
      errorsOf('{ "properties": { "memorySize": { "anyOf": [{ "maximum": 1024 }, { "const": 8192 }] } }, "if": { "required": ["events"] }, "then": { "properties": { "memorySize": { "maximum": 2048 } } } }', v.data),
      v,
    );
    expect(found.map((x) => x.pointer)).toEqual(['/memorySize']);
    expect(found[0]!.location.line).toBe(7);
  });

  it('never judges an Unresolved value or an intrinsic, nor anything inside one', () => {
    const v = view({ runtime: { unresolved: '${ssm:/runtime}' }, tracing: { Ref: 'Mode' } }, [], ['/runtime', '/tracing']);
    expect(violationsOf(errorsOf('{ "properties": { "runtime": { "enum": ["nodejs22.x"] }, "tracing": { "properties": { "Ref": { "const": "Active" } } } } }', v.data), v)).toEqual([]);
  });
});

describe('custom rule sources', () => {
  const rule = (id: string) => VALID.replace('acme/tracing-required', id);

  it('reads .noops-lint/rules, rulePaths and extends (a path and an npm package), skipping case folders', () => {
    const root = tempDir();
    write(root, '.noops-lint/rules/acme/tracing.yaml', rule('acme/local'));
    write(root, '.noops-lint/rules/acme/tracing/bad/case/serverless.yml', 'service: x\n');
    write(root, 'policies/extra.yml', rule('acme/extra'));
    write(root, 'shared/one.json', JSON.stringify({ id: 'acme/shared', severity: 'note', description: 'd.', help: 'h.', target: 'service', require: {}, message: 'm' }));
    write(root, 'node_modules/@acme/policies/package.json', JSON.stringify({ name: '@acme/policies', main: 'index.js', noopsLint: { rules: 'policy' } }));
    write(root, 'node_modules/@acme/policies/index.js', 'throw new Error("a rule pack is never executed");\n');
    write(root, 'node_modules/@acme/policies/policy/p.yaml', rule('acme/from-npm'));
    const rules = loadCustomRules({ root, rulePaths: ['policies'], extends: ['./shared', '@acme/policies'] });
    expect(rules.map((r) => [r.id, r.source.file])).toEqual([
      ['acme/extra', 'policies/extra.yml'],
      ['acme/from-npm', 'node_modules/@acme/policies/policy/p.yaml'],
      ['acme/local', '.noops-lint/rules/acme/tracing.yaml'],
      ['acme/shared', 'shared/one.json'],
    ]);
  });

  it("resolves an npm pack from the project root's node_modules and defaults to its rules/ folder", () => {
    const root = tempDir();
    write(root, 'node_modules/acme-policies/package.json', '{ "name": "acme-policies" }');
    write(root, 'node_modules/acme-policies/rules/a.yaml', rule('acme/a'));
    const project = path.join(root, 'services/orders');
    mkdirSync(project, { recursive: true });
    expect(resolveRulePack('acme-policies', root, project)).toBe(path.join(root, 'node_modules/acme-policies/rules'));
  });

  it("finds no pack in a node_modules above the project root: it is not the project's", () => {
    const root = tempDir();
    write(root, 'node_modules/acme-policies/package.json', '{ "name": "acme-policies" }');
    write(root, 'node_modules/acme-policies/rules/a.yaml', rule('acme/a'));
    const project = path.join(root, 'services/orders');
    mkdirSync(project, { recursive: true });
    expect(() => resolveRulePack('acme-policies', project, project)).toThrow(/cannot find the npm package in the project's node_modules/);
  });

  it('explains a missing package, a bad name, a missing path and a pack folder outside its package', () => {
    const root = tempDir();
    write(root, 'node_modules/evil/package.json', JSON.stringify({ name: 'evil', noopsLint: { rules: '../../outside' } }));
    mkdirSync(path.join(root, 'outside'));
    const problems = (extend: string[], rulePaths: string[] = []) => {
      try {
        loadCustomRules({ root, extends: extend, rulePaths, configName: '.noops-lint.yaml' });
      } catch (error) {
        return (error as RuleFileError).problems;
      }
      return [];
    };
    expect(problems(['@acme/missing'])).toEqual([`.noops-lint.yaml: extends "@acme/missing": cannot find the npm package in the project's node_modules; install it (npm install --save-dev @acme/missing) or fix the name.`]);
    expect(problems(['Not A Package'])).toEqual(['.noops-lint.yaml: extends "Not A Package" is neither a path (start it with ./) nor an npm package name.']);
    expect(problems(['./nowhere'])).toEqual(['.noops-lint.yaml: extends "./nowhere" does not exist.']);
    expect(problems(['evil'])).toEqual(['.noops-lint.yaml: extends "evil": its rules folder "../../outside" is outside the package.']);
    expect(problems([], ['missing-dir'])).toEqual(['.noops-lint.yaml: rulePaths entry "missing-dir" does not exist (resolved from .).']);
  });

  it('refuses duplicate ids and built-in ids, and collects every bad file', () => {
    const root = tempDir();
    write(root, '.noops-lint/rules/a.yaml', rule('acme/same'));
    write(root, '.noops-lint/rules/b.yaml', rule('acme/same'));
    write(root, '.noops-lint/rules/c.yaml', rule('acme/builtin-clash'));
    write(root, '.noops-lint/rules/d.yaml', 'id: acme/broken\n');
    expect(() => loadCustomRules({ root, reserved: { ids: ['acme/builtin-clash'], categories: [] } })).toThrow(RuleFileError);
    try {
      loadCustomRules({ root, reserved: { ids: ['acme/builtin-clash'], categories: [] } });
    } catch (error) {
      expect((error as RuleFileError).problems).toEqual([
        '.noops-lint/rules/d.yaml:1:1: the rule has no "severity"; a rule needs id, severity, description, help, target, require and message.',
        '.noops-lint/rules/d.yaml:1:1: the rule has no "description"; a rule needs id, severity, description, help, target, require and message.',
        '.noops-lint/rules/d.yaml:1:1: the rule has no "help"; a rule needs id, severity, description, help, target, require and message.',
        '.noops-lint/rules/d.yaml:1:1: the rule has no "target"; a rule needs id, severity, description, help, target, require and message.',
        '.noops-lint/rules/d.yaml:1:1: the rule has no "require"; a rule needs id, severity, description, help, target, require and message.',
        '.noops-lint/rules/d.yaml:1:1: the rule has no "message"; a rule needs id, severity, description, help, target, require and message.',
        '.noops-lint/rules/b.yaml:1:5: the rule id "acme/same" is also defined in .noops-lint/rules/a.yaml.',
        '.noops-lint/rules/c.yaml:1:5: "acme/builtin-clash" is a built-in rule id; choose another.',
      ]);
    }
  });

  it('does not follow symbolic links in rule folders', () => {
    const root = tempDir();
    write(root, 'elsewhere/x.yaml', rule('acme/linked'));
    mkdirSync(path.join(root, '.noops-lint/rules'), { recursive: true });
    symlinkSync(path.join(root, 'elsewhere/x.yaml'), path.join(root, '.noops-lint/rules/x.yaml'));
    expect(loadCustomRules({ root })).toEqual([]);
  });
});

describe('declarative rules in a run', () => {
  it('report at the failing property, never at an Unresolved value, with a rendered message and key', () => {
    const root = tempDir();
    write(root, 'serverless.yml', `service: s
provider:
  name: aws
  runtime: nodejs22.x
  tracing:
    lambda: true
functions:
  fast:
    handler: a.handler
    timeout: 10
  slow:
    handler: a.handler
    timeout: 60
  unknown:
    handler: a.handler
    timeout: \${ssm:/timeout}
`);
    const rule = compileRule(parseRuleText(`id: acme/short-timeout
severity: warning
description: A function has a long timeout.
help: Keep it at 30 s or less.
target: function
require: { properties: { timeout: { maximum: 30 } } }
message: '{{function.name}} sets {{property}} to {{value}} ({{error}}).'
`, 'r.yaml'), 'r.yaml');
    const run = lint({ root, rules: [rule], gitignore: false });
    const findings = run.findings.filter((f) => f.ruleId === 'acme/short-timeout');
    expect(findings.map((f) => [f.location.line, f.location.column, f.message, f.key, f.function])).toEqual([
      [13, 14, 'slow sets timeout to 60 (timeout must be <= 30).', 'serverless.yml#slow|timeout', 'slow'],
    ]);
    expect(run.rules.map((r) => r.id)).toContain('acme/short-timeout');
  });

  it('compares two values of one object with $data', () => {
    const root = tempDir();
    write(root, 'serverless-config.yaml', `apiVersion: serverless.example.com/v1
kind: Service
metadata:
  name: api
spec:
  image: registry.example.com/api:1.0.0
  scaling:
    minReplicas: 5
    maxReplicas: 2
    metrics: [cpu]
`);
    const rule = compileRule(parseRuleText(`id: acme/scaling-order
severity: error
description: The minimum replica count is above the maximum.
help: Lower minReplicas or raise maxReplicas.
target: service
require:
  properties:
    container:
      properties:
        scaling:
          properties:
            minReplicas: { maximum: { $data: '1/maxReplicas' } }
message: '{{service.name}}: minReplicas {{value}} is above maxReplicas.'
`, 'r.yaml'), 'r.yaml');
    const findings = lint({ root, rules: [rule], gitignore: false }).findings.filter((f) => f.ruleId === 'acme/scaling-order');
    expect(findings.map((f) => [f.location.file, f.location.line, f.message])).toEqual([['serverless-config.yaml', 8, 'api: minReplicas 5 is above maxReplicas.']]);
  });

  it('never shows environment values to a rule', () => {
    const root = tempDir();
    write(root, 'template.yaml', `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.handler
      Runtime: nodejs22.x
      Environment:
        Variables:
          API_KEY: sk_live_0123456789abcdef
`);
    const leak = (target: string, field: string) =>
      compileRule(parseRuleText(`id: acme/leak
severity: note
description: d.
help: h.
target: ${target}
require: { not: {} }
message: '{{${target}.${field}}}'
`, 'r.yaml'), 'r.yaml');
    const messages = [leak('function', 'environment'), leak('function', 'properties'), leak('resource', 'properties')].flatMap((rule) => lint({ root, rules: [rule], gitignore: false }).findings.filter((f) => f.ruleId === 'acme/leak').map((f) => f.message));
    expect(messages.length).toBe(3);
    expect(messages[0]).toBe('API_KEY');
    for (const message of messages) expect(message).not.toContain('sk_live');
  });
});
