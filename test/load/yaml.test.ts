import { describe, expect, it } from 'vitest';
import { parseYaml, YAML_LIMITS } from '../../src/load/yaml.js';
import { locationOf, locationOfKey, locationOfValue } from '../../src/model/positions.js';
import { isUnresolved } from '../../src/model/values.js';

const ok = (text: string) => {
  const parsed = parseYaml(text, 'template.yaml');
  if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message).join('; '));
  return parsed;
};

describe('parseYaml', () => {
  it('turns short-form tags into long-form intrinsics', () => {
    const { value } = ok(
      [
        'A: !Ref Bucket',
        'B: !GetAtt Table.Arn',
        'C: !GetAtt Table.StreamArn.Extra',
        "D: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'",
        'E: !Join [":", [a, !Ref B]]',
        'F: !If [Cond, !Ref X, !Ref AWS::NoValue]',
        'G: !Select [0, !GetAZs ""]',
        'H: !ImportValue Shared',
        'I: !Equals [a, b]',
        'J: !FindInMap [M, K, V]',
      ].join('\n'),
    );
    expect(value).toEqual({
      A: { Ref: 'Bucket' },
      B: { 'Fn::GetAtt': ['Table', 'Arn'] },
      C: { 'Fn::GetAtt': ['Table', 'StreamArn.Extra'] },
      D: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' },
      E: { 'Fn::Join': [':', ['a', { Ref: 'B' }]] },
      F: { 'Fn::If': ['Cond', { Ref: 'X' }, { Ref: 'AWS::NoValue' }] },
      G: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      H: { 'Fn::ImportValue': 'Shared' },
      I: { 'Fn::Equals': ['a', 'b'] },
      J: { 'Fn::FindInMap': ['M', 'K', 'V'] },
    });
  });

  it('records the line and column of keys, values and collections', () => {
    const { value } = ok('provider:\n  iam:\n    statements:\n      - Effect: Allow\n        Action: dynamodb:*\n        Resource: "*"\n');
    const statement = (value as any).provider.iam.statements[0];
    expect(locationOfValue(statement, 'Action')).toMatchObject({ line: 5, column: 17, endLine: 5, endColumn: 27 });
    expect(locationOfKey(statement, 'Resource')).toMatchObject({ line: 6, column: 9 });
    expect(locationOf(statement)).toMatchObject({ line: 4, column: 9 });
    expect(locationOfValue((value as any).provider.iam.statements, 0)).toMatchObject({ line: 4 });
  });

  it('reads JSON templates with positions', () => {
    const { value } = ok('{\n  "Resources": {\n    "T": { "Type": "AWS::SNS::Topic" }\n  }\n}\n');
    expect(locationOfKey((value as any).Resources, 'T')).toMatchObject({ line: 3, column: 5 });
  });

  it('applies merge keys without overriding local keys', () => {
    const { value } = ok('base: &b\n  a: 1\n  b: 2\nchild:\n  <<: *b\n  b: 3\n');
    expect((value as any).child).toEqual({ a: 1, b: 3 });
  });

  it('reports a syntax error with its position and does not throw', () => {
    const parsed = parseYaml('a: [1, 2\nb: c\n', 'bad.yml');
    expect(parsed.ok).toBe(false);
    expect(parsed.findings[0]).toMatchObject({ ruleId: 'input/parse-error', location: { file: 'bad.yml' } });
    expect(parsed.findings[0]!.location.line).toBeGreaterThan(0);
  });

  it('warns about duplicate keys and keeps the last', () => {
    const parsed = parseYaml('a: 1\na: 2\n', 'dup.yml');
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).toEqual({ a: 2 });
    expect(parsed.findings).toMatchObject([{ ruleId: 'input/parse-error', severity: 'warning', location: { line: 2 } }]);
  });

  it('stops a billion-laughs alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    let prev = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
      prev = name;
    }
    const parsed = parseYaml(lines.join('\n'), 'bomb.yml');
    expect(parsed.ok).toBe(false);
    expect(parsed.findings[0]!.message).toContain(String(YAML_LIMITS.maxAliasExpansions));
  });

  it('stops at absurd nesting', () => {
    const parsed = parseYaml('['.repeat(5000) + ']'.repeat(5000), 'deep.yml');
    expect(parsed.ok).toBe(false);
  });

  it('keeps __proto__ as data', () => {
    const { value } = ok('__proto__:\n  polluted: true\n');
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });

  it('strips a byte order mark and reads CRLF', () => {
    const { value } = ok('\uFEFFa: 1\r\nb: 2\r\n');
    expect(value).toEqual({ a: 1, b: 2 });
  });

  it('marks unknown tags unresolved', () => {
    const parsed = ok('a: !Whatever x\n');
    expect(isUnresolved((parsed.value as any).a)).toBe(true);
    expect(parsed.findings[0]).toMatchObject({ ruleId: 'input/unresolved', severity: 'note' });
  });
});

describe('parse errors', () => {
  it('reports the first error once, with the count of the ones the parser found after it', () => {
    // A quoted policy closed at its key's indentation (a shape seen in public templates): the parser then
    // reports the closing brace and the rest of the file as well.
    const text = [
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Policies:',
      '        - PolicyName: A',
      "          PolicyDocument: !Sub '{",
      '              "Version": "2012-10-17"',
      "          }'",
      '        - PolicyName: B',
      '          PolicyDocument: {}',
      '',
    ].join('\n');
    const parsed = parseYaml(text, 'template.yaml');
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f) => [f.message, f.location.line])).toEqual([
      ['"template.yaml" is not valid YAML: Missing closing \'quote (and 2 more errors after it, which may follow from this one).', 8],
    ]);
  });
});

describe('one schema', () => {
  it('reads a %YAML 1.1 document with the YAML 1.2 core schema: dates stay text', () => {
    const { value } = ok('%YAML 1.1\n---\n2001-12-14: a\nb: 2001-12-14t21:59:43.10-05:00\nc: yes\nd: 0b101\ne: 1:20\nf: 12\n');
    expect(value).toEqual({ '2001-12-14': 'a', b: '2001-12-14t21:59:43.10-05:00', c: 'yes', d: '0b101', e: '1:20', f: 12 });
  });
});
