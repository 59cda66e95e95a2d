// Runs every fixture case of state/filesystem through the real loaders and analysis.
import rule from '../../../rules/state/filesystem.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
