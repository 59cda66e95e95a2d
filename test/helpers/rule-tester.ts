// The one way to test a rule, modelled on ESLint's RuleTester: every case goes through the real lint() with only the
// rule under test, and registers vitest cases for
// - the rule's fixture cases under fixtures/rules/<category>/<problem>/{good,bad}/<case>/ (annotations `expect:`,
//   `ok:` and `todo-expect:`, options from the case's .noops-lint.yaml),
// - inline `valid` and `invalid` cases: files given as a map of path -> text, options, and for invalid cases the
//   expected errors, checked exactly (count, order, messageId, line, and file, function, data, message when given),
// - a last check that the cases together produce every messageId of the rule.
// Extra assertions (message texts, related locations, keys) read a case's findings with `tester.lint()`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { formatMessage, type AnyRule } from '../../rules/kit.js';
import { EMPTY_CONFIG, loadConfigFile, type Config } from '../../src/engine/config.js';
import { lint, type LintRun } from '../../src/engine/lint.js';
import type { Finding } from '../../src/model/finding.js';
import { listFiles, readAnnotations } from './annotations.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const RULE_FIXTURES = path.join(REPO_ROOT, 'fixtures/rules');
/** The date deprecation tables are read at, so cases do not change meaning over time. */
export const DEFAULT_NOW = new Date('2026-12-01T00:00:00Z');

/** What one expected finding of an invalid case must be. Omitted fields are not checked; `function: null` means none. */
export interface ExpectedError {
  messageId: string;
  line: number;
  /** Root-relative path of the finding's file. */
  file?: string;
  column?: number;
  /** The function the finding names, as the manifest spells it; null when it must name none. */
  function?: string | null;
  /** The values of the message's placeholders: the message must be the rule's template filled with them. */
  data?: Record<string, string | number>;
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  key?: string;
}

export interface CaseSource {
  /** The project's files, root-relative path -> text, written to a fresh temporary folder. */
  files?: Record<string, string>;
  /** An existing project folder instead of files: repository-relative (`fixtures/projects/orders`) or absolute. */
  dir?: string;
  /** The rule's options, as `.noops-lint.yaml` would set them. */
  options?: Record<string, unknown>;
  /** The date of the run (default DEFAULT_NOW). */
  now?: Date | string;
}

export interface ValidCase extends CaseSource {
  name: string;
  only?: boolean;
  /**
   * The input problems the case is about, as `ruleId file:line` (a manifest the tool reports as invalid, where the rule
   * must stay silent). Any other input/* or internal/* finding fails the case: a case the tool cannot read proves nothing.
   */
  inputProblems?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface RuleTests {
  valid?: ValidCase[];
  invalid?: InvalidCase[];
  /** Run the rule's fixture cases from fixtures/rules (default true). */
  fixtures?: boolean;
  /** The fixtures must hold at least as many good cases as bad ones (rules that read handler code: false positives cost most). */
  atLeastAsManyGoodCases?: boolean;
}

/** One case's run: the rule's findings in report order, the input problems that would make it prove nothing, all of it. */
export interface CaseRun {
  findings: Finding[];
  problems: string[];
  run: LintRun;
}

export interface FixtureCase {
  kind: 'good' | 'bad';
  name: string;
  dir: string;
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

/** The fixture cases of a rule, good ones first, each kind sorted by name. */
export function fixtureCases(ruleId: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const kind of ['good', 'bad'] as const) {
    const dir = path.join(RULE_FIXTURES, ruleId, kind);
    if (!isDir(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (isDir(path.join(dir, name))) cases.push({ kind, name, dir: path.join(dir, name) });
    }
  }
  return cases;
}

/** The files of a folder (a fixture case, repository-relative or absolute) as a map for an inline case to change. */
export function filesOf(dir: string): Record<string, string> {
  const root = path.resolve(isDir(path.join(RULE_FIXTURES, dir)) ? RULE_FIXTURES : REPO_ROOT, dir);
  return Object.fromEntries(listFiles(root).map((rel) => [rel, readFileSync(path.join(root, rel), 'utf8')]));
}

/** Input problems that make a case prove nothing: the tool could not read it. Unresolved values are expected. */
function inputProblems(run: LintRun): string[] {
  return run.findings
    .filter((f) => (f.ruleId.startsWith('input/') && f.ruleId !== 'input/unresolved') || f.ruleId.startsWith('internal/'))
    .map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`);
}

const at = (f: { location: { file: string; line: number } } | { file: string; line: number }): string =>
  'location' in f ? `${f.location.file}:${f.location.line}` : `${f.file}:${f.line}`;

/** A finding as a failure message shows it. */
const shown = (f: Finding): string => `${f.location.file}:${f.location.line} ${f.messageId ?? '?'}: ${f.message}`;

export class RuleTester {
  private readonly temporary: string[] = [];
  /** Runs of folders (fixtures, example projects) by rule, so a case and the extra assertions on it share one run. */
  private runs = new WeakMap<AnyRule, Map<string, CaseRun>>();
  /** The temporary folder written for each set of inline files, by rule. */
  private folders = new WeakMap<AnyRule, Map<string, string>>();

  constructor(private readonly defaults: { now?: Date } = {}) {}

  /**
   * Lints a project with only `rule` and returns its findings in report order. `source` is a fixture case
   * (`'bad/star-action'`, or `'iam/not-action/bad/not-action-allow'` for another rule's), or inline files or a folder.
   */
  lint(rule: AnyRule, source: string | CaseSource): CaseRun {
    if (typeof source === 'string') {
      const own = path.join(RULE_FIXTURES, rule.id, source);
      const dir = isDir(own) ? own : path.join(RULE_FIXTURES, source);
      if (!isDir(dir)) throw new Error(`no fixture case ${source} for ${rule.id}`);
      return this.runDir(rule, dir, undefined, this.defaults.now ?? DEFAULT_NOW, true);
    }
    const now = source.now === undefined ? (this.defaults.now ?? DEFAULT_NOW) : new Date(source.now);
    if ((source.files === undefined) === (source.dir === undefined)) throw new Error('a case gives either files or dir');
    // The same files are written once per rule: a case and the extra assertions on it share one folder and one run.
    const dir = source.files ? this.folderOf(rule, source.files) : path.resolve(REPO_ROOT, source.dir!);
    const config: Config | undefined = source.options ? { ...EMPTY_CONFIG, rules: { [rule.id]: { options: source.options } } } : undefined;
    return this.runDir(rule, dir, config, now, false);
  }

  /** Registers the vitest cases of `rule`: its fixtures, the valid and invalid cases, and the messageId coverage. */
  run(rule: AnyRule, tests: RuleTests = {}): void {
    const valid = tests.valid ?? [];
    const invalid = tests.invalid ?? [];
    const fixtures = tests.fixtures === false ? [] : fixtureCases(rule.id);
    /** The messageIds each case produced, by case. */
    const produced = new Map<string, Set<string>>();
    checkCaseNames(rule, valid, invalid);

    // After every test of the file, the extra assertions' runs included.
    afterAll(() => this.cleanUp());
    describe(rule.id, () => {
      // Each case runs once; the coverage check runs the ones a filter (-t) left out.
      const memo = new Map<string, () => CaseRun>();
      const once = (id: string, run: () => CaseRun): (() => CaseRun) => {
        let result: CaseRun | undefined;
        const get = () => {
          if (!result) {
            result = run();
            produced.set(id, new Set(result.findings.map((f) => f.messageId ?? '')));
          }
          return result;
        };
        memo.set(id, get);
        return get;
      };

      if (fixtures.length > 0) {
        describe('fixtures', () => {
          if (tests.atLeastAsManyGoodCases) {
            it('has at least as many good cases as bad ones', () => {
              expect(fixtures.filter((c) => c.kind === 'good').length).toBeGreaterThanOrEqual(fixtures.filter((c) => c.kind === 'bad').length);
            });
          }
          for (const c of fixtures) {
            const get = once(`fixture ${c.kind}/${c.name}`, () => this.runFixture(rule, c));
            it(`${c.kind}/${c.name}`, () => checkFixture(rule, c, get()));
          }
        });
      }
      if (valid.length > 0) {
        describe('valid', () => {
          for (const c of valid) {
            const get = once(`valid ${c.name}`, () => this.lint(rule, c));
            (c.only ? it.only : it)(c.name, () => checkValid(rule, c, get()));
          }
        });
      }
      if (invalid.length > 0) {
        describe('invalid', () => {
          for (const c of invalid) {
            const get = once(`invalid ${c.name}`, () => this.lint(rule, c));
            (c.only ? it.only : it)(c.name, () => checkInvalid(rule, c, get()));
          }
        });
      }
      it('produces every messageId of the rule in some case', () => {
        for (const get of memo.values()) {
          try {
            get();
          } catch {
            // A case that cannot run fails on its own.
          }
        }
        expect(uncoveredMessageIds(rule, produced.values()), `messageIds of ${rule.id} no case produces`).toEqual([]);
      });
    });
  }

  private runFixture(rule: AnyRule, c: FixtureCase): CaseRun {
    const configFile = path.join(c.dir, '.noops-lint.yaml');
    const config = existsSync(configFile) ? loadConfigFile(configFile) : undefined;
    if (config) expect(Object.keys(config.rules), 'a case configures only its own rule').toEqual([rule.id]);
    return this.runDir(rule, c.dir, undefined, this.defaults.now ?? DEFAULT_NOW, true);
  }

  private runDir(rule: AnyRule, root: string, config: Config | undefined, now: Date, withCaseConfig: boolean): CaseRun {
    let byRule = this.runs.get(rule);
    if (!byRule) this.runs.set(rule, (byRule = new Map()));
    const id = `${root}|${JSON.stringify(config?.rules ?? null)}|${now.toISOString()}|${withCaseConfig}`;
    let result = byRule.get(id);
    if (!result) byRule.set(id, (result = this.runDirUncached(rule, root, config, now, withCaseConfig)));
    return result;
  }

  private runDirUncached(rule: AnyRule, root: string, config: Config | undefined, now: Date, withCaseConfig: boolean): CaseRun {
    let caseConfig = config;
    if (withCaseConfig) {
      const configFile = path.join(root, '.noops-lint.yaml');
      if (existsSync(configFile)) caseConfig = loadConfigFile(configFile);
    }
    // The rule under test replaces the built-in one of its id, so a changed copy ({ ...rule, defaultOptions }) runs.
    const rules = [...BUILTIN_RULES.filter((r) => r.id !== rule.id), rule];
    const run = lint({ root, rules, onlyRules: [rule.id], now, gitignore: false, ...(caseConfig ? { config: caseConfig } : {}) });
    return { findings: run.findings.filter((f) => f.ruleId === rule.id), problems: inputProblems(run), run };
  }

  private folderOf(rule: AnyRule, files: Record<string, string>): string {
    let byRule = this.folders.get(rule);
    if (!byRule) this.folders.set(rule, (byRule = new Map()));
    const id = JSON.stringify(Object.entries(files));
    let dir = byRule.get(id);
    if (!dir) byRule.set(id, (dir = this.writeFiles(rule, files)));
    return dir;
  }

  private writeFiles(rule: AnyRule, files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), `${rule.id.replace('/', '-')}-`));
    this.temporary.push(root);
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(root, ...name.split('/'));
      if (path.relative(root, file).startsWith('..')) throw new Error(`case file ${name} leaves the project`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return root;
  }

  private cleanUp(): void {
    for (const root of this.temporary.splice(0)) rmSync(root, { recursive: true, force: true });
    this.folders = new WeakMap();
    this.runs = new WeakMap();
  }
}

/** Throws on cases that cannot be right: duplicate names, an invalid case without errors, a messageId the rule lacks. */
export function checkCaseNames(rule: AnyRule, valid: ValidCase[], invalid: InvalidCase[]): void {
  for (const [kind, cases] of [['valid', valid], ['invalid', invalid]] as const) {
    const names = cases.map((c) => c.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate !== undefined) throw new Error(`${rule.id}: two ${kind} cases are named "${duplicate}"`);
  }
  for (const c of invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case "${c.name}" expects no error; make it a valid case`);
    for (const error of c.errors) {
      if (!Object.hasOwn(rule.messages, error.messageId)) {
        throw new Error(`${rule.id}: invalid case "${c.name}" expects messageId "${error.messageId}", which the rule does not have (${Object.keys(rule.messages).join(', ')})`);
      }
    }
  }
}

/** Every finding names one of the rule's messageIds and fills every placeholder of its message. */
function checkFindingsWellFormed(rule: AnyRule, findings: Finding[]): void {
  for (const f of findings) {
    expect(Object.keys(rule.messages), `messageId of ${shown(f)}`).toContain(f.messageId);
    expect(f.message, 'a placeholder left unfilled').not.toMatch(/\{\{\s*\w+\s*\}\}/);
  }
}

/** The messageIds of `rule` that none of the cases' findings carries. */
export function uncoveredMessageIds(rule: AnyRule, produced: Iterable<ReadonlySet<string>>): string[] {
  const seen = new Set([...produced].flatMap((ids) => [...ids]));
  return Object.keys(rule.messages).filter((id) => !seen.has(id));
}

/** A fixture case against its annotations: a good case reports nothing, a bad one exactly the `expect:` places. */
export function checkFixture(rule: AnyRule, c: FixtureCase, result: CaseRun): void {
  expect(result.problems, 'a broken fixture proves nothing').toEqual([]);
  checkFindingsWellFormed(rule, result.findings);
  const reported = result.findings.map(at);
  const annotations = readAnnotations(c.dir).filter((a) => a.ruleId === rule.id);
  const expected = annotations.filter((a) => a.kind === 'expect').map(at);
  const mustNot = annotations.filter((a) => a.kind === 'ok').map(at);
  const todo = annotations.filter((a) => a.kind === 'todo-expect').map(at);
  if (c.kind === 'good') expect(expected, 'good cases carry no expect: annotations').toEqual([]);
  else expect(expected.length, 'a bad case needs at least one expect: annotation').toBeGreaterThan(0);
  for (const place of mustNot) expect(reported, `ok: at ${place} is reported`).not.toContain(place);
  // A known miss must stay a miss until it is fixed, then be promoted to expect:.
  for (const place of todo) expect(reported, `todo-expect at ${place} now passes: make it expect:`).not.toContain(place);
  if (c.kind === 'good') expect(result.findings.map(shown), 'a good case must stay clean').toEqual([]);
  else expect([...new Set(reported)].sort(), 'reported places (file:line) and expect: annotations').toEqual([...new Set(expected)].sort());
}

function checkInputProblems(c: ValidCase, result: CaseRun): void {
  const expected = c.inputProblems ?? [];
  const actual = result.problems.filter((p) => !expected.some((e) => p.startsWith(`${e} `)));
  expect(actual, 'a case the tool cannot read proves nothing').toEqual([]);
  const missing = expected.filter((e) => !result.problems.some((p) => p.startsWith(`${e} `)));
  expect(missing, 'input problems the case expects').toEqual([]);
}

/** A valid case: readable, and nothing reported. */
export function checkValid(rule: AnyRule, c: ValidCase, result: CaseRun): void {
  checkInputProblems(c, result);
  checkFindingsWellFormed(rule, result.findings);
  expect(result.findings.map(shown), 'a valid case reports nothing').toEqual([]);
}

/** An invalid case: readable, and exactly the expected errors in report order. */
export function checkInvalid(rule: AnyRule, c: InvalidCase, result: CaseRun): void {
  checkInputProblems(c, result);
  checkFindingsWellFormed(rule, result.findings);
  const actual = result.findings;
  // count, order, messageId, line (and file when given) at once, so a failure shows every difference
  const brief = (file: string, line: number, messageId: string | undefined) => `${file}:${line} ${messageId}`;
  expect(
    actual.map((f, i) => brief(c.errors[i]?.file === undefined ? '(any file)' : f.location.file, f.location.line, f.messageId)),
    `${c.errors.length} error(s) expected, ${actual.length} reported:\n${actual.map(shown).join('\n')}\n`,
  ).toEqual(c.errors.map((e) => brief(e.file ?? '(any file)', e.line, e.messageId)));
  c.errors.forEach((error, i) => {
    const f = actual[i]!;
    const label = `error ${i + 1} (${shown(f)})`;
    expect(f.messageId, `${label}: messageId`).toBe(error.messageId);
    expect(f.location.line, `${label}: line`).toBe(error.line);
    if (error.file !== undefined) expect(f.location.file, `${label}: file`).toBe(error.file);
    if (error.column !== undefined) expect(f.location.column, `${label}: column`).toBe(error.column);
    if (error.function !== undefined) expect(f.function, `${label}: function`).toBe(error.function ?? undefined);
    if (error.data !== undefined) expect(f.message, `${label}: message with data`).toBe(formatMessage(rule.messages[error.messageId]!, error.data));
    if (typeof error.message === 'string') expect(f.message, `${label}: message`).toBe(error.message);
    else if (error.message) expect(f.message, `${label}: message`).toMatch(error.message);
    if (error.key !== undefined) expect(f.key, `${label}: key`).toBe(error.key);
  });
}

/** The tester every rule test uses. */
export const ruleTester = new RuleTester();
