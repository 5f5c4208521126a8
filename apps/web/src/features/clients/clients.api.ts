import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AccessLogEntry,
  Client,
  ClientBulk,
  ClientBulkResponse,
  ClientCreate,
  ClientKind,
  ClientListResponse,
  ClientStatus,
  ClientUpdate,
  Grade,
  ListResponse,
  PersonnelChange,
  SavedView,
  Tier,
  TimelineEvent,
} from '@retainer/shared';
import { CLIENT_SORTS, UNMASKABLE } from '@retainer/shared';
import { api } from '../../app/api/client';

export type ClientSort = (typeof CLIENT_SORTS)[number];
export type UnmaskableField = (typeof UNMASKABLE)[number];

/** The list filters (C-9), as sent to GET /clients and kept in the URL and saved views. */
export interface ClientFilters {
  q?: string;
  kind?: ClientKind;
  status?: ClientStatus;
  grade?: Grade;
  tier?: Tier;
  industry?: string;
  region?: string;
  ownerId?: string;
  managerId?: string;
  teamId?: string;
  tag?: string;
  noContactDays?: number;
  sort?: ClientSort;
}

export interface ClientListParams extends ClientFilters {
  limit?: number;
  cursor?: string;
}

export const clientKeys = {
  all: ['clients'] as const,
  list: (params: ClientListParams) => ['clients', 'list', params] as const,
  search: (q: string) => ['clients', 'search', q] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
  sub: (id: string, what: string, params?: object) => ['clients', 'detail', id, what, params ?? {}] as const,
  views: ['saved-views', 'clients'] as const,
};

export const clientPath = (id: string) => `/v1/clients/${encodeURIComponent(id)}`;

export type Unmasked = Partial<Record<UnmaskableField, string | null>>;

export const clientsApi = {
  list: (params: ClientListParams, signal?: AbortSignal) =>
    api.get<ClientListResponse>('/v1/clients', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Client>(clientPath(id), undefined, signal),
  create: (body: ClientCreate) => api.post<Client>('/v1/clients', body),
  update: (id: string, body: ClientUpdate) => api.patch<Client>(clientPath(id), body),
  transfer: (id: string, body: { ownerId: string; managerId?: string | null; teamId?: string | null; reason?: string | null }) =>
    api.post<Client>(`${clientPath(id)}/transfer`, body),
  /** C-9: one action on up to 200 clients, each answered on its own */
  bulk: (body: ClientBulk) => api.post<ClientBulkResponse>('/v1/clients/bulk', body),
  grade: (id: string, body: { grade: Grade | null; reason: string }) => api.post<Client>(`${clientPath(id)}/grade`, body),
  status: (id: string, body: { status: 'lost' | 'dismissed' | null; reason: string }) =>
    api.post<Client>(`${clientPath(id)}/status`, body),
  unmask: (id: string, fields: UnmaskableField[]) => api.post<Unmasked>(`${clientPath(id)}/unmask`, { fields }),
  timeline: (id: string, params: { kind?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<TimelineEvent>>(`${clientPath(id)}/timeline`, { ...params }, signal),
  personnel: (id: string, params: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<PersonnelChange>>(`${clientPath(id)}/personnel-changes`, { ...params }, signal),
  accessLog: (id: string, params: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<AccessLogEntry>>(`${clientPath(id)}/access-log`, { ...params }, signal),
};

export const savedViewsApi = {
  list: (signal?: AbortSignal) => api.get<ListResponse<SavedView> | SavedView[]>('/v1/saved-views', { scope: 'clients' }, signal),
  create: (name: string, query: Record<string, string | number>) =>
    api.post<SavedView>('/v1/saved-views', { scope: 'clients', name, query }),
  remove: (id: string) => api.delete(`/v1/saved-views/${encodeURIComponent(id)}`),
};

export function useClients(params: ClientListParams) {
  return useQuery({
    queryKey: clientKeys.list(params),
    queryFn: ({ signal }) => clientsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.detail(id), queryFn: ({ signal }) => clientsApi.get(id, signal) });
}

/** Search-as-you-type (top bar, relationship picker): a few hits, visibility applied by the server. */
export function useClientSearch(q: string, limit = 8) {
  return useQuery({
    queryKey: [...clientKeys.search(q), limit],
    queryFn: ({ signal }) => clientsApi.list({ q, limit }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: clientKeys.views,
    queryFn: ({ signal }) => savedViewsApi.list(signal),
    // the list may come as {items} or as a bare array
    select: (data) => (Array.isArray(data) ? data : data.items),
    staleTime: 60_000,
  });
}
