// The floors of the xlsx scenarios (PERFORMANCE.md): exceljs streaming read + a raw upsert in
// batches of 500, and one raw query + exceljs streaming write. Only exceljs and the drivers are
// loaded here (no server modules), so the process's peak RSS is the floor's own.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { FILE_COLUMNS, GARBLE_CHECK, INDUSTRY_BY_LETTER, measure, REPLACEMENT_PATTERN, type ExportResult, type FileBenchDb, type FloorImportResult, type ImportCounts } from './files-protocol.js';

const BATCH_ROWS = 500;

// bigint (count(*), the fen columns) as numbers, as the product's driver setup does.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

type Conn = { sqlite: SQLite.Database; pg: null } | { sqlite: null; pg: pg.Client };

/** The same connection settings as the product (apps/server/src/plugins/db.ts). */
async function connect(db: FileBenchDb): Promise<Conn> {
  if (db.dialect === 'sqlite') {
    const sqlite = new SQLite(db.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return { sqlite, pg: null };
  }
  const client = new pg.Client({ connectionString: db.url, options: `-c search_path=${db.schema}` });
  await client.connect();
  return { sqlite: null, pg: client };
}

async function disconnect(c: Conn) {
  if (c.sqlite) c.sqlite.close();
  else await c.pg.end();
}

async function all<T>(c: Conn, text: string, params: unknown[] = []): Promise<T[]> {
  if (c.sqlite) return c.sqlite.prepare(text).all(...params) as T[];
  return (await c.pg.query(text, params)).rows as T[];
}

export async function tableCounts(c: Conn): Promise<ImportCounts> {
  const n = async (table: string) => Number((await all<{ n: number }>(c, `select count(*) as n from ${table}`))[0]!.n);
  return {
    clients: await n('clients'),
    contacts: await n('contacts'),
    tags: await n('client_tags'),
    grams: await n('client_search'),
    auditEvents: await n('audit_events'),
    timelineEvents: await n('timeline_events'),
    garbled: await garbled(c),
  };
}

async function garbled(c: Conn): Promise<number> {
  let total = 0;
  for (const [table, columns] of Object.entries(GARBLE_CHECK)) {
    const where = columns.map((col, i) => `${col} like ${c.sqlite ? '?' : `$${i + 1}`}`).join(' or ');
    const params = columns.map(() => REPLACEMENT_PATTERN);
    total += Number((await all<{ n: number }>(c, `select count(*) as n from ${table} where ${where}`, params))[0]!.n);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Import floor.

type FileRow = {
  name: string;
  kind: 'organisation' | 'individual';
  uscc: string | null;
  idNumber: string | null;
  industry: string | null;
  city: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  rateFen: number | null;
  legalRepresentative: string | null;
  ownerId: string;
  teamId: string | null;
  contactName: string | null;
  contactPhone: string | null;
};

const INDUSTRY_BY_NAME = new Map(Object.entries(INDUSTRY_BY_LETTER).map(([letter, name]) => [name, letter]));
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v).trim() || null);
const keysOf = (r: { uscc: string | null; idNumber: string | null; name: string; phone: string | null }) => [
  ...(r.uscc ? [`u:${r.uscc}`] : []),
  ...(r.idNumber ? [`i:${r.idNumber}`] : []),
  ...(r.phone ? [`n:${r.name}\u0001${r.phone}`] : []),
];

/** Inserts new clients and updates the ones found by USCC, ID number or name + phone; one transaction. */
interface Upserter {
  write(rows: FileRow[], now: string): Promise<void>;
}

type Existing = { id: string; uscc: string | null; id_number: string | null; name: string; phone: string | null };

/** Rows of a batch matched to stored clients (and to earlier rows of the same batch). */
function plan(rows: FileRow[], existing: Existing[]) {
  const byKey = new Map<string, string>();
  for (const e of existing) for (const k of keysOf({ uscc: e.uscc, idNumber: e.id_number, name: e.name, phone: e.phone })) byKey.set(k, e.id);
  const stored = new Set(existing.map((e) => e.id));
  const inserts: (FileRow & { id: string })[] = [];
  const updates: (FileRow & { id: string })[] = [];
  for (const r of rows) {
    const keys = keysOf(r);
    const found = keys.map((k) => byKey.get(k)).find((v) => v !== undefined);
    if (found === undefined) {
      const id = randomUUID();
      inserts.push({ ...r, id });
      for (const k of keys) byKey.set(k, id);
    } else if (stored.has(found)) {
      updates.push({ ...r, id: found });
    }
    // else: the same client twice in one batch; the first row stands (none in the bench's file).
  }
  return { inserts, updates };
}

const batchKeys = (rows: FileRow[]) => ({
  usccs: rows.flatMap((r) => (r.uscc ? [r.uscc] : [])),
  ids: rows.flatMap((r) => (r.idNumber ? [r.idNumber] : [])),
  names: rows.flatMap((r) => (r.phone ? [r.name] : [])),
});

function sqliteUpserter(db: SQLite.Database): Upserter {
  const find = db.prepare(
    `select id, uscc, id_number, name, phone from clients
     where uscc in (select value from json_each(?)) or id_number in (select value from json_each(?)) or name in (select value from json_each(?))`,
  );
  const insertClient = db.prepare(
    `insert into clients (id, kind, name, name_initials, status, grade, owner_id, team_id, industry, city, address, phone, email,
       hourly_rate_fen, uscc, id_number, legal_representative, created_at, updated_at)
     values (?, ?, ?, '', 'prospect', 'C', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateClient = db.prepare(
    `update clients set kind = ?, name = ?, owner_id = ?, team_id = ?, industry = coalesce(?, industry), city = coalesce(?, city),
       address = coalesce(?, address), phone = coalesce(?, phone), email = coalesce(?, email), hourly_rate_fen = coalesce(?, hourly_rate_fen),
       uscc = coalesce(?, uscc), id_number = coalesce(?, id_number), legal_representative = coalesce(?, legal_representative), updated_at = ?
     where id = ?`,
  );
  const insertTag = db.prepare('insert or ignore into client_tags (client_id, tag) values (?, ?)');
  const findContact = db.prepare('select id from contacts where client_id = ? and name = ?').pluck();
  const insertContact = db.prepare(`insert into contacts (id, client_id, name, phone, status, created_at, updated_at) values (?, ?, ?, ?, 'in_post', ?, ?)`);
  const updateContact = db.prepare('update contacts set phone = coalesce(?, phone), updated_at = ? where id = ?');
  const tx = db.transaction((rows: FileRow[], now: string) => {
    const k = batchKeys(rows);
    const { inserts, updates } = plan(rows, find.all(JSON.stringify(k.usccs), JSON.stringify(k.ids), JSON.stringify(k.names)) as Existing[]);
    for (const r of inserts) {
      insertClient.run(r.id, r.kind, r.name, r.ownerId, r.teamId, r.industry, r.city, r.address, r.phone, r.email, r.rateFen, r.uscc, r.idNumber, r.legalRepresentative, now, now);
      if (r.contactName) insertContact.run(randomUUID(), r.id, r.contactName, r.contactPhone, now, now);
    }
    for (const r of updates) {
      updateClient.run(r.kind, r.name, r.ownerId, r.teamId, r.industry, r.city, r.address, r.phone, r.email, r.rateFen, r.uscc, r.idNumber, r.legalRepresentative, now, r.id);
      if (r.contactName) {
        const contactId = findContact.get(r.id, r.contactName) as string | undefined;
        if (contactId) updateContact.run(r.contactPhone, now, contactId);
        else insertContact.run(randomUUID(), r.id, r.contactName, r.contactPhone, now, now);
      }
    }
    for (const r of [...inserts, ...updates]) for (const tag of r.tags) insertTag.run(r.id, tag);
  });
  return { write: async (rows, now) => tx(rows, now) };
}

function pgUpserter(client: pg.Client): Upserter {
  return {
    async write(rows, now) {
      await client.query('begin');
      try {
        const k = batchKeys(rows);
        const found = await client.query<Existing>(
          'select id, uscc, id_number, name, phone from clients where uscc = any($1) or id_number = any($2) or name = any($3)',
          [k.usccs, k.ids, k.names],
        );
        const { inserts, updates } = plan(rows, found.rows);
        if (inserts.length) {
          const col = <T>(f: (r: (typeof inserts)[number]) => T) => inserts.map(f);
          await client.query(
            `insert into clients (id, kind, name, name_initials, status, grade, owner_id, team_id, industry, city, address, phone, email,
               hourly_rate_fen, uscc, id_number, legal_representative, created_at, updated_at)
             select id, kind, name, '', 'prospect', 'C', owner_id, team_id, industry, city, address, phone, email, rate, uscc, id_number, rep, $15, $15
             from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                         $11::bigint[], $12::text[], $13::text[], $14::text[])
               as t(id, kind, name, owner_id, team_id, industry, city, address, phone, email, rate, uscc, id_number, rep)`,
            [
              col((r) => r.id), col((r) => r.kind), col((r) => r.name), col((r) => r.ownerId), col((r) => r.teamId), col((r) => r.industry),
              col((r) => r.city), col((r) => r.address), col((r) => r.phone), col((r) => r.email), col((r) => r.rateFen), col((r) => r.uscc),
              col((r) => r.idNumber), col((r) => r.legalRepresentative), now,
            ],
          );
          const withContact = inserts.filter((r) => r.contactName);
          if (withContact.length) {
            await client.query(
              `insert into contacts (id, client_id, name, phone, status, created_at, updated_at)
               select id, client_id, name, phone, 'in_post', $5, $5 from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(id, client_id, name, phone)`,
              [withContact.map(() => randomUUID()), withContact.map((r) => r.id), withContact.map((r) => r.contactName), withContact.map((r) => r.contactPhone), now],
            );
          }
        }
        for (const r of updates) {
          await client.query(
            `update clients set kind = $1, name = $2, owner_id = $3, team_id = $4, industry = coalesce($5, industry), city = coalesce($6, city),
               address = coalesce($7, address), phone = coalesce($8, phone), email = coalesce($9, email), hourly_rate_fen = coalesce($10, hourly_rate_fen),
               uscc = coalesce($11, uscc), id_number = coalesce($12, id_number), legal_representative = coalesce($13, legal_representative), updated_at = $14
             where id = $15`,
            [r.kind, r.name, r.ownerId, r.teamId, r.industry, r.city, r.address, r.phone, r.email, r.rateFen, r.uscc, r.idNumber, r.legalRepresentative, now, r.id],
          );
          if (r.contactName) {
            const c = await client.query<{ id: string }>('select id from contacts where client_id = $1 and name = $2', [r.id, r.contactName]);
            if (c.rows[0]) await client.query('update contacts set phone = coalesce($1, phone), updated_at = $2 where id = $3', [r.contactPhone, now, c.rows[0].id]);
            else {
              await client.query(`insert into contacts (id, client_id, name, phone, status, created_at, updated_at) values ($1, $2, $3, $4, 'in_post', $5, $5)`, [
                randomUUID(), r.id, r.contactName, r.contactPhone, now,
              ]);
            }
          }
        }
        const tagged = [...inserts, ...updates].flatMap((r) => r.tags.map((tag) => [r.id, tag] as const));
        if (tagged.length) {
          await client.query('insert into client_tags (client_id, tag) select * from unnest($1::text[], $2::text[]) on conflict do nothing', [
            tagged.map((t) => t[0]),
            tagged.map((t) => t[1]),
          ]);
        }
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      }
    },
  };
}

/** exceljs streaming read of the file + the raw upsert of its rows, 500 per transaction. */
export async function floorImport(db: FileBenchDb, file: string): Promise<FloorImportResult> {
  const conn = await connect(db);
  try {
    const { value: rows, measured } = await measure(async () => {
      const owners = new Map(
        (await all<{ id: string; email: string; team_id: string | null }>(conn, `select id, email, team_id from users where active = 1 and role in ('lawyer', 'partner')`)).map(
          (u) => [u.email, u] as const,
        ),
      );
      const upserter = conn.sqlite ? sqliteUpserter(conn.sqlite) : pgUpserter(conn.pg);
      const input = fs.createReadStream(file);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
      let index: Map<string, number> | null = null;
      let batch: FileRow[] = [];
      let count = 0;
      const flush = async () => {
        await upserter.write(batch, new Date().toISOString());
        count += batch.length;
        batch = [];
      };
      try {
        for await (const sheet of reader) {
          for await (const row of sheet) {
            const values = row.values as unknown[];
            if (!index) {
              index = new Map();
              for (let i = 1; i < values.length; i++) index.set(String(values[i]), i);
              for (const [header] of FILE_COLUMNS) if (!index.has(header)) throw new Error(`the file has no column ${header}`);
              continue;
            }
            const at = (header: (typeof FILE_COLUMNS)[number][0]) => values[index!.get(header)!];
            const ownerEmail = text(at('主办律师邮箱'));
            const owner = ownerEmail ? owners.get(ownerEmail.toLowerCase()) : undefined;
            if (!owner) throw new Error(`row ${row.number}: unknown owner ${ownerEmail}`);
            const industry = text(at('行业'));
            const rate = at('小时费率(元)');
            batch.push({
              name: text(at('客户名称'))!,
              kind: text(at('类型')) === '单位' ? 'organisation' : 'individual',
              uscc: text(at('统一社会信用代码')),
              idNumber: text(at('身份证号')),
              industry: industry ? (INDUSTRY_BY_NAME.get(industry) ?? null) : null,
              city: text(at('城市')),
              address: text(at('地址')),
              phone: text(at('电话')),
              email: text(at('邮箱')),
              tags: (text(at('标签')) ?? '').split('、').filter(Boolean),
              rateFen: typeof rate === 'number' ? Math.round(rate * 100) : null,
              legalRepresentative: text(at('法定代表人')),
              ownerId: owner.id,
              teamId: owner.team_id,
              contactName: text(at('联系人')),
              contactPhone: text(at('联系人电话')),
            });
            if (batch.length >= BATCH_ROWS) await flush();
          }
          break;
        }
        if (batch.length) await flush();
      } finally {
        input.destroy();
      }
      return count;
    });
    return { ...measured, rows, counts: await tableCounts(conn) };
  } finally {
    await disconnect(conn);
  }
}

// ---------------------------------------------------------------------------------------------
// Export floor.

/** The product export's headers and labels (apps/server/src/features/exports/exports.writer.ts); the comparison checks them. */
const EXPORT_HEADERS = [
  '客户名称', '类型', '状态', '等级', '分层', '行业', '地区', '城市', '地址', '电话', '邮箱', '统一社会信用代码', '身份证号', '法定代表人',
  '主办律师', '客户经理', '团队', '标签', '小时费率(元)', '来源', '最近联系', '创建时间',
];
const KINDS: Record<string, string> = { individual: '自然人', organisation: '单位' };
const STATUSES: Record<string, string> = { prospect: '潜在客户', active: '合作中', dormant: '短期未合作', lost: '流失', dismissed: '主动解除' };
const TIERS: Record<string, string> = { strategic: '战略客户', core: '核心客户', potential: '潜力客户', basic: '基础客户' };
const SOURCES: Record<string, string> = { referral: '转介绍', website: '网站', event: '活动', walk_in: '自行上门', other: '其他' };

type ExportRow = {
  name: string; kind: string; status: string; grade: string; tier: string | null; industry: string | null; region: string | null;
  city: string | null; address: string | null; phone: string | null; email: string | null; uscc: string | null; id_number: string | null;
  legal_representative: string | null; owner_name: string | null; manager_name: string | null; team_name: string | null;
  tags: string | null; hourly_rate_fen: number | null; source: string | null; last_contact_at: string | null; created_at: string;
};

const exportQuery = (dialect: 'sqlite' | 'postgres') => `
  select c.name, c.kind, c.status, c.grade, c.tier, c.industry, c.region, c.city, c.address, c.phone, c.email, c.uscc, c.id_number,
    c.legal_representative, o.name as owner_name, m.name as manager_name, t.name as team_name,
    (select ${dialect === 'sqlite' ? `group_concat(tag, '、' order by tag)` : `string_agg(tag, '、' order by tag)`} from client_tags ct where ct.client_id = c.id) as tags,
    c.hourly_rate_fen, c.source, c.last_contact_at, c.created_at
  from clients c
  left join users o on o.id = c.owner_id
  left join users m on m.id = c.manager_id
  left join teams t on t.id = c.team_id
  order by c.updated_at desc, c.id desc`;

/** One raw query (all clients, the export's order and columns) + exceljs streaming write. */
export async function floorExport(db: FileBenchDb, file: string, timeZone: string): Promise<ExportResult> {
  const conn = await connect(db);
  try {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const when = (v: string | null) => {
      if (!v) return null;
      const p: Record<string, string> = {};
      for (const part of format.formatToParts(new Date(v))) p[part.type] = part.value;
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    const { value: rows, measured } = await measure(async () => {
      const out = fs.createWriteStream(file);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet('客户');
      ws.addRow(EXPORT_HEADERS).commit();
      const source: Iterable<ExportRow> = conn.sqlite
        ? (conn.sqlite.prepare(exportQuery('sqlite')).iterate() as Iterable<ExportRow>)
        : (await conn.pg.query<ExportRow>(exportQuery('postgres'))).rows;
      let n = 0;
      for (const r of source) {
        ws.addRow([
          r.name, KINDS[r.kind] ?? r.kind, STATUSES[r.status] ?? r.status, r.grade, r.tier ? (TIERS[r.tier] ?? r.tier) : null,
          r.industry ? (INDUSTRY_BY_LETTER[r.industry] ?? r.industry) : null, r.region, r.city, r.address, r.phone, r.email, r.uscc, r.id_number,
          r.legal_representative, r.owner_name, r.manager_name, r.team_name, r.tags ?? '', r.hourly_rate_fen === null ? null : r.hourly_rate_fen / 100,
          r.source ? (SOURCES[r.source] ?? r.source) : null, when(r.last_contact_at), when(r.created_at),
        ]).commit();
        // Let the zip stream drain every 5,000 rows, as the product does between its pages.
        if (++n % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      ws.commit();
      await wb.commit();
      if (!out.writableFinished) await finished(out);
      return n;
    });
    return { ...measured, file, rows, bytes: fs.statSync(file).size };
  } finally {
    await disconnect(conn);
  }
}
