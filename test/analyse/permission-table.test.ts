// The permissions table counts missing permissions exactly as iam/missing-permission reports them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/iam/missing-permission.js';
import { permissionRows } from '../../src/analyse/permission-table.js';
import { loadAnalysedProject } from '../helpers/analysed-project.js';
import { ruleTester } from '../helpers/rule-tester.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules/iam/missing-permission');

describe('permissionRows', () => {
  for (const kind of ['good', 'bad']) {
    for (const name of readdirSync(path.join(FIXTURES, kind)).sort()) {
      it(`agrees with iam/missing-permission on ${kind}/${name}`, () => {
        const loaded = loadAnalysedProject(path.join(FIXTURES, kind, name));
        const fromRule = new Set<string>();
        for (const finding of ruleTester.lint(rule, `${kind}/${name}`).findings) {
          // A finding shared by functions of one role names the first; the table has a row per function.
          const fns = loaded.project.functions.filter((fn) => fn.name === finding.function || finding.message.includes(`"${fn.name}"`));
          for (const fn of fns) for (const action of finding.actions?.missing ?? []) fromRule.add(`${fn.name} ${action}`);
        }
        const fromTable = new Set(permissionRows(loaded.project, loaded.analysis)!.flatMap((row) => row.missing.map((action) => `${row.function} ${action}`)));
        expect([...fromTable].sort()).toEqual([...fromRule].sort());
      });
    }
  }
});
