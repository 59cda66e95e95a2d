// Positions travel with manifest values without changing what the values look like to rules, JSON or schemas.
import { describe, expect, it } from 'vitest';
import { copyPositions, locationOf, locationOfKey, locationOfValue, recordMember, recordPosition } from '../../src/model/positions.js';

const at = (line: number) => ({ file: 'serverless.yml', line, column: 3, endLine: line, endColumn: 9 });

describe('positions', () => {
  it('records an object, its keys and its values, invisibly', () => {
    const value: Record<string, unknown> = { handler: 'src/a.handler', memorySize: 256 };
    recordPosition(value, at(1));
    recordMember(value, 'handler', at(2), at(2));
    recordMember(value, 'memorySize', undefined, at(3));
    expect(locationOf(value)).toEqual(at(1));
    expect(locationOfKey(value, 'handler')).toEqual(at(2));
    expect(locationOfValue(value, 'memorySize')).toEqual(at(3));
    // The key falls back to the value's place when the key's was not recorded.
    expect(locationOfKey(value, 'memorySize')).toEqual(at(3));
    expect(Object.keys(value)).toEqual(['handler', 'memorySize']);
    expect(JSON.stringify(value)).toBe('{"handler":"src/a.handler","memorySize":256}');
    expect({ ...value }).toEqual({ handler: 'src/a.handler', memorySize: 256 });
    expect(locationOf({ ...value })).toBeUndefined();
  });

  it('keeps the first position recorded, copies positions to rebuilt values, and leaves frozen values alone', () => {
    const original = ['a'];
    recordPosition(original, at(4));
    recordPosition(original, at(9));
    expect(locationOf(original)).toEqual(at(4));
    const rebuilt = ['a', 'b'];
    copyPositions(original, rebuilt);
    expect(locationOf(rebuilt)).toEqual(at(4));
    const frozen = Object.freeze({ x: 1 });
    expect(() => recordPosition(frozen, at(5))).not.toThrow();
    expect(locationOf(frozen)).toBeUndefined();
    expect(locationOf(null)).toBeUndefined();
    expect(locationOfValue('text', 0)).toBeUndefined();
  });
});
