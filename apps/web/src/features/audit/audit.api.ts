import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent, ListResponse } from '@retainer/shared';
import { api } from '../../app/api/client';

export interface AuditListParams {
  entity?: string;
  entityId?: string;
  actorId?: string;
  /** YYYY-MM-DD in the firm's time zone, both ends included */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export function useAuditEvents(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit-events', params],
    queryFn: ({ signal }) => api.get<ListResponse<AuditEvent>>('/v1/audit-events', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
