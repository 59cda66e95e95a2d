#!/usr/bin/env node
// The noops-lint command: check the Node version, run the CLI, set the exit code.
import { statSync } from 'node:fs';
import path from 'node:path';
import { toolVersion } from '../util/package-root.js';
import { parseCliArguments } from './args.js';
import { prewarmWorkers, resolveConcurrency } from '../engine/worker-pool.js';
import { lintWorkerUrl } from './lint-worker-url.js';

const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
if (major < 20 || (major === 20 && minor < 18)) {
  process.stderr.write(`noops-lint needs Node.js 20.18 or newer; this is ${process.versions.node}.\n`);
  process.exit(2);
}

// A reader that goes away (`noops-lint | head -1`) is no error: the rest of the output has nobody to read it. End
// quietly, with the exit code the findings decided (the run is synchronous, so it is set before the error arrives).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Answered before the rules, TypeScript and the IAM data are loaded: editors and hooks ask this often.
  process.stdout.write(`${toolVersion()}\n`);
} else {
  // Workers load the linter while this thread does: a folder with many services is linted on every core.
  prewarmWorkers(earlyWorkers(argv, process.cwd()), lintWorkerUrl());
  const { runCli } = await import('./run-cli.js');
  process.exitCode = runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
  });
}

/**
 * Workers worth starting before the rest of the CLI is loaded: lint runs over a folder, with more than one thread.
 * Files named one by one (pre-commit) and the other commands start none; a run that turns out to need no worker
 * (a small project, a warm cache) ends them unused.
 */
function earlyWorkers(args: string[], cwd: string): number {
  let parsed;
  try {
    parsed = parseCliArguments(args);
  } catch {
    return 0;
  }
  if (parsed.command !== 'lint' || parsed.help || parsed.version || parsed.writeBaseline !== undefined) return 0;
  const threads = resolveConcurrency(parsed.concurrency);
  if (threads <= 1) return 0;
  const paths = parsed.paths.length > 0 ? parsed.paths : ['.'];
  const folder = paths.some((p) => {
    try {
      return statSync(path.resolve(cwd, p)).isDirectory();
    } catch {
      return false;
    }
  });
  return folder ? threads - 1 : 0;
}
