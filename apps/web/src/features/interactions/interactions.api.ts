import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CadenceReport,
  Interaction,
  InteractionCreate,
  InteractionKind,
  InteractionUpdate,
  ListResponse,
  Need,
  NeedCreate,
  NeedUpdate,
  Task,
  TaskStatus,
} from '@retainer/shared';
import { api } from '../../app/api/client';
import { clientKeys, clientPath } from '../clients/clients.api';

export interface InteractionListParams {
  clientId?: string;
  kind?: InteractionKind;
  limit?: number;
  cursor?: string;
}

export interface TaskListParams {
  status: TaskStatus;
  dueFrom?: string;
  dueTo?: string;
  limit?: number;
  cursor?: string;
}

/** What the matter picker needs of the matters list (that feature owns the full contract). */
export interface MatterOption {
  id: string;
  title: string;
  status: string;
}

export const interactionKeys = {
  all: ['interactions'] as const,
  list: (params: InteractionListParams) => ['interactions', 'list', params] as const,
  tasks: ['tasks'] as const,
  taskList: (params: TaskListParams) => ['tasks', params] as const,
  cadence: (month: string) => ['cadence', month] as const,
  // under the client's detail key, so saving anything about the client refreshes them
  needs: (clientId: string) => clientKeys.sub(clientId, 'needs'),
  matters: (clientId: string) => clientKeys.sub(clientId, 'matter-options'),
};

export const interactionsApi = {
  list: (params: InteractionListParams, signal?: AbortSignal) =>
    api.get<ListResponse<Interaction>>('/v1/interactions', { ...params }, signal),
  create: (body: InteractionCreate) => api.post<Interaction>('/v1/interactions', body),
  update: (id: string, body: InteractionUpdate) => api.patch<Interaction>(`/v1/interactions/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.delete(`/v1/interactions/${encodeURIComponent(id)}`),
  tasks: (params: TaskListParams, signal?: AbortSignal) => api.get<ListResponse<Task>>('/v1/tasks', { ...params }, signal),
  completeTask: (id: string) => api.post<Task>(`/v1/tasks/${encodeURIComponent(id)}/done`),
  needs: (clientId: string, signal?: AbortSignal) => api.get<ListResponse<Need>>(`${clientPath(clientId)}/needs`, undefined, signal),
  createNeed: (clientId: string, body: NeedCreate) => api.post<Need>(`${clientPath(clientId)}/needs`, body),
  updateNeed: (id: string, body: NeedUpdate) => api.patch<Need>(`/v1/needs/${encodeURIComponent(id)}`, body),
  cadence: (month: string, signal?: AbortSignal) => api.get<CadenceReport>('/v1/reports/cadence', { month }, signal),
  matters: (clientId: string, signal?: AbortSignal) =>
    api.get<ListResponse<MatterOption>>('/v1/matters', { clientId, limit: 100 }, signal),
};

export function useInteractions(params: InteractionListParams) {
  return useQuery({
    queryKey: interactionKeys.list(params),
    queryFn: ({ signal }) => interactionsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTasks(params: TaskListParams) {
  return useQuery({
    queryKey: interactionKeys.taskList(params),
    queryFn: ({ signal }) => interactionsApi.tasks(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useNeeds(clientId: string) {
  return useQuery({ queryKey: interactionKeys.needs(clientId), queryFn: ({ signal }) => interactionsApi.needs(clientId, signal) });
}

export function useCadence(month: string) {
  return useQuery({
    queryKey: interactionKeys.cadence(month),
    queryFn: ({ signal }) => interactionsApi.cadence(month, signal),
    placeholderData: keepPreviousData,
  });
}

/** Matters of one client for the optional matter link; only asked when the user may see matters. */
export function useMatterOptions(clientId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: interactionKeys.matters(clientId ?? ''),
    queryFn: ({ signal }) => interactionsApi.matters(clientId!, signal),
    enabled: enabled && !!clientId,
    staleTime: 60_000,
  });
}
