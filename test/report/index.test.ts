import { describe, it, expect } from 'vitest';
import { DEFAULT_FORMAT, FORMAT_NAMES, isFormatName, REPORTERS } from '../../src/report/index.js';
import type { LintResult } from '../../src/engine/result.js';
import { sampleFindings, sampleResult } from './sample-result.js';

function shuffled(): LintResult {
  const result = sampleResult();
  return { ...result, findings: [...sampleFindings()].reverse(), rules: [...result.rules].reverse() };
}

describe('reporters', () => {
  it('has one reporter per format name', () => {
    expect(Object.keys(REPORTERS).sort()).toEqual([...FORMAT_NAMES].sort());
    expect(DEFAULT_FORMAT).toBe('stylish');
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('checkstyle')).toBe(false);
  });

  for (const name of FORMAT_NAMES) {
    it(`${name}: the same input gives the same bytes, whatever the input order`, () => {
      const reporter = REPORTERS[name];
      const first = reporter(sampleResult(), { color: false, sarifCategory: 'c' });
      expect(reporter(sampleResult(), { color: false, sarifCategory: 'c' })).toBe(first);
      expect(reporter(shuffled(), { color: false, sarifCategory: 'c' })).toBe(first);
    });

    it(`${name}: never prints the absolute project root`, () => {
      expect(REPORTERS[name](sampleResult(), { color: true })).not.toContain(sampleResult().root);
    });
  }

  it('colours nothing but stylish', () => {
    for (const name of FORMAT_NAMES.filter((format) => format !== 'stylish')) {
      expect(REPORTERS[name](sampleResult(), { color: true })).not.toContain('\u001b[');
    }
  });
});
