import { getActionByFullName } from '../model/iam-catalog.js';
import { copyPositions, locationOf, locationOfKey, locationOfValue } from '../model/positions.js';
import { describeValue, isIntrinsic, isUnresolved } from '../model/values.js';
export const RULE_TARGETS = ['function', 'resource', 'role', 'statement', 'service'];
/** Nesting beyond this in manifest values is cut off (a view is for rules, not a full copy). */
const MAX_DEPTH = 40;
/** The views of one target kind, built once per run and shared by every declarative rule. */
export function viewsOf(target, project, analysis) {
    let perRun = cache.get(analysis);
    if (!perRun || perRun.project !== project) {
        perRun = { project, views: new Map() };
        cache.set(analysis, perRun);
    }
    let views = perRun.views.get(target);
    if (!views) {
        views = buildViews(target, project, analysis);
        perRun.views.set(target, views);
    }
    return views;
}
const cache = new WeakMap();
function buildViews(target, project, analysis) {
    switch (target) {
        case 'function':
            return project.functions.map((fn) => functionView(fn, analysis));
        case 'resource':
            return project.resources.map(resourceView);
        case 'role':
            return project.roles.map(roleView);
        case 'statement':
            return project.roles.flatMap((role) => role.statements.map((statement) => statementView(role, statement)));
        case 'service':
            return project.services.map(serviceView);
    }
}
/** Collects a view's data and its side tables while it is built. */
class ViewBuilder {
    root;
    locations = new Map();
    unjudged = new Set();
    constructor(root) {
        this.root = root;
        this.locations.set('', root);
    }
    at(pointer, location) {
        if (location)
            this.locations.set(pointer, location);
    }
    /**
     * A manifest value as plain JSON. Unresolved values become `{ "unresolved": text }` and intrinsics keep
     * their CloudFormation long form; both are marked unjudged. Positions recorded by the YAML loader become
     * pointer locations: scalars at their value, mappings and sequences at their key.
     */
    plain(value, pointer, depth = 0, seen = new Set()) {
        if (value === null || typeof value === 'string' || typeof value === 'boolean')
            return value;
        if (typeof value === 'number')
            return Number.isFinite(value) ? value : undefined;
        if (isUnresolved(value)) {
            this.unjudged.add(pointer);
            return { unresolved: value.text };
        }
        if (typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value))
            return undefined;
        if (isIntrinsic(value))
            this.unjudged.add(pointer);
        seen.add(value);
        try {
            if (Array.isArray(value)) {
                const out = [];
                value.forEach((item, index) => {
                    const itemPointer = `${pointer}/${out.length}`;
                    const converted = this.plain(item, itemPointer, depth + 1, seen);
                    if (converted === undefined)
                        return;
                    this.at(itemPointer, locationOfValue(value, index) ?? locationOf(item));
                    out.push(converted);
                });
                return out;
            }
            const out = {};
            for (const [key, item] of Object.entries(value)) {
                const itemPointer = `${pointer}/${escapePointer(key)}`;
                const converted = this.plain(item, itemPointer, depth + 1, seen);
                if (converted === undefined)
                    continue;
                const isContainer = item !== null && typeof item === 'object' && !isUnresolved(item);
                this.at(itemPointer, isContainer ? (locationOfKey(value, key) ?? locationOf(item)) : locationOfValue(value, key));
                defineData(out, key, converted);
            }
            return out;
        }
        finally {
            seen.delete(value);
        }
    }
    /** A Located model value: its plain form at `pointer`, located where it is written. */
    located(data, key, located) {
        if (!located)
            return;
        const pointer = `/${escapePointer(key)}`;
        const converted = this.plain(located.value, pointer);
        if (converted === undefined)
            return;
        // Nested positions recorded by plain() stay; the value itself is at the Located's location.
        this.at(pointer, located.location);
        defineData(data, key, converted);
    }
    view(target, data, key, functionName) {
        return { target, data, location: this.root, locations: this.locations, unjudged: this.unjudged, key, ...(functionName ? { functionName } : {}) };
    }
}
function functionView(fn, analysis) {
    const b = new ViewBuilder(fn.location);
    const data = {
        name: fn.name,
        service: fn.service.name,
        manifest: fn.service.manifest,
        format: fn.service.kind,
    };
    b.located(data, 'handler', fn.handler);
    b.located(data, 'runtime', fn.runtime);
    b.located(data, 'memorySize', fn.memorySize);
    b.located(data, 'timeout', fn.timeout);
    b.located(data, 'tracing', fn.tracing);
    b.located(data, 'deadLetterTarget', fn.deadLetterTarget);
    b.located(data, 'kmsKeyArn', fn.kmsKeyArn);
    data.vpc = fn.vpc;
    data.role = fn.role.name;
    data.roleKind = fn.role.kind;
    data.events = fn.events.map((event, index) => {
        b.at(`/events/${index}`, event.location);
        const entry = { type: event.normalizedType, manifestType: event.type };
        if (event.source !== undefined) {
            const source = b.plain(event.source, `/events/${index}/source`);
            if (source !== undefined)
                entry.source = source;
        }
        return entry;
    });
    // Names only: values can be secrets and never reach a rule, a message or a report.
    const names = [];
    for (const variable of fn.environment) {
        if (names.includes(variable.name))
            continue;
        b.at(`/environment/${names.length}`, variable.location);
        names.push(variable.name);
    }
    data.environment = names;
    const tags = {};
    const written = (fn.properties.tags ?? fn.properties.Tags);
    for (const [key, value] of Object.entries(fn.tags)) {
        const pointer = `/tags/${escapePointer(key)}`;
        const converted = b.plain(value, pointer);
        if (converted === undefined)
            continue;
        b.at(pointer, locationOfValue(written, key) ?? locationOfValue(fn.tags, key));
        defineData(tags, key, converted);
    }
    data.tags = tags;
    const grants = [];
    for (const statement of fn.role.statements) {
        if (statement.effect !== 'Allow')
            continue;
        for (const action of statement.actions) {
            if (typeof action.value !== 'string' || grants.includes(action.value))
                continue;
            b.at(`/grants/${grants.length}`, action.location);
            grants.push(action.value);
        }
    }
    data.grants = grants;
    const properties = b.plain(withoutEnvironmentValues(fn.properties, true), '/properties');
    if (properties !== undefined)
        data.properties = properties;
    addCodeFacts(fn, analysis, b, data);
    return b.view('function', data, fn.id, fn.name);
}
/**
 * What the code does: derived actions, resources and needs, and the clients it creates. All of these are
 * omitted when the handler could not be analysed, so "must not call" rules stay silent rather than guess.
 */
function addCodeFacts(fn, analysis, b, data) {
    const permissions = analysis.permissionsOf(fn);
    data.codeAnalysed = permissions?.analysed === true;
    if (!permissions?.analysed)
        return;
    data.codeComplete = permissions.incompleteReasons.length === 0;
    const needs = [...permissions.needs].sort((x, y) => compareLocation(x.evidence.location, y.evidence.location) || (x.action < y.action ? -1 : x.action > y.action ? 1 : 0));
    const actions = [];
    const resources = [];
    data.needs = needs.map((need, index) => {
        b.at(`/needs/${index}`, need.evidence.location);
        if (!actions.includes(need.action)) {
            b.at(`/actions/${actions.length}`, need.evidence.location);
            actions.push(need.action);
        }
        const resource = resourceName(need);
        if (resource !== undefined && !resources.includes(resource)) {
            b.at(`/resources/${resources.length}`, need.evidence.location);
            resources.push(resource);
        }
        return needView(need);
    });
    data.actions = actions;
    data.resources = resources;
    data.platformActions = [...new Set(permissions.platform.map((need) => need.action))].sort();
    const usage = analysis.usageOf(fn);
    data.clients = (usage?.clients ?? []).map((client, index) => {
        b.at(`/clients/${index}`, client.location);
        return { name: client.name, kind: client.kind, scope: client.scope, file: client.location.file, ...(client.host ? { host: client.host } : {}) };
    });
}
function needView(need) {
    const out = { action: need.action };
    out.access = accessLevels(need.action);
    if (need.unresolved === undefined) {
        out.resource = typeof need.resource === 'string' ? need.resource : describeValue(need.resource);
    }
    else {
        out.unresolved = need.unresolved;
    }
    if (need.logicalId)
        out.logicalId = need.logicalId;
    if (need.resourceType)
        out.resourceType = need.resourceType;
    if (need.operation)
        out.operation = need.operation;
    out.file = need.evidence.location.file;
    return out;
}
/** A derived resource as a rule names it: the template's logical id, else the ARN or its short form. */
function resourceName(need) {
    if (need.unresolved !== undefined)
        return undefined;
    if (need.logicalId)
        return need.logicalId;
    if (need.resource === '*')
        return undefined;
    return typeof need.resource === 'string' ? need.resource : describeValue(need.resource);
}
/** The IAM access levels of an action (`Write`; `Permissions management` and `Write` for iam:AttachRolePolicy). */
function accessLevels(action) {
    let level;
    try {
        level = getActionByFullName(action)?.accessLevel;
    }
    catch {
        level = undefined; // a malformed action name: no access level rather than a failed rule
    }
    return level ? level.split(',').map((part) => part.trim()).filter((part) => part) : [];
}
function resourceView(resource) {
    const b = new ViewBuilder(resource.location);
    const data = {
        logicalId: resource.logicalId,
        type: resource.type,
        service: resource.service.name,
        manifest: resource.service.manifest,
    };
    // A missing property is reported at the resource, not at the first line of its Properties block.
    data.properties = b.plain(withoutEnvironmentValues(resource.properties, false), '/properties') ?? {};
    b.at('/properties', resource.location);
    if (resource.metadata) {
        const metadata = b.plain(resource.metadata, '/metadata');
        if (metadata !== undefined)
            data.metadata = metadata;
    }
    return b.view('resource', data, `${resource.service.id}#${resource.logicalId}`);
}
function roleView(role) {
    const b = new ViewBuilder(role.location);
    const grants = [];
    role.statements.forEach((statement) => {
        if (statement.effect !== 'Allow')
            return;
        for (const action of statement.actions) {
            if (typeof action.value !== 'string' || grants.includes(action.value))
                continue;
            b.at(`/grants/${grants.length}`, action.location);
            grants.push(action.value);
        }
    });
    const data = {
        name: role.name,
        kind: role.kind,
        service: role.service.name,
        manifest: role.service.manifest,
        functions: role.functions.map((fn) => fn.name),
        managedPolicies: role.managedPolicies.map((policy, index) => {
            b.at(`/managedPolicies/${index}`, policy.location);
            return policy.name ?? (b.plain(policy.value, `/managedPolicies/${index}`) ?? null);
        }),
        statements: role.statements.map((statement, index) => statementData(b, statement, `/statements/${index}`)),
        grants,
        incomplete: role.incomplete,
    };
    return b.view('role', data, role.id);
}
function statementView(role, statement) {
    const b = new ViewBuilder(statement.location);
    const data = {
        role: role.name,
        roleKind: role.kind,
        functions: role.functions.map((fn) => fn.name),
        ...statementData(b, statement, ''),
    };
    return b.view('statement', data, `${role.id}|${statement.path}`);
}
function statementData(b, statement, base) {
    b.at(base, statement.location);
    const list = (key, values) => {
        const out = [];
        for (const entry of values) {
            const pointer = `${base}/${key}/${out.length}`;
            const converted = b.plain(entry.value, pointer);
            if (converted === undefined)
                continue;
            b.at(pointer, entry.location);
            out.push(converted);
        }
        return out;
    };
    const data = {
        path: statement.path,
        effect: statement.effect,
        actions: list('actions', statement.actions),
        notActions: list('notActions', statement.notActions),
        resources: list('resources', statement.resources),
        notResources: list('notResources', statement.notResources),
        origin: statement.origin.kind,
    };
    if (statement.sid)
        data.sid = statement.sid;
    if (statement.origin.kind === 'sam-policy-template')
        data.template = statement.origin.template;
    if (statement.origin.kind === 'managed-policy')
        data.managedPolicy = statement.origin.policy;
    if (statement.condition !== undefined) {
        const condition = b.plain(statement.condition, `${base}/condition`);
        if (condition !== undefined)
            data.condition = condition;
    }
    return data;
}
function serviceView(service) {
    const b = new ViewBuilder(service.location);
    const data = {
        name: service.name,
        format: service.kind,
        manifest: service.manifest,
        functions: service.functions.map((fn) => fn.name),
        resources: service.resources.map((resource) => resource.logicalId),
        roles: service.roles.map((role) => role.name),
    };
    if (service.stage !== undefined)
        data.stage = service.stage;
    if (service.region !== undefined)
        data.region = service.region;
    const container = service.container;
    if (container) {
        const out = { name: container.name };
        b.at('/container', container.location);
        for (const key of ['image', 'scaling', 'security', 'healthCheck']) {
            const located = container[key];
            if (!located)
                continue;
            const converted = b.plain(located.value, `/container/${key}`);
            if (converted === undefined)
                continue;
            b.at(`/container/${key}`, located.location);
            out[key] = converted;
        }
        out.baseImages = container.baseImages.map((image, index) => {
            b.at(`/container/baseImages/${index}`, image.location);
            return image.value;
        });
        data.container = out;
    }
    return b.view('service', data, service.id);
}
/**
 * Environment values can be secrets, so they never reach a rule: a function's properties drop their
 * environment block (the view lists the names), a resource keeps the names with null values.
 */
function withoutEnvironmentValues(properties, dropBlock) {
    const key = ['environment', 'Environment'].find((k) => Object.prototype.hasOwnProperty.call(properties, k));
    if (key === undefined)
        return properties;
    const copy = { ...properties };
    copyPositions(properties, copy);
    if (dropBlock) {
        delete copy[key];
        return copy;
    }
    const block = properties[key];
    if (block === null || typeof block !== 'object' || Array.isArray(block))
        return copy;
    const variables = block.Variables;
    const redacted = { ...block };
    copyPositions(block, redacted);
    if (variables !== null && typeof variables === 'object' && !Array.isArray(variables)) {
        const names = {};
        copyPositions(variables, names);
        for (const name of Object.keys(variables))
            Object.defineProperty(names, name, { value: null, enumerable: true, writable: true, configurable: true });
        redacted.Variables = names;
    }
    else {
        delete redacted.Variables;
    }
    copy[key] = redacted;
    return copy;
}
/** JSON pointer escaping, as Ajv writes `instancePath`. */
export function escapePointer(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
export function unescapePointer(segment) {
    return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
/** The value at a JSON pointer, or undefined. */
export function valueAt(data, pointer) {
    if (pointer === '')
        return data;
    let node = data;
    for (const raw of pointer.split('/').slice(1)) {
        if (node === null || typeof node !== 'object')
            return undefined;
        const segment = unescapePointer(raw);
        node = Array.isArray(node) ? node[Number(segment)] : Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    }
    return node;
}
function defineData(target, key, value) {
    // `__proto__` written in a manifest stays an ordinary key.
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function compareLocation(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}
