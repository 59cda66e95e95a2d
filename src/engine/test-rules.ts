// `noops-lint test-rules`: runs each declarative rule over the good/ and bad/ cases beside its file and
// compares its findings with the cases' `expect:` / `ok:` annotations, so a team can put its policies under CI.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { collectRuleDirectory, RuleFileError, ruleIdProblems, type DeclarativeRule } from './declarative.js';
import type { ReservedNames } from './rule-registry.js';
import { lint } from './lint.js';
import { FILE_LIMITS } from '../load/files.js';
import { plural } from '../util/plural.js';

export interface CaseResult {
  kind: 'good' | 'bad';
  name: string;
  passed: boolean;
  /** Why it failed, one line each ("expected a finding at serverless.yml:12, got none"). */
  problems: string[];
}

export interface RuleTestResult {
  id: string;
  file: string;
  cases: CaseResult[];
}

export interface TestRulesResult {
  rules: RuleTestResult[];
  passed: number;
  failed: number;
  /** Rules without a single case. */
  untested: string[];
}

export interface TestRulesOptions {
  /** Folders or files of rule files, absolute. */
  targets: string[];
  /** How paths are shown (root-relative). */
  display: (absolute: string) => string;
  /** Ids and categories a custom rule may not take (noops-lint's own: RuleRegistry.reserved()). */
  reserved?: ReservedNames;
  /** The project root: rule files must be regular files inside it, after following links. */
  root?: string;
  /** Pinned in tests. */
  now?: Date;
}

export interface TestRulesOutcome {
  /** 0 every case passed, 1 a case failed. Bad rule files throw RuleFileError (exit 2). */
  exitCode: number;
  result: TestRulesResult;
  text: string;
}

export function testRules(options: TestRulesOptions): TestRulesOutcome {
  const rules: DeclarativeRule[] = [];
  const problems: string[] = [];
  for (const target of options.targets) {
    if (!existsSync(target)) {
      problems.push(`${options.display(target) || target} does not exist.`);
      continue;
    }
    const collected = collectRuleDirectory(target, options.display, { ...(options.root === undefined ? {} : { root: options.root }), reservedCategories: options.reserved?.categories });
    rules.push(...collected.rules);
    problems.push(...collected.problems);
  }
  problems.push(...ruleIdProblems(rules, options.reserved?.ids));
  if (problems.length) throw new RuleFileError(problems);
  if (rules.length === 0) throw new RuleFileError([`No rule files (*.yaml, *.yml, *.json) in ${options.targets.map((t) => options.display(t) || '.').join(', ')}.`]);

  const results: RuleTestResult[] = [];
  for (const rule of [...rules].sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0))) {
    results.push({ id: rule.id, file: rule.source.file, cases: caseDirs(rule.path).map((c) => runCase(rule, c.kind, c.name, c.dir, options.now)) });
  }
  const all = results.flatMap((r) => r.cases);
  const result: TestRulesResult = {
    rules: results,
    passed: all.filter((c) => c.passed).length,
    failed: all.filter((c) => !c.passed).length,
    untested: results.filter((r) => r.cases.length === 0).map((r) => r.id),
  };
  return { exitCode: result.failed > 0 ? 1 : 0, result, text: formatTestRules(result) };
}

/** The cases of a rule file `x.yaml`: `x/good/<case>/` and `x/bad/<case>/`, sorted. */
function caseDirs(ruleFile: string): { kind: 'good' | 'bad'; name: string; dir: string }[] {
  const base = ruleFile.replace(/\.(ya?ml|json)$/i, '');
  const out: { kind: 'good' | 'bad'; name: string; dir: string }[] = [];
  // Links are not followed: a case folder linked to / would make the whole disk a test project.
  if (!isDirectory(base)) return out;
  for (const kind of ['bad', 'good'] as const) {
    const dir = path.join(base, kind);
    if (!isDirectory(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (isDirectory(path.join(dir, name))) out.push({ kind, name, dir: path.join(dir, name) });
    }
  }
  return out;
}

function runCase(rule: DeclarativeRule, kind: 'good' | 'bad', name: string, dir: string, now?: Date): CaseResult {
  const problems: string[] = [];
  const run = lint({ root: dir, rules: [rule], gitignore: false, ...(now ? { now } : {}) });
  for (const f of run.findings) {
    // A case about manifest properties needs no handler code; unresolved values are notes. Anything else broken fails it.
    if ((f.ruleId.startsWith('input/') && f.ruleId !== 'input/unresolved' && f.ruleId !== 'input/handler-not-found' && f.ruleId !== 'input/handler-not-analysed') || f.ruleId.startsWith('internal/')) {
      problems.push(`${f.ruleId} at ${f.location.file}:${f.location.line}: ${f.message}`);
    }
  }
  const reported = new Map<string, string>();
  for (const f of run.findings) if (f.ruleId === rule.id) reported.set(`${f.location.file}:${f.location.line}`, f.message);
  const annotations = readAnnotations(dir).filter((a) => a.ruleId === rule.id);
  const places = (k: Annotation['kind']) => annotations.filter((a) => a.kind === k).map((a) => `${a.file}:${a.line}`);
  const expected = new Set(places('expect'));
  if (kind === 'good') {
    for (const place of expected) problems.push(`a good case carries expect: at ${place}; move the case to bad/`);
    for (const [place, message] of reported) problems.push(`unexpected finding at ${place}: ${message}`);
  } else {
    if (expected.size === 0) problems.push(`a bad case needs at least one "expect: ${rule.id}" annotation`);
    for (const place of expected) if (!reported.has(place)) problems.push(`expected a finding at ${place}, got none`);
    for (const [place, message] of reported) if (!expected.has(place)) problems.push(`unexpected finding at ${place}: ${message}`);
  }
  for (const place of places('ok')) if (reported.has(place) && kind === 'bad') problems.push(`"ok:" at ${place}, but the rule reported it`);
  for (const place of places('todo-expect')) if (reported.has(place)) problems.push(`todo-expect at ${place} now passes: make it expect:`);
  return { kind, name, passed: problems.length === 0, problems: [...new Set(problems)] };
}

export function formatTestRules(result: TestRulesResult): string {
  const lines: string[] = [];
  for (const rule of result.rules) {
    lines.push(`${rule.file}  ${rule.id}`);
    if (rule.cases.length === 0) lines.push('  (no cases: add good/ and bad/ folders beside the rule file)');
    for (const c of rule.cases) {
      lines.push(`  ${c.passed ? 'pass' : 'FAIL'}  ${c.kind}/${c.name}`);
      for (const problem of c.problems) lines.push(`        ${problem}`);
    }
  }
  const total = result.passed + result.failed;
  lines.push('');
  lines.push(
    `${plural(result.rules.length, 'rule')}, ${plural(total, 'case')}: ${result.passed} passed, ${result.failed} failed` +
      (result.untested.length ? `; untested: ${result.untested.join(', ')}` : '') +
      '.',
  );
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Annotations: the same `expect:` / `ok:` / `todo-expect:` comments as the built-in fixtures
// (test/helpers/annotations.ts), copied here because test-rules ships without the test folder.

export interface Annotation {
  kind: 'expect' | 'ok' | 'todo-expect';
  ruleId: string;
  file: string;
  line: number;
}

const ANNOTATION = /(?:#|\/\/|\/\*)\s*(expect|ok|todo-expect):\s*([a-z0-9-]+\/[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+\/[a-z0-9-]+)*)/;
const COMMENT_ONLY = /^\s*(#|\/\/|\/\*)/;
const ANNOTATED_FILE = /\.(ya?ml|json|[cm]?[jt]sx?)$|Dockerfile$/;

/** Every annotation in a case folder; each applies to the next line that is not itself a comment. */
export function readAnnotations(caseDir: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const file of listFiles(caseDir)) {
    if (!ANNOTATED_FILE.test(file)) continue;
    // lint() skips a file this large, so its annotations could never match.
    if (lstatSync(path.join(caseDir, file)).size > FILE_LIMITS.maxFileBytes) continue;
    const lines = readFileSync(path.join(caseDir, file), 'utf8').split(/\r?\n/);
    lines.forEach((text, index) => {
      const match = ANNOTATION.exec(text);
      if (!match) return;
      let target = index + 1;
      while (target < lines.length && COMMENT_ONLY.test(lines[target]!)) target += 1;
      for (const ruleId of match[2]!.split(',').map((s) => s.trim())) {
        annotations.push({ kind: match[1] as Annotation['kind'], ruleId, file, line: target + 1 });
      }
    });
  }
  return annotations;
}

/** Files under a case folder, root-relative with `/`; symbolic links and node_modules are not followed. */
function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules') continue;
    const abs = path.join(dir, name);
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) out.push(...listFiles(abs, base));
    else if (stat.isFile()) out.push(path.relative(base, abs).split(path.sep).join('/'));
  }
  return out;
}

/** A real folder, not a link to one. */
function isDirectory(p: string): boolean {
  return lstatSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
