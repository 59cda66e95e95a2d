// only-changed reads the changed files from git exactly: names with spaces, tabs or non-ASCII characters, and added
// lines that look like diff headers, never drop or invent a file; a changed path that cannot be found disables the
// filter with a warning instead of silently skipping a service.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, parseUnifiedDiff } from '../../src/action/changed-files.js';
import { removeDir, scratchDir } from './harness.js';

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv }).trim();
}

function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** A repository with one commit, then `change` applied and committed; the push event names the first commit. */
function pushed(change: (root: string) => void): { root: string; env: Record<string, string> } {
  const root = scratchDir();
  git(root, 'init', '-q', '-b', 'main');
  write(root, 'base.txt', 'base\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  const before = git(root, 'rev-parse', 'HEAD');
  change(root);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'change');
  const event = path.join(root, '.git', 'event.json');
  writeFileSync(event, JSON.stringify({ before }));
  return { root, env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event } };
}

describe('only-changed', () => {
  it('keeps names with a space, a tab and non-ASCII characters exactly', () => {
    const { root, env } = pushed((r) => {
      write(r, 'svc one/serverless.yml', 'service: one\n');
      write(r, 'café/serverless.yml', 'service: two\n');
      write(r, 'tab\there/serverless.yml', 'service: three\n');
    });
    try {
      const result = changedFiles(root, env);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.changed.files).toEqual(['café/serverless.yml', 'svc one/serverless.yml', 'tab\there/serverless.yml']);
      expect(result.changed.lines.get('svc one/serverless.yml')).toEqual([{ start: 1, end: 1 }]);
    } finally {
      removeDir(root);
    }
  });

  it('never adds a file named by an added line that looks like a diff header', () => {
    const { root, env } = pushed((r) => write(r, 'notes.md', 'a\n++ b/ghost/serverless.yml\n+++ b/ghost2/serverless.yml\ndiff --git a/x b/x\n'));
    try {
      const result = changedFiles(root, env);
      expect(result.ok && result.changed.files).toEqual(['notes.md']);
      expect(result.ok && [...result.changed.lines.keys()]).toEqual(['notes.md']);
    } finally {
      removeDir(root);
    }
    const parsed = parseUnifiedDiff(['diff --git a/n.md b/n.md', '--- a/n.md', '+++ b/n.md', '@@ -0,0 +1,2 @@', '+++ b/ghost.yml', '+@@ -1 +1,9 @@', ''].join('\n'));
    expect(parsed.files).toEqual(['n.md']);
    expect(parsed.lines.get('n.md')).toEqual([{ start: 1, end: 2 }]);
  });

  it('refuses, with a reason, a changed path that is not valid UTF-8', () => {
    const { root, env } = pushed((r) => writeFileSync(Buffer.concat([Buffer.from(`${r}/evil-`), Buffer.from([0xff]), Buffer.from('.yml')]), 'x: 1\n'));
    try {
      const result = changedFiles(root, env);
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('not valid UTF-8') });
    } finally {
      removeDir(root);
    }
  });
});
