// Finds functions anyone on the internet can invoke: function URLs with AuthType NONE and resource-based
// permissions granted to every principal ("*") without a source ARN, account or organisation.
import { defineRule, describeValue, type FunctionModel, isIntrinsic, quote, readProperty, type ResourceModel } from '../kit.js';

type MessageId = 'publicUrl' | 'publicPermission';

/** Conditions of AWS::Lambda::Permission that limit who can use a `*` principal. */
const NARROWING_PROPERTIES = ['SourceArn', 'SourceAccount', 'PrincipalOrgID', 'EventSourceToken'];

export default defineRule<Record<string, never>, MessageId>({
  id: 'exposure/public-function-url',
  category: 'exposure',
  severity: 'warning',
  description: 'A function can be invoked by anyone: a function URL without authentication, or a permission for every principal.',
  fullDescription:
    'A function URL with AuthType NONE is a public HTTPS endpoint: anyone who finds it can run the function, and pay for it, with no ' +
    'throttling in front other than the function\'s concurrency. The rule reports SAM `FunctionUrlConfig`, `AWS::Lambda::Url` and ' +
    'Serverless `url: true` without `authorizer: aws_iam`, and `AWS::Lambda::Permission` resources with `Principal: "*"` and no ' +
    '`SourceArn`, `SourceAccount` or `PrincipalOrgID` (the permission a public URL needs is reported once, with its URL). An ' +
    'AuthType set by a parameter is not judged.',
  help:
    'Use `AuthType: AWS_IAM` (Serverless `url: { authorizer: aws_iam }`) and sign requests with SigV4, or put the function behind ' +
    'API Gateway or CloudFront with an authorizer. If the endpoint must be public (a webhook), verify the caller inside the function ' +
    '(signature header) and suppress the finding with the reason. On a permission, name the caller: `Principal: s3.amazonaws.com` ' +
    'with `SourceArn: !GetAtt Bucket.Arn` and `SourceAccount: !Ref AWS::AccountId`.',
  securitySeverity: 6.5,
  precision: 'very-high',
  tags: ['security', 'exposure', 'external/cwe/cwe-306'],
  messages: {
    publicUrl: 'The function URL of {{function}} has AuthType NONE: anyone on the internet can invoke it.',
    publicPermission: 'Permission {{name}} lets any principal ("*") invoke {{target}}, with no SourceArn, SourceAccount or PrincipalOrgID.',
  },
  defaultOptions: {},
  check({ project, report }) {
    const publicUrlFunctions = new Set<string>();
    for (const fn of project.functions) {
      for (const event of fn.events) {
        if (event.normalizedType !== 'function-url' || !isPublicUrl(fn, event.properties)) continue;
        publicUrlFunctions.add(`${fn.service.id}|${fn.name}`);
        report({ messageId: 'publicUrl', data: { function: quote(fn.name) }, at: event.location, function: fn.name, key: `${fn.id}|url` });
      }
    }
    for (const resource of project.resources) {
      if (resource.type !== 'AWS::Lambda::Permission') continue;
      const props = resource.properties;
      if (props.Principal !== '*') continue;
      // A URL permission for AWS_IAM still needs a signed request from an allowed identity.
      if (typeof props.FunctionUrlAuthType === 'string' && props.FunctionUrlAuthType.toUpperCase() === 'AWS_IAM') continue;
      if (NARROWING_PROPERTIES.some((p) => readProperty(props, p).kind !== 'missing')) continue;
      const target = targetFunction(resource);
      // The permission that makes an AuthType NONE URL reachable: the URL finding already says so.
      if (target && publicUrlFunctions.has(`${resource.service.id}|${target.name}`) && props.FunctionUrlAuthType !== undefined) continue;
      report({
        messageId: 'publicPermission',
        data: { name: quote(resource.logicalId), target: target ? quote(target.name) : quote(describeValue(props.FunctionName)) },
        at: resource.location,
        ...(target ? { function: target.name } : {}),
        key: `${resource.service.id}|${resource.logicalId}|permission`,
      });
    }
  },
});

/** SAM/CloudFormation `AuthType: NONE`; Serverless `url: true` or a mapping without `authorizer: aws_iam`. */
function isPublicUrl(fn: FunctionModel, props: Record<string, unknown>): boolean {
  if (fn.service.kind === 'serverless') {
    const authorizer = readProperty(props, 'authorizer');
    if (authorizer.kind === 'unknown') return false;
    return !(authorizer.kind === 'value' && typeof authorizer.value === 'string' && authorizer.value.toLowerCase() === 'aws_iam');
  }
  const type = readProperty(props, 'AuthType');
  return type.kind === 'value' && typeof type.value === 'string' && type.value.toUpperCase() === 'NONE';
}

function targetFunction(resource: ResourceModel): FunctionModel | undefined {
  const name = resource.properties.FunctionName;
  const functions = resource.service.functions;
  if (isIntrinsic(name)) {
    if (typeof name.Ref === 'string') return functions.find((f) => f.name === name.Ref);
    const getAtt = name['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return functions.find((f) => f.name === getAtt[0]);
    return undefined;
  }
  return typeof name === 'string' ? functions.find((f) => f.properties.FunctionName === name || f.name === name) : undefined;
}
