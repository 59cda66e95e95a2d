// Checks the replica bounds of a kind: Service: no maximum (unbounded cost), no metric to scale on, predictive scaling with no bounds at all or looking further ahead than the scaling window.
import { defineRule, locationOfValue } from '../kit.js';

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A duration as the manifest writes it (`30m`, `2h`), in seconds; anything else is not judged. */
function duration(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(\d+)([smhd])$/.exec(value.trim()) : null;
  return match ? Number(match[1]) * SECONDS[match[2]!]! : undefined;
}

export default defineRule<Record<string, never>, 'missingMax' | 'noMetrics' | 'emptyMetrics' | 'predictiveUnbounded' | 'lookaheadBeyondWindow'>({
  id: 'ops/scaling-bounds',
  category: 'ops',
  severity: 'warning',
  description: "A container service's scaling has no ceiling or no signal, or forecasts past its window.",
  fullDescription:
    'Autoscaling needs a floor, a ceiling and a signal. Without maxReplicas a traffic spike, a retry storm or a scaling loop adds replicas, and cost, without limit, and can exhaust the connections of the databases behind the service. Without metrics the autoscaler has nothing to scale on. The rule reads `spec.scaling` of a kind: Service manifest; a service with no scaling block at all is left to the platform defaults and not reported, unless it turns on `spec.predictive`: a forecast then adds replicas ahead of traffic with no ceiling at all. A predictive `lookahead` longer than `spec.scaling.window` (how long the load must stay low before replicas are removed) is reported too: the autoscaler removes the replicas the forecast added before the forecast peak comes; without a written window nothing is assumed.',
  help: 'Set both bounds and at least one metric, for example `scaling: { minReplicas: 1, maxReplicas: 20, metrics: [{ type: cpu, target: 70 }] }`; with predictive scaling keep `lookahead` within `scaling.window` (for example `window: 1h`, `lookahead: 45m`).',
  precision: 'very-high',
  tags: ['reliability', 'cost'],
  messages: {
    missingMax: 'The scaling block sets no maxReplicas, so a traffic spike or a scaling loop can add replicas, and cost, without limit.',
    noMetrics: 'The scaling block lists no metrics, so the autoscaler has no signal to add or remove replicas on.',
    emptyMetrics: 'The scaling metrics list is empty, so the autoscaler has no signal to add or remove replicas on.',
    predictiveUnbounded: 'Predictive scaling is enabled but spec.scaling sets no minReplicas or maxReplicas, so a wrong forecast can add replicas, and cost, without limit.',
    lookaheadBeyondWindow:
      'Predictive scaling looks {{lookahead}} ahead, longer than the {{window}} scaling window: replicas added for a forecast peak are removed again by the autoscaler before the peak arrives. Shorten the lookahead to at most {{window}} or lengthen spec.scaling.window.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const scaling = service.container?.scaling;
      const predictive = service.container?.predictive;
      // predictive: { enabled: true } with no scaling block: the forecast alone decides how many replicas run.
      if (!scaling && predictive && predictive.value.enabled === true) {
        report({ messageId: 'predictiveUnbounded', at: predictive.location, key: `${service.id}|predictive` });
      }
      if (!scaling) continue;
      const block = scaling.value;
      // lookahead: 2h with window: 5m: the reactive autoscaler undoes the forecast's replicas long before the peak
      const lookahead = predictive && predictive.value.enabled === true ? duration(predictive.value.lookahead) : undefined;
      const window = duration(block.window);
      if (predictive && lookahead !== undefined && window !== undefined && lookahead > window) {
        report({
          messageId: 'lookaheadBeyondWindow',
          at: locationOfValue(predictive.value, 'lookahead') ?? predictive.location,
          related: [{ location: locationOfValue(block, 'window') ?? scaling.location, message: `The scaling window is ${String(block.window)}.` }],
          key: `${service.id}|predictive|lookahead`,
          data: { lookahead: String(predictive.value.lookahead), window: String(block.window) },
        });
      }
      if (!('maxReplicas' in block)) report({ messageId: 'missingMax', at: scaling.location, key: `${service.id}|maxReplicas` });
      if (!('metrics' in block)) {
        report({ messageId: 'noMetrics', at: scaling.location, key: `${service.id}|metrics` });
      } else if (Array.isArray(block.metrics) && block.metrics.length === 0) {
        report({ messageId: 'emptyMetrics', at: locationOfValue(block, 'metrics') ?? scaling.location, key: `${service.id}|metrics` });
      }
    }
  },
});
