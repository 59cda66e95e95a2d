import { describe, it, expect } from 'vitest';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/action/summary.js';
import type { Finding } from '../../src/model/finding.js';

function finding(i: number, message = `Problem | number ${i}`): Finding {
  return { ruleId: i % 2 ? 'iam/wildcard-action' : 'ops/tracing-disabled', severity: i % 2 ? 'error' : 'note', message, location: { file: `svc/serverless.yml`, line: i + 1, column: 1, endLine: i + 1, endColumn: 2 }, related: [], key: String(i) };
}

describe('renderSummary', () => {
  it('counts by rule and severity, lists findings with escaped cells, and the permission table', () => {
    const text = renderSummary({
      findings: [finding(1), finding(2), finding(3)],
      suppressed: [{ finding: finding(4), suppressions: [{ kind: 'external', source: 'baseline', justification: 'b' }] }],
      failOn: 'error',
      exitCode: 1,
      permissions: [
        { function: 'create', manifest: 'svc/serverless.yml', needed: ['dynamodb:PutItem'], granted: ['dynamodb:*'], missing: [], unused: [] },
        { function: 'list', manifest: 'svc/serverless.yml', needed: ['dynamodb:Query'], granted: ['s3:GetObject'], missing: ['dynamodb:Query'], unused: ['s3:GetObject'], caveat: 'not all grants of ListRole are known' },
      ],
      blobBase: 'https://github.com/acme/shop/blob/abc/',
    });
    expect(text).toContain('**❌ Failed** (fail-on: `error`): 2 errors, 0 warnings, 1 note.');
    expect(text).toContain('| `iam/wildcard-action` | 2 | 0 | 0 |');
    expect(text).toContain('| `ops/tracing-disabled` | 0 | 0 | 1 |');
    expect(text).toContain('[`svc/serverless.yml:2`](https://github.com/acme/shop/blob/abc/svc/serverless.yml#L2) | Problem \\| number 1 |');
    expect(text).toContain('| `create` (svc/serverless.yml) | `dynamodb:PutItem` | `dynamodb:*` | ✅ none | ✅ none |');
    expect(text).toContain('| `list` (svc/serverless.yml)<br>⚠️ not all grants of ListRole are known | `dynamodb:Query` | `s3:GetObject` | `dynamodb:Query` | `s3:GetObject` |');
    expect(text).toContain('1 finding suppressed: 0 inline, 0 by resource Metadata, 1 by the baseline');
  });

  it('says so when a clean run passes, without the suppression help', () => {
    const text = renderSummary({ findings: [], suppressed: [], failOn: 'warning', exitCode: 0 });
    expect(text).toContain('**✅ Passed** (fail-on: `warning`): 0 errors, 0 warnings, 0 notes.');
    expect(text).not.toContain('How to suppress');
  });

  it('stays under the 1 MiB step-summary limit', () => {
    const huge = Array.from({ length: 60 }, (_, i) => finding(i, 'x'.repeat(40_000)));
    const text = renderSummary({ findings: huge, suppressed: [], failOn: 'error', exitCode: 1 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(text).toContain('the summary was cut');
  });

  it('escapes HTML and Markdown from user-controlled strings', () => {
    const hostile = finding(1, 'Function "[click](https://evil.example) **bold** <img src=x onerror=alert(1)> `x`" is bad');
    hostile.location = { ...hostile.location, file: 'svc/a)(b/serverless.yml' };
    const text = renderSummary({
      findings: [hostile],
      suppressed: [],
      failOn: 'error',
      exitCode: 1,
      permissions: [{ function: 'fn`|<b>', manifest: 'svc/serverless.yml', needed: [], granted: [], missing: [], unused: [] }],
      blobBase: 'https://github.com/acme/shop/blob/abc/',
    });
    expect(text).not.toContain('<img');
    expect(text).not.toContain('](https://evil.example)');
    expect(text).not.toContain('**bold**');
    expect(text).toContain('\\[click\\]\\(https://evil.example\\)');
    expect(text).toContain('svc/a%29%28b/serverless.yml#L2');
    expect(text).toContain("`fn'\\|<b>`");
  });
});

