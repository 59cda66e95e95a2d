// state/module-mutation on the example projects.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/state/module-mutation.js';
import { placed, runOnExample } from '../../helpers/example-projects.js';

describe('state/module-mutation on the examples', () => {
  it('reports processed.push in reportOrders, naming the variable and the leak', () => {
    const findings = runOnExample(rule, 'orders');
    expect(placed(findings)).toEqual(['src/report.ts:19 reportOrders']);
    expect(findings[0]!.message).toContain('the module-scope variable "processed" ("processed.push(id)")');
    expect(findings[0]!.message).toMatch(/between requests, and between users/);
    expect(findings[0]!.related[0]).toMatchObject({ location: { file: 'src/report.ts', line: 7 } });
  });

  it('leaves the local results array of the thumbnail handler and the container alone', () => {
    expect(runOnExample(rule, 'thumbnails')).toEqual([]);
    expect(runOnExample(rule, 'container-service')).toEqual([]);
  });
});
