import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Compliance, ComplianceGroup, TouchpointKind } from '@retainer/shared';
import { api } from '../../app/api/client';
import { careKeys } from '../care/care.api';

export interface ComplianceParams {
  from: string;
  to: string;
  groupBy: ComplianceGroup;
  kind?: TouchpointKind;
}

/** Rows per grouping; the table sorts and the chart draws them all. */
const LIMIT = 500;

export function useCompliance(p: ComplianceParams) {
  return useQuery({
    // under the touchpoints key so logging or skipping refreshes it
    queryKey: [...careKeys.all, 'compliance', p] as const,
    queryFn: ({ signal }) => api.get<Compliance>('/v1/touchpoints/compliance', { ...p, limit: LIMIT }, signal),
    placeholderData: keepPreviousData,
  });
}
