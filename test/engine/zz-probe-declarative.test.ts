import { it } from 'vitest';
import path from 'node:path';
import { loadRuleDirectory } from '../../src/engine/declarative.js';
import { loadAnalysedProject, runRule } from '../helpers/analysed-project.js';
it('probe', () => {
  const root = path.resolve('fixtures/policy-pack');
  const rules = loadRuleDirectory(root, (a) => path.relative(root, a));
  for (const [id, dir] of [['acme/no-dynamodb-scan','acme/no-dynamodb-scan/bad/report-scan'],['acme/payments-writers','acme/payments-writers/bad/refund-untagged'],['acme/payments-writers','acme/payments-writers/good/billing-tagged'],['acme/no-iam-changes-from-code','acme/no-iam-changes-from-code/bad/grant-from-code'],['acme/no-iam-changes-from-code','acme/no-iam-changes-from-code/good/reads-only']]) {
    const l = loadAnalysedProject(path.join(root, dir));
    const f = runRule(rules.find(r => r.id === id)!, l);
    console.log(dir, JSON.stringify(f.map(x => [x.location.file, x.location.line, x.message, x.key, x.related])));
    for (const fn of l.project.functions) console.log(fn.name, JSON.stringify(l.analysis.permissionsOf(fn)?.needs.map(n=>[n.action,n.logicalId])));
  }
});
