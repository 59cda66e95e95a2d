// What the command line talks to: the working folder, the environment and the two streams (a process, or a test).
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean;
  /** Whether stderr is a terminal: then, outside CI, a progress line shows while the analysis runs. */
  stderrIsTTY?: boolean;
  /** The terminal's width, when stdout is one: stylish wraps at it (else at 80). */
  columns?: number;
  /** Pinned in tests so date-dependent rules are stable. */
  now?: Date;
}
