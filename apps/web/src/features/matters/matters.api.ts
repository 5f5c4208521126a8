import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Fee,
  FeeCreate,
  FeeList,
  ListResponse,
  Matter,
  MatterCreate,
  MatterListItem,
  MatterStatus,
  MatterTransition,
  MatterType,
  MatterUpdate,
  OpposingPartyCreate,
} from '@retainer/shared';
import { api } from '../../app/api/client';

/** The list filters (M-1), as sent to GET /matters and kept in the URL. */
export interface MatterFilters {
  q?: string;
  clientId?: string;
  status?: MatterStatus;
  type?: MatterType;
  leadLawyerId?: string;
}

export interface MatterListParams extends MatterFilters {
  limit?: number;
  cursor?: string;
}

export const matterKeys = {
  all: ['matters'] as const,
  list: (params: MatterListParams) => ['matters', 'list', params] as const,
  detail: (id: string) => ['matters', 'detail', id] as const,
  fees: (id: string, params: object) => ['matters', 'detail', id, 'fees', params] as const,
};

export const matterPath = (id: string) => `/v1/matters/${encodeURIComponent(id)}`;

export const mattersApi = {
  list: (params: MatterListParams, signal?: AbortSignal) => api.get<ListResponse<MatterListItem>>('/v1/matters', { ...params }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Matter>(matterPath(id), undefined, signal),
  create: (body: MatterCreate) => api.post<Matter>('/v1/matters', body),
  update: (id: string, body: MatterUpdate) => api.patch<Matter>(matterPath(id), body),
  transition: (id: string, body: MatterTransition) => api.post<Matter>(`${matterPath(id)}/transition`, body),
  addMember: (id: string, body: { userId: string; role: 'associate' | 'assistant' }) => api.post<Matter>(`${matterPath(id)}/members`, body),
  removeMember: (id: string, userId: string) => api.delete<Matter>(`${matterPath(id)}/members/${encodeURIComponent(userId)}`),
  addParty: (id: string, body: OpposingPartyCreate) => api.post<Matter>(`${matterPath(id)}/opposing-parties`, body),
  removeParty: (id: string, partyId: string) => api.delete<Matter>(`${matterPath(id)}/opposing-parties/${encodeURIComponent(partyId)}`),
  fees: (id: string, params: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api.get<FeeList>(`${matterPath(id)}/fees`, { ...params }, signal),
  addFee: (id: string, body: FeeCreate) => api.post<Fee>(`${matterPath(id)}/fees`, body),
  removeFee: (id: string, feeId: string) => api.delete(`${matterPath(id)}/fees/${encodeURIComponent(feeId)}`),
};

export function useMatters(params: MatterListParams, enabled = true) {
  return useQuery({
    queryKey: matterKeys.list(params),
    queryFn: ({ signal }) => mattersApi.list(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMatter(id: string) {
  return useQuery({ queryKey: matterKeys.detail(id), queryFn: ({ signal }) => mattersApi.get(id, signal) });
}

export function useFees(id: string, params: { limit: number; cursor?: string | undefined }) {
  return useQuery({
    queryKey: matterKeys.fees(id, params),
    queryFn: ({ signal }) => mattersApi.fees(id, { limit: params.limit, ...(params.cursor ? { cursor: params.cursor } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
}
