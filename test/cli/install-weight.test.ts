// What an install pulls: the package's runtime dependencies are only what the installed command line loads
// (TypeScript; everything else is bundled into dist/cli/, the IAM data is dist/iam-data/). The installed shape is
// rebuilt here from package.json "files" with node_modules holding only the dependencies, and must give the same
// report as the sources.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; files: string[] };
const built = existsSync(path.join(repo, 'dist/cli/noops-lint.js'));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'noops-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('install weight', () => {
  it('depends at run time on TypeScript only, and ships neither the Action bundle nor the sources', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['typescript']);
    expect(pkg.files).not.toContain('dist/action.js');
    expect(pkg.files).toContain('dist/iam-data');
    expect(pkg.files.some((f) => f === 'src' || f.startsWith('src/') && !f.startsWith('src/data/'))).toBe(false);
  });

  it.skipIf(!built)('the installed shape, with only the dependencies in node_modules, reports what the sources report', () => {
    const installed = path.join(scratch, 'node_modules', 'noops-lint');
    mkdirSync(installed, { recursive: true });
    cpSync(path.join(repo, 'package.json'), path.join(installed, 'package.json'));
    for (const entry of pkg.files) {
      if (entry.includes('*')) {
        const dir = path.dirname(entry);
        cpSync(path.join(repo, dir), path.join(installed, dir), { recursive: true, filter: (source) => !source.endsWith('.ts') });
      } else cpSync(path.join(repo, entry), path.join(installed, entry), { recursive: true });
    }
    for (const name of Object.keys(pkg.dependencies)) symlinkSync(path.join(repo, 'node_modules', name), path.join(scratch, 'node_modules', name), 'dir');
    const project = path.join(scratch, 'project');
    cpSync(path.join(repo, 'fixtures/projects/python-mixed'), project, { recursive: true });
    mkdirSync(path.join(project, '.git'));
    cpSync(path.join(repo, 'fixtures/projects/orders'), path.join(project, 'orders'), { recursive: true });

    const run = spawnSync(process.execPath, [path.join(installed, 'dist/cli/noops-lint.js'), '--format', 'json', '--concurrency', '2'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    let fromSources = '';
    const code = runCli(['--format', 'json'], { cwd: project, env: {}, isTTY: false, stdout: (t) => (fromSources += t), stderr: () => {} });
    expect(run.status).toBe(code);
    const findings = (text: string) => (JSON.parse(text) as { findings: unknown[] }).findings;
    expect(findings(run.stdout).length).toBeGreaterThan(5);
    expect(findings(run.stdout)).toEqual(findings(fromSources));
  }, 120_000);
});
