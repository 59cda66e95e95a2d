// Regular expressions from custom rules (`pattern`, `patternProperties`) come with the pull request. JavaScript's
// engine backtracks: `^(\w+\s?)+$` takes exponential time on 40 characters that almost match. Patterns that can
// backtrack like that run under a time budget; the simple ones (no quantified group, at most two unbounded
// repetitions, no back-references) cannot and run as they are.
import vm from 'node:vm';

export const PATTERN_LIMITS = {
  /** One match of a pattern that can backtrack. */
  maxMillisecondsPerMatch: 100,
  /** All budgeted matches of one run together: past it, such patterns are no longer tried. */
  maxMillisecondsPerRun: 2_000,
};

/** Thrown out of a schema validation when a pattern ran out of time: the value is not judged. */
export class PatternBudgetExceeded extends Error {
  constructor(readonly pattern: string) {
    super(`the pattern ${JSON.stringify(pattern)} took longer than ${PATTERN_LIMITS.maxMillisecondsPerMatch} ms`);
  }
}

/**
 * Whether `pattern` can take more than linear time on a backtracking engine: a repeated group, a back-reference,
 * or more than two unbounded repetitions (`a*b*c*` is polynomial on a long value). Conservative: a pattern that is
 * only slow in theory is budgeted too, which costs a little time, never a wrong answer.
 */
export function mayBacktrack(pattern: string): boolean {
  if (/\\[1-9]|\\k</.test(pattern)) return true;
  // Escaped characters and character classes hold no groups or repetitions of their own.
  const plain = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  // A group closed and then repeated: `(...)+`, `(...)*`, `(...){2,}`.
  if (/\)(?:[+*]|\{\d+,\d*\})/.test(plain)) return true;
  const unbounded = plain.match(/[+*]|\{\d+,\}/g)?.length ?? 0;
  return unbounded > 2;
}

let context: vm.Context | undefined;
let script: vm.Script | undefined;
let spent = 0;

/** Resets the per-run budget (lint() calls it once per run; tests call it between cases). */
export function resetPatternBudget(): void {
  spent = 0;
}

function budgetedTest(regExp: RegExp, pattern: string, value: string): boolean {
  if (spent > PATTERN_LIMITS.maxMillisecondsPerRun) throw new PatternBudgetExceeded(pattern);
  context ??= vm.createContext(Object.create(null));
  script ??= new vm.Script('re.test(s)');
  context.re = regExp;
  context.s = value;
  const started = performance.now();
  try {
    return script.runInContext(context, { timeout: PATTERN_LIMITS.maxMillisecondsPerMatch }) === true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new PatternBudgetExceeded(pattern);
    throw error;
  } finally {
    spent += performance.now() - started;
    context.re = undefined;
    context.s = undefined;
  }
}

/** Ajv's `code.regExp`: native matching for simple patterns, budgeted matching for the others. */
export const budgetedRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const regExp = new RegExp(pattern, flags);
    if (!mayBacktrack(pattern)) return regExp;
    return {
      test: (value: string) => budgetedTest(regExp, pattern, value),
      // Ajv keys compiled patterns by this text.
      toString: () => `budgeted:${regExp.toString()}`,
    };
  },
  { code: 'budgetedRegExp' },
);
