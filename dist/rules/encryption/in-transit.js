// Finds data that may cross the network unencrypted: S3 buckets that accept plain HTTP, ElastiCache
// replication groups without TLS, and database URLs that turn TLS off.
import { defineRule } from '../../src/engine/rule.js';
import { findInsecureDatabaseUrl } from '../../src/analyse/database-urls.js';
import { locationOfValue } from '../../src/model/positions.js';
import { hasProperty, locationOfProperty, readFlag, readProperty } from '../../src/model/property-value.js';
import { isIntrinsic, isUnresolved } from '../../src/model/values.js';
import { quote, quoteEach } from '../../src/util/quote.js';
const MAX_DEPTH = 64;
export default defineRule({
    id: 'encryption/in-transit',
    category: 'encryption',
    severity: 'warning',
    description: 'Data may travel over the network without TLS.',
    fullDescription: 'Reports ElastiCache replication groups without TransitEncryptionEnabled: true (or in the preferred mode that still accepts ' +
        'plain connections), database URLs (postgres://, mysql://, mongodb://) in function environment variables or resource ' +
        'properties that set sslmode=disable, ssl=false or tls=false, and, as a note, S3 buckets whose bucket policy does not deny ' +
        'requests with aws:SecureTransport false. Website buckets are skipped (S3 website endpoints only speak HTTP), and a bucket ' +
        'is not judged when a policy in the same template targets a bucket that cannot be resolved. RDS clusters and instances are ' +
        'not reported: the server-side setting lives in parameter groups.',
    help: 'Require TLS: add to the bucket policy a statement `{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: [bucket ARN, ' +
        'bucket ARN/*], Condition: { Bool: { "aws:SecureTransport": false } } }`; set `TransitEncryptionEnabled: true` on ElastiCache; ' +
        'connect to databases with `sslmode=require` (or `verify-full`), `tls=true`, never with TLS disabled.',
    securitySeverity: 5.3,
    precision: 'high',
    tags: ['security', 'encryption', 'external/cwe/cwe-319'],
    messages: {
        bucketWithoutPolicy: 'S3 bucket {{name}} accepts plain HTTP requests: no bucket policy denies aws:SecureTransport false.',
        bucketPolicyAllowsHttp: 'S3 bucket {{name}} accepts plain HTTP requests: its bucket policy {{policy}} has no Deny on aws:SecureTransport false.',
        cacheWithoutTls: 'ElastiCache replication group {{name}} does not encrypt traffic: TransitEncryptionEnabled is not true.',
        cachePreferredTls: 'ElastiCache replication group {{name}} still accepts unencrypted connections: TransitEncryptionMode is preferred.',
        environmentUrl: 'Environment variable {{name}} holds a {{scheme}} URL with TLS turned off ({{parameter}}), so data and credentials cross the network in clear text.',
        propertyUrl: 'Property {{property}} of {{name}} holds a {{scheme}} URL with TLS turned off ({{parameter}}), so data and credentials cross the network in clear text.',
    },
    defaultOptions: {},
    check({ project, report }) {
        const policiesByService = new Map();
        const bucketIds = new Set();
        for (const resource of project.resources) {
            if (resource.type === 'AWS::S3::Bucket')
                bucketIds.add(`${resource.service.id}|${resource.logicalId}`);
            if (resource.type !== 'AWS::S3::BucketPolicy')
                continue;
            const list = policiesByService.get(resource.service.id) ?? [];
            list.push(resource);
            policiesByService.set(resource.service.id, list);
        }
        // Bucket: !Ref BucketParameter names a bucket the template does not show.
        const isTemplateBucket = (service, logicalId) => bucketIds.has(`${service}|${logicalId}`);
        for (const resource of project.resources) {
            const props = resource.properties;
            const key = `${resource.logicalId}|${resource.service.id}`;
            if (resource.type === 'AWS::S3::Bucket') {
                // S3 website endpoints serve HTTP only; a SecureTransport deny would take the site down.
                if (hasProperty(props, 'WebsiteConfiguration'))
                    continue;
                const verdict = judgeBucket(resource, policiesByService.get(resource.service.id) ?? [], isTemplateBucket);
                if (verdict.kind === 'no-policy') {
                    report({ messageId: 'bucketWithoutPolicy', data: { name: quote(resource.logicalId) }, at: resource.location, key: `${key}|secure-transport`, severity: 'note' });
                }
                else if (verdict.kind === 'allows-http') {
                    report({
                        messageId: 'bucketPolicyAllowsHttp',
                        data: { name: quote(resource.logicalId), policy: quoteEach(verdict.policies.map((p) => p.logicalId)) },
                        at: resource.location,
                        related: verdict.policies.map((p) => ({ location: p.location, message: `Bucket policy ${quote(p.logicalId)}.` })),
                        key: `${key}|secure-transport`,
                        severity: 'note',
                    });
                }
            }
            else if (resource.type === 'AWS::ElastiCache::ReplicationGroup') {
                const transit = readFlag(props, 'TransitEncryptionEnabled');
                if (transit === 'off') {
                    report({ messageId: 'cacheWithoutTls', data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, 'TransitEncryptionEnabled'), key: `${key}|transit` });
                }
                else if (transit === 'on' && isLiteral(readProperty(props, 'TransitEncryptionMode'), 'preferred')) {
                    report({ messageId: 'cachePreferredTls', data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, 'TransitEncryptionMode'), key: `${key}|transit` });
                }
            }
        }
        // Provider and Globals variables are inherited by every function: report them once, where they are written.
        const reportedKeys = new Set();
        const reportedPlaces = new Set();
        for (const fn of project.functions) {
            for (const variable of fn.environment) {
                const text = literalText(variable.value);
                const insecure = text === undefined ? undefined : findInsecureDatabaseUrl(text);
                if (!insecure)
                    continue;
                const key = environmentKey(fn, variable);
                reportedPlaces.add(placeOf(variable.location));
                if (reportedKeys.has(key))
                    continue;
                reportedKeys.add(key);
                report({
                    messageId: 'environmentUrl',
                    data: { name: quote(variable.name), scheme: insecure.scheme, parameter: quote(insecure.parameter) },
                    at: variable.location,
                    ...(variable.origin === 'function' ? { function: fn.name } : {}),
                    key,
                });
            }
        }
        for (const resource of project.resources) {
            if (resource.type === 'AWS::RDS::DBCluster' || resource.type === 'AWS::RDS::DBInstance')
                continue;
            visitStrings(resource.properties, [], 0, (text, location, path) => {
                const insecure = findInsecureDatabaseUrl(text);
                // A function's Environment is also in the resource; the environment pass above reported it.
                if (!insecure || reportedPlaces.has(placeOf(location)))
                    return;
                reportedPlaces.add(placeOf(location));
                const property = path.join('.');
                report({
                    messageId: 'propertyUrl',
                    data: { name: quote(resource.logicalId), property: quote(property), scheme: insecure.scheme, parameter: quote(insecure.parameter) },
                    at: location,
                    key: `${resource.logicalId}|${resource.service.id}|${property}`,
                });
            });
        }
    },
});
function judgeBucket(bucket, policies, isTemplateBucket) {
    const nameRead = readProperty(bucket.properties, 'BucketName');
    const literalName = nameRead.kind === 'value' && typeof nameRead.value === 'string' ? nameRead.value : undefined;
    const mine = [];
    let someUnknown = false;
    for (const policy of policies) {
        const target = policyTarget(policy.properties.Bucket);
        if (target.kind === 'unknown' || (target.kind === 'ref' && !isTemplateBucket(policy.service.id, target.logicalId)))
            someUnknown = true;
        else if ((target.kind === 'ref' && target.logicalId === bucket.logicalId) || (target.kind === 'name' && target.name === literalName))
            mine.push(policy);
    }
    if (mine.length === 0)
        return someUnknown ? { kind: 'ok' } : { kind: 'no-policy' };
    const verdicts = mine.map((policy) => deniesInsecureTransport(policy.properties.PolicyDocument));
    if (verdicts.includes('yes') || verdicts.includes('unknown'))
        return { kind: 'ok' };
    return { kind: 'allows-http', policies: mine };
}
function policyTarget(value) {
    if (typeof value === 'string')
        return { kind: 'name', name: value };
    if (isIntrinsic(value)) {
        if (typeof value.Ref === 'string')
            return { kind: 'ref', logicalId: value.Ref };
        // !Sub '${UploadsBucket}'
        const sub = value['Fn::Sub'];
        const match = typeof sub === 'string' ? /^\$\{([A-Za-z0-9]+)\}$/.exec(sub) : null;
        if (match)
            return { kind: 'ref', logicalId: match[1] };
    }
    return { kind: 'unknown' };
}
/** Whether the policy document has a statement `Effect: Deny` with `Bool: { aws:SecureTransport: false }`. */
function deniesInsecureTransport(document) {
    if (typeof document === 'string') {
        try {
            document = JSON.parse(document);
        }
        catch {
            return 'unknown';
        }
    }
    const read = readProperty(document, 'Statement');
    if (read.kind === 'unknown')
        return 'unknown';
    if (read.kind === 'missing')
        return 'no';
    const statements = Array.isArray(read.value) ? read.value : [read.value];
    let result = 'no';
    for (const statement of statements) {
        const verdict = statementDeniesInsecureTransport(statement);
        if (verdict === 'yes')
            return 'yes';
        if (verdict === 'unknown')
            result = 'unknown';
    }
    return result;
}
function statementDeniesInsecureTransport(statement) {
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement) || isIntrinsic(statement) || isUnresolved(statement))
        return 'unknown';
    const effect = readProperty(statement, 'Effect');
    if (effect.kind === 'unknown')
        return 'unknown';
    if (effect.kind !== 'value' || effect.value !== 'Deny')
        return 'no';
    const condition = readProperty(statement, 'Condition');
    if (condition.kind === 'unknown')
        return 'unknown';
    if (condition.kind !== 'value' || typeof condition.value !== 'object')
        return 'no';
    let result = 'no';
    for (const [operator, block] of Object.entries(condition.value)) {
        if (operator !== 'Bool' && operator !== 'BoolIfExists')
            continue;
        if (isIntrinsic(block) || isUnresolved(block))
            return 'unknown';
        if (block === null || typeof block !== 'object')
            continue;
        for (const [conditionKey, expected] of Object.entries(block)) {
            // Condition keys are case-insensitive.
            if (conditionKey.toLowerCase() !== 'aws:securetransport')
                continue;
            const values = Array.isArray(expected) ? expected : [expected];
            if (values.some((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false')))
                return 'yes';
            if (values.some((v) => isIntrinsic(v) || isUnresolved(v)))
                result = 'unknown';
        }
    }
    return result;
}
/** A plain string, or the literal text of a `!Sub` template with its `${...}` parts blanked out; otherwise undefined. */
function literalText(value) {
    if (typeof value === 'string')
        return value;
    if (isIntrinsic(value) && 'Fn::Sub' in value) {
        const sub = value['Fn::Sub'];
        const template = Array.isArray(sub) ? sub[0] : sub;
        if (typeof template === 'string')
            return template.replace(/\$\{[^}]*\}/g, 'x');
    }
    return undefined;
}
function visitStrings(node, path, depth, visit) {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object' || isUnresolved(node))
        return;
    const entries = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
        const text = isIntrinsic(value) && 'Fn::Sub' in value ? literalText(value) : typeof value === 'string' ? value : undefined;
        if (text !== undefined) {
            const location = locationOfValue(node, key);
            if (location)
                visit(text, location, [...path, key]);
        }
        else {
            visitStrings(value, [...path, key], depth + 1, visit);
        }
    }
}
function environmentKey(fn, variable) {
    return variable.origin === 'function' ? `${fn.service.id}|env|${fn.name}|${variable.name}` : `${fn.service.id}|env|${variable.name}`;
}
function placeOf(location) {
    return `${location.file}:${location.line}:${location.column}`;
}
function relatedProperty(props, path) {
    const location = locationOfProperty(props, path);
    return location ? [{ location, message: `${path} is set here.` }] : [];
}
function isLiteral(read, expected) {
    return read.kind === 'value' && typeof read.value === 'string' && read.value.toLowerCase() === expected;
}
