// Installs Microsoft's SARIF multitool outside the repo and prints its binary's path (for NOOPS_SARIF_MULTITOOL).
// Usage: node scripts/sarif-multitool.mjs [install-dir]   (default: <os tmpdir>/noops-lint-sarif-multitool)
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// Pinned so that a new multitool rule cannot turn CI red without a change here.
const PACKAGE = '@microsoft/sarif-multitool@5.7.0';

const prefix = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'noops-lint-sarif-multitool'));
mkdirSync(prefix, { recursive: true });

let binary = resolveBinary();
if (!binary) {
  // Diagnostics to stderr: stdout carries only the path, so `$(node scripts/sarif-multitool.mjs)` works.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, PACKAGE], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  binary = resolveBinary();
}
if (!binary) {
  process.stderr.write(`sarif-multitool: ${PACKAGE} installed in ${prefix} but its ${process.platform} binary is missing\n`);
  process.exit(1);
}
// The platform package sets the executable bit in a postinstall script, which npm may not run.
if (process.platform !== 'win32') chmodSync(binary, 0o755);
process.stdout.write(`${binary}\n`);

function resolveBinary() {
  try {
    const require = createRequire(path.join(prefix, 'noop.js'));
    // The package exports the path of the binary of the current platform.
    const candidate = require('@microsoft/sarif-multitool');
    return typeof candidate === 'string' && existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
