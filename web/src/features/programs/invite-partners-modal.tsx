import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormErrors } from '../../ui/use-form-errors';
import type { Program } from './types';

type Invitation = { id: string; link: string; mailed: boolean };

/**
 * Invites one person: a single-use link, mailed when an email is given and shown once here to
 * share by Zalo or SMS.
 */
export function InvitePartnersModal({ program, onClose }: { program: Program; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [form, setForm] = useState({ fullName: '', email: '', phone: '' });
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  const send = useMutation({
    mutationFn: () =>
      api.post<Invitation>(`/api/v1/programs/${program.id}/invitations`, {
        fullName: form.fullName.trim() || undefined,
        email: form.email.trim() || undefined,
        phone: form.phone.trim() || undefined,
      }),
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    send.mutate();
  };
  const again = () => {
    setForm({ fullName: '', email: '', phone: '' });
    send.reset();
  };
  return (
    <Modal opened onClose={onClose} title={t('programs.invite')}>
      {send.data ? (
        <Stack>
          <Alert color="teal">
            {send.data.mailed ? t('programs.inviteMailed') : t('programs.inviteCreated')}
          </Alert>
          <TextInput
            label={t('programs.inviteLink')}
            readOnly
            value={send.data.link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <Text size="xs" c="dimmed">
            {t('programs.inviteLinkOnce')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={again}>
              {t('programs.inviteAnother')}
            </Button>
            <CopyButton value={send.data.link}>
              {({ copied, copy }) => (
                <Button onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={errors.general} />
            <Text size="sm" c="dimmed">
              {t('programs.inviteText', { name: program.name })}
            </Text>
            <TextInput
              label={t('joinFields.fullName')}
              data-autofocus
              value={form.fullName}
              onChange={set('fullName')}
              error={errors.field('fullName')}
            />
            <TextInput
              label={t('joinFields.email')}
              type="email"
              value={form.email}
              onChange={set('email')}
              error={errors.field('email')}
            />
            <TextInput
              label={t('joinFields.phone')}
              type="tel"
              inputMode="tel"
              value={form.phone}
              onChange={set('phone')}
              error={errors.field('phone')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={send.isPending}>
                {t('programs.sendInvite')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
