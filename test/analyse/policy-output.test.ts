import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { derivedPolicies, renderPoliciesYaml } from '../../src/analyse/policy-output.js';
import { loadAnalysedProject } from '../helpers/analysed-project.js';

const project = (name: string) => loadAnalysedProject(path.resolve(import.meta.dirname, '../../fixtures/projects', name));
const fixture = (rel: string) => loadAnalysedProject(path.resolve(import.meta.dirname, '../../fixtures/rules', rel));

describe('derivedPolicies', () => {
  it('derives the least-privilege statements of the orders example', () => {
    const loaded = project('orders');
    const policies = derivedPolicies(loaded.project, loaded.analysis);
    const byName = Object.fromEntries(policies.functions.map((f) => [f.function, f]));
    expect(byName.getOrder!.statements).toEqual([{ Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: [{ 'Fn::GetAtt': ['OrdersTable', 'Arn'] }] }]);
    expect(byName.createOrder!.actions).toEqual(['dynamodb:PutItem', 'sns:Publish', 'sqs:SendMessage']);
    expect(byName.createOrder!.statements!.map((s) => s.Resource)).toEqual([
      [{ 'Fn::GetAtt': ['OrdersTable', 'Arn'] }],
      [{ Ref: 'OrderCreatedTopic' }],
      [{ 'Fn::GetAtt': ['OrderEventsQueue', 'Arn'] }],
    ]);
    expect(byName.reportOrders!.actions).toEqual(['dynamodb:Scan']);
    expect(byName.getOrder).toMatchObject({ manifest: 'serverless.yml', handler: 'src/get-order.handler', unresolved: [] });
  });

  it('scopes the thumbnails example to objects and key prefixes', () => {
    const loaded = project('thumbnails');
    const policies = derivedPolicies(loaded.project, loaded.analysis);
    const byName = Object.fromEntries(policies.functions.map((f) => [f.function, f]));
    expect(byName.ThumbnailFunction!.statements).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}/*' }] },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${ThumbnailsBucket}/thumbs/*' }] },
    ]);
    expect(byName.ListThumbnailsFunction!.statements).toEqual([{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [{ 'Fn::GetAtt': ['ThumbnailsBucket', 'Arn'] }] }]);
  });

  it('renders YAML to paste under iamRoleStatements or Policies, byte-stable', () => {
    const loaded = project('orders');
    const text = renderPoliciesYaml(derivedPolicies(loaded.project, loaded.analysis));
    expect(text).toBe(renderPoliciesYaml(derivedPolicies(loaded.project, loaded.analysis)));
    const first = parse(text.split('---\n')[0]!);
    expect(first.functions.getOrder.iamRoleStatements[0]).toEqual({ Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: [{ 'Fn::GetAtt': ['OrdersTable', 'Arn'] }] });
    expect(text).toContain('# serverless.yml: getOrder (src/get-order.handler)');
    const sam = project('thumbnails');
    const samText = renderPoliciesYaml(derivedPolicies(sam.project, sam.analysis));
    expect(parse(samText.split('---\n')[0]!).Resources.ThumbnailFunction.Properties.Policies[0].Statement).toHaveLength(2);
  });

  it('names a resource known only at deploy time by the variable the framework fills in', () => {
    const loaded = fixture('iam/missing-permission/bad/stack-output-variables');
    const byName = Object.fromEntries(derivedPolicies(loaded.project, loaded.analysis).functions.map((f) => [f.function, f]));
    // An ARN-valued output is the resource; a name-valued one sits in the ARN, where Serverless resolves it before deploying.
    expect(byName.notify!.statements).toEqual([{ Effect: 'Allow', Action: ['sns:Publish'], Resource: ['${cf:other-stack.TopicArn}'] }]);
    expect(byName.save!.statements).toEqual([
      { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${cf(eu-west-1):db-stack.TableName}' }] },
    ]);
    // A queue URL is not an ARN: the need stays unresolved, with no statement guessed.
    expect(byName.enqueue!.statements).toEqual([]);
    expect(byName.enqueue!.unresolved.map((u) => u.action)).toEqual(['sqs:SendMessage']);
    expect(byName.notify!.unresolved[0]!.reason).toContain('CloudFormation stack outputs are read at deploy time');
  });

  it('puts why a derivation is incomplete first, and prints no empty statement list for it', () => {
    const loaded = fixture('iam/unused-permission/good/command-not-followed');
    const policies = derivedPolicies(loaded.project, loaded.analysis);
    const [fn] = policies.functions;
    expect(Object.keys(fn!)).toEqual(['service', 'function', 'manifest', 'kind', 'handler', 'incomplete', 'actions', 'unresolved']);
    expect(fn!.incomplete![0]).toContain('src/send.js:6: the command sent by client.send(commands.build(event)) is not known statically');
    const text = renderPoliciesYaml(policies);
    expect(text).not.toContain('iamRoleStatements');
    expect(text).not.toContain('makes no AWS call');
    expect(text.split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^# incomplete: src\/send.js:6: /),
      '# No statements printed: the code of fn could not be followed completely, so what it needs is not known.',
    ]);
  });

  it('says that a complete derivation with no AWS call needs nothing, and flags statements of an incomplete one', () => {
    const template = fixture('../load/cloudformation/inline-code');
    const policies = derivedPolicies(template.project, template.analysis);
    const quoted = policies.functions.find((f) => f.function === 'Quoted')!;
    expect(quoted.statements).toEqual([]);
    expect(quoted.incomplete).toBeUndefined();
    const text = renderPoliciesYaml({ functions: [quoted, { ...quoted, function: 'Partial', incomplete: ['src/a.js:3: an import that cannot be resolved'], statements: [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: ['*'] }] }] });
    const [complete, partial] = text.split('---\n');
    expect(complete).toContain('# the code makes no AWS call that needs a permission');
    expect(complete).toContain('- Statement: []');
    expect(partial!.split('\n').slice(0, 3)).toEqual([
      '# template.yaml: Partial (index.handler)',
      '# incomplete: src/a.js:3: an import that cannot be resolved',
      '# the statements below are what the code that was followed needs; it may need more',
    ]);
    expect(partial).toContain('- sns:Publish');
  });
});
