import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccessLogListEntry, AccessLogListQuery, ListResponse } from '@retainer/shared';
import { api } from '../../app/api/client';

/** X-4 filters; days are YYYY-MM-DD in the firm's time zone, both ends included. */
export type AccessLogFilters = Partial<Pick<AccessLogListQuery, 'userId' | 'clientId' | 'from' | 'to' | 'action'>>;

export function useAccessLog(params: AccessLogFilters & { limit: number; cursor?: string }) {
  return useQuery({
    queryKey: ['access-log', params],
    queryFn: ({ signal }) => api.get<ListResponse<AccessLogListEntry>>('/v1/access-log', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
