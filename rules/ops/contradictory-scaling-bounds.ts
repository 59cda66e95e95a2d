// Finds a kind: Service whose minReplicas is above its maxReplicas: no replica count satisfies both.
import { defineRule, locationOfKey } from '../kit.js';

/** A replica count as written; strings, variables and Unresolved values are not judged. */
function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export default defineRule({
  id: 'ops/contradictory-scaling-bounds',
  category: 'ops',
  severity: 'error',
  description: "A container service's minReplicas is greater than its maxReplicas.",
  fullDescription:
    'A minReplicas above maxReplicas cannot be satisfied, so the platform rejects the deployment or ignores one of the bounds, and which one depends on the platform. The rule reads `spec.scaling` of a kind: Service manifest and judges only counts written as numbers. Missing bounds and metrics are ops/scaling-bounds.',
  help: 'Make minReplicas at most maxReplicas, for example `scaling: { minReplicas: 2, maxReplicas: 20 }`.',
  precision: 'very-high',
  tags: ['reliability'],
  messages: {
    minAboveMax: 'minReplicas ({{min}}) is greater than maxReplicas ({{max}}): no replica count satisfies both, so the deployment is rejected or one bound is ignored.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const scaling = service.container?.scaling;
      if (!scaling) continue;
      const block = scaling.value;
      const min = count(block.minReplicas);
      const max = count(block.maxReplicas);
      if (min === undefined || max === undefined || min <= max) continue;
      report({
        messageId: 'minAboveMax',
        at: locationOfKey(block, 'minReplicas') ?? scaling.location,
        related: [{ location: locationOfKey(block, 'maxReplicas') ?? scaling.location, message: `maxReplicas is ${max}` }],
        key: `${service.id}|minReplicas>maxReplicas`,
        data: { min, max },
      });
    }
  },
});
