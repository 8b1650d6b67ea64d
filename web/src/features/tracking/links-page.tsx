import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { ProgramFilter } from './program-filter';
import type { LinkStatus, StaffLink } from './types';

/** Every partner's links: filters, 30-day clicks, disable (confirmed) and enable. */
export function LinksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const paging = useCursorPaging();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [programId, setProgramId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const filters = { q: search, programId, status };
  const refilter =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      paging.reset();
    };
  const list = useQuery({
    queryKey: ['links', filters, paging.cursor],
    queryFn: () =>
      api.get<Page<StaffLink>>('/api/v1/links', { ...filters, limit: 25, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const setLinkStatus = useMutation({
    mutationFn: ({ id, next }: { id: string; next: LinkStatus }) =>
      api.patch<StaffLink>(`/api/v1/links/${id}`, { status: next }),
    onSuccess: (link) => {
      notifySuccess(
        t(link.status === 'disabled' ? 'tracking.links.disabledDone' : 'tracking.links.enabledDone'),
      );
      void queryClient.invalidateQueries({ queryKey: ['links'] });
    },
    onError: notifyError,
  });
  const disable = async (link: StaffLink) => {
    if (
      await confirm({
        title: t('tracking.links.disableTitle'),
        message: t('tracking.links.disableConfirm', { code: link.code, name: link.partnerName }),
        confirmLabel: t('tracking.links.disable'),
      })
    )
      setLinkStatus.mutate({ id: link.id, next: 'disabled' });
  };
  const items = list.data?.items ?? [];
  const filtered = Boolean(search || programId || status);
  return (
    <>
      <PageHeader title={t('tracking.links.title')} description={t('tracking.links.text')} />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('tracking.links.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => refilter(setQ)(event.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <ProgramFilter value={programId} onChange={refilter(setProgramId)} />
        <Select
          aria-label={t('tracking.filters.status')}
          placeholder={t('tracking.filters.allStatuses')}
          clearable
          data={(['active', 'disabled'] as const).map((value) => ({
            value,
            label: t(`tracking.status.${value}`),
          }))}
          value={status}
          onChange={refilter(setStatus)}
          w={160}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <PageLoader /> : null}
      {list.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconLink size={26} />}
          title={t(filtered ? 'tracking.links.noMatch' : 'tracking.links.empty')}
          description={filtered ? undefined : t('tracking.links.emptyText')}
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tracking.links.link')}</Table.Th>
                  <Table.Th>{t('tracking.links.partner')}</Table.Th>
                  <Table.Th>{t('tracking.links.destination')}</Table.Th>
                  <Table.Th ta="right">{t('tracking.links.clicks30')}</Table.Th>
                  <Table.Th>{t('tracking.filters.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((link) => (
                  <Table.Tr key={link.id} data-testid="link-row">
                    <Table.Td>
                      <Text size="sm" fw={600} ff="monospace">
                        {link.code}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {link.isDefault ? t('tracking.links.default') : link.title || '—'} ·{' '}
                        {format.day(link.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{link.partnerName}</Text>
                      <Text size="xs" c="dimmed">
                        {link.referralCode} · {link.programName}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Anchor
                        href={link.destinationUrl}
                        target="_blank"
                        rel="noreferrer"
                        size="sm"
                        lineClamp={1}
                      >
                        {link.destinationUrl}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(link.clicks ?? 0)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={link.status === 'active' ? 'teal' : 'gray'}>
                        {t(`tracking.status.${link.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {can('tracking.manage') && !link.isDefault ? (
                        link.status === 'active' ? (
                          <Button size="xs" variant="subtle" color="red" onClick={() => void disable(link)}>
                            {t('tracking.links.disable')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setLinkStatus.mutate({ id: link.id, next: 'active' })}
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
    </>
  );
}
