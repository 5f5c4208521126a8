import { ROLES } from '@retainer/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_SEED, generateFirm } from './firm.js';

describe('generateFirm', () => {
  it('is deterministic: the same seed gives the same firm, ids included', () => {
    const a = generateFirm('small');
    const b = generateFirm('small', DEMO_SEED);
    expect(b).toEqual(a);
    expect(generateFirm('small', 7)).toEqual(generateFirm('small', 7));
  });

  it('gives a different firm for a different seed', () => {
    const a = generateFirm('small', 1);
    const b = generateFirm('small', 2);
    expect(b.users.map((u) => u.id)).not.toEqual(a.users.map((u) => u.id));
    expect(b.teams.map((t) => t.id)).not.toEqual(a.teams.map((t) => t.id));
  });

  it('has 20 lawyers and every role at the small scale', () => {
    const firm = generateFirm('small');
    expect(firm.users.filter((u) => u.role === 'lawyer')).toHaveLength(20);
    for (const role of ROLES) expect(firm.users.some((u) => u.role === role)).toBe(true);
    expect(firm.teams.length).toBeGreaterThan(1);
  });

  it('contains the seven fixed demo accounts with their roles', () => {
    const firm = generateFirm('small');
    expect(DEMO_ACCOUNTS).toHaveLength(7);
    const byEmail = new Map(firm.users.map((u) => [u.email, u]));
    for (const account of DEMO_ACCOUNTS) {
      const user = byEmail.get(account.email);
      expect(user, account.email).toBeDefined();
      expect(user!.role).toBe(account.role);
      expect(user!.name).toBe(account.name);
      expect(user!.active).toBe(1);
    }
    const emails = DEMO_ACCOUNTS.map((a) => a.email.split('@')[0]);
    expect(emails).toEqual(['admin', 'partner', 'lawyer', 'lawyer2', 'manager', 'assistant', 'secretary']);
  });

  it('puts lawyer and lawyer2 in different teams and the assistant in lawyer’s team', () => {
    const firm = generateFirm('small');
    const team = (email: string) => firm.users.find((u) => u.email === email)!.team_id;
    expect(team('lawyer@retainer.test')).not.toBeNull();
    expect(team('lawyer2@retainer.test')).not.toBeNull();
    expect(team('lawyer2@retainer.test')).not.toBe(team('lawyer@retainer.test'));
    expect(team('assistant@retainer.test')).toBe(team('lawyer@retainer.test'));
  });

  it.each(['small', 'medium'] as const)('keeps emails, ids and team names unique and team links valid (%s)', (scale) => {
    const firm = generateFirm(scale);
    const emails = firm.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9]+@retainer\.test$/);
    const ids = [...firm.users, ...firm.teams].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(firm.teams.map((t) => t.name)).size).toBe(firm.teams.length);
    const teamIds = new Set(firm.teams.map((t) => t.id));
    for (const u of firm.users) if (u.team_id !== null) expect(teamIds.has(u.team_id)).toBe(true);
  });
});
