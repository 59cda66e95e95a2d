// Finds Lambda functions on a runtime whose deprecation has reached the update block: they can no longer be updated.
import { defineRule, runtimeFindings } from '../kit.js';

export default defineRule({
  id: 'ops/blocked-runtime',
  category: 'ops',
  severity: 'error',
  description: 'A function runs on a Lambda runtime that can no longer be updated.',
  fullDescription:
    'Some weeks after Lambda deprecates a runtime it blocks updates to the functions that use it: a deployment that changes their code or configuration fails, so even an urgent fix cannot ship without a runtime upgrade. The rule reads the dates from AWS\'s runtime table (src/data/lambda-runtimes.json). A runtime shared by several functions (provider.runtime, Globals) is reported once, at the line that sets it. A deprecated runtime before the block is ops/deprecated-runtime.',
  help: 'Move to a supported runtime and test the function with it, for example `runtime: nodejs22.x` instead of `nodejs16.x`.\ncdk-nag: AwsSolutions-L1.',
  precision: 'very-high',
  tags: ['security', 'maintainability', 'external/cwe/cwe-1104'],
  securitySeverity: 5.3,
  messages: {
    blocked: '{{runtime}} is no longer supported: Lambda stopped patching it on {{deprecated}} and has blocked updates to functions using it since {{blockUpdate}} ({{functions}}).{{upgrade}}',
  },
  defaultOptions: {},
  check({ project, now, report }) {
    for (const found of runtimeFindings(project, now, 'error')) report(found);
  },
});
