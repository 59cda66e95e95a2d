// Finds database connection URLs (postgres://, mysql://, mongodb://) whose query turns TLS off.

export interface InsecureDatabaseUrl {
  /** `postgres`, `mysql`, `mongodb+srv` ... as written, lower-cased. */
  scheme: string;
  /** The parameter as written: `sslmode=disable`, `tls=false`. */
  parameter: string;
}

const DATABASE_URL = /(?:jdbc:)?\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?):\/\/[^\s'"<>]+/gi;

/** Returns the first database URL in `text` whose parameters disable TLS, if any. */
export function findInsecureDatabaseUrl(text: string): InsecureDatabaseUrl | undefined {
  for (const match of text.matchAll(DATABASE_URL)) {
    const query = match[0].indexOf('?');
    if (query < 0) continue;
    for (const parameter of match[0].slice(query + 1).split(/[&;]/)) {
      if (disablesTls(parameter)) return { scheme: match[1]!.toLowerCase(), parameter };
    }
  }
  return undefined;
}

function disablesTls(parameter: string): boolean {
  const equals = parameter.indexOf('=');
  if (equals < 0) return false;
  let key: string;
  let value: string;
  try {
    key = decodeURIComponent(parameter.slice(0, equals));
    value = decodeURIComponent(parameter.slice(equals + 1));
  } catch {
    return false;
  }
  // sslmode (libpq), ssl-mode / ssl_mode (MySQL), sslMode (Npgsql) all normalise to "sslmode".
  key = key.toLowerCase().replace(/[-_]/g, '');
  value = value.toLowerCase();
  if (key === 'sslmode') return value === 'disable' || value === 'disabled';
  // ssl=false (node-postgres, mongodb), tls=false (mongodb), useSSL=false (MySQL JDBC).
  if (key === 'ssl' || key === 'tls' || key === 'usessl') return value === 'false' || value === '0';
  return false;
}
