// The commented .noops-lint.yaml that `noops-lint init` writes.
import type { AnyRule } from '../../rules/kit.js';

export function initConfigText(rules: AnyRule[]): string {
  const lines = [
    '# noops-lint configuration. Every key is optional; see https://github.com/noops-lint/noops-lint#configuration',
    '',
    '# The lowest severity that fails the run (exit 1): error, warning, note or never.',
    'failOn: error',
    '',
    '# Globs (relative to the project root) that are never read.',
    'ignores:',
    "  - '**/test/fixtures/**'",
    '',
    '# Serverless stage used for ${sls:stage} and ${opt:stage} (default: provider.stage, then dev).',
    '# stage: prod',
    '',
    '# Per rule: off, error, warning, note, or { severity, options }.',
    '# rules:',
    ...rules.map((r) => `  # ${r.id}: ${r.severity}    # ${r.description}`),
    '',
  ];
  return lines.join('\n');
}
