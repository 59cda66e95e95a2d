// ops/missing-health-endpoint on the container example, and where the server entry comes from.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/missing-health-endpoint.js';
import { placed, runOnExample } from '../../helpers/example-projects.js';

describe('ops/missing-health-endpoint on the examples', () => {
  it('reports at app.listen of the container example', () => {
    const findings = runOnExample(rule, 'container-service');
    expect(placed(findings)).toEqual(['server.js:9 myservice']);
    expect(findings[0]!.message).toContain('registers no health route');
  });

  it('has nothing to say about function projects', () => {
    expect(runOnExample(rule, 'orders')).toEqual([]);
    expect(runOnExample(rule, 'thumbnails')).toEqual([]);
  });
});
