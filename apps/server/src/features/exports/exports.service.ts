import fs from 'node:fs';
import path from 'node:path';
import { hasPermission, type Client, type ClientListQuery, type Export, type Role } from '@retainer/shared';
import type { Selectable } from 'kysely';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import { decodeCursor, page } from '../../plugins/cursor.js';
import type { Db } from '../../plugins/db.js';
import { Conflict, Forbidden, NotFound } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { logAccess } from '../access-log/access-log.service.js';
import { listClients, toClient } from '../clients/clients.service.js';
import { filesDir } from '../imports/imports.files.js';
import { notify } from '../notifications/notifications.service.js';
import { getSettings } from '../settings/settings.service.js';
import { expiredError, expireExport, expiryOf } from './exports.expiry.js';
import type { ExportsTable } from './exports.table.js';
import { firmTime, writeClientsFile } from './exports.writer.js';

type Deps = { db: Db; clock: Clock; config: Config };
export type ExportQuery = Partial<Omit<ClientListQuery, 'limit' | 'cursor'>>;

const APPROVERS: Role[] = ['partner', 'admin'];
const PAGE_ROWS = 1000;

/** lawyers export only the clients they own, whatever else they may see. */
function scoped(actor: Actor, query: ExportQuery): ExportQuery {
  if (actor.role !== 'lawyer') return query;
  if (query.ownerId && query.ownerId !== actor.id) {
    throw new Forbidden({ 'zh-CN': '律师只能导出本人主办的客户', 'en-US': 'Lawyers export only the clients they own' });
  }
  return { ...query, ownerId: actor.id };
}

const listQuery = (query: ExportQuery, limit: number, cursor?: string): ClientListQuery => ({ sort: '-updatedAt', ...query, limit, cursor });

/**
 * The client list's own query (X-1 visibility, filters, order), page by page, each client
 * masked exactly as the list masks it for this user.
 */
async function* clientPages(db: Db, now: Date, actor: Actor, query: ExportQuery): AsyncGenerator<Client[]> {
  let cursor: string | undefined;
  do {
    const result = await listClients({ db, now }, actor, listQuery(query, PAGE_ROWS, cursor), { skipTotal: true });
    const ids = result.items.map((i) => i.id);
    const rows = ids.length ? await db.selectFrom('clients').selectAll().where('id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield result.items.flatMap((item) => {
      const row = byId.get(item.id);
      const names = { owner_name: item.ownerName, manager_name: item.managerName, team_name: item.teamName };
      return row ? [toClient(row, names, item.tags, actor)] : [];
    });
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
}

type Row = Selectable<ExportsTable> & { user_name: string | null; approver_name: string | null };

function toExport(r: Row, retentionDays: number): Export {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    entity: 'clients',
    format: r.format,
    rowCount: r.row_count,
    status: r.status,
    approverId: r.approver_id,
    approverName: r.approver_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    expiresAt: r.status === 'ready' && r.finished_at ? expiryOf(r.finished_at, retentionDays) : null,
    expiredAt: r.expired_at,
  };
}

function withNames(db: Db) {
  return db
    .selectFrom('exports')
    .leftJoin('users as requester', 'requester.id', 'exports.user_id')
    .leftJoin('users as approver', 'approver.id', 'exports.approver_id')
    .selectAll('exports')
    .select(['requester.name as user_name', 'approver.name as approver_name']);
}

async function readExport(db: Db, id: string): Promise<Export> {
  const { exportRetentionDays } = await getSettings(db);
  return toExport(await withNames(db).where('exports.id', '=', id).executeTakeFirstOrThrow(), exportRetentionDays);
}

/** Writes the file with the requester's visibility, logs the export and marks it ready. */
async function generate(deps: Deps, id: string, requester: Actor, ip: string | null): Promise<void> {
  const { db, clock, config } = deps;
  const row = await db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const query = JSON.parse(row.query) as ExportQuery;
  const relative = path.join('exports', `${row.id}.${row.format}`);
  const file = path.join(filesDir(config, 'exports'), `${row.id}.${row.format}`);
  const meta = { userName: requester.name, at: clock.now(), timeZone: config.firmTimeZone };
  try {
    const rows = await writeClientsFile(file, row.format, meta, clientPages(db, clock.now(), requester, query));
    await db
      .updateTable('exports')
      .set({ status: 'ready', row_count: rows, file_path: relative, finished_at: clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await logAccess({ db, clock, timeZone: config.firmTimeZone }, { actor: requester, ip }, {
      clientId: null,
      action: 'export',
      detail: JSON.stringify({ exportId: id, rows, format: row.format, query, approvedBy: row.approver_id }),
    });
  } catch (e) {
    fs.rmSync(file, { force: true });
    await db.updateTable('exports').set({ status: 'failed', finished_at: clock.now().toISOString() }).where('id', '=', id).execute();
    throw e;
  }
}

/** counts what the user may export; above the threshold a partner approves first. */
export async function createExport(deps: Deps, ctx: Ctx, input: { format: 'xlsx' | 'csv'; query: ExportQuery }): Promise<Export> {
  const { db, clock } = deps;
  const actor = ctx.actor!;
  const query = scoped(actor, input.query);
  const now = clock.now();
  // The approval threshold and the logged row count need the exact number, not a search's "1,000+".
  const { total } = await listClients({ db, now }, actor, listQuery(query, 1), { exactTotal: true });
  const { exportApprovalRows } = await getSettings(db);
  const needsApproval = total > exportApprovalRows && !APPROVERS.includes(actor.role);
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('exports')
      .values({
        id,
        user_id: actor.id,
        entity: 'clients',
        format: input.format,
        query: JSON.stringify(query),
        row_count: total,
        status: needsApproval ? 'pending_approval' : 'approved',
        approver_id: null,
        decided_at: null,
        decision_note: null,
        file_path: null,
        created_at: now.toISOString(),
        finished_at: null,
        expired_at: null,
      })
      .execute();
    if (!needsApproval) return;
    const approvers = await trx.selectFrom('users').select('id').where('role', 'in', APPROVERS).where('active', '=', 1).execute();
    await notify(trx, clock, approvers.map((u) => u.id), {
      kind: 'export_approval',
      data: { exportId: id, userId: actor.id, userName: actor.name, rowCount: total, format: input.format },
      link: '/exports?pending=true',
    });
  });
  if (!needsApproval) await generate(deps, id, actor, ctx.ip);
  return readExport(db, id);
}

export async function listExports(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined; pending?: 'true' | 'false' | undefined }) {
  let q = withNames(db);
  // Approvers asking for pending exports see everyone's; everybody else sees their own.
  if (query.pending !== 'true' || !hasPermission(actor.role, 'exports:approve')) q = q.where('exports.user_id', '=', actor.id);
  if (query.pending === 'true') q = q.where('exports.status', '=', 'pending_approval');
  const after = decodeCursor(query.cursor, 1);
  const [rows, count, settings] = await Promise.all([
    q
      .$if(after !== null, (qb) => qb.where('exports.id', '<', String(after![0])))
      .orderBy('exports.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    getSettings(db),
  ]);
  const { items, nextCursor } = page(rows, query.limit, (r) => [r.id]);
  return { items: items.map((r) => toExport(r, settings.exportRetentionDays)), nextCursor, total: Number(count.n) };
}

/** A partner's or admin's decision; approving generates the file as the requester would see it. */
export async function decideExport(deps: Deps, ctx: Ctx, id: string, approve: boolean, note: string | null): Promise<Export> {
  const { db, clock } = deps;
  const actor = ctx.actor!;
  const row = await db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  const requester = await db.selectFrom('users').select(['id', 'name', 'role', 'team_id', 'locale', 'active']).where('id', '=', row.user_id).executeTakeFirstOrThrow();
  if (approve && (requester.active !== 1 || !hasPermission(requester.role, 'clients:export'))) {
    throw new Conflict({ 'zh-CN': '申请人已停用或已无导出权限，不能批准', 'en-US': 'The requester is inactive or may no longer export' });
  }
  const now = clock.now().toISOString();
  const decided = { status: approve ? ('approved' as const) : ('rejected' as const), approver_id: actor.id, decided_at: now, decision_note: note };
  await db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('exports').set(decided).where('id', '=', id).where('status', '=', 'pending_approval').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new Conflict({ 'zh-CN': '该导出申请已处理', 'en-US': 'This export has already been decided' });
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'export', entityId: id, before: { status: row.status }, after: decided });
    await notify(trx, clock, [row.user_id], {
      kind: 'export_decided',
      data: { exportId: id, approved: approve, approverName: actor.name, note },
      link: '/exports',
    });
  });
  if (approve) {
    const asRequester: Actor = { id: requester.id, name: requester.name, role: requester.role, teamId: requester.team_id, locale: requester.locale };
    await generate(deps, id, asRequester, null);
  }
  return readExport(db, id);
}

/** Only the requester downloads, and only a ready file within the retention (410 after it). */
export async function exportDownload(deps: Deps, actor: Actor, id: string) {
  const row = await deps.db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.user_id !== actor.id) throw new NotFound();
  const { exportRetentionDays } = await getSettings(deps.db);
  if (row.status === 'expired') throw expiredError(exportRetentionDays);
  // past the retention but not yet swept by the daily step: expire it now
  if (row.status === 'ready' && row.finished_at && expiryOf(row.finished_at, exportRetentionDays) <= deps.clock.now().toISOString()) {
    await expireExport(deps, row);
    throw expiredError(exportRetentionDays);
  }
  if (row.status !== 'ready' || !row.file_path) throw new Conflict({ 'zh-CN': '导出文件尚未生成', 'en-US': 'The export file is not ready' });
  const file = path.join(deps.config.dataDir, 'files', row.file_path);
  if (!fs.existsSync(file)) throw new NotFound();
  const stamp = firmTime(new Date(row.finished_at ?? row.created_at), deps.config.firmTimeZone).replace(/[-:]/g, '').replace(' ', '-');
  return { file, format: row.format, fileName: `客户导出-${stamp}.${row.format}` };
}
