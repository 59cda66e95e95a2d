// Runs every fixture case of state/request-response-signature through the real loaders and analysis.
import rule from '../../../rules/state/request-response-signature.js';
import { describeHandlerFixtures } from '../../helpers/handler-fixture-suite.js';

describeHandlerFixtures(rule);
