import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Z-2: PostgreSQL schema of pg-boss's tables (PGBOSS_SCHEMA, default pgboss). */
  pgBossSchema: string;
  firmTimeZone: string;
  demoPassword: string | null;
  /** Behind HTTPS the session cookie gets the Secure flag. */
  secureCookies: boolean;
  /** Behind a reverse proxy: client addresses come from X-Forwarded-For. */
  trustProxy: boolean;
  bodyLimitBytes: number;
  webDir: string | null;
  version: string;
};

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const tz = env.TZ_FIRM ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new Error(`TZ_FIRM is not a known time zone: "${tz}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    pgBossSchema: env.PGBOSS_SCHEMA || 'pgboss',
    firmTimeZone: tz,
    demoPassword: env.RETAINER_DEMO_PASSWORD || null,
    secureCookies: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    bodyLimitBytes: 1024 * 1024,
    webDir: path.join(repoRoot, 'apps/web/dist'),
    version: env.npm_package_version ?? '0.1.0',
  };
}
