import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResponse, Team, TeamCreate, TeamUpdate } from '@retainer/shared';
import { api } from '../../app/api/client';

export interface TeamListParams {
  q?: string;
  limit?: number;
  cursor?: string;
}

export const teamKeys = {
  all: ['teams'] as const,
  list: (params: TeamListParams) => ['teams', 'list', params] as const,
  options: ['teams', 'options'] as const,
};

export const teamsApi = {
  list: (params: TeamListParams, signal?: AbortSignal) =>
    api.get<ListResponse<Team>>('/v1/teams', { ...params }, signal),
  create: (body: TeamCreate) => api.post<Team>('/v1/teams', body),
  update: (id: string, body: TeamUpdate) => api.patch<Team>(`/v1/teams/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.delete(`/v1/teams/${encodeURIComponent(id)}`),
};

export function useTeams(params: TeamListParams) {
  return useQuery({
    queryKey: teamKeys.list(params),
    queryFn: ({ signal }) => teamsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Teams for selects (a firm has tens of teams, not thousands). */
export function useTeamOptions() {
  return useQuery({
    queryKey: teamKeys.options,
    queryFn: ({ signal }) => teamsApi.list({ limit: 200 }, signal),
    select: (data) => data.items.map((team) => ({ value: team.id, label: team.name })),
    staleTime: 60_000,
  });
}
