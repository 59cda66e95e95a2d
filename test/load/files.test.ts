import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFiles, FILE_LIMITS } from '../../src/load/files.js';
import { discoverManifests } from '../../src/load/discover.js';

function scratch(): { outside: string; root: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'noops-files-'));
  const root = path.join(base, 'project');
  mkdirSync(root);
  writeFileSync(path.join(base, 'secret.yml'), 'canary: DO-NOT-READ\n');
  return { outside: base, root };
}

describe('ProjectFiles', () => {
  it('refuses paths that leave the root', () => {
    const { root } = scratch();
    const files = new ProjectFiles(root);
    expect(files.resolve('', '../secret.yml')).toBeUndefined();
    expect(files.resolve('a/b', '../../../secret.yml')).toBeUndefined();
    expect(files.resolve('', '/etc/passwd')).toBeUndefined();
    expect(files.resolve('a', './x/../y.yml')).toBe('a/y.yml');
  });

  it('refuses a symlink that points outside the root', () => {
    const { root, outside } = scratch();
    symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'link.yml'));
    const result = new ProjectFiles(root).read('link.yml');
    expect(result).toEqual({ ok: false, reason: 'it resolves to a path outside the project root' });
  });

  it('reads plain paths from folder listings and takes links the slow way, inside the root only', () => {
    const { root, outside } = scratch();
    mkdirSync(path.join(root, 'src/lib'), { recursive: true });
    mkdirSync(path.join(outside, 'elsewhere'));
    writeFileSync(path.join(root, 'src/lib/db.ts'), 'export const db = 1;\n');
    writeFileSync(path.join(outside, 'elsewhere/secret.ts'), 'export const canary = 1;\n');
    symlinkSync(path.join(root, 'src/lib'), path.join(root, 'src/shared'));
    symlinkSync(path.join(outside, 'elsewhere'), path.join(root, 'src/out'));
    const files = new ProjectFiles(root);
    expect(files.read('src/lib/db.ts')).toMatchObject({ ok: true, text: 'export const db = 1;\n' });
    expect(files.isFile('src/lib/db.ts')).toBe(true);
    expect(files.isFile('src/lib')).toBe(false);
    expect(files.isFile('src/lib/missing.ts')).toBe(false);
    // Through a folder link that stays inside the root: read; through one that leaves it: refused.
    expect(files.read('src/shared/db.ts')).toMatchObject({ ok: true });
    expect(files.isFile('src/shared/db.ts')).toBe(true);
    expect(files.read('src/out/secret.ts')).toEqual({ ok: false, reason: 'it resolves to a path outside the project root' });
    expect(files.isFile('src/out/secret.ts')).toBe(false);
    expect(files.entries('src')).toEqual([
      ['lib', 'dir'],
      ['out', 'link'],
      ['shared', 'link'],
    ]);
  });

  it('refuses binary, non-UTF-8 and oversized files with a reason', () => {
    const { root } = scratch();
    writeFileSync(path.join(root, 'bin.yml'), Buffer.from([0x61, 0x00, 0x62]));
    writeFileSync(path.join(root, 'latin1.yml'), Buffer.from([0x61, 0xe9, 0x0a]));
    writeFileSync(path.join(root, 'big.yml'), Buffer.alloc(FILE_LIMITS.maxFileBytes + 1, 0x61));
    const files = new ProjectFiles(root);
    expect(files.read('bin.yml')).toMatchObject({ ok: false, reason: expect.stringContaining('binary') });
    expect(files.read('latin1.yml')).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-8') });
    expect(files.read('big.yml')).toMatchObject({ ok: false, reason: expect.stringContaining('larger than') });
  });
});

describe('discoverManifests', () => {
  it('walks sorted, skips node_modules and .gitignored files, survives symlink loops', () => {
    const { root, outside } = scratch();
    mkdirSync(path.join(root, 'svc/b'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
    writeFileSync(path.join(root, 'svc/serverless.yml'), 'service: a\n');
    writeFileSync(path.join(root, 'svc/b/template.yaml'), 'Resources: {}\n');
    writeFileSync(path.join(root, 'svc/package.json'), '{}');
    writeFileSync(path.join(root, 'node_modules/x/serverless.yml'), 'service: x\n');
    writeFileSync(path.join(root, 'ignored.yml'), 'Resources: {}\n');
    writeFileSync(path.join(root, '.gitignore'), 'ignored.yml\n');
    writeFileSync(path.join(root, 'svc/serverless.ts'), 'export default {}');
    symlinkSync(root, path.join(root, 'svc/b/loop'));
    symlinkSync(outside, path.join(root, 'escape'));
    const found = discoverManifests(new ProjectFiles(root), { paths: [''], ignores: [], gitignore: true });
    expect(found.candidates).toEqual(['svc/b/template.yaml', 'svc/serverless.yml']);
    expect(found.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('"escape": the symbolic link points outside the project root'),
      expect.stringContaining('Skipped "svc/serverless.ts": the Serverless Framework reads "svc/serverless.yml" in the same folder first'),
    ]);
  });

  it('applies config ignores', () => {
    const { root } = scratch();
    mkdirSync(path.join(root, 'a'));
    writeFileSync(path.join(root, 'a/serverless.yml'), 'service: a\n');
    writeFileSync(path.join(root, 'serverless.yml'), 'service: b\n');
    const found = discoverManifests(new ProjectFiles(root), { paths: [''], ignores: ['a/**'], gitignore: false });
    expect(found.candidates).toEqual(['serverless.yml']);
  });
});
