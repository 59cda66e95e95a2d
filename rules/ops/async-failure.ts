// Finds events that are lost when a function fails: asynchronously invoked functions with no dead-letter queue or
// on-failure destination, SQS-triggered functions whose queue has no redrive policy, and functions that can never
// run because their reserved concurrency is 0.
import { defineRule, type EventModel, type FunctionModel, isIntrinsic, isUnresolved, locationOfKey, quote, quoteEach, readProperty, type RelatedLocation, type ResourceModel } from '../kit.js';

type MessageId = 'noFailureDestination' | 'queueWithoutRedrive' | 'zeroConcurrency';

/** Event types AWS delivers with an asynchronous invocation: Lambda retries twice, then drops the event. */
const ASYNC_EVENT_TYPES = new Set(['s3', 'sns', 'schedule', 'eventbridge']);
const ASYNC_RAW_TYPES = new Set(['iot', 'IoTRule', 'cloudwatchLog', 'CloudWatchLogs', 'ses', 'codeCommit', 'CodeCommit']);
/** Event types whose records wait in a queue or stream while the function cannot run. */
const POLLED_EVENT_TYPES = new Set(['sqs', 'kinesis', 'dynamodb-stream']);

export default defineRule<Record<string, never>, MessageId>({
  id: 'ops/async-failure',
  category: 'ops',
  severity: 'error',
  description: 'Events are lost when the function fails: no dead-letter queue, on-failure destination or redrive policy.',
  fullDescription:
    'S3, SNS, EventBridge, schedules, IoT and CloudWatch Logs invoke a function asynchronously: when it fails, Lambda retries ' +
    'twice and then drops the event, unless the function has a dead-letter queue (SAM `DeadLetterQueue`, CloudFormation ' +
    '`DeadLetterConfig`, Serverless `onError`) or an on-failure destination (`EventInvokeConfig`, `destinations.onFailure`, an ' +
    '`AWS::Lambda::EventInvokeConfig`). An SQS queue without a RedrivePolicy hands a message that always fails to the function ' +
    'again and again until its retention period ends, then deletes it. A function with ReservedConcurrentExecutions 0 can never ' +
    'run: every event sent to it is throttled. Queues defined outside the template, queues that are themselves dead-letter ' +
    'queues, and values set by parameters are not judged.',
  help:
    'Give the function somewhere to put failed events, for example SAM `EventInvokeConfig: { DestinationConfig: { OnFailure: ' +
    '{ Type: SQS, Destination: !GetAtt FailedEvents.Arn } } }` or `DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt ' +
    'FailedEvents.Arn }`, Serverless `destinations: { onFailure: arn:... }`; give a source queue `RedrivePolicy: { ' +
    'deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5 }`. Remove `ReservedConcurrentExecutions: 0` unless the ' +
    'function is meant to be switched off.',
  precision: 'high',
  tags: ['reliability', 'operations'],
  messages: {
    noFailureDestination:
      '{{function}} is invoked asynchronously ({{events}}) but has no dead-letter queue or on-failure destination: an event that still fails after two retries is dropped without a trace.',
    queueWithoutRedrive:
      'Queue {{queue}} that triggers {{function}} has no RedrivePolicy: a message that always fails is received again and again until its retention period ends, then deleted.',
    zeroConcurrency: '{{function}} has ReservedConcurrentExecutions 0, so it can never run: every {{events}} event sent to it is throttled{{outcome}}.',
  },
  defaultOptions: {},
  check({ project, report }) {
    const invokeConfigs = new Set<string>();
    const deadLetterQueues = new Set<string>();
    for (const resource of project.resources) {
      if (resource.type === 'AWS::Lambda::EventInvokeConfig' && readProperty(resource.properties, 'DestinationConfig.OnFailure').kind !== 'missing') {
        const name = referencedName(resource.properties.FunctionName);
        if (name) invokeConfigs.add(`${resource.service.id}|${name}`);
      }
      if (resource.type === 'AWS::SQS::Queue') {
        const target = readProperty(resource.properties, 'RedrivePolicy.deadLetterTargetArn');
        const name = target.kind === 'unknown' || target.kind === 'value' ? referencedName(target.value) : undefined;
        if (name) deadLetterQueues.add(`${resource.service.id}|${name}`);
      }
    }

    for (const fn of project.functions) {
      const asyncEvents = fn.events.filter(isAsyncEvent);
      const polledEvents = fn.events.filter((e) => POLLED_EVENT_TYPES.has(e.normalizedType));
      const zero = zeroConcurrency(fn);
      if (zero && (asyncEvents.length > 0 || polledEvents.length > 0)) {
        const kinds = [...new Set([...asyncEvents, ...polledEvents].map((e) => e.type))];
        const protectedAsync = asyncEvents.length > 0 && hasFailureDestination(fn, invokeConfigs);
        const outcome = asyncEvents.length === 0 ? ' and waits in its queue or stream' : protectedAsync ? ' and ends in its failure destination' : ' and dropped';
        report({
          messageId: 'zeroConcurrency',
          data: { function: quote(fn.name), events: kinds.join(', '), outcome },
          at: zero,
          function: fn.name,
          related: [...asyncEvents, ...polledEvents].map((e) => ({ location: e.location, message: `${e.type} event` })),
          key: `${fn.id}|reserved-concurrency-0`,
        });
        continue;
      }
      if (asyncEvents.length > 0 && !hasFailureDestination(fn, invokeConfigs)) {
        const related: RelatedLocation[] = asyncEvents.map((e) => ({ location: e.location, message: `${e.type} event` }));
        report({
          messageId: 'noFailureDestination',
          data: { function: quote(fn.name), events: quoteEach([...new Set(asyncEvents.map((e) => e.type))]) },
          at: fn.location,
          function: fn.name,
          related,
          key: `${fn.id}|async-failure`,
        });
      }
      for (const event of fn.events) {
        if (event.normalizedType !== 'sqs') continue;
        const queue = sourceQueue(event, fn.service.resources);
        if (!queue || deadLetterQueues.has(`${queue.service.id}|${queue.logicalId}`)) continue;
        const redrive = readProperty(queue.properties, 'RedrivePolicy');
        if (redrive.kind !== 'missing') continue;
        report({
          messageId: 'queueWithoutRedrive',
          data: { queue: quote(queue.logicalId), function: quote(fn.name) },
          at: event.location,
          function: fn.name,
          related: [{ location: queue.location, message: `Queue ${quote(queue.logicalId)} is declared here.` }],
          key: `${fn.id}|${queue.logicalId}|redrive`,
        });
      }
    }
  },
});

function isAsyncEvent(event: EventModel): boolean {
  return ASYNC_EVENT_TYPES.has(event.normalizedType) || ASYNC_RAW_TYPES.has(event.type);
}

/** Where `ReservedConcurrentExecutions: 0` (Serverless `reservedConcurrency: 0`) is written. */
function zeroConcurrency(fn: FunctionModel) {
  const key = fn.service.kind === 'serverless' ? 'reservedConcurrency' : 'ReservedConcurrentExecutions';
  const value = fn.properties[key];
  if (value !== 0 && value !== '0') return undefined;
  return locationOfKey(fn.properties, key) ?? fn.location;
}

/** A dead-letter queue or on-failure destination, in any of the forms the manifests write them. */
function hasFailureDestination(fn: FunctionModel, invokeConfigs: Set<string>): boolean {
  if (fn.deadLetterTarget) return true;
  const props = fn.properties;
  if (readProperty(props, 'EventInvokeConfig.DestinationConfig.OnFailure').kind !== 'missing') return true;
  // serverless-plugin-lambda-dead-letter
  if (readProperty(props, 'deadLetter').kind !== 'missing') return true;
  const names = [fn.name, typeof props.FunctionName === 'string' ? props.FunctionName : undefined].filter(Boolean);
  return names.some((name) => invokeConfigs.has(`${fn.service.id}|${name}`));
}

/** The queue of the template an SQS event reads: `!GetAtt Queue.Arn`, `!Ref Queue` (SAM), or the queue's literal name in an ARN. */
function sourceQueue(event: EventModel, resources: readonly ResourceModel[]): ResourceModel | undefined {
  const queues = resources.filter((r) => r.type === 'AWS::SQS::Queue');
  const source = event.source;
  const name = referencedName(source);
  if (name) return queues.find((q) => q.logicalId === name);
  if (typeof source === 'string') {
    const queueName = /^arn:[^:]+:sqs:[^:]*:[^:]*:(.+)$/.exec(source)?.[1];
    if (queueName) return queues.find((q) => q.properties.QueueName === queueName);
  }
  return undefined;
}

/** The logical id in `!Ref X`, `!GetAtt X.Arn` or `!Sub ${X.Arn}`. */
function referencedName(value: unknown): string | undefined {
  if (isUnresolved(value) || !isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return /^\$\{([A-Za-z0-9]+)(?:\.Arn)?\}$/.exec(sub)?.[1];
  return undefined;
}
