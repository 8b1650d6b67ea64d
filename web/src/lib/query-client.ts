import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** One query client per app: no retries on 4xx, a short retry on network or server errors. */
export const queryClient = new QueryClient({
  defaultOptions: {
    // 'always': fetch even when the browser says offline, so errors show instead of a spinner that waits.
    queries: {
      networkMode: 'always',
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { networkMode: 'always' },
  },
});
