// One registry of rule ids: the built-in rules, the tool's own findings (input/*, internal/*), suppression/* and the
// team's custom rules. `rules`, `explain`, `--rule`, the configuration's `rules:` and the names custom rules may not
// take all read it, so an id known to one is known to all.
import type { AnyRule } from '../../rules/kit.js';
import { SUPPRESSION_RULES } from './suppressions.js';
import { TOOL_RULES } from './tool-rules.js';

/** built-in and custom rules check the project; tool and suppression ids are findings of the run itself. */
export type RuleKind = 'built-in' | 'tool' | 'suppression' | 'custom';

/** What a custom rule may not be called: noops-lint's own ids, and any id in one of their categories. Plain data. */
export interface ReservedNames {
  ids: string[];
  categories: string[];
}

export class RuleRegistry {
  private readonly byId = new Map<string, { rule: AnyRule; kind: RuleKind }>();

  /** The built-in rules (the caller's list) and custom ones; the tool's and the suppressions' ids are added. */
  constructor(builtin: readonly AnyRule[], custom: readonly AnyRule[] = []) {
    const add = (rules: readonly AnyRule[], kind: RuleKind) => {
      for (const rule of rules) if (!this.byId.has(rule.id)) this.byId.set(rule.id, { rule, kind });
    };
    add(builtin, 'built-in');
    add(TOOL_RULES, 'tool');
    add(SUPPRESSION_RULES, 'suppression');
    add(custom, 'custom');
  }

  /** The same registry with the team's custom rules added. */
  withCustom(custom: readonly AnyRule[]): RuleRegistry {
    return new RuleRegistry(this.of('built-in'), [...this.of('custom'), ...custom]);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): AnyRule | undefined {
    return this.byId.get(id)?.rule;
  }

  kindOf(id: string): RuleKind | undefined {
    return this.byId.get(id)?.kind;
  }

  /** Every rule, sorted by id. */
  all(): AnyRule[] {
    return [...this.byId.values()].map((entry) => entry.rule).sort(byId);
  }

  /** The rules of some kinds, sorted by id. */
  of(...kinds: RuleKind[]): AnyRule[] {
    return [...this.byId.values()].filter((entry) => kinds.includes(entry.kind)).map((entry) => entry.rule).sort(byId);
  }

  ids(): string[] {
    return this.all().map((rule) => rule.id);
  }

  /** The ids and categories of noops-lint's own rules (and the category `noops-lint`), which custom rules may not use. */
  reserved(): ReservedNames {
    const own = this.of('built-in', 'tool', 'suppression').map((rule) => rule.id);
    return { ids: own, categories: [...new Set(['noops-lint', ...own.map((id) => id.split('/')[0]!)])].sort() };
  }
}

function byId(a: AnyRule, b: AnyRule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
