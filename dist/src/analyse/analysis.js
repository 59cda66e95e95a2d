import { analyseFunctions } from './index.js';
import { derivePermissions } from './permissions.js';
import { containerAnalysis } from './server-routes.js';
/** Creates the lazy analysis of one run; `analyse` is replaceable in tests. */
export function createAnalysis(project, reader, analyse = analyseFunctions) {
    let usages;
    const permissions = new Map();
    const usageOf = (fn) => {
        usages ??= analyse(project, reader);
        return usages.get(fn.id);
    };
    return {
        usageOf,
        codeFindings: () => (usages ? [...usages.values()].flatMap((usage) => usage.findings) : []),
        containerUsageOf: containerAnalysis(reader),
        permissionsOf(fn) {
            let result = permissions.get(fn.id);
            if (!result) {
                result = derivePermissions(fn, usageOf(fn));
                permissions.set(fn.id, result);
            }
            return result;
        },
    };
}
