// A folder or manifest whose name is not valid UTF-8 cannot be named in a path: it is reported as an error, never
// skipped silently (an `Action: '*'` inside it would otherwise pass unseen).
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

const WILDCARD = 'service: evil\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: "*"\n          Resource: "*"\n';

describe('names that are not valid UTF-8', () => {
  it('reports the folder and the manifest as input/skipped-file errors and checks the rest', () => {
    const root = writeProject({ 'ok/serverless.yml': WILDCARD, 'notes/readme.txt': 'x' });
    try {
      const folder = Buffer.concat([Buffer.from(`${root}/evil-`), Buffer.from([0xff])]);
      mkdirSync(folder);
      writeFileSync(Buffer.concat([folder, Buffer.from('/serverless.yml')]), WILDCARD);
      writeFileSync(Buffer.concat([Buffer.from(`${root}/template-`), Buffer.from([0xc3, 0x28]), Buffer.from('.yaml')]), 'Resources: {}\n');
      writeFileSync(Buffer.concat([Buffer.from(`${root}/notes/`), Buffer.from([0xfe]), Buffer.from('.txt')]), 'x');
      const run = lintRoot(root);
      noInternalErrors(run.findings);
      const skipped = run.findings.filter((f) => f.ruleId === 'input/skipped-file').map((f) => ({ file: f.location.file, severity: f.severity }));
      expect(skipped).toEqual([
        { file: 'evil-\\xff', severity: 'error' },
        { file: 'template-\\xc3(.yaml', severity: 'error' },
      ]);
      expect(run.findings.some((f) => f.ruleId === 'iam/wildcard-action' && f.location.file === 'ok/serverless.yml')).toBe(true);
      const output = cli(root, ['--format', 'sarif']);
      expect({ code: output.code, stderr: output.stderr }).toEqual({ code: 1, stderr: '' });
      expect(output.stdout).toContain('not valid UTF-8');
    } finally {
      removeDir(root);
    }
  });
});
