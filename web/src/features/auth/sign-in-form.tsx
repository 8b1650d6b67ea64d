import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormErrors } from '../../ui/use-form-errors';
import { useSessionActions } from './session';

type Props = {
  /** 'staff' signs in with email; 'partner' with phone number or email. */
  app: 'staff' | 'partner';
  forgotTo: string;
  onSignedIn: (me: Me) => void;
};

/** Email/phone + password, then a 2FA code when the account asks for one. */
export function SignInForm({ app, forgotTo, onSignedIn }: Props) {
  const { t } = useTranslation();
  const session = useSessionActions();
  const errors = useFormErrors();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      const result =
        step === 'code'
          ? await session.verifyTwoFactor(code.trim())
          : app === 'staff'
            ? await session.signIn('/api/auth/sign-in', { email: login.trim(), password })
            : await session.signIn('/api/auth/partner/sign-in', { login: login.trim(), password });
      if (result.status === 'signed_in') onSignedIn(result.me);
      else setStep('code');
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={errors.general} />
        {step === 'password' ? (
          <>
            <TextInput
              label={app === 'staff' ? t('auth.email') : t('auth.phoneOrEmail')}
              name={app === 'staff' ? 'email' : 'login'}
              type={app === 'staff' ? 'email' : 'text'}
              inputMode={app === 'staff' ? 'email' : 'text'}
              autoComplete="username"
              required
              autoFocus
              value={login}
              onChange={(event) => setLogin(event.currentTarget.value)}
              error={errors.field(app === 'staff' ? 'email' : 'login')}
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.field('password')}
            />
            <Group justify="flex-end">
              <Anchor component={Link} to={forgotTo} size="sm">
                {t('auth.forgotPassword')}
              </Anchor>
            </Group>
          </>
        ) : (
          <TextInput
            label={t('auth.twoFactorCode')}
            description={t('auth.twoFactorHint')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.field('code')}
          />
        )}
        <Button type="submit" loading={busy} fullWidth size="md">
          {step === 'code' ? t('auth.verify') : t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
