import { useQuery } from '@tanstack/react-query';
import type { DirectoryEntry, ListResponse } from '@retainer/shared';
import { api } from '../../app/api/client';
import { useSessionUser } from '../../app/auth/session';

export interface PersonOption {
  value: string;
  label: string;
}

/** The firm's active people (names, roles, teams), read page by page from the directory. */
async function loadDirectory(signal?: AbortSignal): Promise<DirectoryEntry[]> {
  const out: DirectoryEntry[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await api.get<ListResponse<DirectoryEntry>>('/v1/users/directory', { limit: 200, ...(cursor ? { cursor } : {}) }, signal);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** People to pick as owner lawyer or client manager, plus names already on screen (`seen`). */
export function usePeopleOptions(seen: PersonOption[] = []) {
  const me = useSessionUser();
  const users = useQuery({
    queryKey: ['users', 'directory'],
    queryFn: ({ signal }) => loadDirectory(signal),
    staleTime: 5 * 60_000,
  });
  const byId = new Map<string, PersonOption>();
  byId.set(me.user.id, { value: me.user.id, label: me.user.name });
  for (const u of users.data ?? []) byId.set(u.id, { value: u.id, label: u.name });
  for (const s of seen) if (!byId.has(s.value)) byId.set(s.value, s);
  return { options: [...byId.values()], loading: users.isLoading, complete: true, users: users.data ?? [] };
}
