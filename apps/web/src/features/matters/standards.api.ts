import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AdverseEventCreate,
  FirmStandard,
  ListResponse,
  Standard,
  StandardComplete,
  StandardKind,
  StandardList,
  StandardStatus,
} from '@retainer/shared';
import { api } from '../../app/api/client';
import { matterPath } from './matters.api';

/** Filters of the firm-wide list (M-4), as sent to GET /service-standards and kept in the URL. */
export interface FirmStandardsParams {
  status?: StandardStatus;
  kind?: StandardKind;
  assigneeId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export const standardKeys = {
  all: ['standards'] as const,
  matter: (id: string) => ['standards', 'matter', id] as const,
  firm: (params: FirmStandardsParams) => ['standards', 'firm', params] as const,
};

export const standardsApi = {
  ofMatter: (id: string, signal?: AbortSignal) => api.get<StandardList>(`${matterPath(id)}/standards`, undefined, signal),
  complete: (matterId: string, id: string, body: StandardComplete) =>
    api.post<Standard>(`${matterPath(matterId)}/standards/${encodeURIComponent(id)}/complete`, body),
  recordAdverse: (matterId: string, body: AdverseEventCreate) => api.post<Standard>(`${matterPath(matterId)}/adverse-events`, body),
  firm: (params: FirmStandardsParams, signal?: AbortSignal) => api.get<ListResponse<FirmStandard>>('/v1/service-standards', { ...params }, signal),
};

export function useMatterStandards(id: string) {
  return useQuery({ queryKey: standardKeys.matter(id), queryFn: ({ signal }) => standardsApi.ofMatter(id, signal) });
}

export function useFirmStandards(params: FirmStandardsParams) {
  return useQuery({ queryKey: standardKeys.firm(params), queryFn: ({ signal }) => standardsApi.firm(params, signal), placeholderData: keepPreviousData });
}
