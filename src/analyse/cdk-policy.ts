// The least-privilege policy of a CDK function as the CDK code to write in the app (`noops-lint policy`): one
// `addToRolePolicy` per statement, with resources written through the app's own constructs (`table.tableArn`,
// `receipts.arnForObjects('receipts/*')`), and the narrowest `grant*` call that covers a statement as an alternative.
import { cdkArnExpression, cdkGrantMethods } from '../data/cdk-grants.js';
import { expandActionPattern } from '../model/iam-catalog.js';
import type { FunctionModel, ResourceModel } from '../model/project.js';
import { plural } from '../util/plural.js';
import { isRecord } from '../util/is-record.js';

export interface CdkPolicyStatement {
  Action: string[];
  Resource: unknown[];
}

/** TypeScript for the app: the function's grants as `addToRolePolicy` calls. */
export function renderCdkPolicy(fn: FunctionModel, statements: CdkPolicyStatement[]): string {
  const grantee = fn.cdk?.variable ?? 'fn';
  const resources = new Map(fn.service.resources.map((resource) => [resource.logicalId, resource]));
  const lines: string[] = [];
  for (const statement of statements) {
    const written = statement.Resource.map((resource) => resourceExpression(resource, resources));
    const actions = statement.Action.map((action) => `'${action}'`).join(', ');
    const grant = narrowestGrant(statement, resources, grantee);
    if (grant) lines.push(`// or ${grant}`);
    lines.push(`${grantee}.addToRolePolicy(new iam.PolicyStatement({`, `  actions: [${actions}],`, `  resources: [${written.join(', ')}],`, '}));');
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : `// ${fn.name} needs no AWS permission for its own calls.\n`;
}

/** A construct's ARN as the app writes it, or the CloudFormation value as a string when the construct is unknown. */
function resourceExpression(value: unknown, resources: Map<string, ResourceModel>): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (isRecord(value)) {
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') {
      const cdk = resources.get(getAtt[0])?.cdk;
      const arn = cdk?.variable && cdk.className ? cdkArnExpression(cdk.className, cdk.variable) : undefined;
      if (arn && !arn.includes('arnForObjects')) return arn;
      if (cdk?.variable && cdk.className?.endsWith('Bucket')) return `${cdk.variable}.bucketArn`;
    }
    const sub = value['Fn::Sub'];
    if (typeof sub === 'string') {
      // arn:${AWS::Partition}:s3:::${Bucket}/key/* -> bucket.arnForObjects('key/*')
      const objects = /^arn:\$\{AWS::Partition\}:s3:::\$\{([A-Za-z0-9]+)\}\/(.*)$/.exec(sub);
      const cdk = objects ? resources.get(objects[1]!)?.cdk : undefined;
      if (objects && cdk?.variable && !objects[2]!.includes('${')) return `${cdk.variable}.arnForObjects('${objects[2]}')`;
    }
  }
  return `/* ${JSON.stringify(value).replace(/\*\//g, '* /')} */ '*'`;
}

/** `table.grantWriteData(fn)` when one resource's grant methods hold a method covering the statement's actions. */
function narrowestGrant(statement: CdkPolicyStatement, resources: Map<string, ResourceModel>, grantee: string): string | undefined {
  if (statement.Resource.length !== 1) return undefined;
  const resource = statement.Resource[0];
  let logicalId: string | undefined;
  if (isRecord(resource)) {
    const getAtt = resource['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') logicalId = getAtt[0];
    const sub = resource['Fn::Sub'];
    if (typeof sub === 'string') logicalId = /\$\{([A-Za-z0-9]+)\}/.exec(sub)?.[1];
  }
  const cdk = logicalId ? resources.get(logicalId)?.cdk : undefined;
  if (!cdk?.variable || !cdk.className) return undefined;
  const methods = cdkGrantMethods(cdk.className) ?? [];
  const size = (actions: readonly string[]): number => new Set(actions.flatMap((a) => expandActionPattern(a))).size;
  const fitting = methods
    .filter((m) => {
      const granted = new Set(m.actions.flatMap((a) => expandActionPattern(a)));
      return statement.Action.every((action) => granted.has(action));
    })
    .sort((a, b) => size(a.actions) - size(b.actions))[0];
  if (!fitting) return undefined;
  const extra = size(fitting.actions) - statement.Action.length;
  const call = `${cdk.variable}.${fitting.method}(${grantee})`;
  return extra === 0 ? `the same: ${call}` : `${call}, which grants ${plural(extra, 'more action')} than these:`;
}

