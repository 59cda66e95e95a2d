// The CLI's work, testable without a process: parse arguments, load config, lint, report, return an exit code.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES } from '../../rules/index.js';
import { ConfigError, findConfigFile, loadConfigFile, EMPTY_CONFIG, type Config } from '../engine/config.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../engine/finding.js';
import { lint, RuleOptionsError } from '../engine/lint.js';
import { helpUri, type AnyRule } from '../engine/rule.js';
import { TOOL_RULES } from '../engine/tool-rules.js';
import { REPORTERS } from '../report/index.js';
import { toolVersion } from '../util/package-root.js';
import { HELP, parseCliArguments, UsageError, type CliArguments } from './args.js';
import { initConfigText } from './init-config.js';
import { rulesTableMarkdown } from './rules-table.js';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean;
  /** Pinned in tests so date-dependent rules are stable. */
  now?: Date;
}

export function runCli(argv: string[], io: CliIo): number {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`noops-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  try {
    switch (args.command) {
      case 'rules':
        return listRules(io);
      case 'explain':
        return explainRule(args.paths[0], io);
      case 'init':
        return initConfig(io);
      case 'docs-rules':
        io.stdout(rulesTableMarkdown(BUILTIN_RULES));
        return 0;
      default:
        return runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof RuleOptionsError) {
      io.stderr(`noops-lint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`noops-lint: internal error: ${(error as Error).message}\n${args.debug ? `${(error as Error).stack}\n` : 'Run again with --debug for details, and please report it.\n'}`);
    return 2;
  }
}

/** The project root: the git top-level above the working directory, else the working directory. */
export function findProjectRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

function runLint(args: CliArguments, io: CliIo): number {
  const root = findProjectRoot(io.cwd);
  const config = loadConfig(args, io, root);
  const paths = (args.paths.length ? args.paths : ['.']).map((p) => {
    const abs = path.resolve(io.cwd, p);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UsageError(`${p} is outside the project root ${root}; run noops-lint from inside the project.`);
    }
    return rel.split(path.sep).join('/');
  });
  const run = lint({
    root,
    paths,
    config,
    onlyRules: args.rules.length ? args.rules : undefined,
    now: io.now,
    resolveEnv: args.resolveEnv,
    env: io.env,
    stage: args.stage,
    gitignore: args.gitignore,
  });
  if (args.rules.length) {
    const known = new Set([...BUILTIN_RULES, ...TOOL_RULES].map((r) => r.id));
    const unknown = args.rules.filter((r) => !known.has(r));
    if (unknown.length) throw new UsageError(`Unknown rule ${unknown.join(', ')}. Run noops-lint rules to list them.`);
  }
  const findings = args.quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
  const result = { ...run, findings };
  const color = args.outputFile ? false : (args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb')) || (args.color === undefined && !!io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0');
  const format = args.format ?? 'stylish';
  const report = REPORTERS[format](result, { color, sarifCategory: args.sarifCategory });
  if (args.outputFile) writeFileSync(path.resolve(io.cwd, args.outputFile), report);
  else io.stdout(report);
  if (args.sarifFile) writeFileSync(path.resolve(io.cwd, args.sarifFile), REPORTERS.sarif(result, { color: false, sarifCategory: args.sarifCategory }));
  if (findings.length > 5000 && format === 'sarif') io.stderr('noops-lint: more than 5,000 results; GitHub code scanning shows only the first 5,000.\n');
  return exitCode(findings, args.failOn ?? config.failOn ?? 'error', args.maxWarnings);
}

function loadConfig(args: CliArguments, io: CliIo, root: string): Config {
  if (args.config) {
    const file = path.resolve(io.cwd, args.config);
    if (!existsSync(file)) throw new UsageError(`The configuration file ${args.config} does not exist.`);
    return loadConfigFile(file, args.config);
  }
  const found = findConfigFile(io.cwd);
  if (!found) return EMPTY_CONFIG;
  const display = path.relative(root, found).split(path.sep).join('/') || found;
  return loadConfigFile(found, display.startsWith('..') ? found : display);
}

export function exitCode(findings: Finding[], failOn: Severity | 'never', maxWarnings: number): number {
  if (failOn !== 'never' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])) return 1;
  if (maxWarnings >= 0 && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

function allRules(): AnyRule[] {
  return [...BUILTIN_RULES].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function listRules(io: CliIo): number {
  const rules = allRules();
  const width = Math.max(...rules.map((r) => r.id.length), 10);
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function explainRule(id: string | undefined, io: CliIo): number {
  if (!id) throw new UsageError('explain takes a rule id, for example: noops-lint explain iam/wildcard-action');
  const rule = [...allRules(), ...TOOL_RULES].find((r) => r.id === id);
  if (!rule) throw new UsageError(`Unknown rule "${id}". Run noops-lint rules to list them.`);
  io.stdout(`${rule.id} (${rule.severity})\n\n${rule.description}\n\n${rule.fullDescription}\n\nHow to fix:\n${rule.help}\n\n${helpUri(rule.id)}\n`);
  return 0;
}

function initConfig(io: CliIo): number {
  const file = path.join(io.cwd, '.noops-lint.yaml');
  if (existsSync(file)) throw new UsageError('.noops-lint.yaml already exists; edit it or delete it first.');
  writeFileSync(file, initConfigText(allRules()));
  io.stdout('Wrote .noops-lint.yaml\n');
  return 0;
}
