import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BreachReport,
  BreachReportQuery,
  CommitmentCreate,
  RequestCreate,
  RequestListQuery,
  RequestMilestone,
  RequestUpdate,
  ServiceRequest,
  ServiceRequestDetail,
  ServiceRequestList,
} from '@retainer/shared';
import { api } from '../../app/api/client';

export type RequestFilters = Partial<Omit<RequestListQuery, 'limit' | 'cursor'>>;

export const requestKeys = {
  all: ['requests'] as const,
  list: (f: RequestFilters, cursor: string | undefined, limit: number) => ['requests', 'list', f, cursor, limit] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  nearBreach: ['requests', 'near-breach'] as const,
  breaches: (q: BreachReportQuery) => ['requests', 'breaches', q] as const,
};

const path = (id: string, action?: string) => `/v1/requests/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const requestsApi = {
  list: (f: RequestFilters, limit: number, cursor?: string, signal?: AbortSignal) =>
    api.get<ServiceRequestList>('/v1/requests', { ...f, limit, cursor }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<ServiceRequestDetail>(path(id), undefined, signal),
  create: (body: RequestCreate) => api.post<ServiceRequestDetail>('/v1/requests', body),
  update: (id: string, body: RequestUpdate) => api.patch<ServiceRequestDetail>(path(id), body),
  reply: (id: string, body: RequestMilestone) => api.post<ServiceRequestDetail>(path(id, 'reply'), body),
  opinion: (id: string, body: RequestMilestone) => api.post<ServiceRequestDetail>(path(id, 'opinion'), body),
  commit: (id: string, body: CommitmentCreate) => api.post<ServiceRequestDetail>(path(id, 'commitments'), body),
  close: (id: string, note?: string) => api.post<ServiceRequestDetail>(path(id, 'close'), { note: note ?? null }),
  reopen: (id: string) => api.post<ServiceRequestDetail>(path(id, 'reopen'), {}),
  nearBreach: (signal?: AbortSignal) => api.get<{ items: ServiceRequest[] }>('/v1/requests/near-breach', undefined, signal),
  breaches: (q: BreachReportQuery, signal?: AbortSignal) => api.get<BreachReport>('/v1/requests/breaches', q, signal),
};

export function useRequests(filters: RequestFilters, limit: number, cursor: string | undefined) {
  return useQuery({
    queryKey: requestKeys.list(filters, cursor, limit),
    queryFn: ({ signal }) => requestsApi.list(filters, limit, cursor, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useRequest(id: string | null) {
  return useQuery({
    queryKey: requestKeys.detail(id ?? ''),
    queryFn: ({ signal }) => requestsApi.get(id!, signal),
    enabled: !!id,
  });
}

/** S-4 for My day: my open requests in warning or breached state, soonest due first. */
export function useNearBreachRequests() {
  return useQuery({ queryKey: requestKeys.nearBreach, queryFn: ({ signal }) => requestsApi.nearBreach(signal), refetchInterval: 60_000 });
}

export function useBreachReport(q: BreachReportQuery) {
  return useQuery({ queryKey: requestKeys.breaches(q), queryFn: ({ signal }) => requestsApi.breaches(q, signal), placeholderData: keepPreviousData });
}

/** Any write: the detail is replaced by the answer, every list is refreshed. */
export function useRequestMutation<A>(fn: (args: A) => Promise<ServiceRequestDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(requestKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
      void qc.invalidateQueries({ queryKey: requestKeys.nearBreach });
      void qc.invalidateQueries({ queryKey: ['requests', 'breaches'] });
    },
  });
}
