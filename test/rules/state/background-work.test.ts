// state/background-work: its fixtures, and silence on the example projects.
import rule from '../../../rules/state/background-work.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  atLeastAsManyGoodCases: true,
  valid: [
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
    { name: 'container-service', dir: 'fixtures/projects/container-service' },
  ],
});
