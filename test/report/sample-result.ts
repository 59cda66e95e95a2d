// A handmade LintResult for the reporter tests: two fake rules, the input pseudo-rules, awkward paths.
import type { Finding } from '../../src/model/finding.js';
import type { LintResult } from '../../src/engine/result.js';
import { defineRule, type AnyRule } from '../../rules/kit.js';
import type { Location } from '../../src/model/location.js';

export const wildcardRule = defineRule({
  id: 'iam/wildcard-action',
  category: 'iam',
  severity: 'error',
  description: 'A policy statement allows every action of a service.',
  fullDescription: `A wildcard action grants far more than the function uses. ${'It is checked per statement. '.repeat(60)}`,
  help: 'List the actions the function calls:\n\n  Action:\n    - dynamodb:GetItem\n    - dynamodb:PutItem\n\nThen deploy again.',
  securitySeverity: 8,
  precision: 'high',
  tags: ['security', 'external/cwe/cwe-732', 'iam', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
  messages: { wildcard: '{{action}} allows every action.' },
  defaultOptions: {},
  check() {},
});

export const tracingRule = defineRule({
  id: 'ops/tracing-disabled',
  category: 'ops',
  severity: 'note',
  description: 'The function runs without active tracing.',
  fullDescription: 'Without tracing, slow calls are hard to find.',
  help: 'Set `tracing: Active`.',
  precision: 'very-high',
  tags: ['reliability'],
  messages: { off: 'Tracing is off' },
  defaultOptions: {},
  check() {},
});

function inputRule(id: string, severity: 'error' | 'warning' | 'note', description: string): AnyRule {
  return defineRule({
    id,
    category: 'input',
    severity,
    description,
    fullDescription: description,
    help: 'Fix the file or exclude it.',
    precision: 'very-high',
    tags: ['input'],
    messages: {},
    defaultOptions: {},
    check() {},
  });
}

export const ROOT = '/home/someone/secret-project';

export function loc(file: string, line: number, column: number, endLine = line, endColumn = column + 5): Location {
  return { file, line, column, endLine, endColumn };
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'location'>): Finding {
  return { severity: 'error', message: 'Something is wrong.', related: [], key: `${partial.ruleId}|k`, ...partial };
}

export function sampleFindings(): Finding[] {
  return [
    finding({
      ruleId: 'iam/wildcard-action',
      message: 'dynamodb:* allows every action of DynamoDB.',
      location: loc('serverless.yml', 12, 9, 12, 20),
      related: [{ location: loc('src/handler.js', 3, 7, 3, 30), message: 'createOrder calls PutItem here' }],
      function: 'createOrder',
      actions: { used: ['dynamodb:PutItem'], unused: ['dynamodb:DeleteItem'] },
      key: 'IamRoleLambdaExecution|Statement/0|dynamodb:*',
    }),
    finding({
      ruleId: 'ops/tracing-disabled',
      severity: 'note',
      message: 'Tracing is off for createOrder',
      location: loc('serverless.yml', 1, 1, 1, 1),
      function: 'createOrder',
      key: 'createOrder',
    }),
    finding({
      ruleId: 'iam/wildcard-action',
      message: 's3:* allows every action of S3.\nSecond line: 100% sure, really.',
      location: loc('svc/a b#c/tëmplate.yaml', 40, 11, 39, 2),
      key: 'Role|Policies/0|s3:*',
    }),
    finding({
      ruleId: 'input/unresolved',
      severity: 'note',
      message: 'Could not resolve ${ssm:/x}; rules did not judge it.',
      location: loc('serverless.yml', 20, 15, 20, 25),
      key: 'unresolved|ssm',
    }),
    finding({
      ruleId: 'input/parse-error',
      message: 'Unexpected end of flow mapping.',
      location: loc('broken.yml', 4, 3, 4, 4),
    }),
    finding({
      ruleId: 'input/skipped-file',
      severity: 'warning',
      message: 'Skipped: larger than 1 MiB.',
      location: loc('big.json', 1, 1, 1, 1),
    }),
  ];
}

export function sampleResult(findings: Finding[] = sampleFindings()): LintResult {
  const sorted = [...findings].sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  return {
    root: ROOT,
    findings: sorted,
    rules: [
      wildcardRule,
      inputRule('input/parse-error', 'error', 'A file could not be parsed.'),
      inputRule('input/skipped-file', 'warning', 'A file was skipped.'),
      inputRule('input/unresolved', 'note', 'A value could not be resolved.'),
      tracingRule,
    ] as AnyRule[],
    files: ['big.json', 'broken.yml', 'serverless.yml', 'src/handler.js', 'svc/a b#c/tëmplate.yaml'],
    notifications: [
      { ruleId: 'input/parse-error', message: 'Unexpected end of flow mapping.', file: 'broken.yml', line: 4 },
      { ruleId: 'input/skipped-file', message: 'Skipped: binary file.', file: 'logo.png', line: 1 },
    ],
    toolVersion: '0.1.0',
  };
}

export function emptyResult(): LintResult {
  return { ...sampleResult([]), notifications: [] };
}
