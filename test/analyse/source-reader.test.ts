// The file-system reader used in tests and tools: it never reads outside the root.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { createFsSourceReader, normaliseRootPath } from '../../src/analyse/source-reader.js';

describe('normaliseRootPath', () => {
  it('normalises inside the root and refuses escapes', () => {
    expect(normaliseRootPath('src/./a/../b.ts')).toBe('src/b.ts');
    expect(normaliseRootPath('src\\win.ts')).toBe('src/win.ts');
    expect(normaliseRootPath('../x.ts')).toBeUndefined();
    expect(normaliseRootPath('src/../../x.ts')).toBeUndefined();
    expect(normaliseRootPath('/etc/passwd')).toBeUndefined();
    expect(normaliseRootPath('C:/x')).toBeUndefined();
  });
});

describe('createFsSourceReader', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'noops-reader-'));
  const root = path.join(base, 'project');
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(base, 'secret.ts'), 'export const secret = 1;');
  writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 1;');
  writeFileSync(path.join(root, 'src/bin.js'), Buffer.from([0x61, 0x00, 0x62]));
  symlinkSync(path.join(base, 'secret.ts'), path.join(root, 'src/link.ts'));
  const reader = createFsSourceReader(root);

  it('reads files inside the root', () => {
    expect(reader.exists('src/a.ts')).toBe(true);
    expect(reader.read('src/a.ts')).toEqual({ ok: true, text: 'export const a = 1;' });
    expect(reader.exists('src')).toBe(false);
  });

  it('refuses paths and symlinks that leave the root, and binary files', () => {
    expect(reader.exists('../secret.ts')).toBe(false);
    expect(reader.read('../secret.ts')).toMatchObject({ ok: false, reason: 'the path leaves the project root' });
    expect(reader.exists('src/link.ts')).toBe(false);
    expect(reader.read('src/link.ts').ok).toBe(false);
    expect(reader.read('src/bin.js')).toMatchObject({ ok: false, reason: 'a binary file' });
  });
});
