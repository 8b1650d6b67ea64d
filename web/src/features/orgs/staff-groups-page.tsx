import { ActionIcon, Button, Card, Group, Menu, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDots, IconEdit, IconPlus, IconTrash, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page, StaffGroup } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { GroupFormModal } from './group-form-modal';
import { GroupMembersModal } from './group-members-modal';

type Editing = { kind: 'form'; group: StaffGroup | null } | { kind: 'members'; group: StaffGroup } | null;

export function StaffGroupsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('staff_groups.manage');
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const groups = useQuery({
    queryKey: ['staff-groups'],
    queryFn: () => api.get<Page<StaffGroup>>('/api/v1/staff-groups', { limit: 100 }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/staff-groups/${id}`),
    onSuccess: () => {
      notifySuccess(t('groups.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['staff-groups'] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
    onError: notifyError,
  });
  const askDelete = async (group: StaffGroup) => {
    if (
      await confirm({
        title: t('groups.deleteTitle'),
        message: t('groups.deleteConfirm', { name: group.name }),
        confirmLabel: t('common.delete'),
      })
    )
      remove.mutate(group.id);
  };
  const items = groups.data?.items ?? [];
  const createButton = manage ? (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setEditing({ kind: 'form', group: null })}
    >
      {t('groups.create')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={t('groups.title')} description={t('groups.text')} actions={createButton} />
      <ErrorAlert error={groups.error} />
      {groups.isLoading ? <PageLoader /> : null}
      {groups.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconUsersGroup size={26} />}
          title={t('groups.emptyTitle')}
          description={t('groups.emptyText')}
          action={createButton}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map((group) => (
          <Card key={group.id} withBorder radius="md" padding="md">
            <Stack gap={6} h="100%">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{group.name}</Text>
                {manage ? (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('groups.actionsFor', { name: group.name })}
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconEdit size={14} />}
                        onClick={() => setEditing({ kind: 'form', group })}
                      >
                        {t('common.edit')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconUsers size={14} />}
                        onClick={() => setEditing({ kind: 'members', group })}
                      >
                        {t('groups.manageMembers')}
                      </Menu.Item>
                      <Menu.Item
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => askDelete(group)}
                      >
                        {t('common.delete')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {group.description || t('groups.noDescription')}
              </Text>
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {t('groups.memberCount', { count: group.memberCount })}
                </Text>
                {manage ? (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => setEditing({ kind: 'members', group })}
                  >
                    {t('groups.manageMembers')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <GroupFormModal
        opened={editing?.kind === 'form'}
        group={editing?.kind === 'form' ? editing.group : null}
        onClose={() => setEditing(null)}
      />
      {editing?.kind === 'members' ? (
        <GroupMembersModal group={editing.group} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
