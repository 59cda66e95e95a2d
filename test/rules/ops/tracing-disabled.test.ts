// Tests for ops/tracing-disabled on hand-built function models.
import { describe, expect, it } from 'vitest';
import type { RuleReport } from '../../../rules/kit.js';
import { analysisWithoutSources } from '../../helpers/analysed-project.js';
import type { Location } from '../../../src/model/location.js';
import type { FunctionModel, Located, Project, RoleModel, ServiceModel } from '../../../src/model/project.js';
import { Unresolved } from '../../../src/model/values.js';
import rule from '../../../rules/ops/tracing-disabled.js';

const at = (line: number): Location => ({ file: 'template.yaml', line, column: 3, endLine: line, endColumn: 12 });

function run(tracings: (Located<unknown> | undefined)[], change?: (fns: FunctionModel[]) => void) {
  const svc: ServiceModel = { id: 'template.yaml', name: 'svc', kind: 'sam', manifest: 'template.yaml', dir: '', location: at(1), functions: [], roles: [], resources: [], document: {} };
  const role: RoleModel = { id: 'r', name: 'r', kind: 'sam-generated', service: svc, location: at(1), functions: [], statements: [], managedPolicies: [], incomplete: false };
  tracings.forEach((tracing, i) => {
    const name = `Fn${i}`;
    svc.functions.push({ id: `template.yaml#${name}`, name, service: svc, location: at(10 * (i + 1)), environment: [], events: [], role, vpc: false, tags: {}, properties: {}, ...(tracing ? { tracing } : {}) } satisfies FunctionModel);
  });
  change?.(svc.functions);
  const project: Project = { root: '/p', services: [svc], functions: svc.functions, roles: [], resources: [], inputFindings: [], files: [] };
  const reports: RuleReport<string>[] = [];
  rule.check({ project, analysis: analysisWithoutSources(project), options: {}, now: new Date('2026-12-01T00:00:00Z'), report: (r) => reports.push(r), reportLimit: () => undefined });
  return reports;
}

describe('ops/tracing-disabled', () => {
  it('accepts Active tracing, however it was inherited', () => {
    expect(run([{ value: 'Active', location: at(3) }, { value: 'Active', location: at(3) }, { value: true, location: at(4) }])).toEqual([]);
  });

  it('notes one function without tracing at the function', () => {
    const reports = run([undefined]);
    expect(reports.map((r) => [r.at.line, r.messageId, r.function, r.key])).toEqual([[10, 'notSet', 'Fn0', 'template.yaml#Fn0|tracing']]);
  });

  it('notes the functions of a service without tracing once, naming them', () => {
    const reports = run([undefined, undefined, { value: 'Active', location: at(3) }]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ messageId: 'notSetMany', key: 'template.yaml|tracing', data: { count: 2, functions: '"Fn0", "Fn1"' } });
    expect(reports[0]!.function).toBeUndefined();
    expect(reports[0]!.related?.map((r) => r.location.line)).toEqual([10, 20]);
  });

  it('counts an OpenTelemetry layer or an exec wrapper as tracing', () => {
    const reports = run([undefined, undefined], (fns) => {
      fns[0]!.properties = { Layers: ['arn:aws:lambda:eu-west-1:901920570463:layer:aws-otel-nodejs-amd64-ver-1-30-1:1'] };
      fns[1]!.environment = [{ name: 'AWS_LAMBDA_EXEC_WRAPPER', value: '/opt/otel-handler', location: at(30), origin: 'function' }];
    });
    expect(reports).toEqual([]);
  });

  it('notes PassThrough at the function, pointing to where it is set', () => {
    const reports = run([{ value: 'PassThrough', location: at(5) }]);
    expect(reports).toMatchObject([{ at: { line: 10 }, messageId: 'notActive', data: { mode: '"PassThrough"' }, related: [{ location: { line: 5 } }] }]);
  });

  it('does not judge a mode chosen at deploy time', () => {
    expect(run([{ value: { Ref: 'TracingMode' }, location: at(5) }, { value: new Unresolved('${param:tracing}', 'parameters are resolved at deploy time'), location: at(6) }])).toEqual([]);
  });
});
