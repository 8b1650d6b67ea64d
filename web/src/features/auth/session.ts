import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isLocale, setLocale } from '../../i18n';
import { ApiError, api, setCsrfToken } from '../../lib/api';
import type { Locale, Me, Permission, SignInResult } from '../../lib/types';

export const ME_KEY = ['me'] as const;

/** The signed-in person, or null when signed out (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    adoptMe(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Applies what comes with a Me: the CSRF token and the person's language. */
export function adoptMe(me: Me): void {
  setCsrfToken(me.csrfToken);
  if (isLocale(me.identity.locale)) setLocale(me.identity.locale);
}

export function useMe() {
  // retryOnMount off: a failed load must not refetch each time another component mounts (a loop when offline).
  return useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    retry: false,
    retryOnMount: false,
    staleTime: 60_000,
  });
}

/** The Me of a signed-in page (the shell guarantees it). */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe outside a signed-in page');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  return (permission) => Boolean(data?.permissions.includes(permission));
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  const setMe = (me: Me | null) => {
    if (me) adoptMe(me);
    else setCsrfToken(null);
    queryClient.setQueryData(ME_KEY, me);
  };
  return {
    setMe,
    signIn: async (path: string, body: unknown): Promise<SignInResult> => {
      const result = await api.post<SignInResult>(path, body);
      if (result.status === 'signed_in') setMe(result.me);
      return result;
    },
    verifyTwoFactor: async (code: string): Promise<SignInResult> => {
      const result = await api.post<SignInResult>('/api/auth/two-factor/verify', { code });
      if (result.status === 'signed_in') setMe(result.me);
      return result;
    },
    signOut: async (everywhere = false) => {
      await api.post(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out');
      setMe(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
    switchOrg: async (orgId: string) => {
      const me = await api.post<Me>('/api/auth/switch-org', { orgId });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      setMe(me);
    },
    /** Changes the language now and keeps it in the profile when signed in. */
    changeLocale: async (locale: Locale, signedIn: boolean) => {
      setLocale(locale);
      if (signedIn) setMe(await api.patch<Me>('/api/auth/me', { locale }));
    },
  };
}
