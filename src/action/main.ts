// The Action's entry point (bundled to dist/action.js): run with the runner's environment and set the step's exit code.
import { runAction } from './run-action.js';

process.exitCode = await runAction({
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
