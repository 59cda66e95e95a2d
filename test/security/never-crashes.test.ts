// Promise 1: malformed input of every kind gives a located input/* finding, the run goes on, and a rule that throws is contained.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../rules/kit.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { checkRoot } from '../helpers/checked-project.js';
import { cliAllFormats, copyFixture, expectCompletedRun, FIXTURES, lintRoot, noInternalErrors, removeDir, sarifErrors } from './harness.js';

type Expected = [ruleId: string, file: string, line: number];

/** Each fixture under fixtures/input/ and the input findings it must produce, by rule, file and line. */
const CASES: Record<string, Expected[]> = {
  'malformed-yaml': [['input/parse-error', 'serverless.yml', 10]],
  // One finding at the first error, however many the parser's recovery reports after it.
  'malformed-json': [['input/parse-error', 'template.json', 5]],
  intrinsics: [
    ['input/invalid-manifest', 'template.yaml', 10],
    ['input/invalid-manifest', 'template.yaml', 13],
    ['input/invalid-manifest', 'template.yaml', 14],
    ['input/unresolved', 'template.yaml', 15],
    ['input/invalid-manifest', 'template.yaml', 16],
    ['input/invalid-manifest', 'template.yaml', 17],
    ['input/invalid-manifest', 'template.yaml', 19],
    ['input/invalid-manifest', 'template.yaml', 22],
  ],
  'duplicate-keys': [
    ['input/parse-error', 'serverless.yml', 5],
    ['input/parse-error', 'serverless.yml', 9],
  ],
  'invalid-utf8': [['input/skipped-file', 'serverless.yml', 1]],
  'binary-yml': [
    ['input/skipped-file', 'serverless.yaml', 1],
    ['input/skipped-file', 'template.yml', 1],
  ],
  empty: [
    ['input/invalid-manifest', 'serverless.yml', 1],
    ['input/invalid-manifest', 'services/api/serverless.yml', 1],
    ['input/invalid-manifest', 'services/list/serverless.yml', 1],
    ['input/invalid-manifest', 'services/scalar/serverless.yml', 1],
  ],
  'resources-list': [
    ['input/invalid-manifest', 'serverless.yml', 5],
    ['input/invalid-manifest', 'template.yaml', 2],
  ],
  'functions-string': [['input/invalid-manifest', 'serverless.yml', 7]],
  'handler-number': [
    ['input/invalid-manifest', 'sam/template.yaml', 11],
    ['input/invalid-manifest', 'sam/template.yaml', 12],
    ['input/invalid-manifest', 'sam/template.yaml', 13],
    ['input/invalid-manifest', 'serverless.yml', 7],
    ['input/invalid-manifest', 'serverless.yml', 9],
    ['input/invalid-manifest', 'serverless.yml', 10],
    ['input/invalid-manifest', 'serverless.yml', 13],
    ['input/invalid-manifest', 'serverless.yml', 16],
  ],
};

function inputFindings(findings: ReadonlyArray<{ ruleId: string; location: { file: string; line: number } }>): Expected[] {
  return findings.filter((f) => f.ruleId.startsWith('input/') || f.ruleId.startsWith('internal/')).map((f) => [f.ruleId, f.location.file, f.location.line]);
}

describe('malformed input never crashes the run', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: located input findings, a completed run in every format, valid SARIF`, () => {
      const root = copyFixture(name);
      try {
        const run = lintRoot(root);
        expect(inputFindings(run.findings)).toEqual(expected);
        for (const finding of run.findings) {
          expect(finding.location.line).toBeGreaterThanOrEqual(1);
          expect(finding.location.column).toBeGreaterThanOrEqual(1);
        }
        const outputs = cliAllFormats(root);
        expectCompletedRun(outputs);
        expect(sarifErrors(outputs.sarif.stdout)).toEqual([]);
      } finally {
        removeDir(root);
      }
    });
  }

  it('keeps checking the rest of a project when one manifest is broken', () => {
    const root = copyFixture('malformed-yaml');
    copyFixture('bom-crlf', path.join(root, 'healthy'));
    try {
      const run = lintRoot(root);
      expect(run.findings.some((f) => f.ruleId === 'input/parse-error' && f.location.file === 'serverless.yml')).toBe(true);
      expect(run.findings.some((f) => f.ruleId === 'secrets/plaintext-env' && f.location.file === 'healthy/serverless.yml')).toBe(true);
    } finally {
      removeDir(root);
    }
  });

  it('reads a manifest with a byte order mark and CRLF line ends at the right lines', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'bom-crlf/serverless.yml'));
    // Guards the fixture itself: a checkout that normalised line ends would prove nothing.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    const root = copyFixture('bom-crlf');
    try {
      const run = lintRoot(root);
      expect(run.findings.filter((f) => f.ruleId.startsWith('input/parse') || f.ruleId.startsWith('internal/'))).toEqual([]);
      expect(run.findings.find((f) => f.ruleId === 'secrets/plaintext-env')?.location).toMatchObject({ file: 'serverless.yml', line: 9, column: 20 });
    } finally {
      removeDir(root);
    }
  });

  it('reports TypeScript and JavaScript syntax errors in handler code at the parser position', () => {
    const root = copyFixture('source-syntax-errors');
    try {
      const run = checkRoot(root);
      noInternalErrors(run.findings);
      const byFunction = Object.fromEntries(
        run.project.functions.map((fn) => [fn.name, (run.analysis.usageOf(fn)?.findings ?? []).map((f) => [f.ruleId, f.location.file, f.location.line])]),
      );
      // The first syntax error, as ESLint reports one per file; the message counts the rest.
      expect(byFunction.ts).toEqual([['input/parse-error', 'src/broken-ts.ts', 4]]);
      const tsFunction = run.project.functions.find((fn) => fn.name === 'ts')!;
      expect(run.analysis.usageOf(tsFunction)?.findings[0]?.message).toBe('Could not parse "src/broken-ts.ts": Expression expected (and 1 more error after it, which may follow from this one).');
      expect(byFunction.js).toEqual([['input/parse-error', 'src/broken-js.js', 2]]);
      // Binary code is refused, not parsed: the skip is reported on the file, saying why.
      expect(byFunction.binary).toEqual([['input/skipped-file', 'src/binary.js', 1]]);
      expectCompletedRun(cliAllFormats(root));
    } finally {
      removeDir(root);
    }
  });
});

describe('a rule that throws', () => {
  const exploding = defineRule({
    id: 'test/exploding',
    category: 'test',
    severity: 'error',
    description: 'Throws on every project.',
    fullDescription: 'Throws on every project.',
    help: 'None.',
    precision: 'high',
    tags: [],
    messages: {},
    defaultOptions: {},
    check() {
      throw new TypeError("Cannot read properties of undefined (reading 'Arn')");
    },
  });

  it('becomes internal/rule-error naming the rule and the file, and the other rules still run', () => {
    const root = copyFixture('bom-crlf');
    try {
      const plaintext = BUILTIN_RULES.find((rule) => rule.id === 'secrets/plaintext-env')!;
      const run = lintRoot(root, { rules: [exploding, plaintext] });
      const errors = run.findings.filter((f) => f.ruleId === 'internal/rule-error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain('test/exploding');
      expect(errors[0]!.location.file).toBe('serverless.yml');
      expect(run.findings.some((f) => f.ruleId === 'secrets/plaintext-env')).toBe(true);
    } finally {
      removeDir(root);
    }
  });
});
