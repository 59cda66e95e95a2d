// Finds, reads and validates the configuration file (.noops-lint.yaml and friends).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseYaml } from '../load/yaml.js';
import { locationOfKey, locationOfValue } from '../model/positions.js';
import { readPackageFile } from '../util/package-root.js';
export const CONFIG_FILE_NAMES = [
    '.noops-lint.yaml',
    '.noops-lint.yml',
    '.noops-lint.json',
    'noops-lint.config.yaml',
    'noops-lint.config.yml',
    'noops-lint.config.json',
    '.noops-lintrc',
];
export class ConfigError extends Error {
}
export const EMPTY_CONFIG = { rules: {}, ignores: [], rulePaths: [], extends: [] };
/** Looks for a config file in `start` and its parents, not above the git top-level (or `start` outside git). */
export function findConfigFile(start) {
    let dir = path.resolve(start);
    for (;;) {
        for (const name of CONFIG_FILE_NAMES) {
            const candidate = path.join(dir, name);
            if (existsSync(candidate) && statSync(candidate).isFile())
                return candidate;
        }
        if (existsSync(path.join(dir, '.git')))
            return undefined;
        const parent = path.dirname(dir);
        if (parent === dir || !isInsideGitRepo(parent))
            return undefined;
        dir = parent;
    }
}
function isInsideGitRepo(dir) {
    let d = dir;
    for (;;) {
        if (existsSync(path.join(d, '.git')))
            return true;
        const parent = path.dirname(d);
        if (parent === d)
            return false;
        d = parent;
    }
}
let validateConfig;
export function loadConfigFile(file, displayName = file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new ConfigError(`Cannot read the configuration file ${displayName}: ${error.code ?? String(error)}.`);
    }
    const parsed = parseYaml(text, displayName);
    if (!parsed.ok)
        throw new ConfigError(parsed.findings.map((f) => `${displayName}:${f.location.line}:${f.location.column}: ${f.message}`).join('\n'));
    return parseConfig(parsed.value ?? {}, displayName, file);
}
export function parseConfig(value, displayName, file) {
    validateConfig ??= new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readPackageFile('schemas/config.schema.json')));
    if (!validateConfig(value)) {
        const error = (validateConfig.errors ?? [])[0];
        throw new ConfigError(describeConfigError(error, value, displayName));
    }
    const raw = value;
    const rules = {};
    for (const [id, setting] of Object.entries((raw.rules ?? {}))) {
        rules[id] = typeof setting === 'string' ? { severity: setting } : setting;
    }
    return {
        file,
        rules,
        ignores: raw.ignores ?? [],
        failOn: raw.failOn,
        stage: raw.stage,
        region: raw.region,
        rulePaths: raw.rulePaths ?? [],
        extends: typeof raw.extends === 'string' ? [raw.extends] : (raw.extends ?? []),
    };
}
/** Turns an Ajv error into one sentence naming the key, its line, and what is allowed. */
function describeConfigError(error, value, displayName) {
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent = value;
    for (const s of segments.slice(0, -1))
        parent = parent?.[s];
    const last = segments[segments.length - 1];
    let where = displayName;
    let key = segments.join('.') || '(top level)';
    if (error.keyword === 'additionalProperties') {
        const extra = error.params.additionalProperty;
        const container = segments.reduce((node, s) => node?.[s], value);
        const loc = locationOfKey(container, extra);
        if (loc)
            where = `${displayName}:${loc.line}:${loc.column}`;
        key = [...segments, extra].join('.');
        const allowed = segments.length === 0 ? 'rules, ignores, failOn, stage, region, rulePaths, extends' : 'severity, options';
        return `${where}: unknown key "${key}" in the noops-lint configuration. Allowed keys here: ${allowed}.`;
    }
    if (last !== undefined) {
        const loc = locationOfValue(parent, last) ?? locationOfKey(parent, last);
        if (loc)
            where = `${displayName}:${loc.line}:${loc.column}`;
    }
    if (error.keyword === 'pattern' || error.keyword === 'propertyNames') {
        return `${where}: "${key}" is not a rule id; rule ids look like "iam/wildcard-action".`;
    }
    if (key.startsWith('rules.')) {
        return `${where}: "${key}" must be "off", "error", "warning", "note" or { severity, options }.`;
    }
    return `${where}: "${key}" ${error.message ?? 'is invalid'}.`;
}
