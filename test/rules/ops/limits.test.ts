// Tests for ops/limits on hand-built function models: the 900 s maximum, API Gateway integration
// timeouts, shared timeouts reported once, and the defaults note.
import { describe, expect, it } from 'vitest';
import type { RuleReport } from '../../../rules/kit.js';
import { analysisWithoutSources } from '../../helpers/analysed-project.js';
import type { Location } from '../../../src/model/location.js';
import type { EventModel, FunctionModel, Located, NormalizedEventType, Project, RoleModel, ServiceModel } from '../../../src/model/project.js';
import { Unresolved } from '../../../src/model/values.js';
import rule from '../../../rules/ops/limits.js';
import aboveMaximum from '../../../rules/ops/timeout-above-maximum.js';
import defaultLimits from '../../../rules/ops/default-limits.js';
import type { AnyRule } from '../../../rules/kit.js';

const at = (line: number): Location => ({ file: 'serverless.yml', line, column: 5, endLine: line, endColumn: 9 });

interface FunctionSpec {
  timeout?: Located<unknown>;
  memorySize?: Located<unknown>;
  events?: NormalizedEventType[];
  async?: boolean;
}

function run(specs: FunctionSpec[], kind: ServiceModel['kind'] = 'serverless') {
  const svc: ServiceModel = { id: 'serverless.yml', name: 'svc', kind, manifest: 'serverless.yml', dir: '', location: at(1), functions: [], roles: [], resources: [], document: {} };
  const role: RoleModel = { id: 'r', name: 'r', kind: 'serverless-provider', service: svc, location: at(1), functions: [], statements: [], managedPolicies: [], incomplete: false };
  specs.forEach((spec, i) => {
    const name = `fn${i}`;
    const events: EventModel[] = (spec.events ?? []).map((normalizedType) => ({ type: normalizedType, normalizedType, location: at(100 + i), properties: spec.async ? { async: true } : {} }));
    const fn: FunctionModel = { id: `serverless.yml#${name}`, name, service: svc, location: at(10 * (i + 1)), environment: [], events, role, vpc: false, tags: {}, properties: {} };
    if (spec.timeout) fn.timeout = spec.timeout;
    if (spec.memorySize) fn.memorySize = spec.memorySize;
    svc.functions.push(fn);
  });
  const project: Project = { root: '/p', services: [svc], functions: svc.functions, roles: [], resources: [], inputFindings: [], files: [] };
  const reports: RuleReport<string>[] = [];
  // ops/limits with the two rules split from it: each finding comes from exactly one of them.
  for (const checked of [aboveMaximum, rule, defaultLimits] as AnyRule[]) {
    checked.check({ project, analysis: analysisWithoutSources(project), options: {}, now: new Date('2026-12-01T00:00:00Z'), report: (r) => reports.push(r), reportLimit: () => undefined });
  }
  return reports;
}

const t = (value: unknown, line: number): Located<unknown> => ({ value, location: at(line) });

describe('ops/limits', () => {
  it('is ops/timeout-above-maximum, an error, above 900 seconds, at the timeout', () => {
    const reports = run([{ timeout: t(901, 11) }, { timeout: t(900, 21) }]);
    expect(reports.map((r) => [r.at.line, r.messageId, r.function])).toEqual([[11, 'aboveMaximum', 'fn0']]);
    expect([aboveMaximum.severity, rule.severity, defaultLimits.severity]).toEqual(['error', 'warning', 'note']);
  });

  it('warns when an API Gateway integration gives up first', () => {
    const reports = run([
      { timeout: t(30, 11), events: ['api'] },
      { timeout: t(29, 21), events: ['api'] },
      { timeout: t(31, 31), events: ['http-api'] },
      { timeout: t(30, 41), events: ['http-api'] },
      { timeout: t(60, 51), events: ['sqs'] },
      { timeout: t(29, 61), events: ['websocket'] },
      { timeout: t(40, 71), events: ['websocket'] },
    ]);
    expect(reports.map((r) => [r.at.line, r.messageId, r.data?.limit, r.data?.api])).toEqual([
      [11, 'aboveIntegration', 29, 'REST API'],
      [31, 'aboveIntegration', 30, 'HTTP API'],
      [71, 'aboveIntegration', 29, 'WebSocket API'],
    ]);
  });

  it('reads numeric strings and skips values it cannot know', () => {
    expect(run([{ timeout: t('60', 11), events: ['api'] }]).map((r) => r.at.line)).toEqual([11]);
    expect(run([{ timeout: t({ Ref: 'Timeout' }, 11), events: ['api'] }, { timeout: t(new Unresolved('${param:t}', 'deploy time'), 21), events: ['api'] }])).toEqual([]);
  });

  it('ignores asynchronous http events, which do not wait for the function', () => {
    expect(run([{ timeout: t(60, 11), events: ['api'], async: true }])).toEqual([]);
  });

  it('reports a provider-level timeout once for the functions behind the API', () => {
    const shared = t(60, 5);
    const reports = run([
      { timeout: shared, events: ['api'] },
      { timeout: shared, events: ['api'] },
      { timeout: shared, events: ['sqs'] },
    ]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ at: { line: 5 }, data: { functions: '"fn0", "fn1"' }, key: 'serverless.yml|timeout>REST API|shared' });
    expect(reports[0]!.related?.map((r) => r.location.line)).toEqual([10, 20]);
  });

  it('notes once per service the functions with neither memory size nor timeout (ops/default-limits)', () => {
    const reports = run([{}, { memorySize: t(256, 21) }, {}]);
    expect(reports).toMatchObject([{ at: { line: 1 }, messageId: 'defaults', data: { functions: '"fn0", "fn2"', subject: 'they run', defaults: '1024 MB and 6 seconds in the Serverless Framework' } }]);
    expect(run([{}], 'sam')).toMatchObject([{ data: { subject: 'it runs', defaults: '128 MB and 3 seconds' } }]);
    expect(run([{ timeout: t(10, 11) }])).toEqual([]);
  });
});
