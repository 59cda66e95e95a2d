// Notes functions that run without active X-Ray tracing, so a slow or failing request cannot be
// followed through them.
import { defineRule, describeValue, type FunctionModel, isIntrinsic, isUnresolved, type Location, locationOfKey, quote, type ServiceModel } from '../kit.js';

export default defineRule<Record<string, never>, 'notSet' | 'notSetMany' | 'notActive'>({
  id: 'ops/tracing-disabled',
  category: 'ops',
  severity: 'note',
  strictOnly: true,
  description: 'A function runs without active tracing.',
  fullDescription:
    "Without active tracing a function's invocations and its calls to other AWS services are not recorded in X-Ray, so a slow or failing request cannot be followed across the functions, queues and tables it touches. The rule reports, once per service, the functions whose tracing mode is missing after provider and Globals defaults, and each function that sets PassThrough or Disabled. A mode set by a parameter or an intrinsic is not judged, and an OpenTelemetry (ADOT) layer or an AWS_LAMBDA_EXEC_WRAPPER counts as tracing. Off in the recommended preset (most projects trace on purpose or not at all); on in noops-lint:strict.",
  help: 'Turn tracing on for every function: Serverless `provider: { tracing: { lambda: true } }`, SAM `Globals: { Function: { Tracing: Active } }`, CloudFormation `TracingConfig: { Mode: Active }`; or instrument with the ADOT Lambda layer.',
  precision: 'very-high',
  tags: ['observability'],
  messages: {
    notSet: '{{function}} runs without active tracing: its requests and the AWS calls it makes are not recorded in X-Ray.',
    notSetMany: '{{count}} functions of this service run without active tracing ({{functions}}): their requests and the AWS calls they make are not recorded in X-Ray. Turn it on once for the service.',
    notActive: '{{function}} sets its tracing mode to {{mode}}, so it does not start traces: its requests and the AWS calls it makes are not recorded in X-Ray.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const untraced: FunctionModel[] = [];
      for (const fn of service.functions) {
        if (instrumented(fn)) continue;
        const tracing = fn.tracing;
        if (!tracing) {
          untraced.push(fn);
          continue;
        }
        const mode = tracing.value;
        if (isUnresolved(mode) || isIntrinsic(mode)) continue; // !Ref TracingMode: decided at deploy time
        if (mode === 'Active' || mode === true) continue;
        report({
          at: fn.location,
          key: `${fn.id}|tracing`,
          function: fn.name,
          messageId: 'notActive',
          data: { function: quote(fn.name), mode: quote(describeValue(mode)) },
          related: [{ location: tracing.location, message: `tracing is ${quote(describeValue(mode))} here` }],
        });
      }
      if (untraced.length === 1) {
        const fn = untraced[0]!;
        report({ at: fn.location, key: `${fn.id}|tracing`, function: fn.name, messageId: 'notSet', data: { function: quote(fn.name) } });
      } else if (untraced.length > 1) {
        // One finding per service, where tracing is turned on for all of them (provider, Globals), naming them.
        const names = untraced.map((fn) => quote(fn.name));
        report({
          at: serviceDefaultsLocation(service) ?? untraced[0]!.location,
          key: `${service.id}|tracing`,
          messageId: 'notSetMany',
          data: { count: untraced.length, functions: names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ') },
          related: untraced.map((fn) => ({ location: fn.location, message: `${quote(fn.name)} has no tracing` })),
        });
      }
    }
  },
});

/** The place tracing is set for every function: Serverless `provider`, SAM `Globals`, else undefined. */
function serviceDefaultsLocation(service: ServiceModel): Location | undefined {
  const key = service.kind === 'serverless' ? 'provider' : service.kind === 'sam' ? 'Globals' : undefined;
  return key ? locationOfKey(service.document, key) : undefined;
}

/** An OpenTelemetry (ADOT) layer or an exec wrapper instruments the function without X-Ray active tracing. */
function instrumented(fn: FunctionModel): boolean {
  if (fn.environment.some((variable) => variable.name === 'AWS_LAMBDA_EXEC_WRAPPER' && typeof variable.value === 'string' && variable.value !== '')) return true;
  const layers = fn.properties.layers ?? fn.properties.Layers;
  return Array.isArray(layers) && layers.some((layer) => typeof layer === 'string' && /aws-otel|opentelemetry|AWSOpenTelemetryDistro/i.test(layer));
}
