import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { it } from 'vitest';
import { loadHandlerProject } from '../../helpers/handler-analysis.js';
import { runRule } from '../../helpers/analysed-project.js';
import r1 from '../../../rules/connection/per-request.js';
import r2 from '../../../rules/connection/self-managed.js';
import r3 from '../../../rules/state/module-mutation.js';
import r4 from '../../../rules/state/filesystem.js';
import r5 from '../../../rules/state/background-work.js';
import r6 from '../../../rules/state/request-response-signature.js';
import r7 from '../../../rules/ops/missing-health-endpoint.js';
it('real', () => {
  const base = process.env.REAL_ROOT!;
  const dirs = [...new Set(execSync(`find ${base} -name node_modules -prune -o \\( -name serverless.yml -o -name template.yaml -o -name template.yml -o -name serverless-config.yaml \\) -print`, { encoding: 'utf8' }).trim().split('\n').map((f) => path.dirname(f)))];
  let fns = 0;
  for (const dir of dirs) {
    let loaded;
    try { loaded = loadHandlerProject(dir); } catch (e) { console.log('LOADFAIL', dir, String(e)); continue; }
    fns += loaded.project.functions.length;
    for (const rule of [r1, r2, r3, r4, r5, r6, r7]) {
      let findings;
      try { findings = runRule(rule, loaded); } catch (e) { console.log('RULEFAIL', rule.id, dir, (e as Error).stack); continue; }
      for (const f of findings) {
        const line = readFileSync(path.join(dir, f.location.file), 'utf8').split('\n')[f.location.line - 1]?.trim();
        console.log(`${rule.id} ${path.relative(base, dir)}/${f.location.file}:${f.location.line} [${f.severity}] ${line}\n    ${f.message.slice(0, 160)}`);
      }
    }
  }
  console.log('dirs', dirs.length, 'functions', fns);
}, 600_000);
