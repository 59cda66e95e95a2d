// Finds Lambda runtimes past (or close to) their deprecation, and container base images whose Node.js
// or Lambda runtime no longer gets security fixes, from the dated tables in src/data/lambda-runtimes.json.
import { defineRule } from '../../src/engine/rule.js';
import { readPackageJson } from '../../src/util/package-root.js';
import { quote, quoteEach } from '../../src/util/quote.js';
let tables;
function runtimeTables() {
    tables ??= readPackageJson('src/data/lambda-runtimes.json');
    return tables;
}
const DAY = 24 * 60 * 60 * 1000;
/** The runtime families a deprecated runtime can move to (go1.x moves to an OS-only runtime). */
function familyOf(runtime) {
    const match = /^(nodejs|python|ruby|java|dotnetcore|dotnet|go|provided)/.exec(runtime);
    if (!match)
        return undefined;
    if (match[1] === 'dotnetcore')
        return 'dotnet';
    if (match[1] === 'go')
        return 'provided';
    return match[1];
}
/** The newest runtime of the same family that is still supported at `now`. */
export function replacementFor(runtime, now) {
    const family = familyOf(runtime);
    if (!family)
        return undefined;
    const candidates = Object.entries(runtimeTables().lambdaRuntimes)
        .filter(([id, dates]) => familyOf(id) === family && Date.parse(dates.deprecated) > now.getTime())
        .sort(([a, x], [b, y]) => Date.parse(y.deprecated) - Date.parse(x.deprecated) || b.localeCompare(a, 'en', { numeric: true }));
    return candidates[0]?.[0];
}
const NODE_REPOSITORIES = new Set(['node', 'library/node', 'docker/library/node', 'bitnami/node', 'cimg/node', 'circleci/node']);
const LAMBDA_IMAGE_REPOSITORIES = ['lambda/', 'amazon/aws-lambda-'];
/**
 * What an image reference runs: `node:18-alpine` is Node.js 18, `public.ecr.aws/lambda/python:3.8`
 * the python3.8 Lambda runtime. Undefined when the tag does not say (`node:lts`, `node@sha256:...`, `${BASE}`).
 */
export function imageRuntime(image) {
    if (image.includes('$'))
        return undefined;
    const withoutDigest = image.split('@')[0];
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    if (colon <= slash)
        return undefined;
    const tag = withoutDigest.slice(colon + 1).toLowerCase();
    let repository = withoutDigest.slice(0, colon).toLowerCase();
    const parts = repository.split('/');
    // A first part with a dot, a port or "localhost" is a registry host, not part of the repository path.
    if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost'))
        repository = parts.slice(1).join('/');
    if (NODE_REPOSITORIES.has(repository)) {
        const version = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1];
        if (version)
            return { kind: 'node', id: version };
        const codename = /^(?:lts-)?([a-z]+)(?:-|$)/.exec(tag)?.[1];
        const major = codename ? runtimeTables().nodejsCodenames[codename] : undefined;
        return major ? { kind: 'node', id: major } : undefined;
    }
    const prefix = LAMBDA_IMAGE_REPOSITORIES.find((p) => repository.startsWith(p));
    if (prefix) {
        const id = lambdaRuntimeId(repository.slice(prefix.length), tag);
        return id && id in runtimeTables().lambdaRuntimes ? { kind: 'lambda', id } : undefined;
    }
    return undefined;
}
/** `nodejs` + `18` -> nodejs18.x, `python` + `3.8` -> python3.8, `java` + `8.al2` -> java8.al2, `provided` + `al2` -> provided.al2. */
function lambdaRuntimeId(language, tag) {
    switch (language) {
        case 'nodejs': {
            const major = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1];
            return major ? `nodejs${major}.x` : undefined;
        }
        case 'python':
        case 'ruby': {
            const version = /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
            return version ? `${language}${version}` : undefined;
        }
        case 'java': {
            const version = /^(\d+(?:\.al2(?:023)?)?)(?:[.-]|$)/.exec(tag)?.[1];
            return version ? `java${version}` : undefined;
        }
        case 'dotnet': {
            const version = /^(\d+|core\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
            return version ? `dotnet${version}` : undefined;
        }
        case 'provided': {
            const os = /^(al2023|al2|alami)(?:[.-]|$)/.exec(tag)?.[1];
            return os === undefined ? undefined : os === 'alami' ? 'provided' : `provided.${os}`;
        }
        default:
            return undefined;
    }
}
function daysUntil(day, now) {
    return Math.ceil((Date.parse(day) - now.getTime()) / DAY);
}
function sameLocation(a, b) {
    return a.file === b.file && a.line === b.line && a.column === b.column;
}
export default defineRule({
    id: 'ops/deprecated-runtime',
    category: 'ops',
    severity: 'warning',
    description: 'A function or container runs on a language runtime that no longer gets security fixes.',
    fullDescription: 'Lambda deprecates a runtime when its language version or operating system reaches end of life: it stops patching it, and some weeks later blocks updates to functions that use it, so even an urgent fix cannot be deployed without a runtime upgrade. The rule reads the dates from AWS\'s runtime table: an error once updates are blocked, a warning once deprecated, a note when deprecation is near. It also checks the base image that runs in the Dockerfile beside a kind: Service manifest (the last stage): a Node.js version past its end of life, or a Lambda base image on a deprecated runtime. Runtimes and tags it cannot date (intrinsics, variables, node:lts) are not judged.',
    help: 'Move to a supported runtime and test the function with it, for example `runtime: nodejs22.x` instead of `nodejs16.x`; in a Dockerfile use a supported base, for example `FROM node:22-alpine` instead of `FROM node:18-alpine`.',
    precision: 'very-high',
    tags: ['security', 'maintainability', 'external/cwe/cwe-1104'],
    securitySeverity: 5.3,
    messages: {
        blocked: '{{runtime}} is no longer supported: Lambda stopped patching it on {{deprecated}} and has blocked updates to functions using it since {{blockUpdate}} ({{functions}}).{{upgrade}}',
        deprecated: '{{runtime}} is deprecated since {{deprecated}}: Lambda no longer patches it, and from {{blockUpdate}} functions using it can no longer be updated ({{functions}}).{{upgrade}}',
        deprecatedSoon: '{{runtime}} will be deprecated on {{deprecated}}, in {{days}} days: after that Lambda no longer patches it ({{functions}}).{{upgrade}}',
        imageDeprecated: 'The base image {{image}} is built on the {{runtime}} Lambda runtime, deprecated since {{deprecated}}: its image no longer gets security patches.{{upgrade}}',
        imageDeprecatedSoon: 'The base image {{image}} is built on the {{runtime}} Lambda runtime, which will be deprecated on {{deprecated}}, in {{days}} days.{{upgrade}}',
        nodeEndOfLife: 'The base image {{image}} runs Node.js {{version}}, which reached end of life on {{date}} and no longer gets security fixes.',
        nodeEndOfLifeSoon: 'The base image {{image}} runs Node.js {{version}}, which reaches end of life on {{date}}, in {{days}} days.',
    },
    optionsSchema: {
        type: 'object',
        additionalProperties: false,
        properties: { noticeDays: { type: 'integer', minimum: 0, description: 'Days before a deprecation or end of life to start reporting a note.' } },
    },
    defaultOptions: { noticeDays: 90 },
    check({ project, now, options, report }) {
        const { lambdaRuntimes, nodejsEndOfLife } = runtimeTables();
        const noticeDays = options.noticeDays;
        const upgrade = (runtime) => {
            const to = replacementFor(runtime, now);
            return to ? ` Upgrade to ${to}.` : '';
        };
        // A runtime inherited from provider.runtime or Globals is one line shared by many functions: report it once there.
        const groups = [];
        for (const fn of project.functions) {
            const located = fn.runtime;
            const runtime = located?.value;
            if (!located || typeof runtime !== 'string')
                continue; // !Ref Runtime, ${param:runtime}: not knowable here
            const group = groups.find((g) => g.runtime === runtime && sameLocation(g.location, located.location));
            if (group)
                group.functions.push(fn);
            else
                groups.push({ location: located.location, runtime, functions: [fn] });
        }
        for (const { location, runtime, functions } of groups) {
            const dates = lambdaRuntimes[runtime];
            if (!dates)
                continue;
            const [first] = functions;
            const single = functions.length === 1 ? first : undefined;
            const base = {
                at: location,
                key: `${first?.service.id}|${runtime}|${single ? single.name : 'shared'}`,
                related: single ? [] : functions.map((f) => ({ location: f.location, message: `${quote(f.name)} uses ${runtime}` })),
                ...(single ? { function: single.name } : {}),
            };
            const names = quoteEach(functions.map((f) => f.name));
            const data = { runtime, deprecated: dates.deprecated, blockUpdate: dates.blockUpdate, functions: names, upgrade: upgrade(runtime) };
            const days = daysUntil(dates.deprecated, now);
            if (daysUntil(dates.blockUpdate, now) <= 0)
                report({ ...base, messageId: 'blocked', severity: 'error', data });
            else if (days <= 0)
                report({ ...base, messageId: 'deprecated', severity: 'warning', data });
            else if (days <= noticeDays)
                report({ ...base, messageId: 'deprecatedSoon', severity: 'note', data: { ...data, days } });
        }
        for (const service of project.services) {
            // The last stage is the image that runs; build stages do not ship.
            const image = service.container?.baseImages.at(-1);
            if (!image)
                continue;
            const found = imageRuntime(image.value);
            if (!found)
                continue;
            const key = `${service.id}|Dockerfile|${found.kind}|${found.id}`;
            if (found.kind === 'node') {
                const date = nodejsEndOfLife[found.id];
                if (!date)
                    continue;
                const days = daysUntil(date, now);
                const data = { image: quote(image.value), version: found.id, date, days };
                if (days <= 0)
                    report({ messageId: 'nodeEndOfLife', severity: 'warning', at: image.location, key, data });
                else if (days <= noticeDays)
                    report({ messageId: 'nodeEndOfLifeSoon', severity: 'note', at: image.location, key, data });
                continue;
            }
            const dates = lambdaRuntimes[found.id];
            if (!dates)
                continue;
            const days = daysUntil(dates.deprecated, now);
            const data = { image: quote(image.value), runtime: found.id, deprecated: dates.deprecated, days, upgrade: upgrade(found.id) };
            // Image functions have no update block: the image simply stops getting patches.
            if (days <= 0)
                report({ messageId: 'imageDeprecated', severity: 'warning', at: image.location, key, data });
            else if (days <= noticeDays)
                report({ messageId: 'imageDeprecatedSoon', severity: 'note', at: image.location, key, data });
        }
    },
});
