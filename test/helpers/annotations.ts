// Reads `expect:` / `ok:` / `todo-expect:` annotations from fixture files: each applies to the next
// line that is not itself a comment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Annotation {
  kind: 'expect' | 'ok' | 'todo-expect';
  ruleId: string;
  file: string;
  line: number;
}

const ANNOTATION = /(?:#|\/\/|\/\*)\s*(expect|ok|todo-expect):\s*([a-z0-9-]+\/[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+\/[a-z0-9-]+)*)/;
const COMMENT_ONLY = /^\s*(#|\/\/|\/\*)/;

export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs, base));
    else out.push(path.relative(base, abs).split(path.sep).join('/'));
  }
  return out;
}

export function readAnnotations(caseDir: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const file of listFiles(caseDir)) {
    if (!/\.(ya?ml|json|[cm]?[jt]sx?|py|Dockerfile)$|Dockerfile$/.test(file)) continue;
    const lines = readFileSync(path.join(caseDir, file), 'utf8').split(/\r?\n/);
    lines.forEach((text, index) => {
      const match = ANNOTATION.exec(text);
      if (!match) return;
      let target = index + 1;
      while (target < lines.length && COMMENT_ONLY.test(lines[target]!)) target += 1;
      for (const ruleId of match[2]!.split(',').map((s) => s.trim())) {
        annotations.push({ kind: match[1] as Annotation['kind'], ruleId, file, line: target + 1 });
      }
    });
  }
  return annotations;
}
