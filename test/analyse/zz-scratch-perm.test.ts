import { it } from 'vitest';
import path from 'node:path';
import { loadAnalysedProject, runRule } from '../helpers/analysed-project.js';
import { derivedPolicies, renderPoliciesYaml } from '../../src/analyse/policy-output.js';
import unused from '../../rules/iam/unused-permission.js';
import missing from '../../rules/iam/missing-permission.js';
import shared from '../../rules/iam/shared-role.js';
it('scratch', () => {
  for (const name of ['orders', 'thumbnails']) {
    const loaded = loadAnalysedProject(path.resolve('fixtures/projects', name));
    console.log(JSON.stringify(derivedPolicies(loaded.project, loaded.analysis), null, 1));
    console.log(renderPoliciesYaml(derivedPolicies(loaded.project, loaded.analysis)));
    for (const r of [unused, missing, shared]) for (const f of runRule(r, loaded)) console.log(f.ruleId, `${f.location.file}:${f.location.line}`, f.function, f.message);
    for (const role of loaded.project.roles) console.log(role.name, role.kind, role.location.line, role.incomplete, role.statements.map(s => s.origin.kind + ':' + s.path));
  }
});
