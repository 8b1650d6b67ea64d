import { Alert, Button, Loader, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { useSearchParam } from '../../lib/use-search-param';
import { AuthLayout } from '../../ui/auth-layout';
import { ErrorAlert } from '../../ui/error-alert';
import { ME_KEY } from './session';
import { SessionLanguageSwitcher } from './session-language-switcher';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token');
  const confirm = useMutation({
    mutationFn: () => api.post('/api/auth/email-verification/confirm', { token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
  const { mutate } = confirm;
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);
  return (
    <AuthLayout title={t('auth.verifyTitle')} language={<SessionLanguageSwitcher />}>
      <Stack>
        {!token ? <Alert color="yellow">{t('auth.tokenMissing')}</Alert> : null}
        {confirm.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {confirm.isSuccess ? (
          <Alert color="teal" role="status">
            {t('auth.verifyDone')}
          </Alert>
        ) : null}
        <ErrorAlert error={confirm.error} />
        <Button component={Link} to="/" variant="light">
          {t('auth.continue')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
