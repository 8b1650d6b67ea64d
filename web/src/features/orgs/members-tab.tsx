import {
  ActionIcon,
  Badge,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconDots,
  IconSearch,
  IconShieldCheck,
  IconTrash,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { type Member, type Page, ROLES, type Role } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import { useCan, useSignedInMe } from '../auth/session';
import { RoleSelect } from './role-select';

const PAGE_SIZE = 20;

export function MembersTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const me = useSignedInMe();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const paging = useCursorPaging();
  const filters = { q, role, status, cursor: paging.cursor };
  const members = useQuery({
    queryKey: ['members', filters],
    queryFn: () =>
      api.get<Page<Member>>('/api/v1/members', {
        q,
        role,
        status,
        sort: 'createdAt',
        order: 'asc',
        limit: PAGE_SIZE,
        cursor: paging.cursor,
      }),
    placeholderData: keepPreviousData,
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: { role?: Role; status?: string } }) =>
      api.patch<Member>(`/api/v1/members/${id}`, changes),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/members/${id}`),
    onSuccess: () => {
      notifySuccess(t('staff.removed'));
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
    onError: notifyError,
  });
  const manage = can('members.manage');
  const onFilter = (apply: () => void) => {
    apply();
    paging.reset();
  };

  const askRemove = async (member: Member) => {
    const ok = await confirm({
      title: t('staff.removeTitle'),
      message: t('staff.removeConfirm', { name: member.fullName }),
      confirmLabel: t('staff.remove'),
    });
    if (ok) remove.mutate(member.id);
  };
  const askDisable = async (member: Member) => {
    const disabling = member.status === 'active';
    if (
      disabling &&
      !(await confirm({
        title: t('staff.disableTitle'),
        message: t('staff.disableConfirm', { name: member.fullName }),
        confirmLabel: t('staff.disable'),
      }))
    )
      return;
    update.mutate({ id: member.id, changes: { status: disabling ? 'disabled' : 'active' } });
  };

  const items = members.data?.items ?? [];
  return (
    <Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('staff.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => onFilter(() => setSearch(event.currentTarget.value))}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('staff.role')}
          placeholder={t('common.all')}
          clearable
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => onFilter(() => setRole(value))}
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('staff.status')}
          placeholder={t('common.all')}
          clearable
          data={['active', 'disabled'].map((value) => ({ value, label: t(`staff.statuses.${value}`) }))}
          value={status}
          onChange={(value) => onFilter(() => setStatus(value))}
          w={{ base: '100%', xs: 160 }}
        />
      </Group>
      <ErrorAlert error={members.error} />
      {members.isLoading ? <PageLoader /> : null}
      {members.isSuccess && items.length === 0 ? (
        <EmptyCard title={t('staff.emptyTitle')} description={t('staff.emptyText')} />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('staff.membersTab')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.person')}</Table.Th>
                <Table.Th>{t('staff.role')}</Table.Th>
                <Table.Th>{t('staff.status')}</Table.Th>
                <Table.Th>{t('staff.groups')}</Table.Th>
                <Table.Th>{t('staff.joined')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((member) => {
                const self = member.identityId === me.identity.id;
                return (
                  <Table.Tr key={member.id} data-testid="member-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <div>
                          <Text size="sm" fw={500}>
                            {member.fullName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {member.email}
                          </Text>
                        </div>
                        {member.twoFactorEnabled ? (
                          <IconShieldCheck
                            size={16}
                            color="var(--mantine-color-teal-6)"
                            aria-label={t('staff.twoFactorOn')}
                          />
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {manage && !self ? (
                        <RoleSelect
                          size="xs"
                          w={150}
                          aria-label={t('staff.changeRoleFor', { name: member.fullName })}
                          value={member.role}
                          roles={
                            member.role === 'owner' && me.currentOrg?.role !== 'owner'
                              ? [member.role]
                              : undefined
                          }
                          onChange={(value) =>
                            value &&
                            value !== member.role &&
                            update.mutate({ id: member.id, changes: { role: value as Role } })
                          }
                        />
                      ) : (
                        <Badge variant="light">{t(`roles.${member.role}`)}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={member.status === 'active' ? 'teal' : 'gray'} variant="dot">
                        {t(`staff.statuses.${member.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{member.groups.map((group) => group.name).join(', ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{format.day(member.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {manage && !self ? (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('staff.actionsFor', { name: member.fullName })}
                            >
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={
                                member.status === 'active' ? (
                                  <IconUserOff size={14} />
                                ) : (
                                  <IconUserCheck size={14} />
                                )
                              }
                              onClick={() => askDisable(member)}
                            >
                              {member.status === 'active' ? t('staff.disable') : t('staff.enable')}
                            </Menu.Item>
                            <Menu.Item
                              color="red"
                              leftSection={<IconTrash size={14} />}
                              onClick={() => askRemove(member)}
                            >
                              {t('staff.remove')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CursorPager paging={paging} nextCursor={members.data?.nextCursor} />
    </Stack>
  );
}
