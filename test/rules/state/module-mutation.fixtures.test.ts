// Runs every fixture case of state/module-mutation through the real loaders and analysis.
import rule from '../../../rules/state/module-mutation.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
