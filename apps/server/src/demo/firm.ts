import type { Role } from '@retainer/shared';
import { pinyin } from 'pinyin-pro';
import type { TeamsTable } from '../features/teams/teams.table.js';
import type { UsersTable } from '../features/users/users.table.js';
import { GIVEN, OFFICES, PRACTICE_GROUPS, SURNAMES } from './names.js';
import { Rng } from './random.js';

export const SCALES = ['small', 'medium', 'large'] as const;
export type Scale = (typeof SCALES)[number];

const LAWYERS: Record<Scale, number> = { small: 20, medium: 200, large: 2000 };
const TEAMS: Record<Scale, number> = { small: 6, medium: 20, large: 100 };
export const DEMO_SEED = 20261125;
/** Records are dated from here, one minute apart, so ids and times are stable. */
const EPOCH = Date.parse('2024-01-02T01:00:00.000Z');

export type DemoUser = Omit<UsersTable, 'password_hash'>;
export type DemoFirm = { teams: TeamsTable[]; users: DemoUser[] };

/** The fixed demo accounts; the lawyers are in different teams (诉讼部 and 公司商事部). */
export const DEMO_ACCOUNTS: { email: string; role: Role; team: number | null; name: string }[] = [
  { email: 'admin@retainer.test', role: 'admin', team: null, name: '周敏' },
  { email: 'partner@retainer.test', role: 'partner', team: 0, name: '王建国' },
  { email: 'lawyer@retainer.test', role: 'lawyer', team: 0, name: '李思远' },
  { email: 'lawyer2@retainer.test', role: 'lawyer', team: 1, name: '陈婉清' },
  { email: 'manager@retainer.test', role: 'client_manager', team: 0, name: '赵晓东' },
  { email: 'assistant@retainer.test', role: 'assistant', team: 0, name: '孙雨桐' },
  { email: 'secretary@retainer.test', role: 'secretary', team: 0, name: '吴海燕' },
];

function teamName(i: number, count: number): { name: string; description: string } {
  const group = PRACTICE_GROUPS[i % PRACTICE_GROUPS.length]!;
  if (count <= PRACTICE_GROUPS.length) return group;
  const office = OFFICES[Math.floor(i / PRACTICE_GROUPS.length) % OFFICES.length]!;
  const round = Math.floor(i / (PRACTICE_GROUPS.length * OFFICES.length));
  const suffix = round > 0 ? `${round + 1}` : '';
  return { name: `${office}${group.name}${suffix}`, description: `${office}办公室 · ${group.description}` };
}

/** Role counts per scale: a partner per five lawyers, an assistant per four, and so on. */
function roleCounts(scale: Scale): [Role, number][] {
  const n = LAWYERS[scale];
  return [
    ['admin', Math.max(1, Math.round(n / 500))],
    ['partner', Math.max(4, Math.round(n / 5))],
    ['lawyer', n],
    ['client_manager', Math.max(3, Math.round(n / 5))],
    ['assistant', Math.max(5, Math.round(n / 4))],
    ['secretary', Math.max(2, Math.round(n / 10))],
  ];
}

/** Deterministic: the same scale and seed give the same teams, users and ids. */
export function generateFirm(scale: Scale, seed = DEMO_SEED): DemoFirm {
  const rng = new Rng(seed);
  let clock = EPOCH;
  const stamp = () => {
    clock += 60_000;
    return clock;
  };

  const teamCount = TEAMS[scale];
  const teams: TeamsTable[] = [];
  for (let i = 0; i < teamCount; i++) {
    const at = stamp();
    const iso = new Date(at).toISOString();
    teams.push({ id: rng.id(at), ...teamName(i, teamCount), created_at: iso, updated_at: iso });
  }

  const users: DemoUser[] = [];
  const usedEmails = new Set<string>();
  const add = (name: string, role: Role, teamId: string | null, email?: string) => {
    const at = stamp();
    const iso = new Date(at).toISOString();
    let address = email;
    if (!address) {
      const base = pinyin(name, { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '');
      address = `${base}@retainer.test`;
      for (let k = 2; usedEmails.has(address); k++) address = `${base}${k}@retainer.test`;
    }
    usedEmails.add(address);
    users.push({
      id: rng.id(at),
      name,
      email: address,
      phone: `1${rng.pick(['38', '39', '58', '86', '88', '35', '37'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      role,
      team_id: teamId,
      active: 1,
      locale: 'zh-CN',
      last_login_at: null,
      created_at: iso,
      updated_at: iso,
    });
  };

  for (const d of DEMO_ACCOUNTS) add(d.name, d.role, d.team === null ? null : teams[d.team]!.id, d.email);
  for (const [role, count] of roleCounts(scale)) {
    const already = DEMO_ACCOUNTS.filter((d) => d.role === role).length;
    for (let i = already; i < count; i++) {
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
      const teamId = role === 'admin' ? null : teams[i % teams.length]!.id;
      add(name, role, teamId);
    }
  }
  return { teams, users };
}
