#!/usr/bin/env node
// The noops-lint command: check the Node version, run the CLI, set the exit code.
import { runCli } from './run-cli.js';

const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
if (major < 20 || (major === 20 && minor < 18)) {
  process.stderr.write(`noops-lint needs Node.js 20.18 or newer; this is ${process.versions.node}.\n`);
  process.exit(2);
}

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
});
