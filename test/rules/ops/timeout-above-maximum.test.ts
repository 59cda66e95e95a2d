// ops/timeout-above-maximum: a timeout Lambda rejects.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/timeout-above-maximum.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { aboveMaximum, behindApis, sharedTimeout, someDefaults } from './timeout-projects.js';

ruleTester.run(rule, {
  valid: [
    { name: 'API integration timeouts are ops/limits\'s', files: behindApis },
    { name: 'a shared timeout below the maximum', files: sharedTimeout },
    { name: 'the defaults are ops/default-limits\'s', files: someDefaults },
  ],
  invalid: [
    {
      name: 'above 900 seconds, at the timeout',
      files: aboveMaximum,
      errors: [{ messageId: 'aboveMaximum', file: 'serverless.yml', line: 8, function: 'fn0' }],
    },
  ],
});

describe('ops/timeout-above-maximum findings', () => {
  it('is an error', () => {
    expect(ruleTester.lint(rule, { files: aboveMaximum }).findings.map((f) => f.severity)).toEqual(['error']);
  });
});
