import { useRouterState } from '@tanstack/react-router';

/** One query-string value of the current location (e.g. `?token=`), '' when absent. */
export function useSearchParam(name: string): string {
  const searchStr = useRouterState({ select: (state) => state.location.searchStr });
  return new URLSearchParams(searchStr).get(name) ?? '';
}
