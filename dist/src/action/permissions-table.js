import { actionValueMatches, effectiveStatements, evaluateRole } from '../analyse/match-policy.js';
import { literalValues } from '../model/iam-statements.js';
export function permissionRows(project, analysis) {
    if (!analysis)
        return undefined;
    const rows = [];
    for (const fn of project.functions) {
        const permissions = analysis.permissionsOf(fn);
        if (!permissions)
            continue;
        const needed = unique(permissions.needs.map((need) => need.action));
        const { statements, incomplete } = effectiveStatements(fn.role);
        const allows = statements.filter((s) => s.effect === 'Allow');
        const granted = unique(allows.flatMap((s) => literalValues(s.actions).map((a) => a.text)));
        const missing = unique(permissions.needs
            .filter((need) => {
            const decision = evaluateRole(fn.role, need.action, need.resource).decision;
            return decision === 'not-granted' || decision === 'denied';
        })
            .map((need) => need.action));
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
function unique(values) {
    return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
