import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { StaffGroup } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';

/** Creates a group, or renames/redescribes one when `group` is given. */
export function GroupFormModal({
  opened,
  group,
  onClose,
}: {
  opened: boolean;
  group: StaffGroup | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { clear } = errors;
  useEffect(() => {
    if (!opened) return;
    setName(group?.name ?? '');
    setDescription(group?.description ?? '');
    clear();
  }, [opened, group, clear]);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim() || null };
      return group
        ? api.patch(`/api/v1/staff-groups/${group.id}`, body)
        : api.post('/api/v1/staff-groups', body);
    },
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['staff-groups'] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={group ? t('groups.editTitle') : t('groups.create')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('groups.name')}
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.field('name')}
          />
          <Textarea
            label={t('groups.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.field('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
