// The product side of the xlsx scenarios, each run in a fresh child process of bench/files.ts:
// the real app (buildApp) on the bench database, driven through its API with app.inject as the
// demo admin, exactly as the web app calls it.
import fs from 'node:fs';
import path from 'node:path';
import type { Export, Import } from '@retainer/shared';
import { sql } from 'kysely';
import { buildApp } from '../apps/server/src/app.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { generateFirm } from '../apps/server/src/demo/firm.js';
import { hashPassword } from '../apps/server/src/features/auth/passwords.js';
import type { App } from '../apps/server/src/plugins/app-types.js';
import { readConfig } from '../apps/server/src/plugins/config.js';
import { openDatabase, type DbHandle } from '../apps/server/src/plugins/db.js';
import {
  FILE_COLUMNS,
  FILE_FIRM_SCALE,
  GARBLE_CHECK,
  measure,
  REPLACEMENT_PATTERN,
  type ExportResult,
  type FileBenchDb,
  type ImportCounts,
  type ProductImportResult,
} from './files-protocol.js';

/** The importer and exporter: the demo admin (exports need no approval for admins and partners). */
export const FILE_BENCH_LOGIN = 'admin@retainer.test';
/**
 * Polling is only how the bench learns the import has ended: the time is taken from the record's
 * finishedAt, so a gentle interval (a browser polls about this often) costs no precision.
 */
const POLL_MS = 250;
/** The app's own pool size in the target process (bench/target.ts). */
const POOL_SIZE = 10;

function open(db: FileBenchDb): DbHandle {
  return db.dialect === 'sqlite'
    ? openDatabase({ dialect: 'sqlite', file: db.file })
    : openDatabase({ dialect: 'postgres', url: db.url, schema: db.schema, poolSize: POOL_SIZE });
}

/** A migrated database holding the small demo firm's teams and users (no clients), every user with `password`. */
export async function prepareDatabase(db: FileBenchDb, password: string): Promise<{ ms: number }> {
  const started = performance.now();
  const handle = open(db);
  try {
    await migrateToLatest(handle.db);
    const firm = generateFirm(FILE_FIRM_SCALE);
    const passwordHash = await hashPassword(password);
    await handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values(firm.teams).execute();
      await trx.insertInto('users').values(firm.users.map((u) => ({ ...u, password_hash: passwordHash }))).execute();
    });
    if (db.dialect === 'postgres') await sql`analyze teams, users`.execute(handle.db);
  } finally {
    await handle.close();
  }
  return { ms: Math.round(performance.now() - started) };
}

async function startApp(db: FileBenchDb, dataDir: string): Promise<{ app: App; handle: DbHandle }> {
  const handle = open(db);
  try {
    const config = { ...readConfig(), dataDir, webDir: null };
    const { app } = await buildApp({ handle, config, serveWeb: false, logger: false });
    await app.ready();
    return { app, handle };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function stopApp(s: { app: App; handle: DbHandle }) {
  await s.app.close();
  await s.handle.close();
}

/** Signs in through the API: the session cookie and the CSRF header every write needs. */
async function signIn(app: App, password: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: FILE_BENCH_LOGIN, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${FILE_BENCH_LOGIN}: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
  const cookie = res.cookies.find((c) => c.name === 'retainer_session');
  if (!cookie) throw new Error('sign-in set no retainer_session cookie');
  return { cookie: `retainer_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

async function countRows(handle: DbHandle): Promise<ImportCounts> {
  const n = async (table: 'clients' | 'contacts' | 'client_tags' | 'client_search' | 'audit_events' | 'timeline_events') =>
    Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    clients: await n('clients'),
    contacts: await n('contacts'),
    tags: await n('client_tags'),
    grams: await n('client_search'),
    auditEvents: await n('audit_events'),
    timelineEvents: await n('timeline_events'),
    garbled: await garbled(handle),
  };
}

async function garbled(handle: DbHandle): Promise<number> {
  const count = async (table: keyof typeof GARBLE_CHECK) => {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or(GARBLE_CHECK[table].map((col) => eb(sql.ref(col), 'like', REPLACEMENT_PATTERN))))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return (await count('clients')) + (await count('contacts'));
}

/**
 * POST /api/v1/imports (multipart: the file, the column mapping, dryRun=false) as the admin, then
 * GET /api/v1/imports/:id until it is done: the time from the upload to the record's finishedAt.
 */
export async function productImport(job: { db: FileBenchDb; file: string; dataDir: string; password: string }): Promise<ProductImportResult> {
  const s = await startApp(job.db, job.dataDir);
  try {
    const headers = await signIn(s.app, job.password);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(job.file))]), path.basename(job.file));
    form.append('mapping', JSON.stringify(Object.fromEntries(FILE_COLUMNS)));
    form.append('dryRun', 'false');
    let uploadedAt = 0;
    const { value: done, measured } = await measure(async () => {
      uploadedAt = Date.now();
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/imports', headers, payload: form });
      if (res.statusCode !== 202) throw new Error(`POST /api/v1/imports: HTTP ${res.statusCode} ${res.body.slice(0, 500)}`);
      const id = (res.json() as Import).id;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const poll = await s.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers });
        if (poll.statusCode !== 200) throw new Error(`GET /api/v1/imports/${id}: HTTP ${poll.statusCode} ${poll.body.slice(0, 300)}`);
        const body = poll.json() as Import;
        if (body.status === 'done' || body.status === 'failed') return body;
      }
    });
    if (done.status !== 'done') throw new Error(`the import ${done.status}: ${done.message ?? ''} ${JSON.stringify(done.errors.slice(0, 3))}`);
    const finishedAt = done.finishedAt ? Date.parse(done.finishedAt) : Number.NaN;
    if (!(finishedAt >= uploadedAt)) throw new Error(`the import's finishedAt (${done.finishedAt}) is not after the upload`);
    return {
      ...measured,
      ms: finishedAt - uploadedAt,
      status: done.status,
      createdCount: done.createdCount,
      errorCount: done.errorCount,
      processedRows: done.processedRows,
      counts: await countRows(s.handle),
      ...(done.errors.length ? { firstErrors: done.errors.slice(0, 3) } : {}),
    };
  } finally {
    await stopApp(s);
  }
}

/** POST /api/v1/exports {entity:'clients', format:'xlsx', query:{}} as the admin: the file is written before the answer. */
export async function productExport(job: { db: FileBenchDb; dataDir: string; password: string }): Promise<ExportResult> {
  const s = await startApp(job.db, job.dataDir);
  try {
    const headers = await signIn(s.app, job.password);
    const { value: created, measured } = await measure(async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/exports', headers, payload: { entity: 'clients', format: 'xlsx', query: {} } });
      if (res.statusCode !== 201) throw new Error(`POST /api/v1/exports: HTTP ${res.statusCode} ${res.body.slice(0, 500)}`);
      return res.json() as Export;
    });
    if (created.status !== 'ready') throw new Error(`the export is ${created.status}, not ready`);
    const file = path.join(job.dataDir, 'files', 'exports', `${created.id}.xlsx`);
    return { ...measured, file, rows: created.rowCount, bytes: fs.statSync(file).size };
  } finally {
    await stopApp(s);
  }
}
