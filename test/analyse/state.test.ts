// Per-request facts: module-scope writes, file operations, background work and the (req, res) signature.
import { describe, expect, it } from 'vitest';
import { classifyPath } from '../../src/analyse/state.js';
import { analyseInline } from './stub-project.js';

function usageOf(code: string, file = 'src/handler.js') {
  return analyseInline({ [file]: code }, { fn: `${file.replace(/\.[jt]s$/, '')}.handler` }).usages.get('fn')!;
}

const writes = (code: string) => (usageOf(code).stateWrites ?? []).map((w) => `${w.location.line} ${w.variable} ${w.kind}`);

describe('module-scope writes', () => {
  it('finds pushes, set/add, property writes, counters and accumulation', () => {
    expect(
      writes(`const items = [];
const seen = new Set();
const byId = new Map();
const state = { nested: { list: [] } };
let count = 0;
let total = 0;
exports.handler = async (event) => {
  items.push(event.id);
  seen.add(event.user);
  byId.set(event.id, event);
  state.user = event.user;
  state.nested.list.push(event.id);
  delete state.previous;
  count++;
  total += event.amount;
  Object.assign(state, event.detail);
};`),
    ).toEqual(['8 items collection', '9 seen collection', '10 byId collection', '11 state property', '12 state collection', '13 state property', '14 count counter', '15 total accumulate', '16 state property']);
  });

  it('ignores locals, parameters, globals, instances and clients whose methods look like collection methods', () => {
    expect(
      writes(`const redis = require('ioredis');
const client = new redis();
class Buffer { constructor() { this.items = []; } add(x) { this.items.push(x); } }
const buffer = new Buffer();
exports.handler = async (event) => {
  const local = [];
  local.push(event);
  event.seen = true;
  process.env.LAST = event.id;
  exports.last = event.id;
  await client.set(event.id, '1');
  buffer.add(event);
};`),
    ).toEqual([]);
  });

  it('treats guarded writes as memoisation, and request-keyed unbounded memos as caches', () => {
    expect(
      writes(`let config;
const memo = {};
const users = {};
exports.handler = async (event) => {
  if (!config) config = await load();
  if (memo.rates) return memo.rates;
  memo.rates = await load();
  if (!users[event.userId]) users[event.userId] = await load(event.userId);
  return users[event.userId];
};
async function load() { return {}; }`),
    ).toEqual(['8 users cache']);
  });

  it('reports an overwrite only when the previous value is read first', () => {
    expect(
      writes(`let last;
let response;
exports.handler = async (event) => {
  const repeat = last === event.id;
  last = event.id;
  response = { statusCode: 200, body: String(repeat) };
  return response;
};`),
    ).toEqual(['5 last reassign']);
  });

  it('records resets so the rule can skip variables emptied per invocation', () => {
    expect(
      writes(`let batch = [];
const errors = new Map();
exports.handler = async (event) => {
  batch = [];
  errors.clear();
  batch.push(event);
};`),
    ).toEqual(['4 batch reset', '5 errors reset', '6 batch collection']);
  });
});

describe('file operations', () => {
  const files = (code: string) => (usageOf(code).fileOperations ?? []).map((f) => `${f.location.line} ${f.kind} ${f.area} ${f.path}${f.complete ? '' : '…'}${f.guarded ? ' guarded' : ''} ${f.scope}`);

  it('evaluates paths from literals, path.join, os.tmpdir, __dirname and templates', () => {
    expect(
      files(`const fs = require('fs');
const path = require('node:path');
const os = require('os');
const { writeFile } = require('fs/promises');
fs.mkdirSync(path.join(os.tmpdir(), 'cache'), { recursive: true });
exports.handler = async (event) => {
  fs.writeFileSync(path.join(__dirname, 'out.json'), '');
  await writeFile(\`/tmp/\${event.id}.json\`, '');
  await fs.promises.appendFile('logs/app.log', '');
  fs.copyFileSync('/tmp/a', '/opt/b');
  fs.writeFileSync(process.env.TARGET, '');
  fs.writeFileSync('/mnt/efs/x', '');
  try { fs.readFileSync('/tmp/state.json'); } catch {}
};`),
    ).toEqual([
      '5 write tmp /tmp/cache module',
      '7 write read-only <code>/out.json invocation',
      '8 write tmp /tmp/… invocation',
      '9 write read-only logs/app.log invocation',
      '10 write read-only /opt/b invocation',
      '11 write unknown … invocation',
      '12 write unknown /mnt/efs/x invocation',
      '13 read tmp /tmp/state.json guarded invocation',
    ]);
  });

  it('classifies paths', () => {
    expect(classifyPath({ text: '/tmp', complete: true })).toBe('tmp');
    expect(classifyPath({ text: '/tmp/x', complete: false })).toBe('tmp');
    expect(classifyPath({ text: '/tm', complete: false })).toBe('unknown');
    expect(classifyPath({ text: '/tmpfoo', complete: true })).toBe('read-only');
    expect(classifyPath({ text: '/var/task/x', complete: true })).toBe('read-only');
    expect(classifyPath({ text: '/var', complete: false })).toBe('unknown');
    expect(classifyPath({ text: '<code>/../tmp/x', complete: true })).toBe('unknown');
    expect(classifyPath({ text: './out', complete: true })).toBe('read-only');
    expect(classifyPath({ text: 's3://bucket/key', complete: true })).toBe('unknown');
    expect(classifyPath({ text: '', complete: false })).toBe('unknown');
  });
});

describe('background work', () => {
  const work = (code: string, file?: string) => (usageOf(code, file).backgroundWork ?? []).map((b) => `${b.location.line} ${b.kind} ${b.scope}`);

  it('finds intervals, dropped timers and promises, and unconditional listens', () => {
    expect(
      work(`const express = require('express');
const app = express();
app.listen(3000);
async function publish() {}
exports.handler = async (event) => {
  setInterval(() => {}, 10);
  setTimeout(() => publish(), 10);
  publish();
  void publish();
  publish().catch(() => {});
  event.items.forEach(async (item) => { await publish(item); });
};`),
    ).toEqual(['3 listen module', '6 interval invocation', '7 timeout invocation', '8 promise invocation', '9 promise invocation', '10 promise invocation', '11 promise invocation']);
  });

  it('accepts awaited, returned, collected and cleared work, and callback handlers', () => {
    expect(
      work(`async function publish() {}
exports.handler = (event, context, callback) => {
  publish().then(() => callback(null, 'ok'));
};
exports.other = async () => {
  await publish();
  const p = publish();
  const t = setTimeout(() => {}, 5);
  clearTimeout(t);
  await new Promise((r) => setTimeout(r, 5));
  return p;
};`),
    ).toEqual([]);
  });
});

describe('handler signature', () => {
  it('is set for a (req, res) handler that uses the response', () => {
    const usage = usageOf(`exports.handler = async (req, res) => { res.status(200).json({}); };`);
    expect(usage.handlerSignature).toMatchObject({ parameters: ['req', 'res'], location: { line: 1 }, responseText: 'res.status(200)' });
  });

  it('is not set for (event, context) or when the second parameter is unused as a response', () => {
    expect(usageOf(`exports.handler = async (event, context) => { context.callbackWaitsForEmptyEventLoop = false; return context.getRemainingTimeInMillis(); };`).handlerSignature).toBeUndefined();
    expect(usageOf(`exports.handler = async (req, res) => ({ statusCode: 200 });`).handlerSignature).toBeUndefined();
  });
});
