import { REQUEST_CHANNELS, REQUEST_PRIORITIES, REQUEST_SORTS, REQUEST_STATUSES, SLA_FILTERS } from '@retainer/shared';
import { useSearchParams } from 'react-router-dom';
import type { RequestFilters } from './requests.api';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** The inbox's filters live in the URL; the default is my open requests, soonest due first. */
export function useRequestFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: RequestFilters & { clientName?: string } = {
    assignee: params.get('assignee') === 'all' ? undefined : (params.get('assignee') ?? 'mine'),
    status: status === 'any' ? undefined : (oneOf(REQUEST_STATUSES, status) ?? 'open'),
    channel: oneOf(REQUEST_CHANNELS, params.get('channel')),
    priority: oneOf(REQUEST_PRIORITIES, params.get('priority')),
    sla: oneOf(SLA_FILTERS, params.get('sla')),
    receivedFrom: params.get('receivedFrom') ?? undefined,
    receivedTo: params.get('receivedTo') ?? undefined,
    clientId: params.get('clientId') ?? undefined,
    clientName: params.get('clientName') ?? undefined,
    q: params.get('q') ?? undefined,
    sort: oneOf(REQUEST_SORTS, params.get('sort')) ?? 'nextDueAt',
  };
  const openId = params.get('open');
  const write = (next: Record<string, string | undefined>) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) out.set(k, v);
    setParams(out, { replace: true });
  };
  const current = (): Record<string, string | undefined> => ({
    assignee: filters.assignee === undefined ? 'all' : filters.assignee === 'mine' ? undefined : filters.assignee,
    status: filters.status === undefined ? 'any' : filters.status === 'open' ? undefined : filters.status,
    channel: filters.channel,
    priority: filters.priority,
    sla: filters.sla,
    receivedFrom: filters.receivedFrom,
    receivedTo: filters.receivedTo,
    clientId: filters.clientId,
    clientName: filters.clientName,
    q: filters.q,
    sort: filters.sort === 'nextDueAt' ? undefined : filters.sort,
    open: openId ?? undefined,
    tab: params.get('tab') ?? undefined,
  });
  return {
    filters,
    openId,
    tab: params.get('tab') === 'breaches' ? ('breaches' as const) : ('inbox' as const),
    /** keys as kept in the URL ('all' assignee, 'any' status) */
    set: (next: Record<string, string | undefined>) => write({ ...current(), ...next }),
    clear: () => write({ open: openId ?? undefined }),
  };
}
