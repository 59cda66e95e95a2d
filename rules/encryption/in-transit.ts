// Finds data that may cross the network unencrypted: S3 buckets that accept plain HTTP, ElastiCache
// replication groups without TLS, MSK clusters open to plaintext clients, load balancer listeners serving
// plain HTTP, API Gateway domains allowing TLS 1.0, CloudFront distributions speaking HTTP, and database
// URLs that turn TLS off.
import { defineRule, type EnvironmentVariable, findInsecureDatabaseUrl, type FunctionModel, hasProperty, isIntrinsic, isUnresolved, type Location, locationOfProperty, locationOfValue, quote, quoteEach, readFlag, readPolicyDocument, readProperty, type RelatedLocation, type ResourceModel } from '../kit.js';

type MessageId =
  | 'bucketWithoutPolicy'
  | 'bucketPolicyAllowsHttp'
  | 'cacheWithoutTls'
  | 'cachePreferredTls'
  | 'kafkaPlaintext'
  | 'listenerHttp'
  | 'listenerRuleHttp'
  | 'domainTls10'
  | 'domainManagerTls10'
  | 'listenerOldTls'
  | 'viewerHttp'
  | 'originHttp'
  | 'environmentUrl'
  | 'propertyUrl';

type Tristate = 'yes' | 'no' | 'unknown';

/** Which bucket an AWS::S3::BucketPolicy applies to. */
type PolicyTarget = { kind: 'ref'; logicalId: string } | { kind: 'name'; name: string } | { kind: 'unknown' };

const MAX_DEPTH = 64;

export default defineRule<Record<string, never>, MessageId>({
  id: 'encryption/in-transit',
  category: 'encryption',
  severity: 'warning',
  description: 'Data may travel over the network without TLS.',
  fullDescription:
    'Reports ElastiCache replication groups without TransitEncryptionEnabled: true (or in preferred mode); MSK ClientBroker ' +
    'PLAINTEXT or TLS_PLAINTEXT; HTTP listeners (and their rules) that do not redirect to HTTPS; HTTPS and TLS listeners ' +
    'whose SslPolicy accepts TLS 1.0 or 1.1 (TCP and UDP pass-through is not judged, as in Checkov); API Gateway domains ' +
    'with SecurityPolicy TLS_1_0, also serverless-domain-manager `securityPolicy: tls_1_0`; CloudFront ViewerProtocolPolicy ' +
    'allow-all and custom origins with OriginProtocolPolicy http-only (not S3 website origins); database URLs in environment ' +
    'variables or properties with sslmode=disable, ssl=false or tls=false; and S3 buckets whose policy does not ' +
    'deny aws:SecureTransport false (not website buckets, nor when a policy of the template targets an unresolvable ' +
    'bucket). RDS is not reported: its server-side setting lives in parameter groups.',
  help:
    'Require TLS: add to the bucket policy a statement `{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: [bucket ARN, ' +
    'bucket ARN/*], Condition: { Bool: { "aws:SecureTransport": false } } }`; set `TransitEncryptionEnabled: true` on ElastiCache; ' +
    '`ClientBroker: TLS` on MSK; a `redirect` action with `Protocol: HTTPS` on port-80 listeners; `SecurityPolicy: TLS_1_2`; ' +
    '`SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06` on HTTPS and TLS listeners; `securityPolicy: tls_1_2` for serverless-domain-manager; ' +
    '`ViewerProtocolPolicy: redirect-to-https` and `OriginProtocolPolicy: https-only` on CloudFront; ' +
    'connect to databases with `sslmode=require` (or `verify-full`), `tls=true`, never with TLS disabled.\n' +
    'cdk-nag: AwsSolutions-S10 (S3), AwsSolutions-SNS3 (SNS), AwsSolutions-SQS4 (SQS).',
  securitySeverity: 5.3,
  precision: 'high',
  tags: ['security', 'encryption', 'external/cwe/cwe-319'],
  messages: {
    bucketWithoutPolicy: 'S3 bucket {{name}} accepts plain HTTP requests: no bucket policy denies aws:SecureTransport false.',
    bucketPolicyAllowsHttp: 'S3 bucket {{name}} accepts plain HTTP requests: its bucket policy {{policy}} has no Deny on aws:SecureTransport false.',
    cacheWithoutTls: 'ElastiCache replication group {{name}} does not encrypt traffic: TransitEncryptionEnabled is not true.',
    cachePreferredTls: 'ElastiCache replication group {{name}} still accepts unencrypted connections: TransitEncryptionMode is preferred.',
    kafkaPlaintext: 'MSK cluster {{name}} accepts plaintext client connections: EncryptionInTransit.ClientBroker is {{setting}}.',
    listenerHttp: 'Load balancer listener {{name}} serves plain HTTP on port {{port}}: its default action is {{action}}, not a redirect to HTTPS.',
    listenerRuleHttp: 'Listener rule {{name}} serves requests of the plain HTTP listener {{listener}}: its action is {{action}}, not a redirect to HTTPS.',
    domainTls10: 'API Gateway domain {{name}} accepts TLS 1.0 and 1.1 clients: SecurityPolicy is TLS_1_0.',
    domainManagerTls10: 'Custom domain {{name}} accepts TLS 1.0 and 1.1 clients: the serverless-domain-manager securityPolicy is {{policy}}.',
    listenerOldTls: 'Load balancer listener {{name}} ({{protocol}}) accepts TLS 1.0 or 1.1 clients: SslPolicy is {{policy}}.',
    viewerHttp: 'CloudFront distribution {{name}} serves viewers over plain HTTP: {{behavior}} has ViewerProtocolPolicy allow-all.',
    originHttp: 'CloudFront distribution {{name}} reaches origin {{origin}} over plain HTTP: OriginProtocolPolicy is http-only.',
    environmentUrl: 'Environment variable {{name}} holds a {{scheme}} URL with TLS turned off ({{parameter}}), so data and credentials cross the network in clear text.',
    propertyUrl: 'Property {{property}} of {{name}} holds a {{scheme}} URL with TLS turned off ({{parameter}}), so data and credentials cross the network in clear text.',
  },
  defaultOptions: {},
  check({ project, report }) {
    const policiesByService = new Map<string, ResourceModel[]>();
    const bucketIds = new Set<string>();
    for (const resource of project.resources) {
      if (resource.type === 'AWS::S3::Bucket') bucketIds.add(`${resource.service.id}|${resource.logicalId}`);
      if (resource.type !== 'AWS::S3::BucketPolicy') continue;
      const list = policiesByService.get(resource.service.id) ?? [];
      list.push(resource);
      policiesByService.set(resource.service.id, list);
    }
    // Bucket: !Ref BucketParameter names a bucket the template does not show.
    const isTemplateBucket = (service: string, logicalId: string): boolean => bucketIds.has(`${service}|${logicalId}`);

    for (const resource of project.resources) {
      const props = resource.properties;
      const key = `${resource.logicalId}|${resource.service.id}`;
      if (resource.type === 'AWS::S3::Bucket') {
        // S3 website endpoints serve HTTP only; a SecureTransport deny would take the site down.
        if (hasProperty(props, 'WebsiteConfiguration')) continue;
        const verdict = judgeBucket(resource, policiesByService.get(resource.service.id) ?? [], isTemplateBucket);
        if (verdict.kind === 'no-policy') {
          report({ messageId: 'bucketWithoutPolicy', data: { name: quote(resource.logicalId) }, at: resource.location, key: `${key}|secure-transport` });
        } else if (verdict.kind === 'allows-http') {
          report({
            messageId: 'bucketPolicyAllowsHttp',
            data: { name: quote(resource.logicalId), policy: quoteEach(verdict.policies.map((p) => p.logicalId)) },
            at: resource.location,
            related: verdict.policies.map((p) => ({ location: p.location, message: `Bucket policy ${quote(p.logicalId)}.` })),
            key: `${key}|secure-transport`,
          });
        }
      } else if (resource.type === 'AWS::MSK::Cluster') {
        const broker = readProperty(props, 'EncryptionInfo.EncryptionInTransit.ClientBroker');
        if (broker.kind === 'value' && typeof broker.value === 'string' && ['PLAINTEXT', 'TLS_PLAINTEXT'].includes(broker.value.toUpperCase())) {
          report({
            messageId: 'kafkaPlaintext',
            data: { name: quote(resource.logicalId), setting: broker.value },
            at: resource.location,
            related: relatedProperty(props, 'EncryptionInfo.EncryptionInTransit.ClientBroker'),
            key: `${key}|transit`,
          });
        }
      } else if (resource.type === 'AWS::ElasticLoadBalancingV2::Listener') {
        // TLS on a Network Load Balancer, HTTPS on an Application Load Balancer: judged by the TLS versions they accept.
        // TCP and UDP listeners pass bytes through; whether the target speaks TLS cannot be seen here (as Checkov CKV_AWS_2).
        const protocol = readProperty(props, 'Protocol');
        if (isLiteral(protocol, 'https') || isLiteral(protocol, 'tls')) {
          const policy = readProperty(props, 'SslPolicy');
          if (policy.kind === 'value' && typeof policy.value === 'string' && allowsLegacyTls(policy.value)) {
            report({
              messageId: 'listenerOldTls',
              data: { name: quote(resource.logicalId), protocol: String(protocol.kind === 'value' ? protocol.value : '').toUpperCase(), policy: policy.value },
              at: resource.location,
              related: relatedProperty(props, 'SslPolicy'),
              key: `${key}|tls`,
            });
          }
          continue;
        }
        if (!isLiteral(protocol, 'http')) continue;
        const action = servedAction(props.DefaultActions);
        if (action === undefined) continue;
        const port = readProperty(props, 'Port');
        report({
          messageId: 'listenerHttp',
          data: { name: quote(resource.logicalId), port: port.kind === 'value' ? String(port.value) : '?', action },
          at: resource.location,
          related: relatedProperty(props, 'Protocol'),
          key: `${key}|transit`,
        });
      } else if (resource.type === 'AWS::ElasticLoadBalancingV2::ListenerRule') {
        const listener = ruleListener(props.ListenerArn, httpListeners(project.resources, resource.service.id));
        const action = listener === undefined ? undefined : servedAction(props.Actions);
        if (listener === undefined || action === undefined) continue;
        report({
          messageId: 'listenerRuleHttp',
          data: { name: quote(resource.logicalId), listener: quote(listener.logicalId), action },
          at: resource.location,
          related: [{ location: listener.location, message: `Listener ${quote(listener.logicalId)} speaks plain HTTP.` }],
          key: `${key}|transit`,
        });
      } else if (resource.type === 'AWS::ApiGateway::DomainName' || resource.type === 'AWS::ApiGatewayV2::DomainName' || resource.type === 'AWS::Serverless::Api' || resource.type === 'AWS::Serverless::HttpApi') {
        const path = tls10Policy(props, resource.type);
        if (path === undefined) continue;
        report({ messageId: 'domainTls10', data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, path), key: `${key}|tls` });
      } else if (resource.type === 'AWS::CloudFront::Distribution') {
        // One finding per distribution however many behaviours allow HTTP: they are one setting to fix, in one place.
        const behaviors = httpViewerBehaviors(props);
        if (behaviors.length > 0) {
          const names = behaviors.map((b) => b.name);
          const behavior = names.length === 1 ? names[0]! : `${names.length > 4 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} each`;
          report({
            messageId: 'viewerHttp',
            data: { name: quote(resource.logicalId), behavior },
            at: resource.location,
            related: behaviors.flatMap((b) => relatedProperty(props, b.path)),
            key: names.length === 1 ? `${key}|viewer|${names[0]}` : `${key}|viewer`,
          });
        }
        for (const origin of httpOnlyOrigins(props)) {
          report({
            messageId: 'originHttp',
            data: { name: quote(resource.logicalId), origin: quote(origin.id) },
            at: resource.location,
            related: relatedProperty(props, origin.path),
            key: `${key}|origin|${origin.id}`,
          });
        }
      } else if (resource.type === 'AWS::ElastiCache::ReplicationGroup') {
        const transit = readFlag(props, 'TransitEncryptionEnabled');
        if (transit === 'off') {
          report({ messageId: 'cacheWithoutTls', data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, 'TransitEncryptionEnabled'), key: `${key}|transit` });
        } else if (transit === 'on' && isLiteral(readProperty(props, 'TransitEncryptionMode'), 'preferred')) {
          report({ messageId: 'cachePreferredTls', data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, 'TransitEncryptionMode'), key: `${key}|transit` });
        }
      }
    }

    for (const service of project.services) {
      if (service.kind !== 'serverless') continue;
      for (const domain of domainManagerDomains(service.document)) {
        report({
          messageId: 'domainManagerTls10',
          data: { name: quote(domain.name), policy: domain.policy },
          at: domain.location,
          key: `${service.id}|customDomain|${domain.path}|tls`,
        });
      }
    }

    // Provider and Globals variables are inherited by every function: report them once, where they are written.
    const reportedKeys = new Set<string>();
    const reportedPlaces = new Set<string>();
    for (const fn of project.functions) {
      for (const variable of fn.environment) {
        const text = literalText(variable.value);
        const insecure = text === undefined ? undefined : findInsecureDatabaseUrl(text);
        if (!insecure) continue;
        const key = environmentKey(fn, variable);
        reportedPlaces.add(placeOf(variable.location));
        if (reportedKeys.has(key)) continue;
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
      if (resource.type === 'AWS::RDS::DBCluster' || resource.type === 'AWS::RDS::DBInstance') continue;
      visitStrings(resource.properties, [], 0, (text, location, path) => {
        const insecure = findInsecureDatabaseUrl(text);
        // A function's Environment is also in the resource; the environment pass above reported it.
        if (!insecure || reportedPlaces.has(placeOf(location))) return;
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

/**
 * How a listener or rule answers when its actions do not redirect to HTTPS (`forward`, `fixed-response`), or undefined
 * when every action redirects to HTTPS or cannot be read. Authentication actions come before the final one and are skipped.
 */
function servedAction(actions: unknown): string | undefined {
  if (!Array.isArray(actions) || actions.length === 0) return undefined;
  let served: string | undefined;
  for (let index = 0; index < actions.length; index++) {
    const type = readProperty(actions, [index, 'Type']);
    if (type.kind !== 'value' || typeof type.value !== 'string') return undefined;
    const kind = type.value.toLowerCase();
    if (kind === 'authenticate-cognito' || kind === 'authenticate-oidc') continue;
    if (kind === 'redirect') {
      const protocol = readProperty(actions, [index, 'RedirectConfig', 'Protocol']);
      if (protocol.kind === 'unknown') return undefined;
      if (protocol.kind === 'value' && typeof protocol.value === 'string' && protocol.value.toUpperCase() === 'HTTPS') continue;
      served ??= 'a redirect that keeps HTTP';
      continue;
    }
    served ??= quote(type.value);
  }
  return served;
}

/** The HTTP listeners of one template, by logical id. */
function httpListeners(resources: readonly ResourceModel[], service: string): Map<string, ResourceModel> {
  const listeners = new Map<string, ResourceModel>();
  for (const resource of resources) {
    if (resource.service.id !== service || resource.type !== 'AWS::ElasticLoadBalancingV2::Listener') continue;
    if (isLiteral(readProperty(resource.properties, 'Protocol'), 'http')) listeners.set(resource.logicalId, resource);
  }
  return listeners;
}

/** `ListenerArn: !Ref HttpListener` naming one of the template's HTTP listeners. */
function ruleListener(arn: unknown, listeners: Map<string, ResourceModel>): ResourceModel | undefined {
  return isIntrinsic(arn) && typeof arn.Ref === 'string' ? listeners.get(arn.Ref) : undefined;
}

/** The property path of a literal `TLS_1_0` security policy on an API Gateway domain (plain or SAM `Domain:`), if any. */
function tls10Policy(props: Record<string, unknown>, type: string): (string | number)[] | undefined {
  const candidates: (string | number)[][] = [];
  if (type === 'AWS::ApiGateway::DomainName') candidates.push(['SecurityPolicy']);
  else if (type === 'AWS::ApiGatewayV2::DomainName') {
    const configurations = readProperty(props, 'DomainNameConfigurations');
    const count = configurations.kind === 'value' && Array.isArray(configurations.value) ? configurations.value.length : 0;
    for (let index = 0; index < count; index++) candidates.push(['DomainNameConfigurations', index, 'SecurityPolicy']);
  } else candidates.push(['Domain', 'SecurityPolicy']);
  return candidates.find((path) => isLiteral(readProperty(props, path), 'tls_1_0'));
}

/**
 * Elastic Load Balancing security policies that still negotiate TLS 1.0 or 1.1: the 2015/2016 defaults, the TLS-1-0/1-1
 * and FS-1-1 families and the TLS13-1-0/1-1 ones. Policies named for TLS 1.2 or 1.3 (TLS-1-2, FS-1-2, TLS13-1-2, TLS13-1-3) do not.
 */
export function allowsLegacyTls(policy: string): boolean {
  return /^ELBSecurityPolicy-(?:2015-05|2016-08|TLS-1-0-|TLS-1-1-|FS-2018-06|FS-1-1-|TLS13-1-0-|TLS13-1-1-)/i.test(policy.trim());
}

/**
 * serverless-domain-manager domains that allow TLS 1.0: `custom.customDomain` (one domain, or `rest`/`http`/`websocket`
 * entries) and `custom.customDomains` (a list of such entries), each with `securityPolicy: tls_1_0`.
 */
function domainManagerDomains(document: Record<string, unknown>): { name: string; policy: string; location: Location; path: string }[] {
  const found: { name: string; policy: string; location: Location; path: string }[] = [];
  const judge = (config: unknown, path: string): void => {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) return;
    const record = config as Record<string, unknown>;
    const policy = record.securityPolicy;
    if (typeof policy === 'string' && policy.trim().toLowerCase() === 'tls_1_0') {
      const location = locationOfValue(record, 'securityPolicy');
      const name = typeof record.domainName === 'string' ? record.domainName : path;
      if (location) found.push({ name, policy, location, path });
    }
    for (const api of ['rest', 'http', 'websocket']) {
      if (Object.hasOwn(record, api)) judge(record[api], `${path}.${api}`);
    }
  };
  const custom = readProperty(document, 'custom');
  if (custom.kind !== 'value') return found;
  const single = readProperty(custom.value, 'customDomain');
  if (single.kind === 'value') judge(single.value, 'customDomain');
  const list = readProperty(custom.value, 'customDomains');
  if (list.kind === 'value' && Array.isArray(list.value)) list.value.forEach((entry: unknown, index: number) => judge(entry, `customDomains[${index}]`));
  return found;
}

/** Cache behaviours that let viewers use plain HTTP. */
function httpViewerBehaviors(props: Record<string, unknown>): { name: string; path: (string | number)[] }[] {
  const found: { name: string; path: (string | number)[] }[] = [];
  const base = ['DistributionConfig'];
  if (isLiteral(readProperty(props, [...base, 'DefaultCacheBehavior', 'ViewerProtocolPolicy']), 'allow-all')) {
    found.push({ name: 'the default cache behavior', path: [...base, 'DefaultCacheBehavior', 'ViewerProtocolPolicy'] });
  }
  const behaviors = readProperty(props, [...base, 'CacheBehaviors']);
  const count = behaviors.kind === 'value' && Array.isArray(behaviors.value) ? behaviors.value.length : 0;
  for (let index = 0; index < count; index++) {
    const path = [...base, 'CacheBehaviors', index, 'ViewerProtocolPolicy'];
    if (!isLiteral(readProperty(props, path), 'allow-all')) continue;
    const pattern = readProperty(props, [...base, 'CacheBehaviors', index, 'PathPattern']);
    found.push({ name: pattern.kind === 'value' && typeof pattern.value === 'string' ? `the cache behavior for ${quote(pattern.value)}` : `cache behavior ${index + 1}`, path });
  }
  return found;
}

/** Custom origins reached over HTTP only, except S3 website endpoints, which serve nothing else. */
function httpOnlyOrigins(props: Record<string, unknown>): { id: string; path: (string | number)[] }[] {
  const origins = readProperty(props, 'DistributionConfig.Origins');
  if (origins.kind !== 'value' || !Array.isArray(origins.value)) return [];
  const found: { id: string; path: (string | number)[] }[] = [];
  origins.value.forEach((origin: unknown, index: number) => {
    const path = ['DistributionConfig', 'Origins', index, 'CustomOriginConfig', 'OriginProtocolPolicy'];
    if (!isLiteral(readProperty(props, path), 'http-only')) return;
    const domain = readProperty(origin, 'DomainName');
    if (domain.kind !== 'missing' && isWebsiteEndpoint(domain.value)) return;
    const id = readProperty(origin, 'Id');
    found.push({ id: id.kind === 'value' && typeof id.value === 'string' ? id.value : `origin ${index + 1}`, path });
  });
  return found;
}

/** `bucket.s3-website-eu-west-1.amazonaws.com`, `!GetAtt Site.WebsiteURL` (also inside `!Select`/`!Split`). */
function isWebsiteEndpoint(value: unknown): boolean {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return /s3-website|WebsiteURL/i.test(text);
}

type BucketVerdict = { kind: 'no-policy' } | { kind: 'allows-http'; policies: ResourceModel[] } | { kind: 'ok' };

function judgeBucket(bucket: ResourceModel, policies: ResourceModel[], isTemplateBucket: (service: string, logicalId: string) => boolean): BucketVerdict {
  const nameRead = readProperty(bucket.properties, 'BucketName');
  const literalName = nameRead.kind === 'value' && typeof nameRead.value === 'string' ? nameRead.value : undefined;
  const mine: ResourceModel[] = [];
  let someUnknown = false;
  for (const policy of policies) {
    const target = policyTarget(policy.properties.Bucket);
    if (target.kind === 'unknown' || (target.kind === 'ref' && !isTemplateBucket(policy.service.id, target.logicalId))) someUnknown = true;
    else if ((target.kind === 'ref' && target.logicalId === bucket.logicalId) || (target.kind === 'name' && target.name === literalName)) mine.push(policy);
  }
  if (mine.length === 0) return someUnknown ? { kind: 'ok' } : { kind: 'no-policy' };
  const verdicts = mine.map((policy) => deniesInsecureTransport(policy));
  if (verdicts.includes('yes') || verdicts.includes('unknown')) return { kind: 'ok' };
  return { kind: 'allows-http', policies: mine };
}

function policyTarget(value: unknown): PolicyTarget {
  if (typeof value === 'string') return { kind: 'name', name: value };
  if (isIntrinsic(value)) {
    if (typeof value.Ref === 'string') return { kind: 'ref', logicalId: value.Ref };
    // !Sub '${UploadsBucket}'
    const sub = value['Fn::Sub'];
    const match = typeof sub === 'string' ? /^\$\{([A-Za-z0-9]+)\}$/.exec(sub) : null;
    if (match) return { kind: 'ref', logicalId: match[1]! };
  }
  return { kind: 'unknown' };
}

/** Whether the policy document has a statement `Effect: Deny` with `Bool: { aws:SecureTransport: false }`. */
function deniesInsecureTransport(policy: ResourceModel): Tristate {
  const reading = readPolicyDocument(policy.properties.PolicyDocument, `Resources.${policy.logicalId}.Properties.PolicyDocument`, policy.location);
  let result: Tristate = reading.incomplete ? 'unknown' : 'no';
  for (const statement of reading.statements) {
    if (statement.effect !== 'Deny') continue;
    const verdict = conditionRequiresTransport(statement.condition);
    if (verdict === 'yes') return 'yes';
    if (verdict === 'unknown') result = 'unknown';
  }
  return result;
}

/** A Deny statement's Condition: `Bool` (or `BoolIfExists`) `aws:SecureTransport: false`. */
function conditionRequiresTransport(condition: unknown): Tristate {
  if (condition === undefined) return 'no';
  if (isIntrinsic(condition) || isUnresolved(condition)) return 'unknown';
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return 'no';
  let result: Tristate = 'no';
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (operator !== 'Bool' && operator !== 'BoolIfExists') continue;
    if (isIntrinsic(block) || isUnresolved(block)) return 'unknown';
    if (block === null || typeof block !== 'object') continue;
    for (const [conditionKey, expected] of Object.entries(block as Record<string, unknown>)) {
      // Condition keys are case-insensitive.
      if (conditionKey.toLowerCase() !== 'aws:securetransport') continue;
      const values = Array.isArray(expected) ? expected : [expected];
      if (values.some((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false'))) return 'yes';
      if (values.some((v) => isIntrinsic(v) || isUnresolved(v))) result = 'unknown';
    }
  }
  return result;
}

/** A plain string, or the literal text of a `!Sub` template with its `${...}` parts blanked out; otherwise undefined. */
function literalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isIntrinsic(value) && 'Fn::Sub' in value) {
    const sub = value['Fn::Sub'];
    const template = Array.isArray(sub) ? sub[0] : sub;
    if (typeof template === 'string') return template.replace(/\$\{[^}]*\}/g, 'x');
  }
  return undefined;
}

function visitStrings(
  node: unknown,
  path: (string | number)[],
  depth: number,
  visit: (text: string, location: Location, path: (string | number)[]) => void,
): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object' || isUnresolved(node)) return;
  const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
  for (const [key, value] of entries) {
    const text = isIntrinsic(value) && 'Fn::Sub' in value ? literalText(value) : typeof value === 'string' ? value : undefined;
    if (text !== undefined) {
      const location = locationOfValue(node, key);
      if (location) visit(text, location, [...path, key]);
    } else {
      visitStrings(value, [...path, key], depth + 1, visit);
    }
  }
}

function environmentKey(fn: FunctionModel, variable: EnvironmentVariable): string {
  return variable.origin === 'function' ? `${fn.service.id}|env|${fn.name}|${variable.name}` : `${fn.service.id}|env|${variable.name}`;
}

function placeOf(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function relatedProperty(props: Record<string, unknown>, path: string | (string | number)[]): RelatedLocation[] {
  const location = locationOfProperty(props, path);
  const name = typeof path === 'string' ? path : path.filter((p) => typeof p === 'string').at(-1);
  return location ? [{ location, message: `${name} is set here.` }] : [];
}

function isLiteral(read: ReturnType<typeof readProperty>, expected: string): boolean {
  return read.kind === 'value' && typeof read.value === 'string' && read.value.toLowerCase() === expected;
}
