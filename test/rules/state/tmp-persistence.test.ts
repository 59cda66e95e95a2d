// state/tmp-persistence: its fixtures.
import rule from '../../../rules/state/tmp-persistence.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);
