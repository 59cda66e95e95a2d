// Runs Microsoft's SARIF multitool (GitHub's own ingestion rules) on our SARIF when CI provides it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { sarif } from '../../src/report/sarif.js';
import { emptyResult, sampleResult } from './sample-result.js';

// Set by .ci/run from `node scripts/sarif-multitool.mjs`.
const multitool = process.env.NOOPS_SARIF_MULTITOOL;
if (!multitool) {
  console.log('sarif-multitool.test.ts: skipped: NOOPS_SARIF_MULTITOOL is not set (node scripts/sarif-multitool.mjs prints the path)');
}

const cases = {
  sample: () => sarif(sampleResult(), { color: false }),
  'with-category-and-prefix': () => sarif(sampleResult(), { color: false, sarifCategory: 'serverless', cwdPrefix: 'services/api' }),
  empty: () => sarif(emptyResult(), { color: false }),
};

describe.skipIf(!multitool)('sarif-multitool validate (Sarif, Gh, Ghas rules)', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'noops-lint-sarif-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  for (const [name, render] of Object.entries(cases)) {
    it(`${name}: no error or warning`, () => {
      const input = path.join(directory, `${name}.sarif`);
      const output = path.join(directory, `${name}.validation.sarif`);
      writeFileSync(input, render());
      // The exit code is 0 whatever it finds: the verdict is in the log's results.
      execFileSync(multitool!, ['validate', '--rule-kind', 'Sarif;Gh;Ghas', '--level', 'Error;Warning', '-o', output, input], {
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      });
      const validation = JSON.parse(readFileSync(output, 'utf8'));
      const problems = validation.runs.flatMap((run: { results?: Array<{ ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }> }) =>
        (run.results ?? []).map((result) => `${result.ruleId} ${result.level ?? 'warning'} ${result.message.id ?? ''} ${(result.message.arguments ?? []).join(' | ')}`),
      );
      expect(problems).toEqual([]);
      const notifications = validation.runs.flatMap((run: { invocations?: Array<{ toolExecutionNotifications?: Array<{ level?: string; message: { text: string } }> }> }) =>
        (run.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? []),
      );
      expect(notifications.filter((notification: { level?: string }) => notification.level === 'error')).toEqual([]);
    });
  }
});
