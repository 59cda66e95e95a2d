// A value several services read from one file with ${file()} is one finding at the line that sets it, whether the
// services are checked in one pass or each on its own (the cache path, as workers do).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../../rules/index.js';
import { lint } from '../../src/engine/lint.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = new Date('2026-12-07T12:00:00Z');
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-included-'));
  cpSync(path.join(repo, 'fixtures/projects/shared-settings'), root, { recursive: true });
  mkdirSync(path.join(root, '.git'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const runtimeFindings = (run: ReturnType<typeof lint>) => run.findings.filter((f) => f.ruleId === 'ops/deprecated-runtime');

describe('a runtime set in a file the services include', () => {
  it('is one finding at that line, naming every function of every service as a related location', () => {
    for (const cache of [undefined, { location: path.join(root, '.cache', 'lint-cache.json'), display: 'cache', root, secret: Buffer.alloc(32, 7) }]) {
      const found = runtimeFindings(lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 'off', ...(cache ? { cache } : {}) }));
      expect(found).toHaveLength(1);
      const [finding] = found;
      expect(finding!.location).toMatchObject({ file: 'common.yml', line: 3, column: 12 });
      expect(finding!.function).toBeUndefined();
      expect(finding!.message).toBe(
        'nodejs20.x is deprecated since 2026-04-30: Lambda no longer patches it, and from 2027-03-03 functions using it can no longer be updated (every function of the services that read it with ${file()}). Upgrade to nodejs24.x.',
      );
      expect(finding!.related.map((r) => `${r.location.file}:${r.location.line} ${r.message}`).sort()).toEqual([
        'services/billing/serverless.yml:11 "list" uses nodejs20.x',
        'services/billing/serverless.yml:13 "get" uses nodejs20.x',
        'services/orders/serverless.yml:11 "list" uses nodejs20.x',
        'services/orders/serverless.yml:13 "get" uses nodejs20.x',
      ]);
    }
  });

  it('read from a file outside the project root, is not judged', () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'noops-included-own-'));
    try {
      cpSync(path.join(repo, 'fixtures/projects/shared-settings/services/orders'), own, { recursive: true });
      mkdirSync(path.join(own, '.git'));
      const found = runtimeFindings(lint({ rules: BUILTIN_RULES, root: own, now: NOW, concurrency: 'off' }));
      expect(found).toEqual([]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
