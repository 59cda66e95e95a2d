// The reporter contract: a pure function from a run's result to the text to print.
import type { LintResult } from '../engine/result.js';

export interface ReporterOptions {
  /** ANSI colour; the CLI decides (TTY, NO_COLOR, FORCE_COLOR, --color). Only stylish uses it. */
  color: boolean;
  /**
   * Joined before every root-relative path so printed paths are relative to the git top-level
   * (or wherever the CLI wants them), e.g. `services/api` for a project below the repository root.
   */
  cwdPrefix?: string;
  /** `--sarif-category`: becomes SARIF `automationDetails.id` `<category>/`. */
  sarifCategory?: string;
  /** What `--quiet` held back from the report (still counted for the exit code): the stylish summary says so. */
  hidden?: { warnings: number; notes: number };
  /** Stylish: the line width to wrap at (the terminal's; default 80). */
  width?: number;
  /** Stylish: the terminal shows OSC 8 hyperlinks, so each rule id links to its docs. */
  hyperlinks?: boolean;
  /**
   * How many input/unresolved notes were left out of a stylish or github report (shown with --verbose, always in
   * json and SARIF): one line says how many values were left unresolved.
   */
  unresolved?: number;
  /** How many input/handler-not-analysed notes were left out the same way: one line says so. */
  notAnalysed?: number;
}

export type Reporter = (result: LintResult, options: ReporterOptions) => string;
