// ops/catch-all-health-check: its fixtures.
import rule from '../../../rules/ops/catch-all-health-check.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);
