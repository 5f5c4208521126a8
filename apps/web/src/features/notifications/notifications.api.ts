import { useQuery } from '@tanstack/react-query';
import type { ListResponse, Notification } from '@retainer/shared';
import { api } from '../../app/api/client';

export const notificationKeys = { all: ['notifications'] as const };

export const notificationsApi = {
  list: (signal?: AbortSignal) =>
    api.get<ListResponse<Notification> & { unread: number }>('/v1/notifications', { limit: 20 }, signal),
  read: (id: string) => api.post<void>(`/v1/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<void>('/v1/notifications/read-all'),
};

/** P-10 in-app notifications; polled so the badge stays current without a socket. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => notificationsApi.list(signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}
