import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Import, ImportField, ListResponse } from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';
import { currentLocale } from '../../app/i18n/i18n';

export interface ImportPreview {
  format: 'xlsx' | 'csv';
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: Record<string, ImportField>;
}

// Row errors and messages come worded in the request's language: a switch fetches them again.
export const importKeys = {
  all: ['imports'] as const,
  list: (cursor?: string) => ['imports', 'list', cursor ?? null, currentLocale()] as const,
  detail: (id: string) => ['imports', 'detail', id, currentLocale()] as const,
};

const path = (id: string) => `/v1/imports/${encodeURIComponent(id)}`;

export const importsApi = {
  preview: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiRequest<ImportPreview>('/v1/imports/preview', { method: 'POST', body: form });
  },
  start: (file: File, mapping: Record<string, ImportField>, dryRun: boolean) => {
    const form = new FormData();
    // fields before the file so a streaming parser sees them first
    form.append('mapping', JSON.stringify(mapping));
    form.append('dryRun', dryRun ? 'true' : 'false');
    form.append('file', file);
    return apiRequest<Import>('/v1/imports', { method: 'POST', body: form });
  },
  get: (id: string, signal?: AbortSignal) => api.get<Import>(path(id), undefined, signal),
  list: (params: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<Import>>('/v1/imports', { ...params }, signal),
};

/** A plain link carries the browser's language, so it names the one chosen in the app. */
export const importReportUrl = (id: string) => `/api${path(id)}/report?locale=${currentLocale()}`;

const running = (i: Import | undefined) => !i || i.status === 'queued' || i.status === 'running';

/** C-10 progress: polled every second until the import is done or failed. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => importsApi.get(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
}

export function useImports(cursor?: string) {
  return useQuery({
    queryKey: importKeys.list(cursor),
    queryFn: ({ signal }) => importsApi.list({ limit: 10, cursor }, signal),
    placeholderData: keepPreviousData,
    // keep the list's progress current while something runs
    refetchInterval: (query) => (query.state.data?.items.some((i) => running(i)) ? 2000 : false),
  });
}
