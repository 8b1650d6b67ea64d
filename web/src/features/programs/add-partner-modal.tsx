import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import type { Program } from './types';

type Added = { partnerId?: string; partner?: { id: string }; enrollment?: { partnerId?: string } };

/** Staff enroll a partner by hand: identity fields and an optional upline referral code. */
export function AddPartnerModal({ program, onClose }: { program: Program; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [form, setForm] = useState({ fullName: '', phone: '', email: '', uplineCode: '' });
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  const add = useMutation({
    mutationFn: () =>
      api.post<Added>(`/api/v1/programs/${program.id}/partners`, {
        fullName: form.fullName.trim(),
        phone: form.phone.trim() || undefined,
        email: form.email.trim() || undefined,
        uplineReferralCode: form.uplineCode.trim() || undefined,
      }),
    onSuccess: (added) => {
      notifySuccess(t('programs.partnerAdded'));
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      onClose();
      const id = added.partnerId ?? added.partner?.id ?? added.enrollment?.partnerId;
      if (id) void navigate({ to: `/partners/${id}` });
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    add.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('programs.addPartner')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('joinFields.fullName')}
            required
            data-autofocus
            value={form.fullName}
            onChange={set('fullName')}
            error={errors.field('fullName')}
          />
          <TextInput
            label={t('joinFields.phone')}
            type="tel"
            inputMode="tel"
            value={form.phone}
            onChange={set('phone')}
            error={errors.field('phone')}
          />
          <TextInput
            label={t('joinFields.email')}
            type="email"
            value={form.email}
            onChange={set('email')}
            error={errors.field('email')}
          />
          <TextInput
            label={t('programs.uplineCode')}
            value={form.uplineCode}
            onChange={set('uplineCode')}
            error={errors.field('uplineReferralCode')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('programs.addPartner')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
