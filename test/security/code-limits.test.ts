// Handler code the parser would read for minutes, or that nests deeper than any stack: each such file becomes one
// input/skipped-file, decided by a pre-scan of its text (the same answer on every machine and thread), and the rest
// of the project is still checked.
import { describe, expect, it } from 'vitest';
import { PARSE_LIMITS, parseBudgetProblem } from '../../src/analyse/parse-budget.js';
import { cli, lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

const MANIFEST = (functions: string[]) =>
  `service: code\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: "*"\n          Resource: "*"\nfunctions:\n${functions.map((name) => `  ${name}:\n    handler: src/${name}.handler\n`).join('')}`;

const GOOD = "const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\nexports.handler = async () => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));\n";

/** The shapes that once crashed or hung a run, each as one handler's whole body. */
const HOSTILE: Record<string, string> = {
  asyncArrows: `exports.handler = ${'async (x=>{'.repeat(24)}`,
  asyncArrowsClosed: `exports.handler = ${'async (x=>{'.repeat(24)}${'})'.repeat(24)}`,
  asyncGenerics: `exports.handler = ${'async <T>('.repeat(24)}`,
  parens: `exports.handler = async () => ${'('.repeat(1000)}1${')'.repeat(1000)};`,
  arrays: `exports.handler = async () => ${'['.repeat(1000)}1${']'.repeat(1000)};`,
  objects: `exports.handler = async () => ${'{a:'.repeat(1000)}1${'}'.repeat(1000)};`,
  calls: `exports.handler = async () => ${'f('.repeat(1000)}1${')'.repeat(1000)};`,
  ternaries: `exports.handler = async () => ${'a ? b : '.repeat(3000)}c;`,
  blocks: `exports.handler = async () => ${'{'.repeat(1000)}${'}'.repeat(1000)};`,
  templates: `exports.handler = async () => ${'`${'.repeat(1000)}1${'}`'.repeat(1000)};`,
  members: `exports.handler = async () => a${'.b'.repeat(20000)};`,
  plusChain: `exports.handler = async () => a${' + a'.repeat(20000)};`,
  callChain: `exports.handler = async () => f${'()'.repeat(20000)};`,
  unary: `exports.handler = async () => ${'!'.repeat(5000)}a;`,
  awaits: `exports.handler = async () => ${'await '.repeat(5000)}a;`,
  arrows: `exports.handler = ${'a => '.repeat(3000)}a;`,
  defaults: `exports.handler = ${'[a=('.repeat(400)}`,
  generics: `exports.handler = ${'a<('.repeat(400)}`,
};

describe('handler code the parser cannot take', () => {
  it('skips each hostile file with one input/skipped-file, keeps every other result, in seconds', () => {
    const names = Object.keys(HOSTILE);
    const files: Record<string, string> = { 'serverless.yml': MANIFEST([...names, 'good']), 'src/good.js': GOOD };
    for (const [name, code] of Object.entries(HOSTILE)) files[`src/${name}.js`] = code;
    const root = writeProject(files);
    try {
      const started = performance.now();
      const run = lintRoot(root);
      expect(performance.now() - started).toBeLessThan(15_000);
      noInternalErrors(run.findings);
      const all = run.findings;
      const skipped = [...new Set(all.filter((f) => f.ruleId === 'input/skipped-file').map((f) => f.location.file))].sort();
      expect(skipped).toEqual(names.map((name) => `src/${name}.js`).sort());
      // The good function is still analysed: nothing is skipped in its file.
      expect(all.filter((f) => f.location.file === 'src/good.js' && f.ruleId.startsWith('input/'))).toEqual([]);
      expect(run.findings.some((f) => f.ruleId === 'iam/wildcard-action')).toBe(true);

      // The CLI completes (exit 1 for the findings, never 2) with the same count in every run and at every concurrency.
      const counts = new Set<string>();
      for (const concurrency of ['off', '2', 'off']) {
        const output = cli(root, ['--format', 'json', '--concurrency', concurrency]);
        expect({ code: output.code, stderr: output.stderr }).toEqual({ code: 1, stderr: '' });
        counts.add(output.stdout);
      }
      expect(counts.size).toBe(1);
    } finally {
      removeDir(root);
    }
  });

  it('lets ordinary code through, including nesting and async arrows that real code writes', () => {
    const ordinary = [
      GOOD,
      "export const handler = async (event) => { const r = await Promise.all(event.items.map(async (i) => { return i ? { a: [1, (2)] } : null; })); return r; };",
      'const f = (a?: number, b?: string): number => (a ?? 0) + (b?.length ?? 0);\nconst g = x => x\nconst h = async <T,>(v: T) => v\nexport { f, g, h }',
      "const re = /[(\\[{]+\\)/g; const s = '(((('; const t = `${'(('}${`${1}`}`; // ((((\n/* [[[[ */ export default re",
      `const x = ${'['.repeat(50)}1${']'.repeat(50)};`,
      `const c = ${'a ? b : '.repeat(50)}c;\nconst d = q\n  ? 1\n  : 2`,
    ];
    for (const code of ordinary) expect({ code, problem: parseBudgetProblem(code) }).toEqual({ code, problem: undefined });
  });

  it('says why: nesting or work', () => {
    expect(parseBudgetProblem(`x = ${'('.repeat(PARSE_LIMITS.maxNesting + 2)}`)).toContain(`more than ${PARSE_LIMITS.maxNesting} levels`);
    expect(parseBudgetProblem(`x = ${'async (x=>{'.repeat(24)}`)).toContain('too long');
  });
});
