import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CLIENT_KINDS, CLIENT_SORTS, CLIENT_STATUSES, GRADES, INDUSTRIES, TIERS } from '@retainer/shared';
import type { ClientFilters } from './clients.api';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const textOf = (v: string | null): string | undefined => (v && v.trim() ? v.trim().slice(0, 100) : undefined);

export const FILTER_KEYS = [
  'q', 'kind', 'status', 'grade', 'tier', 'industry', 'region', 'ownerId', 'managerId', 'teamId', 'tag', 'noContactDays', 'sort',
] as const;

/** Parses untrusted input (the URL, a saved view) into filters the API accepts. */
export function parseFilters(get: (key: string) => string | null): ClientFilters {
  const days = Number(get('noContactDays'));
  return {
    q: textOf(get('q')),
    kind: oneOf(CLIENT_KINDS, get('kind')),
    status: oneOf(CLIENT_STATUSES, get('status')),
    grade: oneOf(GRADES, get('grade')),
    tier: oneOf(TIERS, get('tier')),
    industry: oneOf(INDUSTRIES, get('industry')),
    region: textOf(get('region')),
    ownerId: textOf(get('ownerId')),
    managerId: textOf(get('managerId')),
    teamId: textOf(get('teamId')),
    tag: textOf(get('tag')),
    noContactDays: get('noContactDays') && Number.isInteger(days) && days >= 0 && days <= 3650 ? days : undefined,
    sort: oneOf(CLIENT_SORTS, get('sort')),
  };
}

/** Only the filters that are set, as a saved view's query. */
export function compactFilters(f: ClientFilters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const v = f[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

/** How many of the 更多筛选 filters are in use (shown on the button). */
export function moreFilterCount(f: ClientFilters): number {
  return [f.tier, f.industry, f.region, f.teamId, f.tag, f.noContactDays, f.managerId].filter((v) => v !== undefined).length;
}

export function hasFilters(f: ClientFilters): boolean {
  return FILTER_KEYS.some((k) => k !== 'sort' && f[k] !== undefined);
}

/** The list filters live in the URL so back from a client page, a shared link or a reload keeps them. */
export function useClientFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the string form
  const filters = useMemo(() => parseFilters((k) => params.get(k)), [key]);
  const setFilters = useCallback(
    (next: ClientFilters) => {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          for (const k of FILTER_KEYS) out.delete(k);
          for (const [k, v] of Object.entries(compactFilters(next))) out.set(k, String(v));
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { filters, setFilters };
}
