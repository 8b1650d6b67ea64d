import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormErrors } from '../../ui/use-form-errors';

/** Asks for a reset link; always answers the same, whether the address exists or not. */
export function RequestResetForm({ app, signInTo }: { app: 'staff' | 'partner'; signInTo: string }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      await api.post('/api/auth/password-reset/request', { email: email.trim(), app });
      setSent(true);
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
    }
  };
  if (sent)
    return (
      <Stack>
        <Alert color="teal" role="status">
          {t('auth.resetSent', { email })}
        </Alert>
        <Anchor component={Link} to={signInTo}>
          {t('auth.backToSignIn')}
        </Anchor>
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.field('email')}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('auth.sendResetLink')}
        </Button>
        <Anchor component={Link} to={signInTo} size="sm" ta="center">
          {t('auth.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}

/** Sets a new password with the token from the mail. */
export function ConfirmResetForm({ token, signInTo }: { token: string; signInTo: string }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && repeat !== password;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    errors.clear();
    try {
      await api.post('/api/auth/password-reset/confirm', { token, password });
      setDone(true);
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <Stack>
        <Alert color="teal" role="status">
          {t('auth.resetDone')}
        </Alert>
        <Button component={Link} to={signInTo}>
          {t('auth.signIn')}
        </Button>
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={errors.general} />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.passwordRule')}
          name="password"
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.field('password')}
        />
        <PasswordInput
          label={t('auth.repeatPassword')}
          name="repeat"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          error={mismatch ? t('auth.passwordMismatch') : undefined}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('auth.setPassword')}
        </Button>
      </Stack>
    </form>
  );
}
