// A linear pre-scan of handler code that decides, before TypeScript's parser runs, whether parsing it would take too
// long or recurse too deep. The parser backtracks: `async (x=>{` repeated 24 times (264 bytes) once took 80 s, and
// a few hundred nested `[a=(` take seconds and then overflow the stack. The answer depends only on the text, so it
// is the same on every machine, thread and run (a clock would not be).

export const PARSE_LIMITS = {
  /**
   * Nesting of brackets, template substitutions, conditional (`?`) and arrow-body expressions, and runs of prefix
   * operators (`!!!x`, `await await x`), the things the parser and the analysis recurse on.
   */
  maxNesting: 100,
  /**
   * Estimated parser work, in token visits: a token at nesting depth d counts d² (speculative parsing re-reads
   * nested code), and doubles inside each `async (` that turns out not to be an arrow function (the parser reads
   * its contents once as an arrow function and once again as a call).
   */
  maxWork: 200_000_000,
  /** Depth of the syntax tree, checked while parents are set (`a + b + …` and `a.b.c…` chains parse flat but walk deep). */
  maxTreeDepth: 500,
};

interface Frame {
  /** 40 `(`, 91 `[`, 123 `{`, 36 a template's `${`, 63 a conditional or arrow-body expression. */
  opener: number;
  /** A `(` right after `async` (or after `async <…>`): a possible async arrow function's parameters. */
  asyncParen: boolean;
  work: number;
}

const TOO_LONG = 'parsing it would take too long (deeply nested or ambiguous code the parser reads many times over)';
const PREFIX_WORDS = new Set(['typeof', 'void', 'delete', 'await', 'yield', 'new']);

/** Identifier characters (ASCII; other characters only make a name longer, which changes nothing here). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029;
}

/**
 * Why the file is too costly to parse, or undefined when it may be parsed. One pass over the characters, skipping
 * strings, comments and regular expressions, far cheaper than the parser's own scanner.
 */
export function parseBudgetProblem(text: string): string | undefined {
  const stack: Frame[] = [];
  let rootWork = 0;
  let tooMuch = false;
  /** The last significant character (or 97 `a` after a word): decides whether `/` starts a regular expression. */
  let previous = 59; // `;`
  let previousWord = '';
  let prefixRun = 0;
  let afterAsync = false;
  let lineBreak = false;
  const length = text.length;

  const addWork = (amount: number): void => {
    const top = stack[stack.length - 1];
    if (top) {
      top.work += amount;
      if (top.work > PARSE_LIMITS.maxWork) tooMuch = true;
    } else {
      rootWork += amount;
      if (rootWork > PARSE_LIMITS.maxWork) tooMuch = true;
    }
  };
  const pop = (failedAsync: boolean): void => {
    const frame = stack.pop()!;
    addWork(frame.asyncParen && failedAsync ? frame.work * 2 : frame.work);
  };
  const endExpressions = (): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.opener === 63) pop(false);
  };
  /** The next significant character code at or after `from` (comments not skipped: they only make it look not-arrow). */
  const nextSignificant = (from: number): number => {
    let j = from;
    while (j < length && isSpace(text.charCodeAt(j))) j += 1;
    return j < length ? text.charCodeAt(j) : -1;
  };
  const push = (opener: number, asyncParen = false): void => {
    stack.push({ opener, asyncParen, work: 0 });
  };

  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) lineBreak = true;
      i += 1;
      continue;
    }
    // Comments.
    if (code === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? length : end;
      continue;
    }
    if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || text.slice(i, end).includes('\n')) lineBreak = true;
      i = end < 0 ? length : end + 2;
      continue;
    }
    if (lineBreak) {
      // A conditional or an arrow's expression body rarely spans lines without a bracket; code without semicolons relies on this.
      endExpressions();
      lineBreak = false;
    }
    const isPrefix =
      (code === 33 || code === 126 || code === 45 || code === 43 || code === 60 || (code === 46 && text.startsWith('...', i))) && !endsExpression(previous, previousWord);
    let word = '';
    if (isWordChar(code)) {
      let j = i + 1;
      while (j < length && isWordChar(text.charCodeAt(j))) j += 1;
      word = text.slice(i, j);
    }
    prefixRun = isPrefix || PREFIX_WORDS.has(word) ? prefixRun + 1 : 0;
    const depth = stack.length + prefixRun;
    if (depth > PARSE_LIMITS.maxNesting) return `its code is nested more than ${PARSE_LIMITS.maxNesting} levels deep`;
    addWork(Math.max(1, depth * depth));
    if (tooMuch) return TOO_LONG;

    if (word !== '') {
      if (word === 'async') afterAsync = true;
      else if (!(afterAsync && (word === 'extends' || previous === 60 || previous === 44))) afterAsync = false;
      previous = 97;
      previousWord = word;
      i += word.length;
      continue;
    }
    previousWord = '';
    switch (code) {
      case 34: // "
      case 39: {
        // '
        let j = i + 1;
        while (j < length) {
          const c = text.charCodeAt(j);
          if (c === 92) j += 2;
          else if (c === code || c === 10) break;
          else j += 1;
        }
        i = j + 1;
        previous = 34;
        afterAsync = false;
        continue;
      }
      case 96: // `
        i = skipTemplate(text, i + 1, () => push(36));
        previous = 34;
        afterAsync = false;
        continue;
      case 47: // /
        if (!endsExpression(previous, previousWord)) {
          i = skipRegExp(text, i + 1);
          previous = 34;
          continue;
        }
        break;
      case 40: // (
        push(40, afterAsync);
        break;
      case 91: // [
      case 123: // {
        push(code);
        break;
      case 41: // )
      case 93: // ]
      case 125: {
        // }
        endExpressions();
        const frame = stack[stack.length - 1];
        if (frame?.opener === 36 && code === 125) {
          // The end of a template's `${…}`: the template goes on.
          pop(false);
          i = skipTemplate(text, i + 1, () => push(36));
          previous = 34;
          continue;
        }
        if (frame) {
          if (frame.asyncParen) {
            // An async arrow function has `=>` (or a return type) after its parameters; otherwise the parser read it twice.
            const next = nextSignificant(i + 1);
            pop(!((next === 61 && text.charCodeAt(text.indexOf('=', i + 1) + 1) === 62) || next === 58));
          } else {
            pop(false);
          }
        }
        break;
      }
      case 44: // ,
      case 59: // ;
        endExpressions();
        break;
      case 63: {
        // ?
        const next = nextSignificant(i + 1);
        // `?.` and `??` are not conditionals; neither are optional markers (`x?: T`, `f(a?)`, `a?,`, `a? = 1`).
        if (next !== 46 && next !== 63 && next !== 58 && next !== 41 && next !== 44 && next !== 61 && text.charCodeAt(i + 1) !== 63 && text.charCodeAt(i + 1) !== 46) push(63);
        else if (text.charCodeAt(i + 1) === 63 || text.charCodeAt(i + 1) === 46) i += 1;
        break;
      }
      case 61: // =
        if (text.charCodeAt(i + 1) === 62) {
          // `=>`: an arrow function's expression body (`a => b => c`) nests; a block body is counted by its braces.
          if (nextSignificant(i + 2) !== 123) push(63);
          i += 2;
          previous = 62;
          afterAsync = false;
          continue;
        }
        break;
      default:
        break;
    }
    if (!(afterAsync && (code === 60 || code === 62 || code === 44 || code === 61 || code === 40))) afterAsync = false;
    previous = code;
    i += 1;
  }
  // Brackets left open at the end: the parser gave up on each, and an `async (` left open was read twice.
  while (stack.length > 0) pop(true);
  return rootWork > PARSE_LIMITS.maxWork ? TOO_LONG : undefined;
}

/** Whether `/` after this character (or word) is division rather than the start of a regular expression. */
function endsExpression(previous: number, word: string): boolean {
  if (previous === 97) return !/^(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/.test(word);
  return previous === 41 || previous === 93 || previous === 125 || previous === 34;
}

/** Skips a template literal's text from `from`; at `${` calls `open` and returns the index after it. */
function skipTemplate(text: string, from: number, open: () => void): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 96) return j + 1;
    else if (c === 36 && text.charCodeAt(j + 1) === 123) {
      open();
      return j + 2;
    } else j += 1;
  }
  return j;
}

/** Skips a regular expression literal's body and flags from `from` (just after its opening `/`). */
function skipRegExp(text: string, from: number): number {
  let j = from;
  let inClass = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 10) return j;
    else if (c === 91) (inClass = true), (j += 1);
    else if (c === 93) (inClass = false), (j += 1);
    else if (c === 47 && !inClass) {
      j += 1;
      while (j < text.length && isWordChar(text.charCodeAt(j))) j += 1;
      return j;
    } else j += 1;
  }
  return j;
}
