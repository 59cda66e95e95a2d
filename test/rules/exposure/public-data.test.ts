// exposure/public-data: its fixtures.
import rule from '../../../rules/exposure/public-data.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);
