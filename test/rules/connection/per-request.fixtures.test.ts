// Runs every fixture case of connection/per-request through the real loaders and analysis.
import rule from '../../../rules/connection/per-request.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
