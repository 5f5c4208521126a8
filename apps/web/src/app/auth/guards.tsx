import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '@retainer/shared';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ForbiddenResult, LoadError } from '../../components/ErrorResults';
import { useMe, wasSignedOutByUser } from './session';

/** Signed-in users only; others go to /login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    if (wasSignedOutByUser()) return <Navigate to="/login" replace state={{ loggedOut: true }} />;
    const next = location.pathname + location.search;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}

/** The server enforces permissions anyway; this shows a 403 page instead of failing calls. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me?.permissions.includes(permission)) return <ForbiddenResult />;
  return children;
}

/** Only same-site paths are followed after login. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
