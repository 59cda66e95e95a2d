// Notes functions that run without active X-Ray tracing, so a slow or failing request cannot be
// followed through them.
import { defineRule } from '../../src/engine/rule.js';
import { describeValue, isIntrinsic, isUnresolved } from '../../src/model/values.js';
import { quote } from '../../src/util/quote.js';
export default defineRule({
    id: 'ops/tracing-disabled',
    category: 'ops',
    severity: 'note',
    description: 'A function runs without active tracing.',
    fullDescription: "Without active tracing a function's invocations and its calls to other AWS services are not recorded in X-Ray, so a slow or failing request cannot be followed across the functions, queues and tables it touches. The rule reports each function whose tracing mode, after provider and Globals defaults, is missing, PassThrough or Disabled. A mode set by a parameter or an intrinsic is not judged. Active tracing adds a small cost per traced request and needs xray:PutTraceSegments and xray:PutTelemetryRecords on the role (Serverless and SAM add them).",
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
            const tracing = fn.tracing;
            const base = { at: fn.location, key: `${fn.id}|tracing`, function: fn.name, data: { function: quote(fn.name) } };
            if (!tracing) {
                report({ ...base, messageId: 'notSet' });
                continue;
            }
            const mode = tracing.value;
            if (isUnresolved(mode) || isIntrinsic(mode))
                continue; // !Ref TracingMode: decided at deploy time
            if (mode === 'Active' || mode === true)
                continue;
            report({
                ...base,
                messageId: 'notActive',
                data: { function: quote(fn.name), mode: quote(describeValue(mode)) },
                related: [{ location: tracing.location, message: `tracing is ${quote(describeValue(mode))} here` }],
            });
        }
    },
});
