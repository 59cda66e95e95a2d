// Maps a path inside a container image back to the project file it was copied from, by following the Dockerfile's
// WORKDIR and COPY/ADD instructions through its build stages (`COPY --from=build /src/dist /app`).
import path from 'node:path';

interface Copy {
  /** `--from=build` (a stage name or index); undefined copies from the build context. */
  from?: string;
  sources: string[];
  /** Absolute destination in the image. */
  dest: string;
  /** The destination is a folder (`/app/`, several sources, `.`). */
  destIsFolder: boolean;
}

interface Stage {
  name?: string;
  /** The earlier stage this one is built FROM, if any. */
  base?: number;
  copies: Copy[];
  workdir: string;
}

/** How many stages a path may be followed through (`COPY --from` chains). */
const MAX_HOPS = 8;

/**
 * The build-context paths (relative to the Dockerfile's folder, `/`-separated) a file of the final stage may come
 * from, most likely first: `/app/index.js` with `COPY --from=build /src/dist /app` and, in the build stage,
 * `WORKDIR /src` + `COPY . .` gives `dist/index.js`. `imagePath` is absolute or relative to the final WORKDIR.
 * Empty when no COPY covers the path (the file comes from the base image or a RUN step).
 */
export function contextPathsOf(dockerfile: string, imagePath: string): string[] {
  const stages = parseStages(dockerfile);
  const last = stages.length - 1;
  if (last < 0) return [];
  const absolute = path.posix.resolve(stages[last]!.workdir, imagePath);
  const found: string[] = [];
  collect(stages, last, absolute, 0, found);
  return [...new Set(found)];
}

function collect(stages: Stage[], index: number, absolute: string, hops: number, found: string[]): void {
  if (hops > MAX_HOPS) return;
  const stage = stages[index]!;
  // The last COPY that writes the path wins; earlier ones are overwritten.
  for (let i = stage.copies.length - 1; i >= 0; i--) {
    const copy = stage.copies[i]!;
    const sources = sourcesFor(copy, absolute);
    if (sources.length === 0) continue;
    for (const source of sources) {
      if (copy.from === undefined) {
        const relative = path.posix.normalize(source.replace(/^\/+/, ''));
        if (relative !== '..' && !relative.startsWith('../')) found.push(relative === '.' ? '' : relative);
      } else {
        const from = stageIndex(stages, copy.from, index);
        if (from !== undefined) collect(stages, from, path.posix.resolve('/', source), hops + 1, found);
      }
    }
    return;
  }
  if (stage.base !== undefined) collect(stages, stage.base, absolute, hops + 1, found);
}

/** The sources of one COPY that would land at `absolute`, as paths in their own filesystem. */
function sourcesFor(copy: Copy, absolute: string): string[] {
  const result: string[] = [];
  for (const source of copy.sources) {
    if (/[*?[]/.test(source)) {
      // COPY *.js /app/: a file of the folder whose name the glob matches
      if (path.posix.dirname(absolute) === copy.dest) result.push(path.posix.join(path.posix.dirname(source), path.posix.basename(absolute)));
      continue;
    }
    if (isFileName(source)) {
      // COPY package.json server.js ./ : each file under its own name; COPY server.js /app/main.js : renamed
      const named = path.posix.join(copy.dest, path.posix.basename(source));
      if (absolute === named || (!copy.destIsFolder && absolute === copy.dest)) result.push(source);
    } else if (absolute.startsWith(copy.dest === '/' ? '/' : `${copy.dest}/`)) {
      // COPY dist /app : the folder's contents land in /app
      result.push(path.posix.join(source, absolute.slice(copy.dest === '/' ? 1 : copy.dest.length + 1)));
    }
  }
  return result;
}

/** `server.js`, `package.json`: a name with an extension is taken for a file; `dist`, `.`, `src/` for a folder. */
function isFileName(source: string): boolean {
  return /^[^.].*\.[A-Za-z0-9]+$/.test(path.posix.basename(source)) && !source.endsWith('/');
}

function stageIndex(stages: Stage[], reference: string, before: number): number | undefined {
  if (/^\d+$/.test(reference)) {
    const index = Number(reference);
    return index < before ? index : undefined;
  }
  const lower = reference.toLowerCase();
  for (let i = before - 1; i >= 0; i--) if (stages[i]!.name === lower) return i;
  return undefined; // an image (`--from=nginx:1.27`): not this project's files
}

function parseStages(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of lines) {
    const match = /^(\w+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const words = splitWords(match[2]!);
    if (keyword === 'FROM') {
      const args = words.filter((w) => !w.startsWith('--'));
      const image = (args[0] ?? '').toLowerCase();
      const as = args.length >= 3 && args[1]!.toLowerCase() === 'as' ? args[2]!.toLowerCase() : undefined;
      const base = stageIndex(stages, image, stages.length);
      const inherited = base === undefined ? '/' : stages[base]!.workdir;
      stages.push({ ...(as ? { name: as } : {}), ...(base !== undefined ? { base } : {}), copies: [], workdir: inherited });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    if (keyword === 'WORKDIR' && words[0]) stage.workdir = path.posix.resolve(stage.workdir, words[0]);
    else if (keyword === 'COPY' || keyword === 'ADD') {
      const copy = readCopy(match[2]!, stage.workdir);
      if (copy) stage.copies.push(copy);
    }
  }
  return stages;
}

/** `COPY [--from=build] [--chown=node] src... dest` or the JSON form `COPY ["src", "dest"]`. */
function readCopy(rest: string, workdir: string): Copy | undefined {
  const words = splitWords(rest);
  let from: string | undefined;
  const paths: string[] = [];
  for (const word of words) {
    if (word.startsWith('--')) {
      const flag = /^--from=(.+)$/.exec(word);
      if (flag) from = flag[1];
    } else paths.push(word);
  }
  const json = paths.join(' ');
  if (json.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) paths.splice(0, paths.length, ...(parsed as string[]));
    } catch {
      return undefined;
    }
  }
  if (paths.length < 2 || paths.some((p) => p.includes('$') || /^https?:\/\//.test(p))) return undefined;
  const rawDest = paths.at(-1)!;
  const sources = paths.slice(0, -1);
  const dest = path.posix.resolve(workdir, rawDest);
  const destIsFolder = rawDest.endsWith('/') || rawDest === '.' || sources.length > 1;
  return { ...(from !== undefined ? { from } : {}), sources, dest, destIsFolder };
}

function splitWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
