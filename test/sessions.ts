import { generate } from 'otplib';
import type { Me } from '../server/src/modules/auth';
import type { TestEnv } from './harness';

/** A signed-in browser for `env.app.request`: its cookie, CSRF token and Me. */
export type TestSession = {
  cookie: string;
  csrfToken: string;
  me: Me;
  /** Cookie, CSRF token and JSON content type, plus any extra headers. */
  headers: (extra?: Record<string, string>) => Record<string, string>;
};

export type SignInOptions = {
  /** The caller's address (X-Forwarded-For); give each test its own to keep per-IP limits apart. */
  ip?: string;
  /** The TOTP secret of an account with two-factor sign-in: the code is generated and verified. */
  totpSecret?: string;
};

/** `kenh_session=…` from a response's Set-Cookie header, or undefined. */
export function sessionCookieOf(response: Response): string | undefined {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)(kenh_session=[^;]*)/.exec(header);
  return match?.[1] && match[1] !== 'kenh_session=' ? match[1] : undefined;
}

/** Sends a JSON request as a session (or anonymously), the way the web app does. */
export function requestJson(
  env: TestEnv,
  method: string,
  path: string,
  options: { session?: TestSession; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers = options.session
    ? options.session.headers(options.headers)
    : { 'content-type': 'application/json', ...options.headers };
  return env.app.request(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

async function signIn(
  env: TestEnv,
  path: string,
  body: unknown,
  options: SignInOptions,
): Promise<TestSession> {
  const ipHeader: Record<string, string> = options.ip ? { 'x-forwarded-for': options.ip } : {};
  let response = await requestJson(env, 'POST', path, { body, headers: ipHeader });
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  let cookie = sessionCookieOf(response);
  let result = (await response.json()) as { status: string; me?: Me };
  if (result.status === 'two_factor_required') {
    if (!options.totpSecret) throw new Error('Sign-in needs a two-factor code: pass totpSecret');
    const epoch = Math.floor(env.clock.now().getTime() / 1000);
    const code = await generate({ secret: options.totpSecret, epoch });
    response = await requestJson(env, 'POST', '/api/auth/two-factor/verify', {
      body: { code },
      headers: { ...ipHeader, cookie: cookie ?? '' },
    });
    if (response.status !== 200) throw new Error(`Code refused: ${response.status} ${await response.text()}`);
    cookie = sessionCookieOf(response);
    result = (await response.json()) as { status: string; me?: Me };
  }
  if (!cookie || !result.me) throw new Error('Sign-in answered without a session cookie');
  const me = result.me;
  const sessionCookie = cookie;
  return {
    cookie: sessionCookie,
    csrfToken: me.csrfToken,
    me,
    headers: (extra = {}) => ({
      cookie: sessionCookie,
      'x-csrf-token': me.csrfToken,
      'content-type': 'application/json',
      ...ipHeader,
      ...extra,
    }),
  };
}

/** Signs in to the staff app (POST /api/auth/sign-in). */
export function signInStaff(env: TestEnv, email: string, password: string, options: SignInOptions = {}) {
  return signIn(env, '/api/auth/sign-in', { email, password }, options);
}

/** Signs in to the partner app with a phone number or email (POST /api/auth/partner/sign-in). */
export function signInPartner(env: TestEnv, login: string, password: string, options: SignInOptions = {}) {
  return signIn(env, '/api/auth/partner/sign-in', { login, password }, options);
}
