import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Export, ListResponse } from '@retainer/shared';
import { api } from '../../app/api/client';

export type ExportFormat = Export['format'];

export const exportKeys = {
  all: ['exports'] as const,
  list: (params: { pending?: 'true'; cursor?: string }) => ['exports', 'list', params] as const,
};

const path = (id: string) => `/v1/exports/${encodeURIComponent(id)}`;

export const exportsApi = {
  create: (format: ExportFormat, query: Record<string, string | number>) =>
    api.post<Export>('/v1/exports', { entity: 'clients', format, query }),
  list: (params: { pending?: 'true'; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<Export>>('/v1/exports', { ...params }, signal),
  approve: (id: string, note: string | null) => api.post<Export>(`${path(id)}/approve`, { note }),
  reject: (id: string, note: string | null) => api.post<Export>(`${path(id)}/reject`, { note }),
};

/** A plain link: the session cookie authorises the GET, and the browser saves the file. */
export const exportDownloadUrl = (id: string) => `/api${path(id)}/download`;

export function useExports(params: { pending?: 'true'; limit?: number; cursor?: string }, enabled = true) {
  return useQuery({
    queryKey: exportKeys.list(params),
    queryFn: ({ signal }) => exportsApi.list(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
