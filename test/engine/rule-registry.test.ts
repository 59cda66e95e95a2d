// The one registry of rule ids: built-in, the tool's own, suppression/* and custom rules, each id once.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { defineRule } from '../../rules/kit.js';
import { RuleRegistry } from '../../src/engine/rule-registry.js';
import { SUPPRESSION_RULES } from '../../src/engine/suppressions.js';
import { TOOL_RULES } from '../../src/engine/tool-rules.js';

const custom = defineRule({
  id: 'acme/short-timeout',
  category: 'acme',
  severity: 'warning',
  description: 'A function has a short timeout.',
  fullDescription: 'A function has a timeout below three seconds.',
  help: 'Raise the timeout.',
  precision: 'high',
  tags: [],
  messages: { short: 'Short.' },
  defaultOptions: {},
  check() {},
});

describe('RuleRegistry', () => {
  const registry = new RuleRegistry(BUILTIN_RULES).withCustom([custom]);

  it('lists every id once, sorted, with its kind', () => {
    const ids = registry.ids();
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids.length).toBe(BUILTIN_RULES.length + TOOL_RULES.length + SUPPRESSION_RULES.length + 1);
    expect(registry.kindOf('iam/wildcard-action')).toBe('built-in');
    expect(registry.kindOf('input/parse-error')).toBe('tool');
    expect(registry.kindOf('suppression/unused')).toBe('suppression');
    expect(registry.kindOf('acme/short-timeout')).toBe('custom');
    expect(registry.get('suppression/unused')?.severity).toBe('warning');
    expect(registry.has('no/such-rule')).toBe(false);
  });

  it("reserves noops-lint's own ids and categories, not the custom ones", () => {
    const reserved = registry.reserved();
    expect(reserved.ids).toContain('suppression/unused');
    expect(reserved.ids).toContain('input/parse-error');
    expect(reserved.ids).not.toContain('acme/short-timeout');
    expect(reserved.categories).toEqual([...new Set(['noops-lint', ...BUILTIN_RULES.map((r) => r.category), 'input', 'internal', 'suppression'])].sort());
  });

  it('keeps the first rule of an id: a custom rule cannot shadow a built-in one', () => {
    const shadow = { ...custom, id: 'iam/wildcard-action' };
    expect(new RuleRegistry(BUILTIN_RULES, [shadow]).kindOf('iam/wildcard-action')).toBe('built-in');
  });
});
