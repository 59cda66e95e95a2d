// Promise 6: the same input prints the same bytes in every format whatever order the file system lists it in, and SARIF validates.
import fs, { readdirSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { cliAllFormats, copyFixture, FIXTURES, lintRoot, removeDir, sarifErrors, type CliOutput } from './harness.js';
import { FORMAT_NAMES, REPORTERS, type FormatName } from '../../src/report/index.js';

/** Runs `action` while readdirSync lists every folder in reverse order. */
function withReversedListings<T>(action: () => T): T {
  const original = fs.readdirSync;
  const spy = vi.spyOn(fs, 'readdirSync').mockImplementation(((...args: Parameters<typeof fs.readdirSync>) => {
    const entries = original(...args) as unknown[];
    return [...entries].reverse();
  }) as never);
  syncBuiltinESMExports();
  try {
    return action();
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}

const CASES = readdirSync(FIXTURES).sort();

function allReports(root: string): Record<string, string> {
  const run = lintRoot(root);
  return Object.fromEntries(FORMAT_NAMES.map((format) => [format, REPORTERS[format](run, { color: false })]));
}

describe('deterministic, valid output', () => {
  it('covers every adversarial fixture', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of CASES) {
    it(`${name}: byte-identical reports across copies and listing orders, valid SARIF`, () => {
      const first = copyFixture(name);
      const second = copyFixture(name);
      try {
        const a = allReports(first);
        const b = withReversedListings(() => allReports(second));
        expect(b).toEqual(a);
        for (const text of Object.values(a)) expect(text).not.toContain(first);
        expect(sarifErrors(a.sarif!)).toEqual([]);
      } finally {
        removeDir(first);
        removeDir(second);
      }
    });
  }

  for (const name of ['never-run', 'output-injection', 'handler-number']) {
    it(`${name}: the CLI prints the same bytes in every format whatever the listing order`, () => {
      const first = copyFixture(name);
      const second = copyFixture(name);
      try {
        const a = cliAllFormats(first);
        const b = withReversedListings(() => cliAllFormats(second));
        for (const format of Object.keys(a) as FormatName[]) expect({ format, ...b[format] }).toEqual({ format, ...(a[format] as CliOutput) });
      } finally {
        removeDir(first);
        removeDir(second);
      }
    });
  }
});
