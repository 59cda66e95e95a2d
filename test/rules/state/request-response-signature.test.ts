// state/request-response-signature: a (req, res) route of a container service is not a Lambda handler.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/state/request-response-signature.js';
import { handlerFixtureCases } from '../../helpers/handler-analysis.js';
import { runOnExample } from '../../helpers/example-projects.js';

describe('state/request-response-signature', () => {
  it('does not report the (req, res) route handler of the container example', () => {
    expect(runOnExample(rule, 'container-service')).toEqual([]);
  });

  it('stays silent on the function examples', () => {
    expect(runOnExample(rule, 'orders')).toEqual([]);
    expect(runOnExample(rule, 'thumbnails')).toEqual([]);
  });

  it('points at the response use from the finding', () => {
    const bad = handlerFixtureCases(rule).find((c) => c.name === 'express-style-handler');
    expect(bad?.reported).toEqual(['src/handler.js:2']);
  });
});
