// Runs every fixture case of ops/missing-health-endpoint through the real loaders and analysis.
import rule from '../../../rules/ops/missing-health-endpoint.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
