import { useQuery } from '@tanstack/react-query';
import type { Settings } from '@retainer/shared';
import { api } from '../../app/api/client';

export const settingsKeys = { all: ['settings'] as const };

export const settingsApi = {
  get: (signal?: AbortSignal) => api.get<Settings>('/v1/settings', undefined, signal),
  update: (body: Partial<Settings>) => api.patch<Settings>('/v1/settings', body),
};

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.all, queryFn: ({ signal }) => settingsApi.get(signal) });
}
