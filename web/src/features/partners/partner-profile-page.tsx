import { Button, Group, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { PartnerBankForm } from './partner-bank-form';
import { PartnerPrivacyCard } from './partner-privacy-card';

export type MyProfile = {
  fullName: string;
  phone: string | null;
  email: string | null;
  province: string | null;
  socialLinks: string[];
  bank: {
    bankBin: string | null;
    bankName?: string | null;
    accountMasked: string | null;
    holderName?: string | null;
  } | null;
};

/** The partner's own details: profile, bank account for payouts, their data and erasure. */
export function PartnerProfilePage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Title order={1} size="h2">
            {t('partnerApp.profileTitle')}
          </Title>
          <ProfileSections />
          <PartnerPrivacyCard />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function ProfileSections() {
  const profile = useQuery({
    queryKey: ['my-profile'],
    queryFn: () => api.get<MyProfile>('/api/me/profile'),
  });
  if (profile.isLoading) return <PageLoader />;
  if (!profile.data) return <ErrorAlert error={profile.error} />;
  return (
    <>
      <ProfileForm profile={profile.data} />
      <PartnerBankForm />
    </>
  );
}

function ProfileForm({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [fullName, setFullName] = useState(profile.fullName);
  const [province, setProvince] = useState(profile.province ?? '');
  const [socialLinks, setSocialLinks] = useState(profile.socialLinks);
  const save = useMutation({
    mutationFn: () =>
      api.patch<MyProfile>('/api/me/profile', {
        fullName: fullName.trim(),
        province: province.trim() || null,
        socialLinks,
      }),
    onSuccess: (saved) => {
      notifySuccess(t('common.saved'));
      if (saved && typeof saved === 'object' && 'fullName' in saved)
        queryClient.setQueryData(['my-profile'], saved);
      else void queryClient.invalidateQueries({ queryKey: ['my-profile'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    save.mutate();
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="profile-heading"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="profile-heading">
          {t('partners.profile')}
        </Title>
        <ErrorAlert error={errors.general} />
        <TextInput
          label={t('joinFields.fullName')}
          required
          value={fullName}
          onChange={(event) => setFullName(event.currentTarget.value)}
          error={errors.field('fullName')}
        />
        <Group grow>
          <div>
            <Text size="xs" c="dimmed">
              {t('joinFields.phone')}
            </Text>
            <Text size="sm">{profile.phone ?? '—'}</Text>
          </div>
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('joinFields.email')}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {profile.email ?? '—'}
            </Text>
          </div>
        </Group>
        <TextInput
          label={t('joinFields.province')}
          value={province}
          onChange={(event) => setProvince(event.currentTarget.value)}
          error={errors.field('province')}
        />
        <TagsInput
          label={t('joinFields.socialLinks')}
          description={t('partnerApp.socialHint')}
          value={socialLinks}
          onChange={setSocialLinks}
          error={errors.field('socialLinks')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
