import { describe, expect, it } from 'vitest';
import { checkIntrinsicReferences } from '../../../src/load/manifests/intrinsic-references.js';
import { parseYaml } from '../../../src/load/yaml.js';

const check = (yaml: string, isSam = false) => {
  const parsed = parseYaml(yaml, 'template.yaml');
  if (!parsed.ok) throw new Error('bad fixture');
  return checkIntrinsicReferences(parsed.value as Record<string, unknown>, 'template.yaml', isSam).map((f) => [f.location.line, f.message]);
};

describe('checkIntrinsicReferences', () => {
  it('accepts parameters, resources, pseudo parameters, Sub variables and attributes', () => {
    expect(
      check(`Parameters:
  Stage: { Type: String }
Resources:
  Table:
    Type: AWS::DynamoDB::Table
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          A: !Ref Table
          B: !Sub '\${Table}-\${Stage}-\${AWS::Region}-\${Table.Arn}-\${!Literal}'
          C: !Sub ['\${Name}-x', { Name: !Ref Stage }]
          D: !GetAtt Table.StreamArn
          E: !Ref AWS::NoValue
  Role:
    Type: AWS::IAM::Role
`),
    ).toEqual([]);
  });

  it('reports names that exist nowhere, at their line', () => {
    expect(
      check(`Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Rol.Arn
      Environment:
        Variables:
          A: !Ref Tabel
          B: !Sub '\${Missing}-x'
          C: !GetAtt [A, B, C]
`),
    ).toEqual([
      [5, '!GetAtt "Rol.Arn" names no resource of "template.yaml".'],
      [8, '!Ref "Tabel" names no parameter or resource of "template.yaml".'],
      [9, '!Sub refers to "\${Missing}", which is not a parameter, resource or variable of "template.yaml".'],
      [10, '!GetAtt takes a logical id and an attribute (!GetAtt Table.Arn); "template.yaml" gives ["A","B","C"].'],
    ]);
  });

  it('accepts the names SAM generates from its own resources', () => {
    expect(
      check(
        `Transform: AWS::Serverless-2016-10-31
Resources:
  Thumbnail:
    Type: AWS::Serverless::Function
Outputs:
  Role: { Value: !GetAtt ThumbnailRole.Arn }
  Api: { Value: !Sub 'https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com' }
`,
        true,
      ),
    ).toEqual([]);
  });
});
