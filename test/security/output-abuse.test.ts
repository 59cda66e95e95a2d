// Promise 5: crafted names cannot inject GitHub workflow commands or break line formats, and secrets are never printed whole.
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { cliAllFormats, copyFixture, expectCompletedRun, FIXTURES, lintRoot, removeDir, sarifErrors, type CliOutput } from './harness.js';
import type { FormatName } from '../../src/report/index.js';

/** Secret values planted in the fixture; none may appear whole in any output. */
const SECRETS = ['sk_live_51HxQyZ2eZvKYlo2C9mN4pQrStUvWxYz', 'correct-horse-battery-staple-9431', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'Sup3rS3cretPw0rd'];
/** A folder whose name is a workflow command, and one below it whose name holds a line break. */
const EVIL_DIR = path.join('::error title=dir::injected-from-dir-name', 'x\n::error::newline-dir');

let root: string;
let outputs: Record<FormatName, CliOutput>;

beforeAll(() => {
  root = copyFixture('output-injection');
  mkdirSync(path.join(root, EVIL_DIR), { recursive: true });
  cpSync(path.join(FIXTURES, 'output-injection', 'serverless.yml'), path.join(root, EVIL_DIR, 'serverless.yml'));
  outputs = cliAllFormats(root);
});

afterAll(() => removeDir(root));

/** What the Actions runner would take as a workflow command: a line that starts with `::` once trimmed. */
function workflowCommands(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => line.trim().startsWith('::'));
}

/** actions/runner ActionCommand.TryParseV2: `::name key=value,key=value::data`, the properties end at the first `::`. */
function parseCommand(line: string) {
  const match = /^::([A-Za-z-]+)(?: ([^]*?))?::([^]*)$/.exec(line);
  if (!match) return undefined;
  const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  return { command: match[1], properties, data: match[3] };
}

const unescape = (value: string) => value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('output cannot be abused', () => {
  it('runs to completion in every format, with valid SARIF', () => {
    expectCompletedRun(outputs);
    expect(sarifErrors(outputs.sarif.stdout)).toEqual([]);
  });

  it('github: one well-formed annotation per finding, whose properties survive the round trip', () => {
    const run = lintRoot(root);
    const lines = outputs.github.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const files = new Set(run.findings.map((f) => f.location.file));
    for (const line of lines) {
      const command = parseCommand(line);
      expect(command, line).toBeDefined();
      expect(['error', 'warning', 'notice']).toContain(command!.command);
      for (const key of Object.keys(command!.properties)) expect(['file', 'line', 'endLine', 'col', 'endColumn', 'title']).toContain(key);
      if (command!.properties.file !== undefined) expect(files.has(unescape(command!.properties.file))).toBe(true);
      expect(command!.data).not.toMatch(/[\r\n]/);
    }
    // The crafted function name stays inside the message of the annotation it belongs to.
    expect(lines.filter((line) => line.includes('injected-from-function-name')).every((line) => /^(ops|input)\//.test(parseCommand(line)?.properties.title ?? ''))).toBe(true);
  });

  it('escapes exactly what the runner requires', () => {
    expect(escapeData('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  for (const format of ['stylish', 'compact'] as const) {
    it(`${format}: no line is a workflow command and no control character reaches the terminal`, () => {
      const text = outputs[format].stdout;
      expect(workflowCommands(text)).toEqual([]);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(text).toContain('./::error title=dir::injected-from-dir-name/x\\u000a::error::newline-dir/serverless.yml');
    });
  }

  it('compact: exactly one line per finding', () => {
    const run = lintRoot(root);
    expect(outputs.compact.stdout.split('\n').filter(Boolean)).toHaveLength(run.findings.length);
  });

  it('json and sarif: names stay inside JSON strings', () => {
    const json = JSON.parse(outputs.json.stdout);
    expect(json.findings.some((f: { file: string }) => f.file.includes('\n::error::newline-dir'))).toBe(true);
    expect(workflowCommands(outputs.json.stdout)).toEqual([]);
    expect(workflowCommands(outputs.sarif.stdout)).toEqual([]);
  });

  it('never prints a planted secret whole, in any format', () => {
    const run = lintRoot(root);
    expect(run.findings.filter((f) => f.ruleId === 'secrets/plaintext-env').length).toBeGreaterThanOrEqual(8);
    for (const [format, output] of Object.entries(outputs)) {
      for (const secret of SECRETS) {
        expect({ format, secret, printed: output.stdout.includes(secret) || output.stderr.includes(secret) }).toEqual({ format, secret, printed: false });
      }
    }
    for (const secret of SECRETS) expect(JSON.stringify(run.findings)).not.toContain(secret);
  });
});
