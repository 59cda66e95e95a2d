// Runs a rule over the example projects copied under fixtures/projects (orders, thumbnails, container-service).
import path from 'node:path';
import type { Finding } from '../../src/model/finding.js';
import type { AnyRule } from '../../rules/kit.js';
import { runHandlerRule } from './handler-analysis.js';

const PROJECTS = path.resolve(import.meta.dirname, '../../fixtures/projects');

export function runOnExample(rule: AnyRule, name: 'orders' | 'thumbnails' | 'container-service'): Finding[] {
  return runHandlerRule(rule, path.join(PROJECTS, name));
}

/** `file:line function` per finding, sorted as reported. */
export function placed(findings: Finding[]): string[] {
  return findings.map((f) => `${f.location.file}:${f.location.line} ${f.function ?? ''}`.trim());
}
