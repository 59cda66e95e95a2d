// The few GitHub REST calls the Action makes (pull-request review suggestions), with the runtime's fetch and the
// workflow's token: no client library, a timeout on every request, and errors that say why in one sentence.

/** The part of the Fetch API used here, so tests can pass a recording fake. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface GitHubClientOptions {
  fetch: FetchLike;
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server has its own); https://api.github.com by default. */
  apiUrl?: string;
  userAgent: string;
  /** Per request; a hung connection must not hold the job. */
  timeoutMs?: number;
}

/** A request that did not succeed: `status` is undefined when no answer came (network, timeout). */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly rateLimited = false,
  ) {
    super(message);
  }
}

export interface GitHubClient {
  request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Every item of a paged list (Link: rel="next"), at most `maxPages` pages of 100. */
  paginate<T>(path: string, maxPages?: number): Promise<T[]>;
}

const DEFAULT_API = 'https://api.github.com';

export function gitHubClient(options: GitHubClientOptions): GitHubClient {
  const api = (options.apiUrl || DEFAULT_API).replace(/\/+$/, '');
  const origin = new URL(api).origin;
  const timeoutMs = options.timeoutMs ?? 30_000;

  const send = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ data: unknown; next?: string }> => {
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${options.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': options.userAgent,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await options.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const err = error as Error & { cause?: { code?: string; message?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` : (err.cause?.code ?? err.cause?.message ?? err.message);
      throw new GitHubApiError(`could not reach the GitHub API at ${origin} (${why})`);
    }
    if (response.status >= 200 && response.status < 300) {
      let data: unknown;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        throw new GitHubApiError(`the GitHub API answered ${method} ${pathOf(url)} with something that is not JSON`, response.status);
      }
      return { data, next: nextLink(response.headers.get('link'), origin) };
    }
    throw errorOf(method, url, response.status, text, response.headers);
  };

  return {
    async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      return (await send(method, api + path, body)).data as T;
    },
    async paginate<T>(path: string, maxPages = 30): Promise<T[]> {
      const items: T[] = [];
      let url: string | undefined = api + path + (path.includes('?') ? '&' : '?') + 'per_page=100';
      for (let page = 0; url !== undefined && page < maxPages; page++) {
        const { data, next }: { data: unknown; next?: string } = await send('GET', url);
        if (!Array.isArray(data)) throw new GitHubApiError(`the GitHub API answered GET ${pathOf(url)} with something that is not a list`);
        items.push(...(data as T[]));
        url = next;
      }
      return items;
    },
  };
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname;
  } catch {
    return url;
  }
}

/** The rel="next" URL of a Link header, only on the API's own origin (the token is never sent elsewhere). */
function nextLink(header: string | null, origin: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!match) continue;
    try {
      return new URL(match[1]!).origin === origin ? match[1] : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function errorOf(method: string, url: string, status: number, text: string, headers: { get(name: string): string | null }): GitHubApiError {
  let message = '';
  try {
    const body = JSON.parse(text) as { message?: unknown; errors?: unknown };
    if (typeof body.message === 'string') message = body.message;
    if (Array.isArray(body.errors)) {
      const details = body.errors.map((e) => (typeof e === 'string' ? e : typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : '')).filter(Boolean);
      if (details.length > 0) message += `: ${details.join('; ')}`;
    }
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  message = message.replace(/\s+/g, ' ').slice(0, 300);
  const said = message ? ` (${message})` : '';
  const where = `${method} ${pathOf(url)}`;
  if ((status === 403 || status === 429) && headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : '';
    return new GitHubApiError(`the GitHub API rate limit is used up${when}`, status, true);
  }
  if ((status === 403 || status === 429) && headers.get('retry-after')) {
    return new GitHubApiError(`GitHub's secondary rate limit was hit; it asks to wait ${headers.get('retry-after')} s`, status, true);
  }
  if (status === 429) return new GitHubApiError(`GitHub's rate limit was hit${said}`, status, true);
  return new GitHubApiError(`${where} answered ${status}${said}`, status);
}
