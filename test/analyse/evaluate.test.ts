// The constant evaluator behind request inputs: literals, templates, constants across files, env variables.
import { describe, it, expect } from 'vitest';
import { concatenate } from '../../src/analyse/evaluate.js';
import { analyseInline } from './stub-project.js';

/** The evaluated input of the single `send` in `code`. */
function inputOf(code: string, extra: Record<string, string> = {}) {
  const { usages } = analyseInline(
    {
      'h.ts': `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\n${code}`,
      ...extra,
    },
    { fn: 'h.handler' },
  );
  const usage = usages.get('fn')!;
  expect(usage.calls).toHaveLength(1);
  return usage.calls[0]!.input;
}

describe('evaluating inputs', () => {
  it('literals, numbers, booleans, arrays and nested objects', () => {
    expect(inputOf(`export const handler = () => sqs.send(new SendMessageCommand({ QueueUrl: 'q', DelaySeconds: 5, Flag: true, List: ['a', 1] }));`)).toEqual({
      kind: 'object',
      properties: {
        QueueUrl: { kind: 'string', value: 'q' },
        DelaySeconds: { kind: 'number', value: 5 },
        Flag: { kind: 'boolean', value: true },
        List: { kind: 'array', items: [{ kind: 'string', value: 'a' }, { kind: 'number', value: 1 }] },
      },
    });
  });

  it('process.env in member, element and template forms', () => {
    const input = inputOf(
      "export const handler = () => sqs.send(new SendMessageCommand({ A: process.env.QUEUE, B: process.env['QUEUE'], C: `${process.env.BASE}/queue`, D: 'https://' + process.env.HOST + '/q', E: process.env.Q ?? 'default' }));",
    );
    expect(input).toEqual({
      kind: 'object',
      properties: {
        A: { kind: 'env', name: 'QUEUE', prefix: '', suffix: '' },
        B: { kind: 'env', name: 'QUEUE', prefix: '', suffix: '' },
        C: { kind: 'env', name: 'BASE', prefix: '', suffix: '/queue' },
        D: { kind: 'env', name: 'HOST', prefix: 'https://', suffix: '/q' },
        E: { kind: 'env', name: 'Q', prefix: '', suffix: '' },
      },
    });
  });

  it('constants in scope, at module scope and imported from another file (also through require)', () => {
    const input = inputOf(
      `import { STAGE } from './config';\nconst { QUEUES } = require('./queues');\nconst PREFIX = 'orders';\nexport const handler = () => { const name = \`\${PREFIX}-\${STAGE}\`; return sqs.send(new SendMessageCommand({ QueueUrl: name, Other: QUEUES.dead })); };`,
      { 'config.ts': `export const STAGE = 'prod';`, 'queues.js': `module.exports = { QUEUES: { dead: 'dlq' } };` },
    );
    expect(input).toMatchObject({ properties: { QueueUrl: { kind: 'string', value: 'orders-prod' }, Other: { kind: 'string', value: 'dlq' } } });
  });

  it('keeps the literal prefix of a template with a run-time part; parameters are unknown', () => {
    const input = inputOf("export const handler = (event: { id: string }) => sqs.send(new SendMessageCommand({ Key: `thumbs/${event.id}.png`, Id: event.id }));");
    expect(input).toMatchObject({
      properties: {
        Key: { kind: 'partial', prefix: 'thumbs/' },
        Id: { kind: 'unknown', reason: '`event.id`: `event` is a parameter' },
      },
    });
  });

  it('a reassigned let is unknown; spreads of known objects merge', () => {
    const input = inputOf(
      "let queue = 'a';\nexport const handler = () => { queue = 'b'; const base = { QueueUrl: 'q' }; return sqs.send(new SendMessageCommand({ ...base, MessageBody: queue })); };",
    );
    expect(input).toMatchObject({ properties: { QueueUrl: { kind: 'string', value: 'q' }, MessageBody: { kind: 'unknown', reason: '`queue` is reassigned' } } });
  });
});

describe('calls of local helpers', () => {
  const configModule = [
    'function required(name) {',
    '  const value = process.env[name];',
    '  if (!value) throw new Error(`Missing ${name}`);',
    '  return value;',
    '}',
    'function optional(name, fallback) { return process.env[name] ?? fallback; }',
    'const withDefault = (name, fallback = `${name}_DEFAULT`) => process.env[name] || fallback;',
    'const config = {',
    "  queue: required('QUEUE_URL'),",
    "  stage: optional('STAGE', 'dev'),",
    "  region: withDefault('REGION'),",
    "  get dlq() { return required('DLQ_URL'); },",
    '};',
    'module.exports = { config, required };',
  ].join('\n');

  it('evaluates env helpers with constant arguments, through a config object, a getter and an import', () => {
    const input = inputOf(
      "const { config } = require('./config');\nconst { required } = require('./config');\nimport * as helpers from './config';\nexport const handler = () => sqs.send(new SendMessageCommand({ A: config.queue, B: config.stage, C: config.region, D: config.dlq, E: helpers.required('OTHER'), F: required('MORE') }));",
      { 'config.js': configModule },
    );
    expect(input).toEqual({
      kind: 'object',
      properties: {
        A: { kind: 'env', name: 'QUEUE_URL', prefix: '', suffix: '' },
        B: { kind: 'env', name: 'STAGE', prefix: '', suffix: '' },
        C: { kind: 'env', name: 'REGION', prefix: '', suffix: '' },
        D: { kind: 'env', name: 'DLQ_URL', prefix: '', suffix: '' },
        E: { kind: 'env', name: 'OTHER', prefix: '', suffix: '' },
        F: { kind: 'env', name: 'MORE', prefix: '', suffix: '' },
      },
    });
  });

  it('stays unknown when the returns disagree, the helper recurses, or the variable is named at run time', () => {
    const input = inputOf(
      [
        "const pick = (flag: boolean) => { if (flag) return 'a'; return 'b'; };",
        'const loop = (n: string): string => loop(n);',
        'const read = (name: string) => process.env[name];',
        "const same = (flag: boolean) => { if (flag) return 'q'; return 'q'; };",
        'export const handler = (event: { name: string }) => sqs.send(new SendMessageCommand({ A: pick(true), B: loop("x"), C: read(event.name), D: same(false) }));',
      ].join('\n'),
    );
    expect(input).toMatchObject({
      properties: {
        A: { kind: 'unknown', reason: '`pick(true)` returns different values' },
        B: { kind: 'unknown' },
        C: { kind: 'unknown' },
        D: { kind: 'string', value: 'q' },
      },
    });
  });
});

describe('concatenate', () => {
  it('joins strings, wraps one env variable and keeps a literal prefix', () => {
    expect(concatenate([{ kind: 'string', value: 'a' }, { kind: 'number', value: 1 }], 'x')).toEqual({ kind: 'string', value: 'a1' });
    expect(concatenate([{ kind: 'env', name: 'A', prefix: '', suffix: '' }, { kind: 'env', name: 'B', prefix: '', suffix: '' }], 'x')).toMatchObject({ kind: 'unknown' });
    expect(concatenate([{ kind: 'string', value: 'p/' }, { kind: 'unknown', reason: 'r' }], 'x')).toEqual({ kind: 'partial', prefix: 'p/', reason: 'r' });
  });
});
