// Tests for ops/scaling-bounds on kind: Service manifests parsed from YAML, so locations are real.
import { describe, expect, it } from 'vitest';
import type { RuleReport } from '../../../rules/kit.js';
import { analysisWithoutSources } from '../../helpers/analysed-project.js';
import type { ManifestContext } from '../../../src/load/manifests/context.js';
import { loadService } from '../../../src/load/manifests/service.js';
import { parseYaml } from '../../../src/load/yaml.js';
import type { Project } from '../../../src/model/project.js';
import rule from '../../../rules/ops/scaling-bounds.js';
import contradictory from '../../../rules/ops/contradictory-scaling-bounds.js';
import type { AnyRule } from '../../../rules/kit.js';

/** What ops/scaling-bounds and ops/contradictory-scaling-bounds report, as `line messageId`. */
function run(scaling: string) {
  const yaml = `apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  image: app:1.0\n${scaling}`;
  const parsed = parseYaml(yaml, 'svc.yaml');
  if (!parsed.ok) throw new Error('bad YAML in test');
  const context: ManifestContext = {
    root: '/p',
    file: 'svc.yaml',
    dir: '',
    options: { resolveEnv: false, env: {} },
    report: () => {},
    readFile: () => ({ ok: false, reason: 'absent' }),
    resolvePath: (p) => p,
  };
  const service = loadService(parsed.value, context)!;
  const project: Project = { root: '/p', services: [service], functions: [], roles: [], resources: [], inputFindings: [], files: [] };
  const reports: RuleReport<string>[] = [];
  for (const checked of [rule, contradictory] as AnyRule[]) {
    checked.check({ project, analysis: analysisWithoutSources(project), options: {}, now: new Date('2026-12-01T00:00:00Z'), report: (r) => reports.push(r), reportLimit: () => undefined });
  }
  return reports.map((r) => `${r.at.line} ${r.messageId}`);
}

describe('ops/scaling-bounds', () => {
  it('accepts complete bounds with a metric', () => {
    expect(run('  scaling:\n    minReplicas: 1\n    maxReplicas: 10\n    metrics:\n      - type: cpu\n        target: 70\n')).toEqual([]);
  });

  it('accepts equal bounds and a zero minimum', () => {
    expect(run('  scaling:\n    minReplicas: 3\n    maxReplicas: 3\n    metrics:\n      - type: cpu\n        target: 70\n')).toEqual([]);
    expect(run('  scaling:\n    minReplicas: 0\n    maxReplicas: 3\n    metrics:\n      - type: request\n        target: 100\n')).toEqual([]);
  });

  it('reports a minimum above the maximum at minReplicas, as ops/contradictory-scaling-bounds (an error)', () => {
    expect(run('  scaling:\n    minReplicas: 5\n    maxReplicas: 2\n    metrics:\n      - type: cpu\n        target: 70\n')).toEqual(['8 minAboveMax']);
    expect(contradictory.severity).toBe('error');
    expect(Object.keys(rule.messages)).not.toContain('minAboveMax');
  });

  it('reports a missing maximum and missing metrics at the scaling key', () => {
    expect(run('  scaling:\n    minReplicas: 1\n')).toEqual(['7 missingMax', '7 noMetrics']);
  });

  it('reports an empty metrics list at the list', () => {
    expect(run('  scaling:\n    maxReplicas: 4\n    metrics: []\n')).toEqual(['9 emptyMetrics']);
  });

  it('leaves a service without a scaling block, and values it cannot read, alone', () => {
    expect(run('')).toEqual([]);
    expect(run('  scaling:\n    minReplicas: "${MIN}"\n    maxReplicas: 2\n    metrics:\n      - type: cpu\n        target: 70\n')).toEqual([]);
  });
});
