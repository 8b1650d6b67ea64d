import { Alert, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { InvitationPreview } from '../../lib/types';
import { useSearchParam } from '../../lib/use-search-param';
import { AuthLayout } from '../../ui/auth-layout';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { useSessionActions } from './session';
import { SessionLanguageSwitcher } from './session-language-switcher';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token');
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/auth/invitations/${encodeURIComponent(token)}`),
    enabled: Boolean(token),
  });
  return (
    <AuthLayout title={t('invite.acceptTitle')} language={<SessionLanguageSwitcher />}>
      {!token ? <Alert color="yellow">{t('auth.tokenMissing')}</Alert> : null}
      {preview.isLoading ? <PageLoader /> : null}
      <ErrorAlert error={preview.error} />
      {preview.data ? <AcceptForm token={token} invitation={preview.data} /> : null}
    </AuthLayout>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSessionActions();
  const errors = useFormErrors();
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const open = invitation.status === 'pending';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      const accepted = await api.post<{ orgId: string; email: string }>('/api/auth/invitations/accept', {
        token,
        password,
        ...(invitation.accountExists ? {} : { fullName: fullName.trim() }),
      });
      const result = await session.signIn('/api/auth/sign-in', { email: accepted.email, password });
      if (result.status !== 'signed_in') {
        await navigate({ to: '/sign-in' });
        return;
      }
      if (result.me.currentOrg?.id !== accepted.orgId) await session.switchOrg(accepted.orgId);
      await navigate({ to: '/' });
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Stack gap={6} data-testid="invitation-summary">
          <Text>{t('invite.joinOrg', { org: invitation.orgName })}</Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('invite.asRole')}
            </Text>
            <Badge variant="light">{t(`roles.${invitation.role}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {invitation.email}
            {invitation.inviterName ? ` · ${t('invite.invitedBy', { name: invitation.inviterName })}` : ''}
          </Text>
        </Stack>
        {!open ? <Alert color="yellow">{t('invite.notOpen')}</Alert> : null}
        <ErrorAlert error={errors.general} />
        {open && !invitation.accountExists ? (
          <TextInput
            label={t('account.fullName')}
            name="fullName"
            autoComplete="name"
            required
            autoFocus
            value={fullName}
            onChange={(event) => setFullName(event.currentTarget.value)}
            error={errors.field('fullName')}
          />
        ) : null}
        {open ? (
          <PasswordInput
            label={invitation.accountExists ? t('auth.password') : t('auth.choosePassword')}
            description={invitation.accountExists ? t('invite.existingAccount') : t('auth.passwordRule')}
            name="password"
            autoComplete={invitation.accountExists ? 'current-password' : 'new-password'}
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.field('password')}
          />
        ) : null}
        {open ? (
          <Button type="submit" loading={busy} fullWidth>
            {t('invite.accept')}
          </Button>
        ) : (
          <Button component={Link} to="/sign-in" variant="light">
            {t('auth.signIn')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
