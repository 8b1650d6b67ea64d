import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { listMembershipsOfIdentity } from '../orgs';
import { findPartnerByIdentity } from '../partners';
import { findIdentityByLogin } from './create-identity';
import { createSession, findLastUsedOrgId, type NewSession } from './create-session';
import { hashPassword, verifyPassword } from './password';
import { revokeSessionByToken } from './revoke-sessions';
import type { ClientInfo } from './session-cookie';
import {
  assertAccountAllowed,
  assertIpAllowed,
  recordSignInFailure,
  resetAccountFailures,
} from './sign-in-limits';

export type SignInInput = {
  app: 'staff' | 'partner';
  /** Already normalised: lower-case email or E.164 phone. */
  login: { email?: string; phone?: string };
  password: string;
  client: ClientInfo;
  /** The token of the session the browser holds now; a new sign-in replaces it. */
  previousToken?: string;
};

export type SignInOutcome = NewSession & { status: 'signed_in' | 'two_factor_required' };

/** One message for an unknown login and a wrong password: the answer never tells which. */
export const WRONG_CREDENTIALS = 'The login or the password is not correct';

let dummyHash: Promise<string> | undefined;

/**
 * Checks a login and password and opens a session in the staff or the partner app. Failures count
 * per account and per IP address; locks answer 429. Staff need an active membership, partners a
 * partner record. With two-factor sign-in on, the session waits for the code.
 */
export async function signIn(services: Services, input: SignInInput): Promise<SignInOutcome> {
  await assertIpAllowed(services, input.client.ip);
  const identity =
    input.login.email || input.login.phone ? await findIdentityByLogin(services.db, input.login) : undefined;
  const loginText = input.login.email ?? input.login.phone ?? '';
  await assertAccountAllowed(services, identity ?? { unknownLogin: loginText });

  let passwordMatches = false;
  if (identity?.passwordHash) {
    passwordMatches = await verifyPassword(identity.passwordHash, input.password);
  } else {
    // spend the same time as a real check, so timing does not reveal unknown accounts
    dummyHash ??= hashPassword('kenh-timing-equaliser');
    await verifyPassword(await dummyHash, input.password);
  }
  if (!identity || !passwordMatches) {
    await recordSignInFailure(services, {
      ip: input.client.ip,
      identityId: identity?.id,
      unknownLogin: identity ? undefined : loginText,
    });
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }

  let currentOrgId: string | null = null;
  if (input.app === 'staff') {
    const memberships = await listMembershipsOfIdentity(services, identity.id);
    if (memberships.length === 0) {
      throw new AppError('forbidden', 'This account has no access to the staff app. Partners sign in at /p.');
    }
    const lastUsed = await findLastUsedOrgId(services.db, identity.id);
    currentOrgId = memberships.find((m) => m.orgId === lastUsed)?.orgId ?? memberships[0]!.orgId;
  } else if (!(await findPartnerByIdentity(services.db, identity.id))) {
    throw new AppError('forbidden', 'This account is not a partner account. Staff sign in at /sign-in.');
  }

  const pendingSecondFactor = Boolean(identity.totpEnabledAt);
  // with a second factor owed, failures are cleared only by a correct code: re-entering the
  // password must not give another series of code guesses
  if (!pendingSecondFactor) await resetAccountFailures(services, identity);
  if (input.previousToken) await revokeSessionByToken(services, input.previousToken);
  const session = await createSession(services, services.db, {
    identityId: identity.id,
    app: input.app,
    currentOrgId,
    pendingSecondFactor,
    client: input.client,
  });
  return { ...session, status: pendingSecondFactor ? 'two_factor_required' : 'signed_in' };
}
