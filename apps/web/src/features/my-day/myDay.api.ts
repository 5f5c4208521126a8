import { useQuery } from '@tanstack/react-query';
import type { MyDay } from '@retainer/shared';
import { api } from '../../app/api/client';
import { careKeys } from '../care/care.api';

// Under the touchpoints key: logging or skipping a touchpoint (care's useTouchpointActions)
// invalidates careKeys.all, which refetches My day too.
export const myDayKey = [...careKeys.all, 'my-day'] as const;

export function useMyDay() {
  return useQuery({
    queryKey: myDayKey,
    queryFn: ({ signal }) => api.get<MyDay>('/v1/my-day', undefined, signal),
    refetchOnWindowFocus: true,
  });
}
