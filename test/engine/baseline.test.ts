import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyBaseline, baselineFingerprint, BaselineError, createBaseline, parseBaseline, serializeBaseline } from '../../src/engine/baseline.js';
import type { Finding } from '../../src/model/finding.js';
import { ProjectFiles } from '../../src/load/files.js';

const MANIFEST = `service: orders
provider:
  iam:
    role:
      statements:
        - Effect: Allow
          Action: 's3:*'
          Resource: '*'
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-baseline-'));
  mkdirSync(path.join(root, 'other'));
  writeFileSync(path.join(root, 'serverless.yml'), MANIFEST);
  writeFileSync(path.join(root, 'other', 'serverless.yml'), MANIFEST);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const KEY = 'serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|s3:*|*';

function wildcard(file: string, line: number, key = KEY): Finding {
  return { ruleId: 'iam/wildcard-action', severity: 'error', message: 's3:* allows every S3 action.', location: { file, line, column: 19, endLine: line, endColumn: 25 }, related: [], key };
}

describe('baseline', () => {
  it('is byte-stable, sorted, and never records the line number', () => {
    const files = new ProjectFiles(root);
    const text = serializeBaseline(createBaseline([wildcard('serverless.yml', 7), wildcard('other/serverless.yml', 7, `other/${KEY}`)], files));
    expect(text).toBe(serializeBaseline(createBaseline([wildcard('other/serverless.yml', 7, `other/${KEY}`), wildcard('serverless.yml', 7)], files)));
    const parsed = JSON.parse(text);
    expect(parsed.findings.map((e: { file: string }) => e.file)).toEqual(['other/serverless.yml', 'serverless.yml']);
    expect(text).not.toMatch(/"line"/);
  });

  it('keeps a finding baselined when code moves, and reports only new ones', () => {
    const baseline = createBaseline([wildcard('serverless.yml', 7)], new ProjectFiles(root));
    writeFileSync(path.join(root, 'serverless.yml'), MANIFEST.replace('provider:\n', '# moved down\n\nprovider:\n'));
    const files = new ProjectFiles(root);
    const moved = wildcard('serverless.yml', 9);
    const added = wildcard('serverless.yml', 11, KEY.replace('[0]', '[1]'));
    const outcome = applyBaseline([moved, added], baseline, files, 'baseline.json');
    expect(outcome.findings).toEqual([added]);
    expect(outcome.suppressed).toEqual([
      { finding: moved, suppressions: [{ kind: 'external', source: 'baseline', justification: 'Recorded in the baseline baseline.json.' }] },
    ]);
  });

  it('re-indenting or re-quoting the line keeps the identity', () => {
    const before = baselineFingerprint(wildcard('serverless.yml', 7), new ProjectFiles(root));
    writeFileSync(path.join(root, 'serverless.yml'), MANIFEST.replace("Action: 's3:*'", 'Action:   "s3:*"'));
    const shifted: Finding = { ...wildcard('serverless.yml', 7), location: { file: 'serverless.yml', line: 7, column: 21, endLine: 7, endColumn: 27 } };
    expect(baselineFingerprint(shifted, new ProjectFiles(root))).toBe(before);
  });

  it('never lets an old finding absorb a new one in another file', () => {
    const baseline = createBaseline([wildcard('serverless.yml', 7)], new ProjectFiles(root));
    const elsewhere = wildcard('other/serverless.yml', 7);
    expect(applyBaseline([elsewhere], baseline, new ProjectFiles(root), 'b.json').findings).toEqual([elsewhere]);
  });

  it('counts identical findings: a second copy beyond the recorded count is new', () => {
    const files = new ProjectFiles(root);
    const baseline = createBaseline([wildcard('serverless.yml', 7)], files);
    const outcome = applyBaseline([wildcard('serverless.yml', 7), wildcard('serverless.yml', 7)], baseline, files, 'b.json');
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.suppressed).toHaveLength(1);
    expect(createBaseline([wildcard('serverless.yml', 7), wildcard('serverless.yml', 7)], files).findings[0]!.count).toBe(2);
  });

  it('drops a fixed finding on the next write', () => {
    const files = new ProjectFiles(root);
    const first = createBaseline([wildcard('serverless.yml', 7), wildcard('other/serverless.yml', 7, `other/${KEY}`)], files);
    const second = createBaseline([wildcard('other/serverless.yml', 7, `other/${KEY}`)], files);
    expect(first.findings).toHaveLength(2);
    expect(second.findings.map((e) => e.file)).toEqual(['other/serverless.yml']);
  });

  it('never records parse errors, internal errors or suppression problems', () => {
    const files = new ProjectFiles(root);
    const broken: Finding = { ...wildcard('serverless.yml', 1), ruleId: 'input/parse-error' };
    const unused: Finding = { ...wildcard('serverless.yml', 1), ruleId: 'suppression/unused' };
    expect(createBaseline([broken, unused], files).findings).toEqual([]);
    const baseline = { version: 1, tool: 'noops-lint' as const, findings: [] };
    expect(applyBaseline([broken], baseline, files, 'b.json').findings).toEqual([broken]);
  });

  it('rejects a file that is not a baseline with a way out', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline('{"version":2,"findings":[]}', 'b.json')).toThrow(/--write-baseline b.json/);
    expect(() => parseBaseline('{"version":1,"findings":[{"count":1}]}', 'b.json')).toThrow(/Entry 1/);
  });
});
