// Text from the pull request cannot start a workflow command on stderr or stdout, nor turn the job summary into
// HTML and headings; quote() shows C1 controls and bidi overrides instead of passing them on.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run-action.js';
import { renderSummary } from '../../src/action/summary.js';
import type { Finding } from '../../src/model/finding.js';
import { printable, quote } from '../../src/util/quote.js';
import { cli, cliAllFormats, removeDir, writeProject } from './harness.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeDir(root);
});

function project(files: Record<string, string>): string {
  const root = writeProject(files);
  roots.push(root);
  return root;
}

/** Lines as the Actions runner splits its log: any of CR, LF, CRLF ends one. */
function logLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Markdown without its code spans, where `<img>` is shown as text. */
function outsideCodeSpans(markdown: string): string {
  return logLines(markdown)
    .map((line) => line.replace(/`[^`]*`/g, ''))
    .join('\n');
}

/** What the runner would run as a workflow command: a line that starts with `::` once trimmed. */
function workflowCommands(text: string): string[] {
  return logLines(text).filter((line) => line.trim().startsWith('::'));
}

const MANIFEST = `service: shop
provider:
  name: aws
  runtime: nodejs22.x
functions:
  api:
    handler: handler.main
`;

const RULE = (extra: string) => `id: acme/tracing-required
severity: warning
description: A function runs without active tracing.
help: 'Set tracing: Active.'
target: function
require:
  properties:
    tracing: { const: Active }
  required: [tracing]
message: '{{function.name}} does not trace.'
${extra}`;

describe('stderr: no workflow command from the project', () => {
  it.each([
    ['a configuration key', { '.noops-lint.yaml': '"x\\n::error::injected-config\\n::add-mask::x": 1\n' }, [], true],
    ['a rule-file key', { '.noops-lint/rules/a.yaml': RULE('"k\\n::error::injected-rule-key": 1\n') }, [], true],
    ['a rulePaths entry', { '.noops-lint.yaml': 'rulePaths: ["nowhere\\n::error::injected-path"]\n' }, [], true],
    // The file's content is never quoted back, so it cannot inject anything.
    ['baseline content', { 'base.json': '{"version": 1, "findings": [\n::error::injected-baseline\n' }, ['--baseline', 'base.json'], false],
    ['a baseline path', {}, ['--baseline', 'no\n::error::injected-baseline-path'], true],
  ])('%s', (_name, files, args, echoed) => {
    const root = project({ 'serverless.yml': MANIFEST, 'handler.js': 'exports.main = async () => 1;\n', ...files });
    const run = cli(root, args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr.includes('injected')).toBe(echoed);
    expect(workflowCommands(run.stderr)).toEqual([]);
    expect(workflowCommands(run.stdout)).toEqual([]);
    expect(run.stderr).not.toContain('internal error');
  });

  it('the Action fails the step with one escaped ::error and a clean stderr', async () => {
    const root = project({ 'serverless.yml': MANIFEST, '.noops-lint.yaml': '"x\\n::error::injected-config": 1\n' });
    let stdout = '';
    let stderr = '';
    const code = await runAction({ cwd: root, env: { GITHUB_WORKSPACE: root, 'INPUT_SARIF-FILE': '', INPUT_SUMMARY: 'false' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code).toBe(2);
    expect(workflowCommands(stderr)).toEqual([]);
    expect(workflowCommands(stdout)).toHaveLength(1);
    expect(stdout).toMatch(/^::error title=noops-lint::/);
  });
});

describe('rules, explain and test-rules print a custom rule as text', () => {
  const evil = RULE('').replace('A function runs without active tracing.', '"Tracing off.\\n::error::injected-description\\u202e"').replace("'Set tracing: Active.'", '"Fix it.\\r::add-mask::injected-help\\n  ::error::indented"');

  it('rules', () => {
    const root = project({ 'serverless.yml': MANIFEST, '.noops-lint/rules/acme/tracing-required.yaml': evil });
    const run = cli(root, ['rules']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('injected-description');
    expect(workflowCommands(run.stdout)).toEqual([]);
    expect(run.stdout).not.toContain('\u202e');
    // One line per rule.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('acme/tracing-required'))).toHaveLength(1);
  });

  it('explain', () => {
    const root = project({ 'serverless.yml': MANIFEST, '.noops-lint/rules/acme/tracing-required.yaml': evil });
    const run = cli(root, ['explain', 'acme/tracing-required']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('injected-help');
    expect(workflowCommands(run.stdout)).toEqual([]);
    expect(run.stdout).not.toContain('\r');
  });
});

describe('job summary: no HTML, heading or row break from a name', () => {
  const EVIL = 'evil\r\r<img src=https://attacker.example/x.png>\r\r## All clear\r\u2028| x |\u0085`y`';

  it('renderSummary keeps each finding and permission row on one line of escaped text', () => {
    const finding: Finding = {
      ruleId: 'iam/wildcard-action',
      severity: 'error',
      message: `"${EVIL}" has a wildcard.`,
      location: { file: `svc/${EVIL}/serverless.yml`, line: 3, column: 1, endLine: 3, endColumn: 5 },
      related: [],
      key: 'k',
    };
    const summary = renderSummary({
      findings: [finding],
      suppressed: [],
      failOn: 'error',
      exitCode: 1,
      permissions: [{ function: EVIL, manifest: `${EVIL}.yml`, needed: [`s3:${EVIL}`], granted: [], missing: [`s3:${EVIL}`], unused: [], caveat: EVIL }],
      changedUnavailable: EVIL,
      sarifFile: EVIL,
    });
    const lines = logLines(summary);
    expect(lines.filter((line) => /^\s*##/.test(line))).toEqual(['## noops-lint', '### Findings by rule', '### Findings', '### Permissions: derived from code vs granted']);
    expect(outsideCodeSpans(summary)).not.toMatch(/<img/i);
    expect(summary).not.toMatch(/[\r\u0085\u2028\u2029]/);
    for (const row of lines.filter((line) => line.startsWith('| '))) expect(row.endsWith('|')).toBe(true);
    const findingRow = lines.find((line) => line.startsWith('| error '))!;
    expect(findingRow.split(/(?<!\\)\|/)).toHaveLength(6);
  });

  it('the Action writes such a summary for a function named so in the manifest', async () => {
    const root = project({
      'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action: '*'
          Resource: '*'
functions:
  "evil\\r\\r<img src=https://attacker.example/x.png>\\r\\r## All clear\\r":
    handler: handler.main
`,
      'handler.js': 'exports.main = async () => 1;\n',
    });
    const summaryFile = path.join(root, 'summary.md');
    writeFileSync(summaryFile, '');
    const code = await runAction({ cwd: root, env: { GITHUB_WORKSPACE: root, GITHUB_STEP_SUMMARY: summaryFile, 'INPUT_SARIF-FILE': '', INPUT_ANNOTATIONS: 'false' }, stdout: () => {}, stderr: () => {} });
    expect(code).toBe(1);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('All clear');
    expect(outsideCodeSpans(summary)).not.toMatch(/<img/i);
    expect(logLines(summary).some((line) => line.includes('All clear') && line.trim().startsWith('#'))).toBe(false);
  });
});

describe('quote() and printable()', () => {
  it('escape C1 controls, separators and bidi overrides that JSON leaves raw', () => {
    expect(quote('a\u009b31mb\u0085c\u202ed\u2028e\u2066f')).toBe('"a\\u009b31mb\\u0085c\\u202ed\\u2028e\\u2066f"');
    expect(quote('plain "name"')).toBe('"plain \\"name\\""');
  });

  it('keep intended lines, escape the rest, and defuse workflow commands', () => {
    expect(printable('one\ntwo')).toBe('one\ntwo');
    expect(printable('a\rb\u2028c')).toBe('a\nb\nc');
    expect(printable('x\n  ::error::y')).toBe('x\n|   ::error::y');
    expect(printable('\u001b[31mred\u202e')).toBe('\\u001b[31mred\\u202e');
  });

  it('a C1 or bidi character in a name reaches no output format raw', () => {
    const root = project({
      'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
functions:
  "api\\u009b31m\\u0085\\u202eevil":
    handler: handler.main
`,
      'handler.js': 'exports.main = async () => 1;\n',
    });
    const outputs = cliAllFormats(root);
    for (const [format, output] of Object.entries(outputs)) {
      expect({ format, raw: /[\u0085\u009b\u202e]/.test(output.stdout) }).toEqual({ format, raw: false });
      expect(output.stdout).toContain('evil');
    }
  });
});

describe('a secret in the environment used as a resource name', () => {
  const SECRET = 'sk_live_51HxQyZ2eZvKYlo2C9mN4pQrStUvWxYz';

  it('is not copied into missing-permission, unresolved notes or the policy', () => {
    const root = project({
      'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action: dynamodb:PutItem
          Resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders
functions:
  api:
    handler: handler.main
    environment:
      TABLE: ${SECRET}
      DB_PASSWORD: hunter2-but-longer
`,
      'handler.js': `const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');
const db = new DynamoDBClient({});
exports.main = async () => {
  await db.send(new GetItemCommand({ TableName: process.env.TABLE, Key: {} }));
  return db.send(new GetItemCommand({ TableName: \`t-\${process.env.DB_PASSWORD}\`, Key: {} }));
};
`,
    });
    const outputs = { ...cliAllFormats(root), policy: cli(root, ['policy']), policyYaml: cli(root, ['policy', '--format', 'yaml']) };
    for (const [format, output] of Object.entries(outputs)) {
      expect({ format, leaked: output.stdout.includes(SECRET) || output.stdout.includes('hunter2') }).toEqual({ format, leaked: false });
    }
    // The secret itself is still reported, masked.
    expect(outputs.compact.stdout).toContain('secrets/plaintext-env');
    expect(outputs.policy.stdout).toContain('holds a secret (not shown)');
  });
});
