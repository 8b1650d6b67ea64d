import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconRocket, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { PROGRAM_STATUSES, type Program, STATUS_COLORS } from './types';

export function ProgramStatusBadge({ status }: { status: Program['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="program-status">
      {t(`programs.statuses.${status}`)}
    </Badge>
  );
}

export function ProgramsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const paging = useCursorPaging();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 300);
  const query = { status, q: search.trim(), limit: 25, cursor: paging.cursor };
  const programs = useQuery({
    queryKey: ['programs', query],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', query),
    placeholderData: keepPreviousData,
  });
  const items = programs.data?.items ?? [];
  const createButton = can('programs.manage') ? (
    <Button component={Link} to="/programs/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('programs.create')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={t('programs.title')} description={t('programs.text')} actions={createButton} />
      <Paper withBorder p="sm" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('programs.searchPlaceholder')}
            leftSection={<IconSearch size={14} aria-hidden />}
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              paging.reset();
            }}
            style={{ flex: 1, minWidth: 200 }}
          />
          <SegmentedControl
            aria-label={t('programs.status')}
            value={status}
            onChange={(value) => {
              setStatus(value);
              paging.reset();
            }}
            data={[
              { value: '', label: t('common.all') },
              ...PROGRAM_STATUSES.map((value) => ({ value, label: t(`programs.statuses.${value}`) })),
            ]}
          />
        </Group>
      </Paper>
      <ErrorAlert error={programs.error} />
      {programs.isLoading ? <PageLoader /> : null}
      {programs.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconRocket size={26} />}
          title={t('programs.emptyTitle')}
          description={t('programs.emptyText')}
          action={createButton}
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programs.name')}</Table.Th>
                  <Table.Th>{t('programs.status')}</Table.Th>
                  <Table.Th>{t('programs.joinMode')}</Table.Th>
                  <Table.Th>{t('programs.currency')}</Table.Th>
                  <Table.Th>{t('programs.updatedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((program) => (
                  <Table.Tr key={program.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/programs/${program.id}`} fw={600}>
                        {program.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {program.pageCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ProgramStatusBadge status={program.status} />
                    </Table.Td>
                    <Table.Td>{t(`programs.joinModes.${program.joinMode}`)}</Table.Td>
                    <Table.Td>{program.currency}</Table.Td>
                    <Table.Td>{format.date(program.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <CursorPager paging={paging} nextCursor={programs.data?.nextCursor} />
    </>
  );
}
