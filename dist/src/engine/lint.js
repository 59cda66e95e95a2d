// One run: load the project, run the enabled rules over it, and return sorted findings.
import { Ajv } from 'ajv';
import { BUILTIN_RULES } from '../../rules/index.js';
import { loadProject } from '../load/project.js';
import { ProjectFiles } from '../load/files.js';
import { EMPTY_CONFIG } from './config.js';
import { compareFindings, INPUT_RULES } from './finding.js';
export { compareFindings };
import { formatMessage } from './rule.js';
import { TOOL_RULES } from './tool-rules.js';
import { SUPPRESSION_RULES } from './suppressions.js';
import { toolVersion } from '../util/package-root.js';
import { createAnalysis } from '../analyse/analysis.js';
export class RuleOptionsError extends Error {
}
export function lint(options) {
    const config = options.config ?? EMPTY_CONFIG;
    const files = options.files ?? new ProjectFiles(options.root);
    const project = loadProject(files, {
        candidates: options.manifests,
        paths: options.paths?.length ? options.paths : [''],
        ignores: config.ignores,
        gitignore: options.gitignore ?? true,
        resolveEnv: options.resolveEnv ?? false,
        env: options.env ?? {},
        stage: options.stage ?? config.stage,
        region: config.region,
    });
    const now = options.now ?? new Date();
    const enabled = selectRules(options.rules ?? BUILTIN_RULES, config, options.onlyRules);
    const findings = [...project.inputFindings];
    const analysis = createAnalysis(project, sourceReader(files));
    const skipRules = options.manifests !== undefined && project.services.length === 0;
    for (const { rule, severity, ruleOptions } of skipRules ? [] : enabled) {
        const reported = [];
        try {
            rule.check({
                project,
                analysis,
                options: ruleOptions,
                now,
                report(report) {
                    const template = rule.messages[report.messageId] ?? report.messageId;
                    reported.push({
                        ruleId: rule.id,
                        severity: severity ?? report.severity ?? rule.severity,
                        message: formatMessage(template, report.data),
                        location: report.at,
                        related: report.related ?? [],
                        function: report.function,
                        key: report.key,
                    });
                },
            });
            findings.push(...reported);
        }
        catch (error) {
            findings.push({
                ruleId: INPUT_RULES.ruleError,
                severity: 'error',
                message: `Rule ${rule.id} failed: ${error.message ?? String(error)}. The other rules still ran; please report this.`,
                location: { file: project.services[0]?.manifest ?? '.', line: 1, column: 1, endLine: 1, endColumn: 1 },
                related: [],
                key: `${rule.id}|${String(error)}`,
            });
        }
    }
    // What the source analysis could not read (syntax errors, missing handlers, imports leaving the root) is
    // reported like any input problem, once per file and place however many functions reach it.
    findings.push(...analysis.codeFindings());
    const sorted = sortFindings(findings);
    return { root: options.root, project, analysis, findings: sorted, rules: reportedRules(enabled), files: project.files, notifications: notificationsOf(sorted), toolVersion: toolVersion() };
}
/** The rules a run reports (SARIF `tool.driver.rules`): the enabled ones and the tool's own, sorted by id. */
export function reportedRules(enabled) {
    const ruleIds = new Set(enabled.map((e) => e.rule.id));
    return [...enabled.map((e) => e.rule), ...TOOL_RULES.filter((r) => !ruleIds.has(r.id))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** Sorted and de-duplicated: the one order every reporter prints, however the findings were gathered. */
export function sortFindings(findings) {
    return dedupe(findings.sort(compareFindings));
}
export function notificationsOf(sorted) {
    return sorted
        .filter((f) => f.ruleId === INPUT_RULES.parseError || f.ruleId === INPUT_RULES.skippedFile)
        .map((f) => ({ ruleId: f.ruleId, message: f.message, file: f.location.file, line: f.location.line }));
}
let ajv;
/** Compiled option schemas: a run per service would otherwise compile every rule's schema again each time. */
const compiled = new WeakMap();
export function selectRules(rules, config, only) {
    const known = new Set(rules.map((r) => r.id));
    for (const id of Object.keys(config.rules)) {
        if (!known.has(id) && ![...TOOL_RULES, ...SUPPRESSION_RULES].some((r) => r.id === id)) {
            throw new RuleOptionsError(`Unknown rule "${id}" in ${config.file ?? 'the configuration'}. Run \`noops-lint rules\` to list the rule ids.`);
        }
    }
    const enabled = [];
    for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        if (only && !only.includes(rule.id))
            continue;
        const setting = config.rules[rule.id];
        if (setting?.severity === 'off')
            continue;
        const ruleOptions = { ...rule.defaultOptions, ...(setting?.options ?? {}) };
        // Only options a user wrote need checking: each rule's defaults are checked against its schema by the tests.
        if (rule.optionsSchema && setting?.options !== undefined) {
            let validate = compiled.get(rule.optionsSchema);
            if (!validate) {
                ajv ??= new Ajv({ allErrors: true, strict: true, useDefaults: false });
                validate = ajv.compile(rule.optionsSchema);
                compiled.set(rule.optionsSchema, validate);
            }
            if (!validate(ruleOptions)) {
                const e = validate.errors?.[0];
                throw new RuleOptionsError(`Invalid options for ${rule.id} in ${config.file ?? 'the configuration'}: ${e?.instancePath || 'options'} ${e?.message ?? 'is invalid'}.`);
            }
        }
        enabled.push({ rule, severity: setting?.severity, ruleOptions });
    }
    return enabled;
}
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const id = `${f.ruleId}|${f.location.file}|${f.location.line}|${f.location.column}|${f.message}|${f.key}`;
        if (seen.has(id))
            return false;
        seen.add(id);
        return true;
    });
}
/** Reads handler sources through the same confined, cached reader as the manifests. */
export function sourceReader(files) {
    return {
        read: (rel) => files.read(rel),
        exists: (rel) => files.isFile(rel),
    };
}
