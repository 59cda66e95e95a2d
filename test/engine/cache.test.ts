import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHmac } from 'node:crypto';
import { cacheFilePath, CACHE_FILE_NAME, LintCache } from '../../src/engine/cache.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { lint } from '../../src/engine/lint.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = new Date('2025-06-01T12:00:00Z');
let root: string;
let cacheFile: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-cache-'));
  for (const name of ['orders', 'thumbnails']) cpSync(path.join(repo, 'fixtures/projects', name), path.join(root, 'services', name), { recursive: true });
  cacheFile = path.join(root, 'cache', 'lint-cache.json');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const SECRET = Buffer.alloc(32, 7);
const settings = (location = cacheFile) => ({ location, display: 'cache', root, secret: SECRET });
const cached = () => lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 'off', cache: settings() });
type Stored = { key: string; entries: Record<string, { findings: Array<{ message: string }>; dependencies: Record<string, string> }> };
/** The header line and the entries after it. */
const stored = (): Stored => {
  const text = readFileSync(cacheFile, 'utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { key: string };
  return { key: header.key, entries: JSON.parse(text.slice(text.indexOf('\n') + 1)) };
};
/** Writes entries back with a valid signature, as this machine would have. */
const store = (body: Stored, secret: Uint8Array = SECRET) => {
  const entries = JSON.stringify(body.entries);
  const signature = createHmac('sha256', secret).update(body.key).update('\n').update(entries).digest('base64');
  writeFileSync(cacheFile, `${JSON.stringify({ format: 'noops-lint-cache/3', key: body.key, signature })}\n${entries}`);
};

describe('--cache', () => {
  it('gives the same findings cold and warm, and records every file a service read', () => {
    const plain = lint({ rules: BUILTIN_RULES, root, now: NOW });
    expect(cached().findings).toEqual(plain.findings);
    expect(cached().findings).toEqual(plain.findings);
    const entry = stored().entries['services/orders/serverless.yml']!;
    expect(Object.keys(entry.dependencies)).toContain('services/orders/serverless.yml');
    expect(Object.keys(entry.dependencies).some((f) => f.startsWith('services/orders/src/'))).toBe(true);
  });

  it('reuses an unchanged service and re-analyses it when a file it read changes', () => {
    cached();
    const body = stored();
    const entry = body.entries['services/orders/serverless.yml']!;
    expect(entry.findings.length).toBeGreaterThan(0);
    // Marks the stored findings, so a reuse is visible.
    for (const f of entry.findings) f.message = `cached: ${f.message}`;
    store(body);
    expect(cached().findings.some((f) => f.message.startsWith('cached: '))).toBe(true);

    const source = Object.keys(entry.dependencies).find((f) => f.startsWith('services/orders/src/') && !entry.dependencies[f]!.startsWith('!'))!;
    appendFileSync(path.join(root, source), '\n// touched\n');
    const after = cached();
    expect(after.findings.some((f) => f.message.startsWith('cached: '))).toBe(false);
    expect(after.findings).toEqual(lint({ rules: BUILTIN_RULES, root, now: NOW }).findings);
  });

  it('notices a file appearing where module resolution once found none', () => {
    cached();
    const missing = Object.entries(stored().entries['services/orders/serverless.yml']!.dependencies).filter(([, print]) => print.startsWith('!'));
    // Module resolution probes names that do not exist; they are recorded as missing, so creating one invalidates.
    if (missing.length === 0) return;
    const [rel] = missing[0]!;
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), 'export {};\n');
    const body = stored();
    for (const f of body.entries['services/orders/serverless.yml']!.findings) f.message = `cached: ${f.message}`;
    store(body);
    expect(cached().findings.some((f) => f.message.startsWith('cached: '))).toBe(false);
  });

  it('ignores and rewrites a corrupt or foreign cache file, never crashing', () => {
    const plain = lint({ rules: BUILTIN_RULES, root, now: NOW }).findings;
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    for (const junk of ['{not json', 'null', '[]', '{}\n{}', JSON.stringify({ format: 'noops-lint-cache/1', key: 'other', entries: {} }), `${JSON.stringify({ format: 'noops-lint-cache/3', key: 'x', signature: 'x' })}\n{"a":1}`]) {
      writeFileSync(cacheFile, junk);
      expect(cached().findings).toEqual(plain);
      expect(stored().entries['services/orders/serverless.yml']).toBeDefined();
    }
    // A damaged entry under the right key is a miss, not a crash.
    const body = stored();
    (body.entries['services/orders/serverless.yml'] as unknown as Record<string, unknown>).findings = 'oops';
    store(body);
    expect(cached().findings).toEqual(plain);
  });

  it('does not reuse results across settings (another rule selection)', () => {
    cached();
    const before = stored().key;
    lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 'off', cache: settings(), onlyRules: ['ops/tracing-disabled'] });
    expect(stored().key).not.toBe(before);
  });

  it('puts the file inside a folder location', () => {
    const folder = path.join(root, 'cache-folder');
    mkdirSync(folder);
    expect(cacheFilePath(folder)).toBe(path.join(folder, CACHE_FILE_NAME));
    expect(cacheFilePath(`${path.join(root, 'new-folder')}${path.sep}`)).toBe(path.join(root, 'new-folder', CACHE_FILE_NAME));
    expect(cacheFilePath(path.join(root, 'a-file.json'))).toBe(path.join(root, 'a-file.json'));
    const cache = LintCache.open(settings(`${path.join(root, 'new-folder')}${path.sep}`), 'k');
    cache.save();
    expect(existsSync(path.join(root, 'new-folder', CACHE_FILE_NAME))).toBe(true);
  });
});
