import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Role } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { RoleSelect } from './role-select';

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('care_staff');
  const invite = useMutation({
    mutationFn: () => api.post('/api/v1/invitations', { email: email.trim(), role }),
    onSuccess: () => {
      notifySuccess(t('staff.invited', { email: email.trim() }));
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      setEmail('');
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    invite.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('staff.inviteTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('auth.email')}
            type="email"
            name="email"
            required
            data-autofocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.field('email')}
          />
          <RoleSelect
            label={t('staff.role')}
            name="role"
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            error={errors.field('role')}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('staff.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
