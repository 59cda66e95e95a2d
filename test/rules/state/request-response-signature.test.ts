// state/request-response-signature: a (req, res) route of a container service is not a Lambda handler.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/state/request-response-signature.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  atLeastAsManyGoodCases: true,
  valid: [
    { name: 'container-service: the (req, res) route handler of a container', dir: 'fixtures/projects/container-service' },
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
  ],
});

describe('state/request-response-signature findings', () => {
  it('points at the response use', () => {
    expect(ruleTester.lint(rule, 'bad/express-style-handler').findings.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['src/handler.js:2']);
  });
});
