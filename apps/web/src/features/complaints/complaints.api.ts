import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Complaint,
  ComplaintCause,
  ComplaintCreate,
  ComplaintDetail,
  ComplaintStage,
  ComplaintStats,
  ComplaintStepBody,
  ListResponse,
} from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';
import { clientKeys } from '../clients/clients.api';

/** Filters of GET /complaints, as kept in the URL. */
export interface ComplaintFilters {
  stage?: ComplaintStage;
  status?: 'open' | 'closed';
  targetUserId?: string;
  clientId?: string;
  cause?: ComplaintCause;
  from?: string;
  to?: string;
}

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (f: ComplaintFilters & { limit: number; sort?: string }) => ['complaints', 'list', f] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  stats: (range: { from?: string; to?: string }) => ['complaints', 'stats', range] as const,
};

const path = (id: string) => `/v1/complaints/${encodeURIComponent(id)}`;

export const complaintsApi = {
  list: (f: ComplaintFilters & { limit: number; sort?: string }, signal?: AbortSignal) =>
    api.get<ListResponse<Complaint>>('/v1/complaints', { ...f }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<ComplaintDetail>(path(id), undefined, signal),
  create: (body: ComplaintCreate) => api.post<ComplaintDetail>('/v1/complaints', body),
  step: (id: string, body: ComplaintStepBody) => api.post<ComplaintDetail>(`${path(id)}/steps`, body),
  setHandler: (id: string, handlerId: string | null) => apiRequest<ComplaintDetail>(`${path(id)}/handler`, { method: 'PUT', body: { handlerId } }),
  stats: (range: { from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<ComplaintStats>('/v1/complaints/stats', { ...range, by: 'lawyer' }, signal),
};

export function useComplaints(f: ComplaintFilters & { limit: number; sort?: string }, enabled = true) {
  return useQuery({
    queryKey: complaintKeys.list(f),
    queryFn: ({ signal }) => complaintsApi.list(f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useComplaint(id: string | null) {
  return useQuery({
    queryKey: complaintKeys.detail(id ?? ''),
    queryFn: ({ signal }) => complaintsApi.get(id!, signal),
    enabled: !!id,
    retry: false,
  });
}

export function useComplaintStats(range: { from?: string; to?: string }) {
  return useQuery({ queryKey: complaintKeys.stats(range), queryFn: ({ signal }) => complaintsApi.stats(range, signal), placeholderData: keepPreviousData });
}

/** After any write: the board, the stats, the detail and the client's timeline. */
function useRefresh() {
  const qc = useQueryClient();
  return (c: ComplaintDetail) => {
    qc.setQueryData(complaintKeys.detail(c.id), c);
    void qc.invalidateQueries({ queryKey: ['complaints', 'list'] });
    void qc.invalidateQueries({ queryKey: ['complaints', 'stats'] });
    void qc.invalidateQueries({ queryKey: clientKeys.detail(c.clientId) });
  };
}

export function useCreateComplaint() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: complaintsApi.create, onSuccess: refresh });
}

export function useComplaintStep(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ComplaintStepBody) => complaintsApi.step(id, body), onSuccess: refresh });
}

export function useSetHandler(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (handlerId: string | null) => complaintsApi.setHandler(id, handlerId), onSuccess: refresh });
}
