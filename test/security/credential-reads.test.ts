// Credentials never reach a report: the .git folder is never read, ${file()} includes only small text fragments,
// and values taken from the user's files are echoed as short excerpts with credential-looking parts masked.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGitPath } from '../../src/load/files.js';
import { VARIABLE_LIMITS } from '../../src/load/manifests/serverless-variables.js';
import { excerpt, EXCERPT_LIMITS, maskSecretsIn } from '../../src/util/excerpt.js';
import { quote } from '../../src/util/quote.js';
import { cliAllFormats, expectCompletedRun, lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

const TOKEN = 'Z2hzX3NlY3JldHRva2VuMTIzNDU2Nzg5MA';
const GIT_CONFIG = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`;

const SERVERLESS = (iam: string) =>
  `service: creds\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  iam:\n    role:\n      statements:\n${iam}\nfunctions:\n  f:\n    handler: handler.main\n`;

function projectWithGitConfig(files: Record<string, string>): string {
  const root = writeProject({ 'handler.js': 'exports.main = async () => 1;\n', ...files });
  mkdirSync(path.join(root, '.git'), { recursive: true });
  writeFileSync(path.join(root, '.git', 'config'), GIT_CONFIG);
  return root;
}

function expectNoLeak(root: string, secret: string): void {
  const run = lintRoot(root);
  noInternalErrors(run.findings);
  // `key` is internal (reports carry only its hash), so it may hold the whole value.
  expect(JSON.stringify(run.findings.map(({ key: _key, ...shown }) => shown))).not.toContain(secret);
  const outputs = cliAllFormats(root);
  expectCompletedRun(outputs);
  for (const [format, output] of Object.entries(outputs)) {
    expect({ format, leaked: output.stdout.includes(secret) || output.stderr.includes(secret) }).toEqual({ format, leaked: false });
  }
}

describe('the .git folder is never read', () => {
  it('refuses ${file(./.git/config)} as an Action, a Resource and a handler, in every spelling', () => {
    const root = projectWithGitConfig({
      'serverless.yml': SERVERLESS(
        [
          '        - Effect: Allow',
          '          Action: ${file(./.git/config)}',
          '          Resource: ${file(.git/config)}',
          '        - Effect: Allow',
          "          Action: ${file(./sub/../.git/config), 's3:GetObject'}",
          '          Resource: ${file(./.GIT/config)}',
          '        - Effect: Allow',
          '          Action: ${file(./.git./config)}',
          '          Resource: ${file(./.git/config):http}',
        ].join('\n'),
      ).replace('handler.main', '${file(./.git/config)}'),
    });
    try {
      const run = lintRoot(root);
      const unresolved = run.findings.filter((f) => f.ruleId === 'input/unresolved' && f.location.file === 'serverless.yml');
      expect(unresolved.length).toBeGreaterThanOrEqual(6);
      expect(unresolved.filter((f) => f.message.includes('.git folder')).length).toBeGreaterThanOrEqual(5);
      expectNoLeak(root, TOKEN);
    } finally {
      removeDir(root);
    }
  });

  it('refuses a symbolic link into .git and a manifest or import inside .git', () => {
    const root = projectWithGitConfig({
      'serverless.yml': SERVERLESS('        - Effect: Allow\n          Action: ${file(./settings.yml)}\n          Resource: "*"').replace('handler.main', 'src/handler.main'),
      'src/handler.js': "const c = require('../.git/config.json');\nexports.main = async () => c;\n",
    });
    try {
      symlinkSync(path.join('.git', 'config'), path.join(root, 'settings.yml'));
      writeFileSync(path.join(root, '.git', 'config.json'), JSON.stringify({ token: TOKEN }));
      writeFileSync(path.join(root, '.git', 'serverless.yml'), SERVERLESS(`        - Effect: Allow\n          Action: "${TOKEN}"\n          Resource: "*"`));
      const run = lintRoot(root);
      expect(run.findings.find((f) => f.location.file === 'serverless.yml' && f.message.includes('settings.yml'))?.message).toContain('.git folder');
      expect(run.findings.map((f) => f.location.file).filter((file) => isGitPath(file))).toEqual([]);
      expectNoLeak(root, TOKEN);
    } finally {
      removeDir(root);
    }
  });

  it('recognises .git at any depth and in any case, not names that merely contain it', () => {
    expect(['.git', '.git/config', 'a/.git/HEAD', 'a/.GIT/config', '.git./config', 'a\\.git\\config'].map(isGitPath)).toEqual([true, true, true, true, true, true]);
    expect(['.github/workflows/ci.yml', 'x.git', '.gitignore', 'git/config', '.gitmodules'].map(isGitPath)).toEqual([false, false, false, false, false]);
  });
});

describe('${file()} includes only plausible manifest fragments', () => {
  it('refuses a file larger than the fragment limit and binary files', () => {
    const big = `a: "${'x'.repeat(VARIABLE_LIMITS.maxIncludedFileBytes)}"\n`;
    const root = writeProject({
      'serverless.yml': SERVERLESS('        - Effect: Allow\n          Action: ${file(./big.yml):a}\n          Resource: ${file(./blob.bin)}'),
      'handler.js': 'exports.main = async () => 1;\n',
      'big.yml': big,
      'blob.bin': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]),
    });
    try {
      const run = lintRoot(root);
      noInternalErrors(run.findings);
      const messages = run.findings.filter((f) => f.ruleId === 'input/unresolved').map((f) => f.message);
      expect(messages).toEqual(
        expect.arrayContaining([expect.stringContaining(`larger than ${VARIABLE_LIMITS.maxIncludedFileBytes / 1024} KiB`), expect.stringContaining('binary')]),
      );
      expect(JSON.stringify(run.findings)).not.toContain('x'.repeat(200));
    } finally {
      removeDir(root);
    }
  });
});

describe('values are echoed as short, masked excerpts', () => {
  it('prints a plain-text include as an excerpt of at most the limit, credentials masked, in every format', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(20)}\n-----END PRIVATE KEY-----\n`;
    const root = writeProject({
      'serverless.yml': SERVERLESS('        - Effect: Allow\n          Action: ${file(./notes.txt)}\n          Resource: "*"\n        - Effect: Allow\n          Action: ${file(./key.txt)}\n          Resource: ${file(./token.txt)}'),
      'handler.js': 'exports.main = async () => 1;\n',
      'notes.txt': `s3:${'GetObject'.repeat(200)}SECRETTAIL`,
      'key.txt': pem,
      'token.txt': `arn:aws:s3:::ghp_${'a1B2c3D4e5'.repeat(4)}`,
    });
    try {
      expectNoLeak(root, 'SECRETTAIL');
      expectNoLeak(root, 'MIIEvQIBADANBgkq');
      expectNoLeak(root, `ghp_${'a1B2c3D4e5'.repeat(4)}`);
      for (const finding of lintRoot(root).findings) {
        expect({ rule: finding.ruleId, long: finding.message.length > 3 * EXCERPT_LIMITS.maxMessageValueChars }).toEqual({ rule: finding.ruleId, long: false });
      }
    } finally {
      removeDir(root);
    }
  });

  it('masks a literal fallback of an SSM parameter in input/unresolved', () => {
    const root = writeProject({
      'serverless.yml': `service: s\nprovider:\n  name: aws\n  environment:\n    DB_PASSWORD: \${ssm:/prod/db/password, 'hunter2-correct-horse'}\n`,
    });
    try {
      const run = lintRoot(root);
      const message = run.findings.find((f) => f.ruleId === 'input/unresolved')?.message;
      expect(message).toContain('/prod/db/password');
      expect(message).toContain("'hunt********'");
      expectNoLeak(root, 'hunter2-correct-horse');
    } finally {
      removeDir(root);
    }
  });

  it('excerpt() masks every credential shape and cuts long text; quote() uses it', () => {
    expect(excerpt('x'.repeat(500))).toBe(`${'x'.repeat(EXCERPT_LIMITS.maxChars - 1)}…`);
    expect(excerpt('x'.repeat(500)).length).toBe(EXCERPT_LIMITS.maxChars);
    expect(excerpt(`${'a'.repeat(EXCERPT_LIMITS.maxChars - 2)}😀😀`).endsWith('…')).toBe(true);
    expect(excerpt(`${'a'.repeat(EXCERPT_LIMITS.maxChars - 2)}😀😀`)).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(maskSecretsIn('key AKIAIOSFODNN7EXAMPLE here')).toBe('key AKIA******** here');
    expect(maskSecretsIn('postgres://app:s3cr3t-pass@db.internal/x')).toBe('postgres://app:s3********@db.internal/x');
    expect(maskSecretsIn('postgres://app:${DB_PASSWORD}@db')).toBe('postgres://app:${DB_PASSWORD}@db');
    expect(maskSecretsIn(`xoxb-${'1'.repeat(20)} and ghp_${'x'.repeat(36)}`)).toBe('xoxb******** and ghp_********');
    expect(maskSecretsIn('orders-table')).toBe('orders-table');
    expect(quote(`ghp_${'x'.repeat(36)}`)).toBe('"ghp_********"');
  });

  it('masks URL passwords in linear time ("a." x 100,000 once took 39 s)', () => {
    const started = performance.now();
    maskSecretsIn('a.'.repeat(100_000));
    maskSecretsIn(`a://${'a:'.repeat(100_000)}`);
    maskSecretsIn('a://'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
