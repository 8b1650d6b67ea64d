import {
  ActionIcon,
  Badge,
  Button,
  ColorSwatch,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCan } from '../auth/session';
import type { PartnerGroup, Tag } from './types';

const COLORS = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'];
type Kind = 'groups' | 'tags';
type Item = { id: string; name: string; description?: string; color?: string; enrollmentCount?: number };
const PATHS: Record<Kind, string> = { groups: '/api/v1/partner-groups', tags: '/api/v1/partner-tags' };
const KEYS: Record<Kind, string> = { groups: 'partner-groups', tags: 'partner-tags' };

/** Partner groups (tiers) and tags: create, rename, remove. Applying them is in the directory. */
export function GroupsTagsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('partnerGroups.title')} description={t('partnerGroups.text')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ItemList kind="groups" />
        <ItemList kind="tags" />
      </SimpleGrid>
    </>
  );
}

function ItemList({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const can = useCan();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const list = useQuery({
    queryKey: [KEYS[kind]],
    queryFn: () => api.get<Page<PartnerGroup | Tag>>(PATHS[kind], { limit: 100 }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${PATHS[kind]}/${id}`),
    onSuccess: () => {
      notifySuccess(t('partnerGroups.deleted'));
      void queryClient.invalidateQueries({ queryKey: [KEYS[kind]] });
    },
    onError: notifyError,
  });
  const manage = can('partners.manage');
  const items = (list.data?.items ?? []) as Item[];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${kind}-heading`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={`${kind}-heading`}>
          {t(`partnerGroups.${kind}`)}
        </Title>
        {manage ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t(`partnerGroups.create.${kind}`)}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <PageLoader /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`partnerGroups.empty.${kind}`)}
        </Text>
      ) : null}
      <Stack gap={4}>
        {items.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" py={4}>
            <div>
              {kind === 'tags' ? (
                <Badge color={item.color} variant="light" tt="none">
                  {item.name}
                </Badge>
              ) : (
                <Text size="sm" fw={600}>
                  {item.name}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {[item.description, t('partnerGroups.count', { count: item.enrollmentCount ?? 0 })]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            {manage ? (
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('partnerGroups.rename', { name: item.name })}
                  onClick={() => setEditing(item)}
                >
                  <IconEdit size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('partnerGroups.delete', { name: item.name })}
                  onClick={async () => {
                    if (
                      await confirm({
                        title: t('partnerGroups.deleteTitle'),
                        message: t('partnerGroups.deleteConfirm', { name: item.name }),
                        confirmLabel: t('common.delete'),
                      })
                    )
                      remove.mutate(item.id);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ) : null}
          </Group>
        ))}
      </Stack>
      {editing ? (
        <ItemModal kind={kind} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Paper>
  );
}

function ItemModal({ kind, item, onClose }: { kind: Kind; item: Item | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState(item?.name ?? '');
  const [extra, setExtra] = useState(kind === 'groups' ? (item?.description ?? '') : (item?.color ?? 'blue'));
  const save = useMutation({
    mutationFn: () => {
      const body =
        kind === 'groups'
          ? { name: name.trim(), description: extra.trim() }
          : { name: name.trim(), color: extra };
      return item ? api.patch(`${PATHS[kind]}/${item.id}`, body) : api.post(PATHS[kind], body);
    },
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: [KEYS[kind]] });
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
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
    <Modal
      opened
      onClose={onClose}
      title={item ? t('partnerGroups.renameTitle') : t(`partnerGroups.create.${kind}`)}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('partnerGroups.name')}
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.field('name')}
          />
          {kind === 'groups' ? (
            <TextInput
              label={t('groups.description')}
              value={extra}
              onChange={(event) => setExtra(event.currentTarget.value)}
            />
          ) : (
            <Select
              label={t('partnerGroups.color')}
              allowDeselect={false}
              value={extra}
              onChange={(value) => setExtra(value ?? 'gray')}
              data={COLORS}
              renderOption={({ option }) => (
                <Group gap="xs">
                  <ColorSwatch size={14} color={`var(--mantine-color-${option.value}-6)`} />
                  {option.label}
                </Group>
              )}
            />
          )}
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
