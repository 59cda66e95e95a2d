#!/usr/bin/env node
// gen-python-share.mjs: adds Python services to a corpus written by ../shared/bench/gen-monorepo.mjs (which
// writes JavaScript and TypeScript only), and their answers to its .expected.json, so the benchmark times and
// checks Python handlers too.
//
//   node scripts/gen-python-share.mjs CORPUS_DIR [--services N] [--functions-per-service M] [--seed S]
//
// Each service is services/py-<name>/ with a serverless.yml (python3.12, one DynamoDB table, one SQS queue)
// and handlers in a package (handlers/__init__.py, handlers/<fn>.py) that use shared modules (lib/db.py,
// lib/queue.py, lib/config.py) through absolute and relative imports, boto3 clients and resources created
// at module level, paginators, and Powertools-free plain code of a few hundred lines. Planted defects, with
// their lines in .expected.json: a boto3 client built inside the handler (connection/per-request), a module
// list appended to per request (state/module-mutation), a queue send the role does not grant
// (iam/missing-permission). Deterministic: the same arguments give byte-identical files.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir || dir.startsWith('--')) {
  console.error('usage: node scripts/gen-python-share.mjs CORPUS_DIR [--services N] [--functions-per-service M] [--seed S]');
  process.exit(2);
}
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const services = Math.max(0, Number(option('--services', '2')) || 0);
const perService = Math.max(1, Number(option('--functions-per-service', '4')) || 1);
let seed = [...String(option('--seed', '1'))].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const chance = (p) => random() < p;

const expectedPath = path.join(dir, '.expected.json');
const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
const NOUNS = ['ledger', 'parcel', 'voucher', 'tariff', 'shipment', 'quota', 'ticket', 'rebate', 'claim', 'lease', 'permit', 'tender'];
const KINDS = ['get', 'put', 'list', 'enqueue'];
let files = 0;
let lines = 0;

function write(rel, text) {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  files += 1;
  lines += text.split('\n').length - 1;
}

/** The 1-based line of the first line containing `marker` in `text`. */
function lineOf(text, marker) {
  const index = text.split('\n').findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`marker ${marker} not found`);
  return index + 1;
}

/** Plain business logic, a few hundred lines, no AWS calls: the bulk real handlers carry. */
function logicModule(noun, n) {
  const out = [`"""Validation and pricing rules for ${noun} records."""`, 'import decimal', 'import re', '', `CODE = re.compile(r"^[A-Z]{3}-[0-9]{${4 + (n % 3)}}$")`, ''];
  for (let i = 0; i < 12 + (n % 6); i++) {
    out.push(
      `def rule_${i}(record, context=None):`,
      `    """Rule ${i} for ${noun}."""`,
      '    errors = []',
      `    value = record.get("field_${i}")`,
      '    if value is None:',
      `        errors.append("field_${i} is required")`,
      '    elif isinstance(value, str) and not CODE.match(value):',
      `        errors.append(f"field_${i} is malformed: {value!r}")`,
      '    total = decimal.Decimal(0)',
      `    for line in record.get("lines", [])[:${10 + i}]:`,
      '        amount = decimal.Decimal(str(line.get("amount", 0)))',
      `        total += amount * ${i + 1} if line.get("taxed") else amount`,
      '    return {"errors": errors, "total": str(total)}',
      '',
      '',
    );
  }
  out.push('def validate(record):', '    problems = []');
  for (let i = 0; i < 12 + (n % 6); i++) out.push(`    problems.extend(rule_${i}(record)["errors"])`);
  out.push('    return problems', '');
  return out.join('\n');
}

for (let s = 0; s < services; s++) {
  const noun = `${NOUNS[s % NOUNS.length]}${s >= NOUNS.length ? Math.floor(s / NOUNS.length) + 1 : ''}`;
  const name = `py-${noun}s`;
  const base = `services/${name}`;
  const table = `${noun[0].toUpperCase()}${noun.slice(1)}Table`;
  const queue = `${noun[0].toUpperCase()}${noun.slice(1)}Queue`;
  const fns = [];
  for (let f = 0; f < perService; f++) {
    const kind = KINDS[f % KINDS.length];
    fns.push({ kind, name: `${kind}${noun[0].toUpperCase()}${noun.slice(1)}${f >= KINDS.length ? Math.floor(f / KINDS.length) + 1 : ''}`, file: `${kind}_${noun}${f >= KINDS.length ? `_${Math.floor(f / KINDS.length) + 1}` : ''}` });
  }
  // The role grants what the handlers need, except the queue when the send is planted as missing.
  const missingSend = chance(0.5);
  const grants = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'];
  const manifest = [
    `service: ${name}`,
    'frameworkVersion: "3"',
    'provider:',
    '  name: aws',
    '  runtime: python3.12',
    '  memorySize: 512',
    '  timeout: 10',
    '  tracing:',
    '    lambda: true',
    '  environment:',
    `    TABLE_NAME: !Ref ${table}`,
    `    QUEUE_URL: !Ref ${queue}`,
    '  iam:',
    '    role:',
    '      statements:',
    '        - Effect: Allow',
    `          Action: [${grants.join(', ')}]`,
    `          Resource: !GetAtt ${table}.Arn`,
    ...(missingSend ? [] : ['        - Effect: Allow', '          Action: [sqs:SendMessage]', `          Resource: !GetAtt ${queue}.Arn`]),
    'functions:',
    ...fns.flatMap((fn) => [`  ${fn.name}:`, `    handler: handlers/${fn.file}.handler`]),
    'resources:',
    '  Resources:',
    `    ${table}:`,
    '      Type: AWS::DynamoDB::Table',
    '      Properties:',
    '        BillingMode: PAY_PER_REQUEST',
    '        SSESpecification:',
    '          SSEEnabled: true',
    '        AttributeDefinitions:',
    '          - AttributeName: pk',
    '            AttributeType: S',
    '        KeySchema:',
    '          - AttributeName: pk',
    '            KeyType: HASH',
    `    ${queue}:`,
    '      Type: AWS::SQS::Queue',
    '      Properties:',
    '        SqsManagedSseEnabled: true',
    '',
  ].join('\n');
  write(`${base}/serverless.yml`, manifest);
  write(`${base}/lib/__init__.py`, '');
  write(`${base}/handlers/__init__.py`, '');
  const config = ['import os', '', 'TABLE_NAME = os.environ["TABLE_NAME"]', 'QUEUE_URL = os.getenv("QUEUE_URL")', ''].join('\n');
  write(`${base}/lib/config.py`, config);
  const db = [
    'import boto3',
    '',
    'from .config import TABLE_NAME',
    '',
    '_table = boto3.resource("dynamodb").Table(TABLE_NAME)',
    '_client = boto3.client("dynamodb")',
    '',
    '',
    'def get(pk):',
    '    return _table.get_item(Key={"pk": pk}).get("Item")  # site:get',
    '',
    '',
    'def put(item):',
    '    _table.put_item(Item=item)  # site:put',
    '',
    '',
    'def list_all(prefix):',
    '    items = []',
    '    paginator = _client.get_paginator("query")',
    '    for page in paginator.paginate(TableName=TABLE_NAME, KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": {"S": prefix}}):  # site:query',
    '        items.extend(page["Items"])',
    '    return items',
    '',
  ].join('\n');
  write(`${base}/lib/db.py`, db);
  const queueModule = ['import json', '', 'import boto3', '', 'from lib import config', '', 'sqs = boto3.client("sqs")', '', '', 'def send(body):', '    sqs.send_message(QueueUrl=config.QUEUE_URL, MessageBody=json.dumps(body))  # site:send', ''].join('\n');
  write(`${base}/lib/queue.py`, queueModule);
  write(`${base}/lib/rules.py`, logicModule(noun, s));

  const tableArn = { 'Fn::GetAtt': [table, 'Arn'] };
  const queueArn = { 'Fn::GetAtt': [queue, 'Arn'] };
  const site = (file, text, marker) => `${file}:${lineOf(text, marker)}`;
  const usedActions = new Set();
  for (const fn of fns) {
    const rel = `${base}/handlers/${fn.file}.py`;
    const perRequestClient = chance(0.15);
    const moduleState = chance(0.15);
    const body = ['import json', '', 'from lib import db', 'from lib.rules import validate', ...(fn.kind === 'enqueue' ? ['from lib.queue import send'] : []), ...(perRequestClient ? ['import boto3'] : []), '', ...(moduleState ? ['seen = []', ''] : []), '', 'def handler(event, context):'];
    if (moduleState) body.push('    seen.append(event.get("id"))  # defect:state');
    if (perRequestClient) body.push('    cloudwatch = boto3.client("cloudwatch")  # defect:client', '    cloudwatch.put_metric_data(Namespace="app", MetricData=[{"MetricName": "calls", "Value": 1}])  # site:metric');
    if (fn.kind === 'get') body.push('    item = db.get(event["pathParameters"]["id"])', '    return {"statusCode": 200 if item else 404, "body": json.dumps(item)}');
    if (fn.kind === 'put') body.push('    record = json.loads(event["body"])', '    problems = validate(record)', '    if problems:', '        return {"statusCode": 400, "body": json.dumps(problems)}', '    db.put(record)', '    return {"statusCode": 201}');
    if (fn.kind === 'list') body.push('    items = db.list_all(event["pathParameters"]["prefix"])', '    return {"statusCode": 200, "body": json.dumps(items)}');
    if (fn.kind === 'enqueue') body.push('    record = json.loads(event["body"])', '    send(record)', '    return {"statusCode": 202}');
    body.push('');
    const text = body.join('\n');
    write(rel, text);

    const needs = [];
    const dbFile = `${base}/lib/db.py`;
    if (fn.kind === 'get') needs.push({ action: 'dynamodb:GetItem', resource: tableArn, sites: [site(dbFile, db, 'site:get')] });
    if (fn.kind === 'put') needs.push({ action: 'dynamodb:PutItem', resource: tableArn, sites: [site(dbFile, db, 'site:put')] });
    if (fn.kind === 'list') needs.push({ action: 'dynamodb:Query', resource: tableArn, sites: [site(dbFile, db, 'site:query')] });
    if (fn.kind === 'enqueue') needs.push({ action: 'sqs:SendMessage', resource: queueArn, sites: [site(`${base}/lib/queue.py`, queueModule, 'site:send')] });
    if (perRequestClient) needs.push({ action: 'cloudwatch:PutMetricData', resource: '*', sites: [site(rel, text, 'site:metric')] });
    for (const need of needs) usedActions.add(need.action);
    expected.functions[`${base}#${fn.name}`] = { service: name, function: fn.name, kind: fn.kind, manifest: `${base}/serverless.yml`, handler: `${rel}#handler`, needs };

    if (moduleState) expected.findings.push({ rule: 'state/module-mutation', file: rel, line: lineOf(text, 'defect:state'), function: fn.name, origin: 'planted', note: 'a module list appended to per request' });
    if (perRequestClient) {
      expected.findings.push({ rule: 'connection/per-request', file: rel, line: lineOf(text, 'defect:client'), function: fn.name, origin: 'planted', note: 'boto3.client inside the handler' });
      expected.findings.push({ rule: 'iam/missing-permission', file: rel, line: lineOf(text, 'site:metric'), function: fn.name, origin: 'planted', note: 'cloudwatch:PutMetricData is not granted' });
    }
    if (fn.kind === 'enqueue' && missingSend) expected.findings.push({ rule: 'iam/missing-permission', file: `${base}/lib/queue.py`, line: lineOf(queueModule, 'site:send'), function: fn.name, origin: 'planted', note: 'sqs:SendMessage is not granted' });
  }
  // Grants no function of the role uses, and one role for functions whose needs differ, follow from the layout.
  const unused = grants.filter((g) => !usedActions.has(g));
  if (unused.length > 0) expected.findings.push({ rule: 'iam/unused-permission', file: `${base}/serverless.yml`, line: lineOf(manifest, 'Action: [dynamodb'), origin: 'layout', note: `${unused.join(', ')} unused` });
  if (fns.length > 1) expected.findings.push({ rule: 'iam/shared-role', file: `${base}/serverless.yml`, line: lineOf(manifest, '    role:'), origin: 'shared-role', note: 'one role for functions whose needs differ' });
  if (Array.isArray(expected.services)) expected.services.push({ name, dir: base, framework: 'sls', manifest: `${base}/serverless.yml`, language: 'python', sdk: 'boto3', functions: fns.map((fn) => fn.name) });
}
if (expected.totals && typeof expected.totals === 'object') {
  expected.totals.pythonServices = services;
  expected.totals.pythonFiles = files;
  expected.totals.pythonLines = lines;
}
fs.writeFileSync(expectedPath, `${JSON.stringify(expected, null, 2)}\n`);
console.error(`gen-python-share: wrote ${services} Python services, ${services * perService} functions, ${files} files, ${lines} lines`);
