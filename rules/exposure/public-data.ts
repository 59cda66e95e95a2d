// Finds data anyone can reach: buckets that let everyone write or list (policy, ACL, public access block off),
// publicly accessible databases, topics and queues open to every principal, and Alexa skills without a skill id.
import { defineRule, type FunctionModel, isIntrinsic, isUnresolved, type Location, locationOf, locationOfKey, locationOfProperty, quote, quoteEach, readFlag, readProperty, type ResourceModel } from '../kit.js';

type MessageId = 'bucketPolicy' | 'bucketAcl' | 'publicAccessBlockOff' | 'publicDatabase' | 'openPolicy' | 'alexaWithoutSkillId';

/** Bucket actions that change or enumerate data (reading one known object is how public websites work). */
const BUCKET_WRITE_OR_LIST = /^s3:(\*|put|delete|list|restore|replicate|abortmultipartupload|create|update|bypass|object)/i;

/** Condition keys that narrow a `*` principal to known callers or networks; aws:SecureTransport only requires TLS. */
const NARROWING_CONDITION_KEYS = /^(aws:(source|principal|userid|username|calledvia|viaawsservice|referer)|s3:dataaccesspointaccount|sns:endpoint|kms:callerAccount)/i;

const POLICY_TYPES: Record<string, { kind: string; targets: string }> = {
  'AWS::SNS::TopicPolicy': { kind: 'SNS topic policy', targets: 'Topics' },
  'AWS::SQS::QueuePolicy': { kind: 'SQS queue policy', targets: 'Queues' },
};

export default defineRule<Record<string, never>, MessageId>({
  id: 'exposure/public-data',
  category: 'exposure',
  severity: 'error',
  description: 'Data can be read, changed or listed by anyone: a public bucket, database, topic or queue.',
  fullDescription:
    'Reports S3 bucket policies that allow every principal ("*") to write, delete or list (public read of single objects, as ' +
    'websites need, is not reported), bucket ACLs PublicRead and PublicReadWrite, a PublicAccessBlockConfiguration with a flag ' +
    'turned off on a bucket that is not a website, RDS instances with PubliclyAccessible: true, SNS topic and SQS queue policies ' +
    'that allow "*" without a condition naming the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, a VPC endpoint), ' +
    'and Alexa skill triggers without a skill id, which any skill can invoke. Policies in a string that cannot be read, and ' +
    'values set by parameters, are not judged.',
  help:
    'Name the principal (`Principal: { Service: events.amazonaws.com }` with `Condition: { ArnEquals: { aws:SourceArn: !GetAtt ' +
    'Rule.Arn } }`, or `AWS: !Ref AWS::AccountId`), keep all four PublicAccessBlockConfiguration flags true and serve public files ' +
    'through CloudFront with an origin access control, set `PubliclyAccessible: false` and reach the database from inside the VPC, ' +
    'and give Alexa triggers their skill id (Serverless `alexaSkill: { appId: amzn1.ask.skill.... }`, SAM `SkillId`).',
  securitySeverity: 8.2,
  precision: 'high',
  tags: ['security', 'exposure', 'external/cwe/cwe-284'],
  messages: {
    bucketPolicy: 'Bucket policy {{name}} lets anyone ("*") call {{actions}} on {{bucket}}.',
    bucketAcl: 'S3 bucket {{name}} has the ACL {{acl}}: anyone can list its objects{{write}}.',
    publicAccessBlockOff: 'S3 bucket {{name}} turns off {{flags}} of its public access block, so a public policy or ACL takes effect.',
    publicDatabase: 'RDS instance {{name}} is PubliclyAccessible: it gets a public address, and only its security group stands between the internet and the database.',
    openPolicy: '{{kind}} {{name}} lets any principal ("*") call {{actions}}, with no condition naming the caller.',
    alexaWithoutSkillId: '{{function}} accepts Alexa skill requests without a skill id: any Alexa skill can invoke it.',
  },
  defaultOptions: {},
  check({ project, report }) {
    const publicReadBuckets = new Set<string>();
    for (const resource of project.resources) {
      const props = resource.properties;
      const key = `${resource.service.id}|${resource.logicalId}`;
      if (resource.type === 'AWS::S3::BucketPolicy') {
        const bucket = describeTarget(props.Bucket);
        for (const statement of openStatements(props.PolicyDocument)) {
          const actions = statement.actions.filter((a) => BUCKET_WRITE_OR_LIST.test(a) || a === '*');
          const bucketRef = isIntrinsic(props.Bucket) && typeof props.Bucket.Ref === 'string' ? props.Bucket.Ref : undefined;
          if (actions.length === 0) {
            if (bucketRef && statement.actions.some((a) => /^s3:GetObject/i.test(a))) publicReadBuckets.add(`${resource.service.id}|${bucketRef}`);
            continue;
          }
          report({
            messageId: 'bucketPolicy',
            data: { name: quote(resource.logicalId), actions: describeActions(actions), bucket },
            at: statement.location ?? resource.location,
            key: `${key}|${statement.index}`,
          });
        }
      } else if (POLICY_TYPES[resource.type]) {
        const { kind } = POLICY_TYPES[resource.type]!;
        for (const statement of openStatements(props.PolicyDocument)) {
          report({
            messageId: 'openPolicy',
            data: { kind, name: quote(resource.logicalId), actions: describeActions(statement.actions) },
            at: statement.location ?? resource.location,
            key: `${key}|${statement.index}`,
          });
        }
      } else if (resource.type === 'AWS::RDS::DBInstance' && readFlag(props, 'PubliclyAccessible') === 'on') {
        report({ messageId: 'publicDatabase', data: { name: quote(resource.logicalId) }, at: locationOfProperty(props, 'PubliclyAccessible') ?? resource.location, key });
      } else if (resource.type === 'AWS::Lambda::Permission') {
        if (props.Principal !== 'alexa-appkit.amazon.com' || readProperty(props, 'EventSourceToken').kind !== 'missing') continue;
        const target = isIntrinsic(props.FunctionName) ? (props.FunctionName.Ref ?? (props.FunctionName['Fn::GetAtt'] as unknown[] | undefined)?.[0]) : props.FunctionName;
        report({
          messageId: 'alexaWithoutSkillId',
          data: { function: quote(typeof target === 'string' ? target : resource.logicalId) },
          at: resource.location,
          key: `${key}|alexa`,
        });
      }
    }

    for (const resource of project.resources) {
      if (resource.type !== 'AWS::S3::Bucket') continue;
      const props = resource.properties;
      const key = `${resource.service.id}|${resource.logicalId}`;
      const acl = readProperty(props, 'AccessControl');
      if (acl.kind === 'value' && typeof acl.value === 'string' && /^PublicRead/i.test(acl.value)) {
        report({
          messageId: 'bucketAcl',
          data: { name: quote(resource.logicalId), acl: acl.value, write: /write/i.test(acl.value) ? ' and write to it' : '' },
          at: locationOfProperty(props, 'AccessControl') ?? resource.location,
          key: `${key}|acl`,
        });
      }
      // A website bucket, or one whose policy grants public s3:GetObject, turns the block off on purpose.
      if (readProperty(props, 'WebsiteConfiguration').kind !== 'missing' || publicReadBuckets.has(key)) continue;
      const block = readProperty(props, 'PublicAccessBlockConfiguration');
      if (block.kind !== 'value') continue;
      const off = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].filter(
        (flag) => readProperty(block.value, flag).kind === 'value' && readFlag(block.value, flag) === 'off',
      );
      if (off.length === 0) continue;
      report({
        messageId: 'publicAccessBlockOff',
        data: { name: quote(resource.logicalId), flags: quoteEach(off) },
        at: locationOfKey(props, 'PublicAccessBlockConfiguration') ?? resource.location,
        key: `${key}|public-access-block`,
      });
    }

    for (const fn of project.functions) {
      for (const event of fn.events) {
        if (!isAlexaSkillEvent(event.type) || hasSkillId(fn, event.properties)) continue;
        report({ messageId: 'alexaWithoutSkillId', data: { function: quote(fn.name) }, at: event.location, function: fn.name, key: `${fn.id}|alexa|${event.location.line}` });
      }
    }
  },
});

interface OpenStatement {
  index: number;
  actions: string[];
  location?: Location;
}

/** Allow statements of a policy document whose principal is everyone and whose condition (if any) does not name the caller. */
function openStatements(document: unknown): OpenStatement[] {
  if (typeof document === 'string') return []; // a JSON string policy keeps no positions; not judged
  const read = readProperty(document, 'Statement');
  if (read.kind !== 'value') return [];
  const statements = Array.isArray(read.value) ? read.value : [read.value];
  const result: OpenStatement[] = [];
  statements.forEach((statement: unknown, index: number) => {
    if (statement === null || typeof statement !== 'object' || isIntrinsic(statement) || isUnresolved(statement)) return;
    const s = statement as Record<string, unknown>;
    if (s.Effect !== 'Allow' || !isEveryone(s.Principal)) return;
    if (s.Condition !== undefined && !conditionIsOnlyTransport(s.Condition)) return;
    const actions = (Array.isArray(s.Action) ? s.Action : [s.Action]).filter((a): a is string => typeof a === 'string');
    if (actions.length === 0) return;
    const location = locationOfKey(s, 'Principal') ?? locationOf(s);
    result.push({ index, actions, ...(location ? { location } : {}) });
  });
  return result;
}

/** `Principal: "*"` or `Principal: { AWS: "*" }` (also in a list). */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object' || isIntrinsic(principal)) return false;
  const aws = (principal as Record<string, unknown>).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** True when no condition key narrows who may call (only TLS or similar requirements). */
function conditionIsOnlyTransport(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || isIntrinsic(condition) || isUnresolved(condition)) return false;
  for (const block of Object.values(condition as Record<string, unknown>)) {
    if (block === null || typeof block !== 'object' || isIntrinsic(block) || isUnresolved(block)) return false;
    if (Object.keys(block as Record<string, unknown>).some((k) => NARROWING_CONDITION_KEYS.test(k))) return false;
  }
  return true;
}

function describeActions(actions: string[]): string {
  const shown = actions.slice(0, 3).map((a) => (a === '*' ? 'every action ("*")' : a));
  return actions.length > 3 ? `${shown.join(', ')} and ${actions.length - 3} more` : shown.join(', ');
}

function describeTarget(value: unknown): string {
  if (typeof value === 'string') return `bucket ${quote(value)}`;
  if (isIntrinsic(value) && typeof value.Ref === 'string') return `bucket ${quote(value.Ref)}`;
  return 'its bucket';
}

function isAlexaSkillEvent(type: string): boolean {
  return type === 'alexaSkill' || type === 'AlexaSkill';
}

/** Serverless `alexaSkill: amzn1.ask.skill...` or `{ appId }`; SAM `Properties.SkillId`. */
function hasSkillId(fn: FunctionModel, props: Record<string, unknown>): boolean {
  if (fn.service.kind === 'serverless') return readProperty(props, 'appId').kind !== 'missing';
  return readProperty(props, 'SkillId').kind !== 'missing';
}
