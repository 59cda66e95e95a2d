import { describe, it, expect } from 'vitest';
import { annotationLines } from '../../src/action/annotations.js';
import { parseUnifiedDiff } from '../../src/action/changed-files.js';
import type { Finding, Severity } from '../../src/model/finding.js';

function finding(severity: Severity, line: number, file = 'serverless.yml', message = `problem on ${line}`): Finding {
  return { ruleId: `x/${severity}`, severity, message, location: { file, line, column: 3, endLine: line, endColumn: 9 }, related: [], key: `${file}|${line}` };
}

const levelOf = (line: string) => /^::(\w+)/.exec(line)![1];

describe('annotationLines', () => {
  it('caps each level at 10 (9 notices plus the pointer), most severe first', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('note', i + 1)),
      ...Array.from({ length: 11 }, (_, i) => finding('error', 100 + i)),
      ...Array.from({ length: 3 }, (_, i) => finding('warning', 200 + i)),
    ];
    const lines = annotationLines(findings, { moreAt: 'the job summary and code scanning' });
    const levels = lines.map(levelOf);
    expect(levels.filter((l) => l === 'error')).toHaveLength(10);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(3);
    expect(levels.filter((l) => l === 'notice')).toHaveLength(10);
    expect(levels.slice(0, 13)).toEqual([...Array(10).fill('error'), ...Array(3).fill('warning')]);
    expect(lines.at(-1)).toBe('::notice title=noops-lint::4 more findings not annotated here: see the job summary and code scanning.');
  });

  it('puts findings on changed lines first within a level', () => {
    const { lines: changedLines, files } = parseUnifiedDiff('diff --git a/serverless.yml b/serverless.yml\n--- a/serverless.yml\n+++ b/serverless.yml\n@@ -20,0 +21,2 @@\n+a\n+b\n');
    const findings = Array.from({ length: 30 }, (_, i) => finding('error', i + 1));
    const lines = annotationLines(findings, { changed: { files, lines: changedLines, range: 'x..HEAD', base: 'x' }, moreAt: 'the summary' });
    expect(lines[0]).toContain('line=21,');
    expect(lines[1]).toContain('line=22,');
    expect(lines[2]).toContain('line=1,');
  });

  it('escapes properties and data as the toolkit does, and sends columns only on single-line regions', () => {
    const multi: Finding = { ...finding('warning', 4, 'a,b:c.yml', '50% done\nnext'), location: { file: 'a,b:c.yml', line: 4, column: 1, endLine: 6, endColumn: 2 } };
    expect(annotationLines([multi], { moreAt: 'x' })).toEqual(['::warning file=a%2Cb%3Ac.yml,line=4,endLine=6,title=x/warning::50%25 done%0Anext']);
  });

  it('prints nothing for a clean run', () => {
    expect(annotationLines([], { moreAt: 'x' })).toEqual([]);
  });
});

describe('parseUnifiedDiff', () => {
  it('reads new-side ranges, pure deletions and quoted names', () => {
    const diff = [
      'diff --git a/x.yml b/x.yml',
      '--- a/x.yml',
      '+++ b/x.yml',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '@@ -10,2 +9,0 @@',
      'diff --git "a/caf\\303\\251.yml" "b/caf\\303\\251.yml"',
      '--- /dev/null',
      '+++ "b/caf\\303\\251.yml"',
      '@@ -0,0 +1,3 @@',
    ].join('\n');
    const parsed = parseUnifiedDiff(diff);
    expect(parsed.files).toEqual(['café.yml', 'x.yml']);
    expect(parsed.lines.get('x.yml')).toEqual([{ start: 1, end: 1 }]);
    expect(parsed.lines.get('café.yml')).toEqual([{ start: 1, end: 3 }]);
  });
});
