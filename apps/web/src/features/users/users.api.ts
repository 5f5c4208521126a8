import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResponse, Role, User, UserCreate, UserUpdate } from '@retainer/shared';
import { api } from '../../app/api/client';

export interface UserListParams {
  q?: string;
  role?: Role;
  teamId?: string;
  active?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  options: ['users', 'options'] as const,
};

const path = (id: string) => `/v1/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) =>
    api.get<ListResponse<User>>('/v1/users', { ...params }, signal),
  create: (body: UserCreate) => api.post<User>('/v1/users', body),
  update: (id: string, body: UserUpdate) => api.patch<User>(path(id), body),
  deactivate: (id: string) => api.post<User>(`${path(id)}/deactivate`),
  activate: (id: string) => api.post<User>(`${path(id)}/activate`),
  resetPassword: (id: string, password: string) => api.post<void>(`${path(id)}/reset-password`, { password }),
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Users for selects (e.g. the audit log's 操作人 filter). */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: userKeys.options,
    queryFn: ({ signal }) => usersApi.list({ limit: 200 }, signal),
    select: (data) => data.items.map((user) => ({ value: user.id, label: `${user.name} · ${user.email}` })),
    staleTime: 60_000,
    enabled,
  });
}
