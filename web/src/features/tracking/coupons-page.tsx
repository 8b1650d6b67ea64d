import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTicket } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCan } from '../auth/session';
import { ProgramFilter } from './program-filter';
import type { Coupon, LinkStatus } from './types';

/** Coupon codes that credit partners: list, give one to a partner, disable (confirmed). */
export function CouponsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const paging = useCursorPaging();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [programId, setProgramId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filters = { q: search, programId };
  const list = useQuery({
    queryKey: ['coupons', filters, paging.cursor],
    queryFn: () => api.get<Page<Coupon>>('/api/v1/coupons', { ...filters, limit: 25, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const setStatus = useMutation({
    mutationFn: ({ id, next }: { id: string; next: LinkStatus }) =>
      api.patch<Coupon>(`/api/v1/coupons/${id}`, { status: next }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['coupons'] });
    },
    onError: notifyError,
  });
  const disable = async (coupon: Coupon) => {
    if (
      await confirm({
        title: t('tracking.coupons.disableTitle'),
        message: t('tracking.coupons.disableConfirm', { code: coupon.code }),
        confirmLabel: t('tracking.links.disable'),
      })
    )
      setStatus.mutate({ id: coupon.id, next: 'disabled' });
  };
  const manage = can('tracking.manage');
  const items = list.data?.items ?? [];
  const filtered = Boolean(search || programId);
  return (
    <>
      <PageHeader
        title={t('tracking.coupons.title')}
        description={t('tracking.coupons.text')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('tracking.coupons.create')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" gap="sm">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('tracking.coupons.searchPlaceholder')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            paging.reset();
          }}
          w={{ base: '100%', sm: 220 }}
        />
        <ProgramFilter
          value={programId}
          onChange={(value) => {
            setProgramId(value);
            paging.reset();
          }}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <PageLoader /> : null}
      {list.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconTicket size={26} />}
          title={t(filtered ? 'tracking.coupons.noMatch' : 'tracking.coupons.empty')}
          description={filtered ? undefined : t('tracking.coupons.emptyText')}
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tracking.coupons.code')}</Table.Th>
                  <Table.Th>{t('tracking.links.partner')}</Table.Th>
                  <Table.Th>{t('tracking.coupons.description')}</Table.Th>
                  <Table.Th>{t('tracking.filters.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((coupon) => (
                  <Table.Tr key={coupon.id}>
                    <Table.Td>
                      <Text fw={600} ff="monospace" size="sm">
                        {coupon.code}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.day(coupon.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{coupon.partnerName}</Text>
                      <Text size="xs" c="dimmed">
                        {coupon.referralCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{coupon.description || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={coupon.status === 'active' ? 'teal' : 'gray'}>
                        {t(`tracking.status.${coupon.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {manage ? (
                        coupon.status === 'active' ? (
                          <Button size="xs" variant="subtle" color="red" onClick={() => void disable(coupon)}>
                            {t('tracking.links.disable')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setStatus.mutate({ id: coupon.id, next: 'active' })}
                          >
                            {t('tracking.links.enable')}
                          </Button>
                        )
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} />
      {creating ? <NewCouponModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type PartnerRow = { enrollmentId: string; fullName: string; referralCode: string; program: { name: string } };

function NewCouponModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [enrollmentId, setEnrollmentId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const partners = useQuery({
    queryKey: ['partners', 'coupon-picker', search],
    queryFn: () =>
      api.get<Page<PartnerRow>>('/api/v1/partners', { q: search, status: 'approved', limit: 20 }),
  });
  const create = useMutation({
    mutationFn: () => api.post<Coupon>('/api/v1/coupons', { enrollmentId, code: code.trim(), description }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['coupons'] });
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('tracking.coupons.create')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <Select
            label={t('tracking.links.partner')}
            required
            searchable
            searchValue={q}
            onSearchChange={setQ}
            filter={({ options }) => options}
            nothingFoundMessage={t('tracking.coupons.noPartner')}
            data={(partners.data?.items ?? []).map((row) => ({
              value: row.enrollmentId,
              label: `${row.fullName} (${row.referralCode}) · ${row.program.name}`,
            }))}
            value={enrollmentId}
            onChange={setEnrollmentId}
            error={errors.field('enrollmentId')}
          />
          <TextInput
            label={t('tracking.coupons.code')}
            description={t('tracking.coupons.codeHelp')}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
            error={errors.field('code')}
          />
          <TextInput
            label={t('tracking.coupons.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.field('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!enrollmentId || code.trim().length < 3}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
