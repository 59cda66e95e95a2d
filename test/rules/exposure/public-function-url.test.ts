// exposure/public-function-url: its fixtures.
import rule from '../../../rules/exposure/public-function-url.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);
