// state/unbounded-cache: its fixtures.
import rule from '../../../rules/state/unbounded-cache.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);
