import { ActionIcon, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import type { DirectoryFilters, SavedView } from './types';

/** Named directory filters: apply one, keep the current filters, remove one of your own. */
export function SavedViewsMenu({
  filters,
  onApply,
}: {
  filters: DirectoryFilters;
  onApply: (filters: DirectoryFilters) => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const views = useQuery({
    queryKey: ['saved-views'],
    queryFn: () => api.get<Page<SavedView>>('/api/v1/saved-views', { limit: 100 }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/saved-views/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['saved-views'] }),
    onError: notifyError,
  });
  const items = views.data?.items ?? [];
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />}>
            {t('partners.savedViews')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          {views.error ? <Menu.Label c="red">{t('errors.internal')}</Menu.Label> : null}
          {items.length === 0 && views.isSuccess ? (
            <Menu.Label>{t('partners.noSavedViews')}</Menu.Label>
          ) : null}
          {items.map((view) => (
            <Group key={view.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onApply(view.filters)} style={{ flex: 1 }}>
                {view.name}
                {view.shared ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('partners.shared')}
                  </Text>
                ) : null}
              </Menu.Item>
              {view.mine ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('partners.deleteView', { name: view.name })}
                  onClick={async () => {
                    if (
                      await confirm({
                        title: t('partners.deleteViewTitle'),
                        message: t('partners.deleteView', { name: view.name }),
                        confirmLabel: t('common.delete'),
                      })
                    )
                      remove.mutate(view.id);
                  }}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => setSaving(true)}>
            {t('partners.saveView')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {saving ? <SaveViewModal filters={filters} onClose={() => setSaving(false)} /> : null}
    </>
  );
}

function SaveViewModal({ filters, onClose }: { filters: DirectoryFilters; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const clean = Object.fromEntries(
        Object.entries({ ...filters, q: filters.q?.trim(), province: filters.province?.trim() }).filter(
          ([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
        ),
      );
      return api.post('/api/v1/saved-views', { name: name.trim(), filters: clean, shared });
    },
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['saved-views'] });
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
    <Modal opened onClose={onClose} title={t('partners.saveView')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('partners.viewName')}
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Checkbox
            label={t('partners.shareView')}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
