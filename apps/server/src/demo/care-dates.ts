// Issue 6 item 10: a few of the demo accounts' companies are dated so that My day at the demo's
// now shows care dates. Kept apart from touchpoints.ts so the client generator stays light.
import type { ClientsTable } from '../features/clients/clients.table.js';
import { DEMO_ACCOUNTS, type DemoFirm } from './firm.js';

/** Founding days near the demo's now: due in the coming days, due in a week, just overdue (care leads 3 days). */
const NEAR_NOW_FOUNDING = ['11-28', '12-02', '11-26'] as const;

/**
 * The first few active companies each demo account owns or manages have their founding day near
 * the demo's now, so every account's My day shows care dates (P-8) whatever the scale. Returns a
 * function giving such a client's new founding date (its own year), else null; the generator's
 * random stream is untouched.
 */
export function foundingNearNow(firm: DemoFirm): (c: Pick<ClientsTable, 'kind' | 'status' | 'owner_id' | 'manager_id' | 'founded_on'>) => string | null {
  const emails = new Set(DEMO_ACCOUNTS.map((a) => a.email));
  const accounts = new Set(firm.users.filter((u) => emails.has(u.email)).map((u) => u.id));
  const given = new Map<string, number>();
  return (c) => {
    if (c.kind !== 'organisation' || c.status !== 'active' || !c.founded_on) return null;
    const who = [c.owner_id, c.manager_id].filter((u): u is string => u !== null && accounts.has(u) && (given.get(u) ?? 0) < NEAR_NOW_FOUNDING.length);
    if (!who.length) return null;
    const k = given.get(who[0]!) ?? 0;
    for (const u of who) given.set(u, (given.get(u) ?? 0) + 1);
    return `${c.founded_on.slice(0, 4)}-${NEAR_NOW_FOUNDING[k]}`;
  };
}
