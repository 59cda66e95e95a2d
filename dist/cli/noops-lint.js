#!/usr/bin/env node
import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  lintWorkerUrl,
  parseCliArguments
} from "./chunk-PJNS2SS4.js";
import {
  prewarmWorkers,
  resolveConcurrency
} from "./chunk-SBBB3TLU.js";
import {
  toolVersion
} from "./chunk-WM5C6TTT.js";
import "./chunk-B4MLV3L6.js";

// src/cli/main.ts
import { statSync } from "node:fs";
import path from "node:path";
var [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || major === 20 && minor < 18) {
  process.stderr.write(`noops-lint needs Node.js 20.18 or newer; this is ${process.versions.node}.
`);
  process.exit(2);
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
var argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${toolVersion()}
`);
} else {
  prewarmWorkers(earlyWorkers(argv, process.cwd()), lintWorkerUrl());
  const { runCli } = await import("./run-cli-2DK4W3DS.js");
  process.exitCode = runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY === true ? process.stdout.columns : void 0
  });
}
function earlyWorkers(args, cwd) {
  let parsed;
  try {
    parsed = parseCliArguments(args);
  } catch {
    return 0;
  }
  if (parsed.command !== "lint" || parsed.help || parsed.version || parsed.writeBaseline !== void 0) return 0;
  const threads = resolveConcurrency(parsed.concurrency);
  if (threads <= 1) return 0;
  const paths = parsed.paths.length > 0 ? parsed.paths : ["."];
  const folder = paths.some((p) => {
    try {
      return statSync(path.resolve(cwd, p)).isDirectory();
    } catch {
      return false;
    }
  });
  return folder ? threads - 1 : 0;
}
