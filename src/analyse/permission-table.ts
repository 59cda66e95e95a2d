// Per function: the IAM actions its code needs (derived) against the actions its role grants, for the job summary.
import type { ProjectAnalysis } from './analysis-types.js';
import { actionValueMatches, effectiveStatements, missingDecision } from './match-policy.js';
import { literalValues } from '../model/iam-statements.js';
import type { Project } from '../model/project.js';

export interface PermissionRow {
  function: string;
  manifest: string;
  /** Actions the handler code needs, sorted. */
  needed: string[];
  /** Allowed action patterns as written in the role (inline, policy templates, known managed policies). */
  granted: string[];
  /** Needed, and no statement grants them (or a Deny removes them). */
  missing: string[];
  /** Granted patterns that match no need of the code or of the platform; empty when the analysis is incomplete. */
  unused: string[];
  /** Why the comparison is partial (external role, unanalysable handler). */
  caveat?: string;
}

export function permissionRows(project: Project, analysis: ProjectAnalysis | undefined): PermissionRow[] | undefined {
  if (!analysis) return undefined;
  const rows: PermissionRow[] = [];
  for (const fn of project.functions) {
    const permissions = analysis.permissionsOf(fn);
    if (!permissions) continue;
    const needed = unique(permissions.needs.map((need) => need.action));
    const { statements, incomplete } = effectiveStatements(fn.role);
    const allows = statements.filter((s) => s.effect === 'Allow');
    const granted = unique(allows.flatMap((s) => literalValues(s.actions).map((a) => a.text)));
    // Counted as iam/missing-permission reports them: a need whose resource is unknown only when granted nowhere.
    const missing = unique(permissions.needs.filter((need) => missingDecision(fn.role, need) !== undefined).map((need) => need.action));
    const complete = permissions.analysed && permissions.incompleteReasons.length === 0;
    const allNeeds = [...permissions.needs, ...permissions.platform].map((need) => need.action);
    const unused = complete ? granted.filter((grant) => allNeeds.every((action) => actionValueMatches(grant, action) === 'no')) : [];
    const caveats = [
      ...(incomplete ? [`not all grants of ${fn.role.name} are known`] : []),
      ...(!permissions.analysed ? ['the handler could not be analysed'] : permissions.incompleteReasons),
    ];
    rows.push({ function: fn.name, manifest: fn.service.manifest, needed, granted, missing, unused, ...(caveats.length ? { caveat: caveats.join('; ') } : {}) });
  }
  return rows;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
