import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 10_000,
      // Client errors (403, 404, …) won't fix themselves; retry only network and 5xx.
      retry: (count, err) =>
        !(err instanceof ApiRequestError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});
