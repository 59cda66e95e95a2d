#!/usr/bin/env node
// The noops-lint command: check the Node version, run the CLI, set the exit code.
import { toolVersion } from '../util/package-root.js';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 18)) {
    process.stderr.write(`noops-lint needs Node.js 20.18 or newer; this is ${process.versions.node}.\n`);
    process.exit(2);
}
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    // Answered before the rules, TypeScript and the IAM data are loaded: editors and hooks ask this often.
    process.stdout.write(`${toolVersion()}\n`);
}
else {
    const { runCli } = await import('./run-cli.js');
    process.exitCode = runCli(argv, {
        cwd: process.cwd(),
        env: process.env,
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        isTTY: process.stdout.isTTY === true,
        stderrIsTTY: process.stderr.isTTY === true,
    });
}
