// Whole-project golden tests: the complete stylish report of a few realistic projects is committed beside each
// (fixtures/projects/<name>/expected.txt), so any change in what users see shows up as a reviewed diff.
// Regenerate after an intended change: NOOPS_UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, removeDir, scratchDir } from '../security/harness.js';

const PROJECTS = path.resolve(import.meta.dirname, '../../fixtures/projects');
const GOLDEN = ['orders', 'thumbnails', 'container-service', 'python-mixed', 'cdk-orders', 'signal-and-noise'];
const EXPECTED = 'expected.txt';

/** What a user sees running `noops-lint` in the project folder, without colour, and the exit code. */
function report(name: string): string {
  // A copy outside the repository: paths are relative to its own root, and no .gitignore of ours applies.
  const root = scratchDir('noops-golden-');
  try {
    cpSync(path.join(PROJECTS, name), root, { recursive: true, filter: (source) => path.basename(source) !== EXPECTED });
    const output = cli(root, ['--no-color']);
    expect(output.stderr).toBe('');
    const text = `${output.stdout}exit code ${output.code}\n`;
    expect(text).not.toContain(root);
    return text;
  } finally {
    removeDir(root);
  }
}

describe('golden reports', () => {
  for (const name of GOLDEN) {
    it(`${name}: the stylish report is the committed one`, () => {
      const file = path.join(PROJECTS, name, EXPECTED);
      const actual = report(name);
      if (process.env.NOOPS_UPDATE_GOLDEN === '1') writeFileSync(file, actual);
      expect(existsSync(file), `${file} is missing: run with NOOPS_UPDATE_GOLDEN=1 and review it`).toBe(true);
      // No colour codes and no absolute paths, so the file reads the same on every machine.
      expect(actual).not.toMatch(/\u001b\[/);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
