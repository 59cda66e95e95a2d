import { describe, it, expect } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { hasProperty, locationOfProperty, readFlag, readProperty } from '../../src/model/property-value.js';
import { Unresolved } from '../../src/model/values.js';

function parse(text: string): Record<string, unknown> {
  const parsed = parseYaml(text, 'template.yaml');
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.value as Record<string, unknown>;
}

const props = parse(`EncryptionAtRestOptions:
  Enabled: true
StorageEncrypted: !Ref Encrypt
KmsMasterKeyId: ''
Quoted: "TRUE"
Off: 'false'
Nested: !If [Cond, { Enabled: true }, !Ref AWS::NoValue]
Number: 1
List:
  - Name: first
`);

describe('readProperty', () => {
  it('reads nested values and array items', () => {
    expect(readProperty(props, 'EncryptionAtRestOptions.Enabled')).toEqual({ kind: 'value', value: true });
    expect(readProperty(props, ['List', 0, 'Name'])).toEqual({ kind: 'value', value: 'first' });
  });

  it('reports missing keys, also below a scalar', () => {
    expect(readProperty(props, 'Absent')).toEqual({ kind: 'missing' });
    expect(readProperty(props, 'Number.Enabled')).toEqual({ kind: 'missing' });
    expect(readProperty(undefined, 'X')).toEqual({ kind: 'missing' });
  });

  it('does not look inside intrinsics or unresolved values', () => {
    expect(readProperty(props, 'StorageEncrypted').kind).toBe('unknown');
    expect(readProperty(props, 'Nested.Enabled').kind).toBe('unknown');
    expect(readProperty({ A: new Unresolved('${ssm:/x}', 'SSM') }, 'A.B').kind).toBe('unknown');
  });

  it('does not read inherited object members', () => {
    expect(readProperty({}, 'toString')).toEqual({ kind: 'missing' });
  });
});

describe('readFlag', () => {
  it('reads CloudFormation booleans', () => {
    expect(readFlag(props, 'EncryptionAtRestOptions.Enabled')).toBe('on');
    expect(readFlag(props, 'Quoted')).toBe('on');
    expect(readFlag(props, 'Off')).toBe('off');
    expect(readFlag(props, 'Absent')).toBe('off');
  });

  it('does not judge intrinsics or other values', () => {
    expect(readFlag(props, 'StorageEncrypted')).toBe('unknown');
    expect(readFlag(props, 'Nested.Enabled')).toBe('unknown');
    expect(readFlag(props, 'Number')).toBe('unknown');
  });
});

describe('hasProperty', () => {
  it('treats empty strings as absent and intrinsics as present', () => {
    expect(hasProperty(props, 'KmsMasterKeyId')).toBe(false);
    expect(hasProperty(props, 'StorageEncrypted')).toBe(true);
    expect(hasProperty(props, 'EncryptionAtRestOptions')).toBe(true);
    expect(hasProperty(props, 'Absent')).toBe(false);
  });
});

describe('locationOfProperty', () => {
  it('points at the key', () => {
    expect(locationOfProperty(props, 'EncryptionAtRestOptions.Enabled')).toMatchObject({ line: 2, column: 3 });
    expect(locationOfProperty(props, 'Off')).toMatchObject({ line: 6, column: 1 });
    expect(locationOfProperty(props, 'Absent.X')).toBeUndefined();
  });
});
