import { Alert, Badge, Button, Card, Code, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { ME_KEY, useSignedInMe } from './session';

type Setup = { secret: string; otpauthUrl: string; qrSvg: string };

/** TOTP: start setup (QR + secret), confirm with a code to enable; disable with a code. */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const enabled = me.identity.twoFactorEnabled;
  const done = (message: string) => {
    setSetup(null);
    setCode('');
    notifySuccess(message);
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
  const start = useMutation({
    mutationFn: () => api.post<Setup>('/api/auth/two-factor/setup'),
    onSuccess: setSetup,
  });
  const enable = useMutation({
    mutationFn: () => api.post('/api/auth/two-factor/enable', { code: code.trim() }),
    onSuccess: () => done(t('account.twoFactorEnabledNow')),
  });
  const disable = useMutation({
    mutationFn: () => api.post('/api/auth/two-factor/disable', { code: code.trim() }),
    onSuccess: () => done(t('account.twoFactorDisabledNow')),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (enabled) disable.mutate();
    else enable.mutate();
  };
  const codeInput = (
    <TextInput
      label={t('auth.twoFactorCode')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={8}
      required
      value={code}
      onChange={(event) => setCode(event.currentTarget.value)}
      w={{ base: '100%', xs: 220 }}
    />
  );
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('account.twoFactor')}
        </Title>
        <Badge color={enabled ? 'teal' : 'gray'} variant="light">
          {enabled ? t('account.on') : t('account.off')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.twoFactorText')}
      </Text>
      {me.twoFactorSetupRequired && !enabled ? (
        <Alert color="yellow" mb="md">
          {t('shell.twoFactorRequired')}
        </Alert>
      ) : null}
      <ErrorAlert error={start.error ?? enable.error ?? disable.error} />
      {!enabled && !setup ? (
        <Button onClick={() => start.mutate()} loading={start.isPending} mt="xs">
          {t('account.setUpTwoFactor')}
        </Button>
      ) : null}
      {!enabled && setup ? (
        <form onSubmit={submit} noValidate>
          <Stack mt="xs">
            <Text size="sm">{t('account.scanQr')}</Text>
            <Image
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
              alt={t('account.qrAlt')}
              w={180}
              h={180}
              bg="white"
              p={6}
              radius="sm"
            />
            <Text size="xs" c="dimmed">
              {t('account.manualSecret')} <Code>{setup.secret}</Code>
            </Text>
            <Group align="flex-end">
              {codeInput}
              <Button type="submit" loading={enable.isPending}>
                {t('account.enable')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {enabled ? (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" mt="xs">
            {codeInput}
            <Button type="submit" color="red" variant="light" loading={disable.isPending}>
              {t('account.disable')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Card>
  );
}
