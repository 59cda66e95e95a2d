// Tests for the one IAM policy reader: statements with their places, and what makes a reading incomplete.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { readPolicyDocument, readStatementList } from '../../src/model/policy.js';
import type { Location } from '../../src/model/location.js';
import { Unresolved } from '../../src/model/values.js';

const at: Location = { file: 'template.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };

function yaml(text: string): Record<string, unknown> {
  const parsed = parseYaml(text, 'template.yaml');
  if (!parsed.ok) throw new Error('bad yaml');
  return parsed.value as Record<string, unknown>;
}

describe('readPolicyDocument', () => {
  it('reads each statement with the line of each action and resource', () => {
    const doc = yaml(['Version: "2012-10-17"', 'Statement:', '  - Effect: Allow', '    Action:', '      - s3:GetObject', '      - s3:PutObject', '    Resource: arn:aws:s3:::b/*', '  - Effect: Deny', '    Principal: "*"', '    Action: s3:*', '    Resource: "*"', '    Condition: { Bool: { aws:SecureTransport: false } }'].join('\n'));
    const reading = readPolicyDocument(doc, 'P', at);
    expect(reading.incomplete).toBe(false);
    expect(reading.problems).toEqual([]);
    expect(reading.statements.map((s) => [s.path, s.effect, s.location.line])).toEqual([
      ['P.Statement[0]', 'Allow', 3],
      ['P.Statement[1]', 'Deny', 8],
    ]);
    expect(reading.statements[0]!.actions.map((a) => [a.value, a.location.line])).toEqual([
      ['s3:GetObject', 5],
      ['s3:PutObject', 6],
    ]);
    expect(reading.statements[0]!.actionKeyLocation?.line).toBe(4);
    expect(reading.statements[1]!.principal).toBe('*');
    expect(reading.statements[1]!.condition).toEqual({ Bool: { 'aws:SecureTransport': false } });
  });

  it('accepts one statement as a mapping and a document written as a JSON string', () => {
    expect(readPolicyDocument({ Statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' } }, 'P', at).statements).toHaveLength(1);
    const json = readPolicyDocument('{"Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}', 'P', at);
    expect(json.statements.map((s) => s.actions[0]!.value)).toEqual(['sns:Publish']);
    expect(json.incomplete).toBe(false);
  });

  it('is incomplete, without a problem, where a value is only known at deploy time', () => {
    for (const document of [{ 'Fn::If': ['C', {}, {}] }, new Unresolved('${ssm:/p}', 'SSM'), { Statement: { 'Fn::If': ['C', [], []] } }]) {
      const reading = readPolicyDocument(document, 'P', at);
      expect(reading.incomplete).toBe(true);
      expect(reading.problems).toEqual([]);
    }
    const partly = readPolicyDocument({ Statement: [{ Effect: 'Allow', Action: 'a:B', Resource: '*' }, { 'Fn::If': ['C', {}, { Ref: 'AWS::NoValue' }] }, { Effect: { Ref: 'E' }, Action: 'a:C' }] }, 'P', at);
    expect(partly.statements).toHaveLength(1);
    expect(partly.incomplete).toBe(true);
    expect(partly.problems).toEqual([]);
  });

  it('is incomplete and says why when the user wrote something CloudFormation rejects', () => {
    expect(readPolicyDocument(['x'], 'P', at).problems.map((p) => p.message)).toEqual(['The policy document at "P" must be a mapping with a Statement list.']);
    expect(readPolicyDocument({ Version: '2012-10-17' }, 'P', at).problems.map((p) => p.message)).toEqual(['The policy document at "P" has no Statement list.']);
    expect(readPolicyDocument('{not json', 'P', at).incomplete).toBe(true);
    const lower = readPolicyDocument({ Statement: [{ Effect: 'allow', Action: 'a:B', Resource: '*' }] }, 'P', at);
    expect(lower.incomplete).toBe(true);
    expect(lower.problems.map((p) => p.message)).toEqual(['The policy statement "P.Statement[0]" needs Effect: Allow or Deny; it is ignored.']);
  });
});

describe('readStatementList', () => {
  it('reads a Serverless statement list and refuses a mapping in its place', () => {
    const parent = yaml(['iamRoleStatements:', '  - Effect: Allow', '    Action: dynamodb:GetItem', '    Resource: "*"'].join('\n'));
    const reading = readStatementList(parent, 'iamRoleStatements', 'functions.f.iamRoleStatements', at);
    expect(reading.statements.map((s) => [s.path, s.location.line])).toEqual([['functions.f.iamRoleStatements[0]', 2]]);
    const wrong = readStatementList({ iamRoleStatements: { Effect: 'Allow' } }, 'iamRoleStatements', 'x', at);
    expect(wrong.incomplete).toBe(true);
    expect(wrong.problems).toHaveLength(1);
    expect(readStatementList({}, 'iamRoleStatements', 'x', at)).toEqual({ statements: [], incomplete: false, problems: [] });
  });
});
