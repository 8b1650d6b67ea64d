import { Anchor, Badge, Button, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChecklist, IconFileImport, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { ExportButtons } from '../../ui/export-buttons';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan, useSignedInMe } from '../auth/session';
import { BulkActions } from './bulk-actions';
import { DirectoryFiltersBar } from './directory-filters';
import { SavedViewsMenu } from './saved-views-menu';
import { EnrollmentStatusBadge } from './status-badge';
import { type DirectoryFilters, type DirectoryRow, filtersToQuery } from './types';

/** Every partner of the organisation, one row per enrollment; care staff start with their own. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  const format = useFormat();
  const paging = useCursorPaging();
  const [filters, setFiltersState] = useState<DirectoryFilters>(() =>
    me.currentOrg?.role === 'care_staff' ? { mine: true } : {},
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [debounced] = useDebouncedValue(filters, 300);
  const query = { ...filtersToQuery(debounced), limit: 50, cursor: paging.cursor };
  const partners = useQuery({
    queryKey: ['partners', query],
    queryFn: () => api.get<Page<DirectoryRow>>('/api/v1/partners', query),
    placeholderData: keepPreviousData,
  });
  const setFilters = (next: DirectoryFilters) => {
    setFiltersState(next);
    setSelected(new Set());
    paging.reset();
  };
  const items = partners.data?.items ?? [];
  const manage = can('partners.manage');
  const allSelected = items.length > 0 && items.every((row) => selected.has(row.enrollmentId));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const exportQuery = filtersToQuery(debounced);
  return (
    <>
      <PageHeader
        title={filters.mine ? t('partners.myTitle') : t('partners.title')}
        description={t('partners.text')}
        actions={
          <>
            {can('partners.approve') ? (
              <Button
                component={Link}
                to="/approvals"
                variant="default"
                leftSection={<IconChecklist size={16} aria-hidden />}
              >
                {t('approvals.title')}
              </Button>
            ) : null}
            {can('partners.import') ? (
              <Button
                component={Link}
                to="/partners/import"
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('imports.title')}
              </Button>
            ) : null}
            <SavedViewsMenu filters={filters} onApply={setFilters} />
          </>
        }
      />
      <DirectoryFiltersBar value={filters} onChange={setFilters} />
      <Group justify="space-between" mb="sm" gap="xs" mih={30}>
        {manage && selected.size > 0 ? (
          <BulkActions ids={[...selected]} onDone={() => setSelected(new Set())} />
        ) : (
          <span />
        )}
        {can('partners.export') ? <ExportButtons path="/api/v1/partners" query={exportQuery} /> : null}
      </Group>
      <ErrorAlert error={partners.error} />
      {partners.isLoading ? <PageLoader /> : null}
      {partners.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconUsers size={26} />}
          title={t('partners.emptyTitle')}
          description={t('partners.emptyText')}
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {manage ? (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('partners.selectAll')}
                        checked={allSelected}
                        indeterminate={selected.size > 0 && !allSelected}
                        onChange={() =>
                          setSelected(allSelected ? new Set() : new Set(items.map((row) => row.enrollmentId)))
                        }
                      />
                    </Table.Th>
                  ) : null}
                  <Table.Th>{t('partners.partner')}</Table.Th>
                  <Table.Th>{t('partners.code')}</Table.Th>
                  <Table.Th>{t('partners.program')}</Table.Th>
                  <Table.Th>{t('enrollments.status')}</Table.Th>
                  <Table.Th>{t('partners.groupAndTags')}</Table.Th>
                  <Table.Th>{t('partners.careStaff')}</Table.Th>
                  <Table.Th>{t('partners.joinedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => (
                  <Table.Tr key={row.enrollmentId} data-testid="directory-row">
                    {manage ? (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('partners.selectRow', { name: row.fullName })}
                          checked={selected.has(row.enrollmentId)}
                          onChange={() => toggle(row.enrollmentId)}
                        />
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${row.partnerId}`} fw={600}>
                        {row.fullName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[row.phone, row.email, row.province].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {row.referralCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.program.name}</Table.Td>
                    <Table.Td>
                      <EnrollmentStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {row.group ? <Badge variant="outline">{row.group.name}</Badge> : null}
                        {row.tags.map((tag) => (
                          <Badge key={tag.id} color={tag.color} variant="light" tt="none">
                            {tag.name}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{row.careMember?.fullName ?? '—'}</Table.Td>
                    <Table.Td>{format.day(row.joinedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <CursorPager paging={paging} nextCursor={partners.data?.nextCursor} />
    </>
  );
}
