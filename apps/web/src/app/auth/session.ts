import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Locale, Me, Permission } from '@retainer/shared';
import { ApiRequestError, apiRequest, setCsrfToken } from '../api/client';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/v1/auth/me', { allow401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** The session user; only for components rendered behind RequireAuth. */
export function useSessionUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSessionUser outside RequireAuth');
  return data;
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return data?.permissions.includes(permission) ?? false;
}

// Whether the last session ended by the user's own "退出登录" (then /login needs no "next").
let signedOutByUser = false;
export function wasSignedOutByUser(): boolean {
  return signedOutByUser;
}

export function setSession(client: QueryClient, me: Me | null): void {
  if (me) signedOutByUser = false;
  setCsrfToken(me?.csrfToken ?? null);
  client.setQueryData(ME_KEY, me);
}

/** Session ended (sign-out or a 401): forget the user and everything loaded for them. */
export function clearSession(client: QueryClient, byUser = false): void {
  signedOutByUser = byUser;
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  setSession(client, null);
}

export function landingPath(me: Me): string {
  // UI.md: admins land on 用户; everyone else on 我的工作台 (P-8; partners until 看板 exists).
  if (me.user.role === 'admin' && me.permissions.includes('users:read')) return '/users';
  return '/my-day';
}

export async function patchMyLocale(locale: Locale): Promise<Me> {
  const me = await apiRequest<Me>('/v1/auth/me', { method: 'PATCH', body: { locale } });
  setCsrfToken(me.csrfToken);
  return me;
}

