// Shared helpers for the hostile-input tests: scratch projects, runs through lint() and the CLI in every format, SARIF validation.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { lint, type LintRun } from '../../src/engine/lint.js';
import { runCli } from '../../src/cli/run-cli.js';
import { FORMAT_NAMES, type FormatName } from '../../src/report/index.js';
import type { Finding } from '../../src/model/finding.js';
import { BUILTIN_RULES } from '../../rules/index.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/input');

/** A date for date-dependent rules, so two runs print the same bytes. */
export const NOW = new Date('2026-01-15T00:00:00Z');

/** A fresh folder under the OS temp dir (never inside a git work tree, so it is its own project root). */
export function scratchDir(prefix = 'noops-sec-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `files` (root-relative path -> text or bytes) into a new scratch project and returns its root. */
export function writeProject(files: Record<string, string | Uint8Array>, root = scratchDir()): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Copies a committed fixture into a scratch dir, so symlinks and generated files can be added without touching the repo. */
export function copyFixture(name: string, root = scratchDir()): string {
  cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function lintRoot(root: string, extra: Partial<Parameters<typeof lint>[0]> = {}): LintRun {
  return lint({ rules: BUILTIN_RULES, root, now: NOW, ...extra });
}

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI function in `cwd` with a fake io (no environment unless given, no TTY). */
export function cli(cwd: string, args: string[] = [], env: Record<string, string> = {}): CliOutput {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    cwd,
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    now: NOW,
  });
  return { code, stdout, stderr };
}

/** The CLI's output in every format, by format name. */
export function cliAllFormats(cwd: string, args: string[] = []): Record<FormatName, CliOutput> {
  const out = {} as Record<FormatName, CliOutput>;
  for (const format of FORMAT_NAMES) out[format] = cli(cwd, ['--format', format, ...args]);
  return out;
}

/** The CLI ran to a report: exit 0 or 1, never 2 (a crash or an internal error), and said nothing else (`--debug`'s run summary aside). */
export function expectCompletedRun(outputs: Record<string, CliOutput>): void {
  for (const [format, output] of Object.entries(outputs)) {
    const stderr = output.stderr.replace(/^noops-lint: (\d+ candidate files, .*|linted in one pass on one thread\.)\n/m, '');
    expect({ format, code: output.code, stderr }).toEqual({ format, code: output.code === 1 ? 1 : 0, stderr: '' });
  }
}

export function ruleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}

export function noInternalErrors(findings: readonly Finding[]): void {
  expect(findings.filter((f) => f.ruleId === 'internal/rule-error').map((f) => f.message)).toEqual([]);
}

const sarifSchema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../report/sarif-2.1.0.schema.json'), 'utf8'));
// strictRequired is off because the official schema lists `required` names inside anyOf branches.
const ajv = new Ajv2020.default({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

/** The SARIF errors of a document (empty when it validates). */
export function sarifErrors(text: string): unknown[] {
  const document = JSON.parse(text);
  return validateSarif(document) ? [] : (validateSarif.errors ?? []);
}
