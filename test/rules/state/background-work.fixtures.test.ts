// Runs every fixture case of state/background-work through the real loaders and analysis.
import rule from '../../../rules/state/background-work.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
