import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);

// src/cli/args.ts
import { parseArgs } from "node:util";
var FORMATS = ["stylish", "compact", "json", "sarif", "github"];
var COMMANDS = ["lint", "rules", "explain", "init", "policy", "fix", "test-rules"];
var UsageError = class extends Error {
};
var HELP = `Usage: noops-lint [options] [path ...]
       noops-lint policy [path ...] [--format json|yaml]
       noops-lint fix [path ...] [--dry-run] [--split-roles]
       noops-lint rules [--format json] | explain <rule-id> | init | test-rules [dir ...] | help

Checks serverless function code and manifests (serverless.yml, SAM/CloudFormation templates,
kind: Service) for over-broad IAM, missing encryption, plaintext secrets and ops problems.
Paths default to the current folder; a file means the project that owns it.

Options:
  -f, --format <name>       stylish (default), compact, json, sarif, github
  -o, --output-file <file>  write the report to a file instead of stdout
      --sarif-file <file>   also write a SARIF report to this file
      --sarif-category <c>  SARIF automationDetails id, for several uploads per commit
  -c, --config <file>       configuration file (default: .noops-lint.yaml found upward)
      --fail-on <level>     error (default), warning, note or never: lowest severity that fails
      --max-warnings <n>    fail when there are more than n warnings (default: -1, no limit)
      --quiet               report errors only (warnings still count for --max-warnings and --fail-on)
      --rule <id>           report only this rule id (repeatable)
      --baseline <file>     report (and fail on) only findings not recorded in this baseline
      --write-baseline <file>  record the current findings in a baseline file, then exit 0
      --no-inline-suppressions  ignore noops-lint-disable-next-line comments and Metadata (auditor mode)
      --include-suppressed  add suppressed and baselined findings to SARIF, with their suppressions
      --sarif-fixes         add to each IAM result in SARIF the change noops-lint fix would make (SARIF fixes)
      --stage <name>        Serverless stage for \${sls:stage} / \${opt:stage} (default: provider.stage, then dev)
      --resolve-env         resolve \${env:X} from the environment (off: it could copy CI secrets into reports)
      --no-gitignore        also read files that .gitignore excludes
      --concurrency <n>     threads: a number (at most the cores), auto (default: min(cores, 4)) or off
      --cache               reuse the findings of services whose files did not change since the last run
      --cache-location <p>  the cache file, or folder if it ends in / (default: node_modules/.cache/
                            noops-lint/, or .noops-lint-cache without node_modules/)
      --color, --no-color   force colour on or off (default: on a TTY, unless NO_COLOR)
      --dry-run             fix: print the changes as a unified diff and write nothing
      --split-roles         fix: give each function of a shared role its own statements
      --verbose             also show the input/unresolved notes in stylish and github output
      --debug               print how the run was split over threads, and stack traces of internal errors
  -h, --help                show this help
  -v, --version             print the version

Exit codes: 0 no finding at or above the fail level, 1 findings, 2 usage, configuration or internal error.`;
function parseCliArguments(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      allowNegative: true,
      options: {
        format: { type: "string", short: "f" },
        "output-file": { type: "string", short: "o" },
        "sarif-file": { type: "string" },
        "sarif-category": { type: "string" },
        config: { type: "string", short: "c" },
        quiet: { type: "boolean", default: false },
        "max-warnings": { type: "string" },
        "fail-on": { type: "string" },
        color: { type: "boolean" },
        "resolve-env": { type: "boolean", default: false },
        "sarif-fixes": { type: "boolean", default: false },
        stage: { type: "string" },
        gitignore: { type: "boolean", default: true },
        rule: { type: "string", multiple: true },
        baseline: { type: "string" },
        "write-baseline": { type: "string" },
        "inline-suppressions": { type: "boolean", default: true },
        "include-suppressed": { type: "boolean", default: false },
        concurrency: { type: "string" },
        cache: { type: "boolean", default: false },
        "cache-location": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "split-roles": { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false }
      }
    });
  } catch (error) {
    throw new UsageError(`${error.message.replace(/\. To specify a positional.*$/s, ".")}
Run noops-lint --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (positionals[0] === "help") return { ...parseCliArguments(argv.filter((a) => a !== "help")), help: true };
  let command = "lint";
  let paths = positionals;
  if (positionals.length > 0 && COMMANDS.includes(positionals[0]) && positionals[0] !== "lint") {
    command = positionals[0];
    paths = positionals.slice(1);
  } else if (positionals[0] === "lint") {
    paths = positionals.slice(1);
  }
  const format = values.format;
  if (format !== void 0 && !FORMATS.includes(format) && !(command === "policy" && ["json", "yaml"].includes(format))) {
    throw new UsageError(`Unknown format "${format}". Use one of: ${FORMATS.join(", ")}${command === "policy" ? " (policy: json, yaml)" : ""}.`);
  }
  if (command === "rules" && format !== void 0 && format !== "json" && format !== "stylish") {
    throw new UsageError(`rules prints a table (the default) or json, not "${format}".`);
  }
  const failOn = values["fail-on"];
  if (failOn !== void 0 && !["error", "warning", "note", "never"].includes(failOn)) {
    throw new UsageError(`--fail-on takes error, warning, note or never, not "${failOn}".`);
  }
  let maxWarnings = -1;
  if (values["max-warnings"] !== void 0) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${values["max-warnings"]}".`);
  }
  let concurrency = "auto";
  const concurrencyText = values.concurrency;
  if (concurrencyText !== void 0) {
    if (concurrencyText === "auto" || concurrencyText === "off") concurrency = concurrencyText;
    else if (/^[1-9]\d*$/.test(concurrencyText)) concurrency = Number(concurrencyText);
    else throw new UsageError(`--concurrency takes a number of threads, auto or off, not "${concurrencyText}".`);
  }
  return {
    command,
    paths,
    format,
    outputFile: values["output-file"],
    sarifFile: values["sarif-file"],
    sarifCategory: values["sarif-category"],
    config: values.config,
    quiet: values.quiet ?? false,
    maxWarnings,
    failOn,
    color: values.color,
    resolveEnv: values["resolve-env"] ?? false,
    sarifFixes: values["sarif-fixes"] ?? false,
    stage: values.stage,
    gitignore: values.gitignore ?? true,
    rules: values.rule ?? [],
    baseline: values.baseline,
    writeBaseline: values["write-baseline"],
    inlineSuppressions: values["inline-suppressions"] ?? true,
    includeSuppressed: values["include-suppressed"] ?? false,
    concurrency,
    cache: values.cache ?? false,
    cacheLocation: values["cache-location"],
    dryRun: values["dry-run"] ?? false,
    splitRoles: values["split-roles"] ?? false,
    verbose: values.verbose ?? false,
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false
  };
}

// src/cli/lint-worker-url.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
function lintWorkerUrl() {
  const url = new URL("./lint-worker.js", import.meta.url);
  try {
    return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : void 0;
  } catch {
    return void 0;
  }
}

export {
  UsageError,
  HELP,
  parseCliArguments,
  lintWorkerUrl
};
