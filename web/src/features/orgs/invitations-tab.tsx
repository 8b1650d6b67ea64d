import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailForward, IconUserPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { type Invitation, type Page, personLabel } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import { InviteModal } from './invite-modal';

const STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

export function InvitationsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [status, setStatus] = useState<string | null>('pending');
  const paging = useCursorPaging();
  const invitations = useQuery({
    queryKey: ['invitations', status, paging.cursor],
    queryFn: () =>
      api.get<Page<Invitation>>('/api/v1/invitations', { status, cursor: paging.cursor, limit: 20 }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['invitations'] });
  const resend = useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/invitations/${id}/resend`),
    onSuccess: () => {
      notifySuccess(t('staff.resent'));
      void refresh();
    },
    onError: notifyError,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/invitations/${id}`),
    onSuccess: () => {
      notifySuccess(t('staff.revoked'));
      void refresh();
    },
    onError: notifyError,
  });
  const askRevoke = async (invitation: Invitation) => {
    if (
      await confirm({
        title: t('staff.revokeTitle'),
        message: t('staff.revokeConfirm', { email: invitation.email }),
        confirmLabel: t('staff.revoke'),
      })
    )
      revoke.mutate(invitation.id);
  };
  const items = invitations.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('staff.status')}
          placeholder={t('common.all')}
          clearable
          data={STATUSES.map((value) => ({ value, label: t(`invite.statuses.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value);
            paging.reset();
          }}
          w={{ base: '100%', xs: 180 }}
        />
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={open}
          data-testid="invite-button"
        >
          {t('staff.invite')}
        </Button>
      </Group>
      <ErrorAlert error={invitations.error} />
      {invitations.isLoading ? <PageLoader /> : null}
      {invitations.isSuccess && items.length === 0 ? (
        <EmptyCard
          title={t('staff.noInvitations')}
          description={t('staff.noInvitationsText')}
          action={
            <Button variant="light" onClick={open}>
              {t('staff.invite')}
            </Button>
          }
        />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label={t('staff.invitationsTab')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth.email')}</Table.Th>
                <Table.Th>{t('staff.role')}</Table.Th>
                <Table.Th>{t('staff.status')}</Table.Th>
                <Table.Th>{t('staff.invitedBy')}</Table.Th>
                <Table.Th>{t('staff.expires')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm">{invitation.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`roles.${invitation.role}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={invitation.status === 'pending' ? 'yellow' : 'gray'}>
                      {t(`invite.statuses.${invitation.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{personLabel(invitation.invitedBy)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{format.date(invitation.expiresAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {invitation.status === 'pending' ? (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('staff.resend')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('staff.resendTo', { email: invitation.email })}
                            onClick={() => resend.mutate(invitation.id)}
                          >
                            <IconMailForward size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('staff.revoke')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('staff.revokeFor', { email: invitation.email })}
                            onClick={() => askRevoke(invitation)}
                          >
                            <IconX size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CursorPager paging={paging} nextCursor={invitations.data?.nextCursor} />
      <InviteModal opened={opened} onClose={close} />
    </Stack>
  );
}
