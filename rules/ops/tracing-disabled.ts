// Notes functions that run without active X-Ray tracing, so a slow or failing request cannot be
// followed through them.
import { defineRule } from '../../src/engine/rule.js';
import type { FunctionModel } from '../../src/model/project.js';
import { describeValue, isIntrinsic, isUnresolved } from '../../src/model/values.js';
import { quote } from '../../src/util/quote.js';

export default defineRule<Record<string, never>, 'notSet' | 'notActive'>({
  id: 'ops/tracing-disabled',
  category: 'ops',
  severity: 'note',
  description: 'A function runs without active tracing.',
  fullDescription:
    "Without active tracing a function's invocations and its calls to other AWS services are not recorded in X-Ray, so a slow or failing request cannot be followed across the functions, queues and tables it touches. The rule reports each function whose tracing mode, after provider and Globals defaults, is missing, PassThrough or Disabled. A mode set by a parameter or an intrinsic is not judged, and a function run through the AWS Distro for OpenTelemetry wrapper (`AWS_LAMBDA_EXEC_WRAPPER: /opt/otel-handler` with the ADOT layer) is traced by it. Active tracing adds a small cost per traced request and needs xray:PutTraceSegments and xray:PutTelemetryRecords on the role (Serverless and SAM add them).",
  help: 'Turn tracing on for every function: Serverless `provider: { tracing: { lambda: true } }`, SAM `Globals: { Function: { Tracing: Active } }`, CloudFormation `TracingConfig: { Mode: Active }`.',
  precision: 'very-high',
  tags: ['observability'],
  messages: {
    notSet: '{{function}} runs without active tracing: its requests and the AWS calls it makes are not recorded in X-Ray.',
    notActive: '{{function}} sets its tracing mode to {{mode}}, so it does not start traces: its requests and the AWS calls it makes are not recorded in X-Ray.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const fn of project.functions) {
      // The AWS Distro for OpenTelemetry layer traces the function through its exec wrapper, whatever the X-Ray mode.
      if (isOpenTelemetryWrapped(fn)) continue;
      const tracing = fn.tracing;
      const base = { at: fn.location, key: `${fn.id}|tracing`, function: fn.name, data: { function: quote(fn.name) } };
      if (!tracing) {
        report({ ...base, messageId: 'notSet' });
        continue;
      }
      const mode = tracing.value;
      if (isUnresolved(mode) || isIntrinsic(mode)) continue; // !Ref TracingMode: decided at deploy time
      if (mode === 'Active' || mode === true) continue;
      report({
        ...base,
        messageId: 'notActive',
        data: { function: quote(fn.name), mode: quote(describeValue(mode)) },
        related: [{ location: tracing.location, message: `tracing is ${quote(describeValue(mode))} here` }],
      });
    }
  },
});

/** `AWS_LAMBDA_EXEC_WRAPPER: /opt/otel-handler` (or otel-instrument, otel-sqs-handler ...): the ADOT layer's wrapper. */
function isOpenTelemetryWrapped(fn: FunctionModel): boolean {
  return fn.environment.some((v) => v.name === 'AWS_LAMBDA_EXEC_WRAPPER' && typeof v.value === 'string' && /^\/opt\/otel-[a-z-]+$/.test(v.value.trim()));
}
