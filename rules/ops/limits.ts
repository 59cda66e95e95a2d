// Checks function timeouts against the API Gateway integration timeouts in front of them, and memory far above what
// light code can use (above Lambda's maximum timeout is ops/timeout-above-maximum, the defaults are ops/default-limits).
import { defineRule, describeTimeoutGroup, type FunctionModel, groupByTimeout, type Location, type NormalizedEventType, numberAsWritten, type ProjectAnalysis, LAMBDA_MAX_TIMEOUT, quoteEach, sameLocation, type TimeoutGroup } from '../kit.js';

/** API Gateway's integration timeout per API kind: the caller gets a 504 once it passes. */
const INTEGRATION_TIMEOUTS: Partial<Record<NormalizedEventType, { seconds: number; api: string }>> = {
  api: { seconds: 29, api: 'REST API' },
  'http-api': { seconds: 30, api: 'HTTP API' },
  websocket: { seconds: 29, api: 'WebSocket API' },
};

/** Above this many MB a function pays for memory and vCPUs that only heavy or multi-threaded work can use. */
const LIGHT_CODE_MEMORY_LIMIT = 4096;

/** Packages whose work needs memory or several vCPUs: images, browsers, media, machine learning, archives, embedded databases, threads. */
const HEAVY_PACKAGES = new Set([
  'sharp', 'jimp', 'canvas', '@napi-rs/canvas', 'gm', 'imagemagick',
  'puppeteer', 'puppeteer-core', '@sparticuz/chromium', '@sparticuz/chromium-min', 'chrome-aws-lambda', 'playwright', 'playwright-core', 'playwright-aws-lambda',
  'fluent-ffmpeg', 'ffmpeg-static', '@ffmpeg-installer/ffmpeg', '@ffmpeg/ffmpeg',
  '@tensorflow/tfjs', '@tensorflow/tfjs-node', 'onnxruntime-node', 'onnxruntime-web', '@xenova/transformers', '@huggingface/transformers', 'langchain', '@langchain/core',
  'pdfkit', 'pdf-lib', 'pdfjs-dist', 'pdf-parse', 'pdfmake', 'exceljs', 'xlsx', 'archiver', 'adm-zip', 'jszip', 'unzipper', 'yauzl', 'tar', 'tar-stream',
  'sqlite3', 'better-sqlite3', 'duckdb', '@duckdb/node-api', 'apache-arrow', 'parquetjs', '@dsnp/parquetjs', 'hyparquet',
  'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads', 'cluster', 'node:cluster',
]);

function tightestIntegration(fn: FunctionModel): { seconds: number; api: string } | undefined {
  let tightest: { seconds: number; api: string } | undefined;
  for (const event of fn.events) {
    const limit = INTEGRATION_TIMEOUTS[event.normalizedType];
    if (!limit || event.properties.async === true) continue;
    if (!tightest || limit.seconds < tightest.seconds) tightest = limit;
  }
  return tightest;
}

/** Functions sharing one written memory size (provider.memorySize, Globals) become one finding at that line. */
function groupByMemory(functions: FunctionModel[]): { location: Location; memory: number; functions: FunctionModel[] }[] {
  const groups: { location: Location; memory: number; functions: FunctionModel[] }[] = [];
  for (const fn of functions) {
    const located = fn.memorySize;
    const memory = numberAsWritten(located?.value);
    if (!located || memory === undefined) continue;
    const group = groups.find((g) => g.memory === memory && sameLocation(g.location, located.location));
    if (group) group.functions.push(fn);
    else groups.push({ location: located.location, memory, functions: [fn] });
  }
  return groups;
}

/** The handler was found and followed completely, and none of the code it reaches imports a heavy package. */
function isLightCode(fn: FunctionModel, analysis: ProjectAnalysis): boolean {
  const usage = analysis.usageOf(fn);
  const permissions = analysis.permissionsOf(fn);
  if (!usage?.handlerFile || !usage.packages || !permissions?.analysed || permissions.incompleteReasons.length > 0) return false;
  return !usage.packages.some((name) => HEAVY_PACKAGES.has(name));
}

export default defineRule<Record<string, never>, 'aboveIntegration' | 'memoryCost'>({
  id: 'ops/limits',
  category: 'ops',
  severity: 'warning',
  description: "A function's timeout outlasts the API in front of it, or its memory is far above what its code can use.",
  fullDescription:
    "Behind API Gateway the integration gives up first: after 29 seconds for a REST or WebSocket API and 30 seconds for an HTTP API the caller gets a 504 while the function keeps running, and billing, without anyone waiting for its answer (a REST API's limit can be raised by a quota request for Regional and private APIs). Memory above 4,096 MB for code that was followed completely and uses no heavy library (images, headless browsers, media, machine learning, archives, embedded databases, child processes or threads) is a cost: Lambda bills memory for every millisecond, and the vCPUs that come with it sit idle for single-threaded code. A timeout above Lambda's maximum is ops/timeout-above-maximum; no memory size or timeout at all is ops/default-limits. Timeouts and memory sizes set by variables or intrinsics are not judged.",
  help: 'Keep the timeout within what calls the function, for example `timeout: 28` behind a REST API, and move longer work to an asynchronous path (a queue or Step Functions). Size memory by measurement (AWS Lambda Power Tuning), for example `MemorySize: 512` for an API handler.',
  precision: 'very-high',
  tags: ['reliability', 'cost'],
  messages: {
    aboveIntegration:
      'The timeout of {{timeout}} seconds ({{functions}}) is longer than the {{limit}}-second {{api}} integration timeout: callers get a 504 after {{limit}} seconds while the function keeps running.',
    memoryCost:
      '{{functions}} {{verb}} {{memory}} MB, but {{whose}} code uses no library that needs that much: Lambda bills the memory for every millisecond, and the extra vCPUs sit idle. Measure (for example with AWS Lambda Power Tuning) and lower it.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const group of groupByMemory(project.functions)) {
      if (group.memory <= LIGHT_CODE_MEMORY_LIMIT) continue;
      // Every function sharing the setting must be light: one that needs the memory justifies it.
      if (!group.functions.every((fn) => isLightCode(fn, analysis))) continue;
      const single = group.functions.length === 1 ? group.functions[0] : undefined;
      report({
        messageId: 'memoryCost',
        at: group.location,
        key: `${group.functions[0]?.service.id}|memory|${single ? single.name : 'shared'}`,
        ...(single ? { function: single.name } : {}),
        data: {
          functions: quoteEach(group.functions.map((f) => f.name)),
          verb: single ? 'is given' : 'are given',
          memory: group.memory.toLocaleString('en-US'),
          whose: single ? 'its' : 'their',
        },
      });
    }

    for (const group of groupByTimeout(project.functions)) {
      // Above Lambda's maximum the deployment fails: ops/timeout-above-maximum says so.
      if (group.timeout > LAMBDA_MAX_TIMEOUT) continue;
      // Only the functions behind an API whose integration gives up before their timeout.
      const byApi = new Map<string, { seconds: number; functions: FunctionModel[] }>();
      for (const fn of group.functions) {
        const limit = tightestIntegration(fn);
        if (!limit || group.timeout <= limit.seconds) continue;
        const entry = byApi.get(limit.api) ?? { seconds: limit.seconds, functions: [] };
        entry.functions.push(fn);
        byApi.set(limit.api, entry);
      }
      for (const [api, { seconds: limit, functions }] of byApi) {
        const subgroup: TimeoutGroup = { ...group, functions };
        report({
          ...describeTimeoutGroup(subgroup, `timeout>${api}`),
          messageId: 'aboveIntegration',
          data: { timeout: group.timeout, functions: quoteEach(functions.map((f) => f.name)), limit, api },
        });
      }
    }
  },
});
