import { Anchor, Button, Checkbox, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconCheck, IconChecklist, IconX } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import type { Program } from '../programs/types';
import { ReasonModal } from './reason-modal';
import type { EnrollmentStatus, PendingEnrollment } from './types';

type Decision = { ids: string[]; status: EnrollmentStatus; reason?: string };

/** Sign-ups waiting for a person: approve or reject one by one or many at once. */
export function ApprovalQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const confirm = useConfirm();
  const can = useCan();
  const queryClient = useQueryClient();
  const paging = useCursorPaging();
  const [programId, setProgramId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const query = { programId: programId ?? undefined, limit: 50, cursor: paging.cursor };
  const pending = useQuery({
    queryKey: ['enrollments-pending', query],
    queryFn: () => api.get<Page<PendingEnrollment>>('/api/v1/enrollments/pending', query),
    placeholderData: keepPreviousData,
  });
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
  });
  const decide = useMutation({
    mutationFn: ({ ids, status, reason }: Decision) =>
      ids.length === 1
        ? api.post(`/api/v1/enrollments/${ids[0]}/status`, { status, reason: reason || undefined })
        : api.post('/api/v1/enrollments/bulk-status', {
            enrollmentIds: ids,
            status,
            reason: reason || undefined,
          }),
    onSuccess: (_, { ids, status }) => {
      notifySuccess(
        t(`approvals.done.${status === 'approved' ? 'approved' : 'rejected'}`, { count: ids.length }),
      );
      setSelected(new Set());
      setRejecting(null);
      void queryClient.invalidateQueries({ queryKey: ['enrollments-pending'] });
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
    },
    onError: notifyError,
  });
  const items = pending.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((row) => selected.has(row.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const canDecide = can('partners.approve');
  const approve = async (ids: string[]) => {
    if (
      ids.length === 1 ||
      (await confirm({
        title: t('approvals.approveTitle'),
        message: t('approvals.approveConfirm', { count: ids.length }),
        confirmLabel: t('approvals.approve'),
        danger: false,
      }))
    )
      decide.mutate({ ids, status: 'approved' });
  };
  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.text')} />
      <Group justify="space-between" mb="md" gap="sm">
        <Select
          aria-label={t('partners.program')}
          placeholder={t('partners.allPrograms')}
          clearable
          value={programId}
          onChange={(value) => {
            setProgramId(value);
            paging.reset();
          }}
          data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
        />
        {canDecide && selected.size > 0 ? (
          <Group gap="xs" role="toolbar" aria-label={t('partners.bulkActions')}>
            <Text size="sm">{t('partners.selected', { count: selected.size })}</Text>
            <Button
              size="xs"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={() => approve([...selected])}
              data-testid="bulk-approve"
            >
              {t('approvals.approve')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => setRejecting([...selected])}
            >
              {t('approvals.reject')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={pending.error} />
      {pending.isLoading ? <PageLoader /> : null}
      {pending.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconChecklist size={26} />}
          title={t('approvals.emptyTitle')}
          description={t('approvals.emptyText')}
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      disabled={!canDecide}
                      aria-label={t('partners.selectAll')}
                      checked={allSelected}
                      indeterminate={selected.size > 0 && !allSelected}
                      onChange={() =>
                        setSelected(allSelected ? new Set() : new Set(items.map((row) => row.id)))
                      }
                    />
                  </Table.Th>
                  <Table.Th>{t('partners.partner')}</Table.Th>
                  <Table.Th>{t('partners.program')}</Table.Th>
                  <Table.Th>{t('partners.upline')}</Table.Th>
                  <Table.Th>{t('partners.joinedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => (
                  <Table.Tr key={row.id} data-testid="pending-row">
                    <Table.Td>
                      <Checkbox
                        disabled={!canDecide}
                        aria-label={t('partners.selectRow', { name: row.partner.fullName })}
                        checked={selected.has(row.id)}
                        onChange={() => toggle(row.id)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${row.partner.id}`} fw={600}>
                        {row.partner.fullName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[row.partner.phone, row.partner.email].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.program.name}</Table.Td>
                    <Table.Td>
                      {row.upline ? `${row.upline.fullName ?? ''} (${row.upline.referralCode})` : '—'}
                    </Table.Td>
                    <Table.Td>{format.date(row.joinedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" display={canDecide ? undefined : 'none'}>
                        <Button
                          size="compact-sm"
                          onClick={() => approve([row.id])}
                          aria-label={t('approvals.approveOne', { name: row.partner.fullName })}
                          data-testid="approve-one"
                        >
                          {t('approvals.approve')}
                        </Button>
                        <Button
                          size="compact-sm"
                          color="red"
                          variant="subtle"
                          onClick={() => setRejecting([row.id])}
                          aria-label={t('approvals.rejectOne', { name: row.partner.fullName })}
                        >
                          {t('approvals.reject')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <CursorPager paging={paging} nextCursor={pending.data?.nextCursor} />
      {rejecting ? (
        <ReasonModal
          title={t('approvals.rejectTitle', { count: rejecting.length })}
          status="rejected"
          busy={decide.isPending}
          onClose={() => setRejecting(null)}
          onSubmit={(status, reason) => decide.mutate({ ids: rejecting, status, reason })}
        />
      ) : null}
    </>
  );
}
