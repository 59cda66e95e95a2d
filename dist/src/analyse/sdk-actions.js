// Reads src/data/sdk-operations.json: which IAM actions an SDK operation needs, and which request fields name its resource.
import { readPackageJson } from '../util/package-root.js';
import { getActionByFullName } from '../model/iam-catalog.js';
let cached;
function data() {
    cached ??= readPackageJson('src/data/sdk-operations.json');
    return cached;
}
/** The catalogue's spelling of a full action name, or undefined when it does not exist. */
function canonical(fullName) {
    const action = getActionByFullName(fullName);
    return action ? `${action.service}:${action.name}` : undefined;
}
function isWildcardOnly(fullName) {
    return getActionByFullName(fullName)?.wildcardOnly ?? false;
}
function template(raw, operation) {
    const spec = typeof raw === 'string' ? { action: raw } : raw;
    const name = canonical(spec.action) ?? spec.action;
    const wildcardOnly = isWildcardOnly(name);
    const resource = spec.resource ?? operation.resource;
    return {
        action: name,
        resource: wildcardOnly ? '*' : resource,
        fields: spec.fields ?? (spec.resource && spec.resource !== operation.resource ? {} : operation.fields ?? {}),
        ...(spec.when !== undefined ? { when: spec.when } : {}),
        ...(spec.unless !== undefined ? { unless: spec.unless } : {}),
        ...(spec.replaces !== undefined ? { replaces: spec.replaces } : {}),
        ...(spec.optional !== undefined ? { optional: spec.optional } : {}),
        kms: spec.kms ?? operation.kms ?? [],
        wildcardOnly,
    };
}
function lookupRaw(call) {
    const service = call.service.toLowerCase();
    let operation = call.operation;
    if (call.style === 'presign')
        operation = data().presign.aliases[operation] ?? operation;
    if (call.style === 'library') {
        const library = data().libraries[`${service}:${operation}`];
        if (library !== undefined && typeof library !== 'string')
            return { key: `${service}:${operation}`, raw: library };
    }
    const key = `${service}:${operation}`;
    const raw = Object.hasOwn(data().operations, key) ? data().operations[key] : undefined;
    if (raw)
        return { key, raw };
    // Operation names are PascalCase; tolerate a lower-case first letter from v2-style names.
    const upper = `${service}:${operation.charAt(0).toUpperCase()}${operation.slice(1)}`;
    return { key: upper, raw: Object.hasOwn(data().operations, upper) ? data().operations[upper] : undefined };
}
/** The actions an SDK call needs, as templates still to be bound to its request. */
export function operationActions(call) {
    const { key, raw } = lookupRaw(call);
    if (!raw) {
        const fallback = canonical(key);
        if (!fallback)
            return { key, listed: false, actions: [], itemKms: [], unknownAction: key };
        return { key, listed: false, actions: [template(fallback, {})], itemKms: [] };
    }
    const rawActions = raw.actions ?? [key];
    const result = {
        key,
        listed: true,
        actions: rawActions.map((a) => template(a, raw)),
        itemKms: raw.kms ?? [],
        ...(raw.provenance !== undefined ? { provenance: raw.provenance } : {}),
    };
    if (raw.items)
        result.items = { ...raw.items, kinds: Object.fromEntries(Object.entries(raw.items.kinds).map(([k, a]) => [k, canonical(a) ?? a])) };
    if (raw.partiql)
        result.partiql = raw.partiql;
    if (raw.items || raw.partiql)
        result.itemResource = raw.resource ?? 'table';
    return result;
}
/** PartiQL statement verb -> action (facts B#11). */
export const PARTIQL_ACTIONS = {
    SELECT: 'dynamodb:PartiQLSelect',
    INSERT: 'dynamodb:PartiQLInsert',
    UPDATE: 'dynamodb:PartiQLUpdate',
    DELETE: 'dynamodb:PartiQLDelete',
};
/** Every action the data can produce (for the test that keeps it in step with the IAM catalogue). */
export function mappedActions() {
    const out = new Set(Object.values(PARTIQL_ACTIONS));
    const add = (raw, key) => {
        for (const a of raw.actions ?? [key]) {
            out.add(typeof a === 'string' ? a : a.action);
            if (typeof a !== 'string')
                for (const k of a.kms ?? [])
                    out.add(k);
        }
        for (const k of raw.kms ?? [])
            out.add(k);
        for (const a of Object.values(raw.items?.kinds ?? {}))
            out.add(a);
    };
    for (const [key, raw] of Object.entries(data().operations))
        add(raw, key);
    for (const [key, raw] of Object.entries(data().libraries))
        if (typeof raw !== 'string')
            add(raw, key);
    return [...out].sort();
}
export function resourceTypeSpec(kind) {
    const raw = Object.hasOwn(data().resourceTypes, kind) ? data().resourceTypes[kind] : undefined;
    return raw ? { kind, ...raw } : undefined;
}
/** How `Ref`, `Fn::GetAtt` and the name property work for a CloudFormation type, from any resource kind that lists it. */
export function cloudFormationTypeSpec(type) {
    for (const spec of Object.values(data().resourceTypes)) {
        if (Object.hasOwn(spec.cloudFormation, type))
            return spec.cloudFormation[type];
    }
    return undefined;
}
/** Property paths where a resource of this type names a customer managed KMS key (facts D). */
export function customerManagedKeyPaths(type) {
    const paths = data().customerManagedKeys[type];
    return Array.isArray(paths) ? paths : [];
}
