// Registers one vitest case per fixture case of a handler rule (real loaders, source and container analysis).
import { describe, expect, it } from 'vitest';
import type { AnyRule } from '../../rules/kit.js';
import { handlerFixtureCases } from './handler-analysis.js';

export function describeHandlerFixtures(rule: AnyRule): void {
  describe(`${rule.id} fixtures`, () => {
    const cases = handlerFixtureCases(rule);
    it('has at least as many good cases as bad ones, and some of each', () => {
      const good = cases.filter((c) => c.kind === 'good').length;
      const bad = cases.filter((c) => c.kind === 'bad').length;
      expect(bad).toBeGreaterThan(0);
      expect(good).toBeGreaterThanOrEqual(bad);
    });
    for (const c of cases) {
      it(`${c.kind}/${c.name}`, () => {
        expect(c.problems, 'a broken fixture proves nothing').toEqual([]);
        if (c.kind === 'good') expect(c.expected).toEqual([]);
        else expect(c.expected.length).toBeGreaterThan(0);
        expect(c.reported).toEqual(c.expected);
        for (const place of c.mustNot) expect(c.reported).not.toContain(place);
        for (const place of c.todo) expect(c.reported).not.toContain(place);
      });
    }
  });
}
