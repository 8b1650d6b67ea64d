import { Button, Card, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Org } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { ME_KEY, useCan } from '../auth/session';

const CURRENCIES = ['VND', 'THB', 'USD'];
const TIME_ZONES = [
  'Asia/Ho_Chi_Minh',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Jakarta',
  'Asia/Manila',
  'UTC',
];

export function OrgSettingsPage() {
  const { t } = useTranslation();
  const org = useQuery({ queryKey: ['org'], queryFn: () => api.get<Org>('/api/v1/org') });
  return (
    <>
      <PageHeader title={t('orgs.settingsTitle')} description={t('orgs.settingsText')} />
      {org.isLoading ? <PageLoader /> : null}
      <ErrorAlert error={org.error} />
      {org.data ? <OrgForm org={org.data} /> : null}
    </>
  );
}

function OrgForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('org.update');
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [draft, setDraft] = useState(org);
  useEffect(() => setDraft(org), [org]);
  const save = useMutation({
    mutationFn: (changes: Partial<Org>) => api.patch<Org>('/api/v1/org', changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(['org'], saved);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifySuccess(t('common.saved'));
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    save.mutate({
      name: draft.name.trim(),
      slug: draft.slug.trim(),
      currency: draft.currency,
      locale: draft.locale,
      timeZone: draft.timeZone,
      requireTwoFactor: draft.requireTwoFactor,
    });
  };
  const set = <K extends keyof Org>(key: K, value: Org[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('orgs.name')}
            required
            readOnly={!editable}
            value={draft.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.field('name')}
          />
          <TextInput
            label={t('orgs.slug')}
            description={t('orgs.slugHint')}
            required
            readOnly={!editable}
            value={draft.slug}
            onChange={(event) => set('slug', event.currentTarget.value)}
            error={errors.field('slug')}
          />
          <Select
            label={t('orgs.currency')}
            data={CURRENCIES.includes(draft.currency) ? CURRENCIES : [...CURRENCIES, draft.currency]}
            readOnly={!editable}
            allowDeselect={false}
            value={draft.currency}
            onChange={(value) => value && set('currency', value)}
            error={errors.field('currency')}
          />
          <Select
            label={t('orgs.locale')}
            data={['vi', 'en', 'th'].map((value) => ({ value, label: t(`locales.${value}`) }))}
            readOnly={!editable}
            allowDeselect={false}
            value={draft.locale}
            onChange={(value) => value && set('locale', value)}
            error={errors.field('locale')}
          />
          <Select
            label={t('orgs.timeZone')}
            data={TIME_ZONES.includes(draft.timeZone) ? TIME_ZONES : [...TIME_ZONES, draft.timeZone]}
            searchable
            readOnly={!editable}
            allowDeselect={false}
            value={draft.timeZone}
            onChange={(value) => value && set('timeZone', value)}
            error={errors.field('timeZone')}
          />
        </SimpleGrid>
        <Switch
          label={t('orgs.requireTwoFactor')}
          description={t('orgs.requireTwoFactorHint')}
          disabled={!editable}
          checked={draft.requireTwoFactor}
          onChange={(event) => set('requireTwoFactor', event.currentTarget.checked)}
        />
        {editable ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
