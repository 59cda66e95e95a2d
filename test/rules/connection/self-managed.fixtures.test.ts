// Runs every fixture case of connection/self-managed through the real loaders and analysis.
import rule from '../../../rules/connection/self-managed.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
