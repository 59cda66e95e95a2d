// Container services: the server entry, the routes it registers, the health route, and the route handlers' code.
import { describe, expect, it } from 'vitest';
import { analyseContainer, dockerCommand, findEntry } from '../../src/analyse/server-routes.js';
import type { ServiceModel } from '../../src/model/project.js';
import { memoryReader } from './stub-project.js';

const at = { file: 'svc.yaml', line: 4, column: 1, endLine: 4, endColumn: 5 };

function service(options: { dockerfile?: boolean; spec?: Record<string, unknown>; healthCheck?: Record<string, unknown> } = {}): ServiceModel {
  return {
    id: 'svc.yaml', name: 'api', kind: 'service', manifest: 'svc.yaml', dir: '', location: at, functions: [], roles: [], resources: [],
    document: { spec: { image: 'api:1', ...(options.spec ?? {}) } },
    container: {
      name: 'api', location: at, baseImages: [],
      ...(options.dockerfile === false ? {} : { dockerfile: 'Dockerfile' }),
      ...(options.healthCheck ? { healthCheck: { value: options.healthCheck, location: at } } : {}),
    },
  };
}

describe('dockerCommand', () => {
  it('takes the final stage, exec and shell forms, continuation lines and WORKDIR', () => {
    expect(dockerCommand('FROM node:22 AS build\nCMD ["node", "build.js"]\nFROM node:22-alpine\nWORKDIR /app/\nENTRYPOINT ["tini", "--"]\nCMD node \\\n  dist/main.js')).toEqual({
      entrypoint: ['tini', '--'],
      cmd: ['node', 'dist/main.js'],
      workdir: '/app',
    });
  });
});

describe('findEntry', () => {
  const files = { 'server.js': '', 'src/main.ts': '', 'src/app.js': '', 'index.js': '' };
  const entry = (dockerfile: string | undefined, pkg: object | undefined, options: Parameters<typeof service>[0] = {}) =>
    findEntry(service({ dockerfile: dockerfile !== undefined, ...options }), memoryReader({ ...files, ...(dockerfile ? { Dockerfile: dockerfile } : {}), ...(pkg ? { 'package.json': JSON.stringify(pkg) } : {}) }))?.file;

  it('follows CMD, absolute paths under WORKDIR, compiled output to its source, and npm start', () => {
    expect(entry('FROM node\nCMD ["node", "server.js"]', undefined)).toBe('server.js');
    expect(entry('FROM node\nWORKDIR /app\nCMD ["node", "--enable-source-maps", "-r", "dotenv/config", "/app/server.js"]', undefined)).toBe('server.js');
    expect(entry('FROM node\nCMD ["node", "dist/main.js"]', undefined)).toBe('src/main.ts');
    expect(entry('FROM node\nCMD ["npm", "run", "start"]', { scripts: { start: 'node src/app.js' } })).toBe('src/app.js');
    expect(entry('FROM node\nCMD npm start', {})).toBe('server.js');
    expect(entry('FROM node\nCMD ["sh", "-c", "node src/app.js"]', undefined)).toBe('src/app.js');
  });

  it('lets spec.command override the Dockerfile, and falls back to package.json main', () => {
    expect(entry('FROM node\nCMD ["node", "server.js"]', undefined, { spec: { command: ['node', 'src/app.js'] } })).toBe('src/app.js');
    expect(entry(undefined, { main: 'index.js' })).toBe('index.js');
    expect(entry('FROM node\nCMD ["python", "app.py"]', undefined)).toBeUndefined();
  });
});

describe('analyseContainer', () => {
  const analyse = (server: string, options: Parameters<typeof service>[0] = {}, extra: Record<string, string> = {}) =>
    analyseContainer(service(options), memoryReader({ Dockerfile: 'FROM node\nCMD ["node", "server.js"]', 'server.js': server, ...extra }))!;

  it('lists routes and their handlers, and finds no health route', () => {
    const result = analyse(`const express = require('express');
const app = express();
app.use(express.json());
app.get('/orders/:id', (req, res) => res.json({}));
app.post('/orders', auth, create);
function auth(req, res, next) { next(); }
function create(req, res) { res.sendStatus(201); }
app.listen(8080);`);
    expect(result.entry).toEqual({ file: 'server.js', from: 'dockerfile' });
    expect(result.routes.map((r) => `${r.method} ${r.path ?? '-'} ${r.handlers.length}`)).toEqual(['use - 0', 'get /orders/:id 1', 'post /orders 2']);
    expect(result.listen?.line).toBe(8);
    expect(result.health).toBe('absent');
  });

  it('sees health routes, literals, libraries and the configured path', () => {
    expect(analyse(`const app = require('express')(); app.get('/api/healthz', (q, s) => s.end()); app.listen(1);`).health).toBe('present');
    expect(analyse(`const app = require('express')(); app.get('/check', (q, s) => s.end()); app.listen(1);`, { healthCheck: { path: '/check' } }).health).toBe('present');
    expect(analyse(`const app = require('express')(); app.get('/x', (q, s) => s.end()); app.listen(1);`, { healthCheck: { type: 'tcp' } }).health).toBe('present');
    expect(analyse(`const { createTerminus } = require('@godaddy/terminus'); const app = require('express')(); app.listen(1);`).health).toBe('present');
  });

  it('does not judge routing it cannot see through', () => {
    expect(analyse(`const app = require('express')(); app.use(require('@acme/routes')()); app.listen(1);`).health).toBe('unknown');
    expect(analyse(`const app = require('express')(); app.get(prefix + '/x', (q, s) => s.end()); app.listen(1);`).health).toBe('unknown');
    expect(analyse(`const app = require('express')(); app.use((req, res) => res.send('ok')); app.listen(1);`).health).toBe('unknown');
    expect(analyse(`require('http').createServer((req, res) => res.end('ok')).listen(1);`).health).toBe('unknown');
    expect(analyse(`const app = require('express')(); app.get('/x', (q, s) => s.end());`).health).toBe('unknown');
  });

  it('analyses route handlers as per-request code', () => {
    const result = analyse(`const express = require('express');
const { Pool } = require('pg');
const app = express();
const shared = new Pool();
app.get('/x', async (req, res) => {
  const pool = new Pool();
  res.json(await pool.query('select 1'));
});
app.listen(1);`);
    expect(result.usage.clients.map((c) => `${c.location.line} ${c.scope}`)).toEqual(['4 module', '6 invocation']);
  });
});
