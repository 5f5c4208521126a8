import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassificationSummary, ClientClassification, RecomputeResult, Tier } from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';
import { clientKeys, clientPath } from '../clients/clients.api';

export const classificationKeys = {
  summary: ['classification', 'summary'] as const,
  client: (id: string) => clientKeys.sub(id, 'classification'),
};

export const classificationApi = {
  summary: (signal?: AbortSignal) => api.get<ClassificationSummary>('/v1/classification/summary', undefined, signal),
  client: (id: string, signal?: AbortSignal) => api.get<ClientClassification>(`${clientPath(id)}/classification`, undefined, signal),
  setTier: (id: string, body: { tier: Tier | null; reason?: string }) =>
    apiRequest<ClientClassification>(`${clientPath(id)}/tier`, { method: 'PUT', body }),
  recompute: (clientIds?: string[]) => api.post<RecomputeResult>('/v1/classification/recompute', clientIds ? { clientIds } : {}),
};

export function useClassificationSummary() {
  return useQuery({ queryKey: classificationKeys.summary, queryFn: ({ signal }) => classificationApi.summary(signal) });
}

export function useClientClassification(id: string) {
  return useQuery({ queryKey: classificationKeys.client(id), queryFn: ({ signal }) => classificationApi.client(id, signal) });
}

/** After a recompute every client's tags may have moved: lists, pages and the summary reload. */
export function useRecompute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => classificationApi.recompute(),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['classification'] });
      void qc.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
}

export function useSetTier(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { tier: Tier | null; reason?: string }) => classificationApi.setTier(id, body),
    onSuccess: (data) => {
      qc.setQueryData(classificationKeys.client(id), data);
      void qc.invalidateQueries({ queryKey: clientKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: classificationKeys.summary });
    },
  });
}
