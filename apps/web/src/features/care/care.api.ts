import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Grade,
  ListResponse,
  Programme,
  ProgrammeUpdate,
  Touchpoint,
  TouchpointGenerateResult,
  TouchpointKind,
  TouchpointStatus,
} from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';

/** Filters of GET /touchpoints (P-4), as kept in the URL. */
export interface TouchpointFilters {
  /** 'me' (default), a user id, or 'all' */
  assignee?: string;
  kind?: TouchpointKind;
  status?: TouchpointStatus | 'overdue';
  from?: string;
  to?: string;
  clientId?: string;
}

export const careKeys = {
  all: ['touchpoints'] as const,
  list: (filters: TouchpointFilters, limit: number) => ['touchpoints', 'list', filters, limit] as const,
  programmes: ['programmes'] as const,
  programme: (grade: Grade) => ['programmes', grade] as const,
};

function toQuery(f: TouchpointFilters, limit: number, cursor?: string) {
  const who = f.assignee ?? 'me';
  return {
    assignee: who === 'me' ? 'me' : undefined,
    assigneeId: who !== 'me' && who !== 'all' ? who : undefined,
    clientId: f.clientId,
    kind: f.kind,
    status: f.status,
    from: f.from,
    to: f.to,
    limit,
    cursor,
  };
}

export const careApi = {
  touchpoints: (f: TouchpointFilters, limit: number, cursor?: string, signal?: AbortSignal) =>
    api.get<ListResponse<Touchpoint>>('/v1/touchpoints', toQuery(f, limit, cursor), signal),
  skip: (id: string, reason: string) => api.post<Touchpoint>(`/v1/touchpoints/${encodeURIComponent(id)}/skip`, { reason }),
  generate: (year: number) => api.post<TouchpointGenerateResult>('/v1/touchpoints/generate', { year }),
  programme: (grade: Grade, signal?: AbortSignal) => api.get<Programme>(`/v1/programmes/${grade}`, undefined, signal),
  saveProgramme: (grade: Grade, body: ProgrammeUpdate) => apiRequest<Programme>(`/v1/programmes/${grade}`, { method: 'PUT', body }),
};

/** Keyset pages appended under each other ("加载更多"). */
export function useTouchpoints(filters: TouchpointFilters, limit = 30, enabled = true) {
  return useInfiniteQuery({
    queryKey: careKeys.list(filters, limit),
    queryFn: ({ pageParam, signal }) => careApi.touchpoints(filters, limit, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProgramme(grade: Grade) {
  return useQuery({ queryKey: careKeys.programme(grade), queryFn: ({ signal }) => careApi.programme(grade, signal) });
}
