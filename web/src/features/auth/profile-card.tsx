import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES } from '../../i18n';
import { api } from '../../lib/api';
import type { Me } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { useSessionActions, useSignedInMe } from './session';

export function ProfileCard() {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const session = useSessionActions();
  const errors = useFormErrors();
  const [fullName, setFullName] = useState(me.identity.fullName);
  const [locale, setLocale] = useState(isLocale(me.identity.locale) ? me.identity.locale : i18n.language);
  const save = useMutation({
    mutationFn: () => api.patch<Me>('/api/auth/me', { fullName: fullName.trim(), locale }),
    onSuccess: (updated) => {
      session.setMe(updated);
      notifySuccess(t('common.saved'));
    },
    onError: errors.set,
  });
  const verify = useMutation({
    mutationFn: () => api.post('/api/auth/email-verification/request'),
    onSuccess: () => notifySuccess(t('account.verificationSent')),
    onError: notifyError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    save.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h4" mb="md">
        {t('account.profile')}
      </Title>
      <Stack>
        <ErrorAlert error={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('account.fullName')}
            autoComplete="name"
            required
            value={fullName}
            onChange={(event) => setFullName(event.currentTarget.value)}
            error={errors.field('fullName')}
          />
          <Select
            label={t('account.language')}
            allowDeselect={false}
            data={LOCALES}
            value={locale}
            onChange={(value) => value && setLocale(value)}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Text size="sm">{me.identity.email ?? me.identity.phone}</Text>
          {me.identity.email ? (
            me.identity.emailVerified ? (
              <Badge color="teal" variant="light">
                {t('account.emailVerified')}
              </Badge>
            ) : (
              <>
                <Badge color="yellow" variant="light">
                  {t('account.emailUnverified')}
                </Badge>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => verify.mutate()}
                  loading={verify.isPending}
                >
                  {t('account.sendVerification')}
                </Button>
              </>
            )
          ) : null}
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
