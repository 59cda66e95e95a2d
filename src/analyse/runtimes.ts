// The support stage of every Lambda runtime and container base image of a project, from the dated tables in
// src/data/lambda-runtimes.json: past the update block, deprecated (or past its language's end of life), or near
// that day. ops/blocked-runtime, ops/deprecated-runtime and ops/runtime-deprecation-soon each report one stage.
import type { RelatedLocation } from '../model/finding.js';
import { sameLocation } from '../model/function-timeouts.js';
import type { Location } from '../model/location.js';
import type { FunctionModel, Project } from '../model/project.js';
import { readPackageJson } from '../util/package-root.js';
import { quote, quoteEach } from '../util/quote.js';

interface RuntimeDates {
  name: string;
  /** Lambda stops patching the runtime (ISO day). */
  deprecated: string;
  /** Functions using it can no longer be updated (ISO day). */
  blockUpdate: string;
}

interface RuntimeTables {
  lambdaRuntimes: Record<string, RuntimeDates>;
  /** Node.js major version to its end-of-life day. */
  nodejsEndOfLife: Record<string, string>;
  /** Release codename (hydrogen) to major version (18), as node image tags spell them. */
  nodejsCodenames: Record<string, string>;
  /** Language (python, ruby, go, java, dotnet) to version (3.8, 1.21, 17, 6.0) to its end-of-life day. */
  languageEndOfLife: Record<Language, Record<string, string>>;
}

type Language = 'python' | 'ruby' | 'go' | 'java' | 'dotnet';

let tables: RuntimeTables | undefined;

function runtimeTables(): RuntimeTables {
  tables ??= readPackageJson<RuntimeTables>('src/data/lambda-runtimes.json');
  return tables;
}

const DAY = 24 * 60 * 60 * 1000;

/** The runtime families a deprecated runtime can move to (go1.x moves to an OS-only runtime). */
function familyOf(runtime: string): string | undefined {
  const match = /^(nodejs|python|ruby|java|dotnetcore|dotnet|go|provided)/.exec(runtime);
  if (!match) return undefined;
  if (match[1] === 'dotnetcore') return 'dotnet';
  if (match[1] === 'go') return 'provided';
  return match[1];
}

/** The newest runtime of the same family that is still supported at `now`. */
export function replacementFor(runtime: string, now: Date): string | undefined {
  const family = familyOf(runtime);
  if (!family) return undefined;
  const candidates = Object.entries(runtimeTables().lambdaRuntimes)
    .filter(([id, dates]) => familyOf(id) === family && Date.parse(dates.deprecated) > now.getTime())
    .sort(([a, x], [b, y]) => Date.parse(y.deprecated) - Date.parse(x.deprecated) || b.localeCompare(a, 'en', { numeric: true }));
  return candidates[0]?.[0];
}

const NODE_REPOSITORIES = new Set(['node', 'library/node', 'docker/library/node', 'bitnami/node', 'cimg/node', 'circleci/node']);
const LAMBDA_IMAGE_REPOSITORIES = ['lambda/', 'amazon/aws-lambda-'];

/** Official and common community images of each language, by repository (registry host removed). */
const LANGUAGE_REPOSITORIES: Record<string, Language> = {};
for (const [language, names] of [
  ['python', ['python', 'cimg/python', 'circleci/python', 'bitnami/python']],
  ['ruby', ['ruby', 'cimg/ruby', 'circleci/ruby', 'bitnami/ruby']],
  ['go', ['golang', 'cimg/go', 'circleci/golang', 'bitnami/golang']],
  ['java', ['openjdk', 'eclipse-temurin', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine', 'adoptopenjdk', 'cimg/openjdk', 'bitnami/java']],
  ['dotnet', ['dotnet/runtime', 'dotnet/aspnet', 'dotnet/sdk', 'dotnet/runtime-deps', 'dotnet/core/runtime', 'dotnet/core/aspnet', 'dotnet/core/sdk', 'dotnet/core/runtime-deps', 'microsoft/dotnet']],
] as const) {
  for (const name of names) {
    LANGUAGE_REPOSITORIES[name] = language;
    LANGUAGE_REPOSITORIES[`library/${name}`] = language;
    LANGUAGE_REPOSITORIES[`docker/library/${name}`] = language;
  }
}

/** How each language's image tags spell the version: `3.8-slim`, `1.21.5-alpine`, `17-jre`, `8u392-b08-jdk`, `6.0-alpine`. */
const LANGUAGE_TAG: Record<Language, RegExp> = {
  python: /^(\d+\.\d+)(?:[.-]|$)/,
  ruby: /^(\d+\.\d+)(?:[.-]|$)/,
  go: /^(\d+\.\d+)(?:[.-]|$)/,
  java: /^(\d+)(?:[.u-]|$)/,
  dotnet: /^(\d+\.\d+)(?:[.-]|$)/,
};

const LANGUAGE_NAMES: Record<Language, string> = { python: 'Python', ruby: 'Ruby', go: 'Go', java: 'Java', dotnet: '.NET' };

export type ImageRuntime =
  /** Node.js major version. */
  | { kind: 'node'; id: string }
  /** The Lambda runtime id the image is built on. */
  | { kind: 'lambda'; id: string }
  /** A language image and its version as the tag spells it (3.8, 1.21, 17, 6.0). */
  | { kind: 'language'; language: Language; id: string };

/**
 * What an image reference runs: `node:18-alpine` is Node.js 18, `public.ecr.aws/lambda/python:3.8`
 * the python3.8 Lambda runtime. Undefined when the tag does not say (`node:lts`, `node@sha256:...`, `${BASE}`).
 */
export function imageRuntime(image: string): ImageRuntime | undefined {
  if (image.includes('$')) return undefined;
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon <= slash) return undefined;
  const tag = withoutDigest.slice(colon + 1).toLowerCase();
  let repository = withoutDigest.slice(0, colon).toLowerCase();
  const parts = repository.split('/');
  // A first part with a dot, a port or "localhost" is a registry host, not part of the repository path.
  if (parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === 'localhost')) repository = parts.slice(1).join('/');

  if (NODE_REPOSITORIES.has(repository)) {
    const version = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1];
    if (version) return { kind: 'node', id: version };
    const codename = /^(?:lts-)?([a-z]+)(?:-|$)/.exec(tag)?.[1];
    const major = codename ? runtimeTables().nodejsCodenames[codename] : undefined;
    return major ? { kind: 'node', id: major } : undefined;
  }
  const prefix = LAMBDA_IMAGE_REPOSITORIES.find((p) => repository.startsWith(p));
  if (prefix) {
    const id = lambdaRuntimeId(repository.slice(prefix.length), tag);
    return id && id in runtimeTables().lambdaRuntimes ? { kind: 'lambda', id } : undefined;
  }
  const language = LANGUAGE_REPOSITORIES[repository];
  if (language) {
    // microsoft/dotnet:2.1-runtime, the old single repository of .NET images
    const version = LANGUAGE_TAG[language].exec(tag)?.[1];
    return version ? { kind: 'language', language, id: version } : undefined;
  }
  return undefined;
}

/** `nodejs` + `18` -> nodejs18.x, `python` + `3.8` -> python3.8, `java` + `8.al2` -> java8.al2, `provided` + `al2` -> provided.al2. */
function lambdaRuntimeId(language: string, tag: string): string | undefined {
  switch (language) {
    case 'nodejs': {
      const major = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1];
      return major ? `nodejs${major}.x` : undefined;
    }
    case 'python':
    case 'ruby': {
      const version = /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
      return version ? `${language}${version}` : undefined;
    }
    case 'java': {
      const version = /^(\d+(?:\.al2(?:023)?)?)(?:[.-]|$)/.exec(tag)?.[1];
      return version ? `java${version}` : undefined;
    }
    case 'dotnet': {
      const version = /^(\d+|core\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
      return version ? `dotnet${version}` : undefined;
    }
    case 'provided': {
      const os = /^(al2023|al2|alami)(?:[.-]|$)/.exec(tag)?.[1];
      return os === undefined ? undefined : os === 'alami' ? 'provided' : `provided.${os}`;
    }
    default:
      return undefined;
  }
}

function daysUntil(day: string, now: Date): number {
  return Math.ceil((Date.parse(day) - now.getTime()) / DAY);
}

/** How far past its support a runtime is: updates blocked (an error), deprecated (a warning), or soon (a note). */
export type RuntimeStage = 'error' | 'warning' | 'note';

/** The message ids of each stage, one rule's messages each. */
export interface RuntimeMessageIds {
  error: 'blocked';
  warning: 'deprecated' | 'imageDeprecated' | 'nodeEndOfLife' | 'languageEndOfLife';
  note: 'deprecatedSoon' | 'imageDeprecatedSoon' | 'nodeEndOfLifeSoon' | 'languageEndOfLifeSoon';
}

/** One dated runtime, in the shape a rule reports. */
export interface RuntimeFinding<MessageId extends string> {
  messageId: MessageId;
  data: Record<string, string | number>;
  at: Location;
  key: string;
  related?: RelatedLocation[];
  function?: string;
}

/**
 * The dated runtimes of the project at `stage` (function runtimes, grouped by the line that sets them, and container
 * base images). `noticeDays` is how near a deprecation or end of life must be to count at the note stage.
 */
export function runtimeFindings<Stage extends RuntimeStage>(project: Project, now: Date, stage: Stage, noticeDays = 0): RuntimeFinding<RuntimeMessageIds[Stage]>[] {
  const found: RuntimeFinding<RuntimeMessageIds[Stage]>[] = [];
  datedRuntimes(project, now, noticeDays, (at, finding) => {
    if (at === stage) found.push(finding as RuntimeFinding<RuntimeMessageIds[Stage]>);
  });
  return found;
}

type AnyRuntimeMessageId = RuntimeMessageIds[RuntimeStage];

function datedRuntimes(project: Project, now: Date, noticeDays: number, emit: (stage: RuntimeStage, finding: RuntimeFinding<AnyRuntimeMessageId>) => void): void {
  const { lambdaRuntimes, nodejsEndOfLife, languageEndOfLife } = runtimeTables();
  const reported = new Set<string>();
  const reportLanguage = (service: string, image: { value: string; location: Location }, language: Language, version: string): void => {
    const date = languageEndOfLife[language][version];
    if (!date) return;
    const key = `${service}|Dockerfile|${language}|${version}`;
    if (reported.has(key)) return;
    reported.add(key);
    const days = daysUntil(date, now);
    const data = { image: quote(image.value), language: LANGUAGE_NAMES[language], version, date, days };
    if (days <= 0) emit('warning', { messageId: 'languageEndOfLife', at: image.location, key, data });
    else if (days <= noticeDays) emit('note', { messageId: 'languageEndOfLifeSoon', at: image.location, key, data });
  };
  const upgrade = (runtime: string): string => {
    const to = replacementFor(runtime, now);
    return to ? ` Upgrade to ${to}.` : '';
  };

  // A runtime inherited from provider.runtime or Globals is one line shared by many functions: report it once there.
  // Written again on each function of one manifest, it is still one problem: one finding at the place most of them
  // share (else the first), the other places as related locations.
  const groups: { location: Location; runtime: string; service: string; functions: FunctionModel[]; places: Map<string, { location: Location; count: number }> }[] = [];
  for (const fn of project.functions) {
    const located = fn.runtime;
    const runtime = located?.value;
    if (!located || typeof runtime !== 'string') continue; // !Ref Runtime, ${param:runtime}: not knowable here
    let group = groups.find((g) => g.runtime === runtime && g.service === fn.service.id);
    if (!group) {
      group = { location: located.location, runtime, service: fn.service.id, functions: [], places: new Map() };
      groups.push(group);
    }
    group.functions.push(fn);
    const place = `${located.location.file}:${located.location.line}:${located.location.column}`;
    const seen = group.places.get(place);
    if (seen) seen.count += 1;
    else group.places.set(place, { location: located.location, count: 1 });
  }
  for (const group of groups) {
    let best = group.places.values().next().value!;
    for (const place of group.places.values()) if (place.count > best.count) best = place;
    group.location = best.location;
  }
  for (const { location, runtime, functions } of groups) {
    const dates = lambdaRuntimes[runtime];
    if (!dates) continue;
    const [first] = functions;
    // Read from a file several services include (`runtime: ${file(../common.yml):provider.runtime}`): one finding at
    // the line that sets it, the same for every service (the engine keeps one, with the functions of all).
    const origin = first?.runtime?.origin;
    const included = origin !== undefined && functions.every((f) => f.runtime?.origin !== undefined && sameLocation(f.runtime.origin, origin)) ? origin : undefined;
    const single = functions.length === 1 && !included ? first : undefined;
    const base = {
      at: included ?? location,
      key: included ? `${included.file}|${runtime}|included` : `${first?.service.id}|${runtime}|${single ? single.name : 'shared'}`,
      related: single ? [] : functions.map((f) => ({ location: sameLocation(f.runtime!.location, location) ? f.location : f.runtime!.location, message: `${quote(f.name)} uses ${runtime}` })),
      ...(single ? { function: single.name } : {}),
    };
    const names = included ? 'every function of the services that read it with ${file()}' : quoteEach(functions.map((f) => f.name));
    const data = { runtime, deprecated: dates.deprecated, blockUpdate: dates.blockUpdate, functions: names, upgrade: upgrade(runtime) };
    const days = daysUntil(dates.deprecated, now);
    if (daysUntil(dates.blockUpdate, now) <= 0) emit('error', { ...base, messageId: 'blocked', data });
    else if (days <= 0) emit('warning', { ...base, messageId: 'deprecated', data });
    else if (days <= noticeDays) emit('note', { ...base, messageId: 'deprecatedSoon', data: { ...data, days } });
  }

  for (const service of project.services) {
    const images = service.container?.baseImages ?? [];
    // A Go binary carries the standard library of the toolchain that built it, so a build stage counts too.
    for (const image of images.slice(0, -1)) {
      const found = imageRuntime(image.value);
      if (found?.kind === 'language' && found.language === 'go') reportLanguage(service.id, image, found.language, found.id);
    }
    // The last stage is the image that runs; other build stages do not ship.
    const image = images.at(-1);
    if (!image) continue;
    const found = imageRuntime(image.value);
    if (!found) continue;
    if (found.kind === 'language') {
      reportLanguage(service.id, image, found.language, found.id);
      continue;
    }
    const key = `${service.id}|Dockerfile|${found.kind}|${found.id}`;
    if (found.kind === 'node') {
      const date = nodejsEndOfLife[found.id];
      if (!date) continue;
      const days = daysUntil(date, now);
      const data = { image: quote(image.value), version: found.id, date, days };
      if (days <= 0) emit('warning', { messageId: 'nodeEndOfLife', at: image.location, key, data });
      else if (days <= noticeDays) emit('note', { messageId: 'nodeEndOfLifeSoon', at: image.location, key, data });
      continue;
    }
    const dates = lambdaRuntimes[found.id];
    if (!dates) continue;
    const days = daysUntil(dates.deprecated, now);
    const data = { image: quote(image.value), runtime: found.id, deprecated: dates.deprecated, days, upgrade: upgrade(found.id) };
    // Image functions have no update block: the image simply stops getting patches.
    if (days <= 0) emit('warning', { messageId: 'imageDeprecated', at: image.location, key, data });
    else if (days <= noticeDays) emit('note', { messageId: 'imageDeprecatedSoon', at: image.location, key, data });
  }
}
