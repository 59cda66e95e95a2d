import { describe, it, expect } from 'vitest';
import { maskSecret } from '../../src/util/mask-secret.js';

describe('maskSecret', () => {
  it('keeps the first four characters of a long secret', () => {
    expect(maskSecret('tok_live_4f9a2c1e8b7d6a5f3e2d1c0b')).toBe('tok_********');
  });

  it('does not reveal the length', () => {
    expect(maskSecret('abcdefghijklmnop')).toHaveLength(12);
    expect(maskSecret('abcdefghijklmnopqrstuvwxyz0123456789')).toHaveLength(12);
  });

  it('shows at most a quarter of a short secret', () => {
    expect(maskSecret('changeme')).toBe('ch********');
    expect(maskSecret('abc')).toBe('********');
    expect(maskSecret('')).toBe('********');
  });

  it('never prints line breaks or spaces of the value', () => {
    expect(maskSecret('a\nb c-----BEGIN RSA PRIVATE KEY-----')).toBe('a*b*********');
  });

  it('accepts a smaller number of visible characters', () => {
    expect(maskSecret('tok_live_4f9a2c1e8b7d6a5f3e2d1c0b', 0)).toBe('********');
    expect(maskSecret('tok_live_4f9a2c1e8b7d6a5f3e2d1c0b', 2)).toBe('to********');
  });

  it('counts characters, not UTF-16 units, so it never splits a surrogate pair', () => {
    expect(maskSecret('🔑🔑🔑🔑🔑🔑🔑🔑')).toBe('🔑🔑********');
  });
});
