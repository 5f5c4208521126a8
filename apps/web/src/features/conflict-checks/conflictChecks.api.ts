import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConflictCheck, ListResponse } from '@retainer/shared';
import { api } from '../../app/api/client';

export const conflictKeys = {
  all: ['conflict-checks'] as const,
  list: (cursor?: string) => ['conflict-checks', 'list', cursor ?? null] as const,
  detail: (id: string) => ['conflict-checks', 'detail', id] as const,
};

export const conflictChecksApi = {
  run: (names: string[], purpose: string | null) => api.post<ConflictCheck>('/v1/conflict-checks', { names, purpose }),
  list: (params: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<ConflictCheck>>('/v1/conflict-checks', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<ConflictCheck>(`/v1/conflict-checks/${encodeURIComponent(id)}`, undefined, signal),
};

export function useConflictChecks(cursor?: string) {
  return useQuery({
    queryKey: conflictKeys.list(cursor),
    queryFn: ({ signal }) => conflictChecksApi.list({ limit: 10, cursor }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useConflictCheck(id: string | null) {
  return useQuery({
    queryKey: conflictKeys.detail(id ?? ''),
    queryFn: ({ signal }) => conflictChecksApi.get(id ?? '', signal),
    enabled: id !== null,
  });
}
