import { describe, expect, it } from 'vitest';
import { foldSameCode } from '../../src/engine/same-code.js';
import type { Finding } from '../../src/model/finding.js';

const at = (line: number) => ({ file: 'src/helpers.js', line, column: 3, endLine: line, endColumn: 20 });
const finding = (fn: string, line = 10, ruleId = 'state/background-work'): Finding => ({
  ruleId,
  severity: 'warning',
  message: `"notify(x)" in ${JSON.stringify(fn)} starts async work that nobody awaits.`,
  location: at(line),
  related: [{ location: at(2), message: `${fn} calls it` }],
  function: fn,
  key: `${ruleId}|${fn}|${line}`,
});

describe('foldSameCode', () => {
  it('one line of shared code reached by several functions is one finding naming them', () => {
    const folded = foldSameCode([finding('sell'), finding('buy'), finding('buy', 20)]);
    expect(folded).toHaveLength(2);
    expect(folded[0]).toMatchObject({
      function: 'buy',
      message: '"notify(x)" in "buy" starts async work that nobody awaits. The same holds for "sell", which runs this code too.',
    });
    expect(folded[0]!.related.map((r) => r.message)).toEqual(['buy calls it', 'sell calls it']);
    expect(folded[1]).toMatchObject({ function: 'buy', location: at(20) });
  });

  it('names five functions and counts the rest; the same input in another order gives the same finding', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const folded = foldSameCode(names.map((n) => finding(n)));
    expect(folded).toHaveLength(1);
    expect(folded[0]!.message).toMatch(/The same holds for "b", "c", "d", "e", "f" and 1 more, which run this code too\.$/);
    expect(foldSameCode([...names].reverse().map((n) => finding(n)))).toEqual(folded);
  });

  it('leaves IAM findings (fold.ts folds them), other rules and different messages alone', () => {
    const iam = [finding('a', 10, 'iam/missing-permission'), finding('b', 10, 'iam/missing-permission')];
    expect(foldSameCode(iam)).toEqual(iam);
    const mixed = [finding('a'), finding('b', 10, 'connection/per-request'), { ...finding('c'), message: 'Something else about "c".' }];
    expect(foldSameCode(mixed)).toEqual(mixed);
  });
});
