import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconFilterOff } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { startOfZonedDay } from '../../lib/format';
import type { AuditEntry, Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { AuditDiff } from './audit-diff';

const EMPTY = { action: '', entityType: '', entityId: '', actorId: '', actorType: '', from: '', to: '' };
const ACTOR_TYPES = ['member', 'api_key', 'system', 'partner'];

export function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging();
  const [filters, setFilters] = useState(EMPTY);
  const [debounced] = useDebouncedValue(filters, 300);
  const [expanded, setExpanded] = useState<string | null>(null);
  const query = {
    action: debounced.action.trim(),
    entityType: debounced.entityType.trim(),
    entityId: debounced.entityId.trim(),
    actorId: debounced.actorId.trim(),
    actorType: debounced.actorType,
    from: debounced.from ? startOfZonedDay(debounced.from, format.timeZone).toISOString() : '',
    to: debounced.to ? startOfZonedDay(debounced.to, format.timeZone, true).toISOString() : '',
    limit: 25,
    cursor: paging.cursor,
  };
  const entries = useQuery({
    queryKey: ['audit-log', query],
    queryFn: () => api.get<Page<AuditEntry>>('/api/v1/audit-log', query),
    placeholderData: keepPreviousData,
  });
  const setValue = (key: keyof typeof EMPTY, value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    paging.reset();
  };
  const set = (key: keyof typeof EMPTY) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValue(key, event.currentTarget.value);
  const items = entries.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.text')} />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('audit.action')}
            placeholder="member.updated"
            value={filters.action}
            onChange={set('action')}
          />
          <TextInput
            label={t('audit.entityType')}
            placeholder="member"
            value={filters.entityType}
            onChange={set('entityType')}
          />
          <TextInput label={t('audit.entityId')} value={filters.entityId} onChange={set('entityId')} />
          <Select
            label={t('audit.actorType')}
            placeholder={t('common.all')}
            clearable
            data={ACTOR_TYPES.map((value) => ({ value, label: t(`audit.actorTypes.${value}`) }))}
            value={filters.actorType || null}
            onChange={(value) => setValue('actorType', value ?? '')}
          />
          <TextInput label={t('audit.actorId')} value={filters.actorId} onChange={set('actorId')} />
          <TextInput type="date" label={t('audit.from')} value={filters.from} onChange={set('from')} />
          <TextInput type="date" label={t('audit.to')} value={filters.to} onChange={set('to')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => {
              setFilters(EMPTY);
              paging.reset();
            }}
          >
            {t('audit.clearFilters')}
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={entries.error} />
      {entries.isLoading ? <PageLoader /> : null}
      {entries.isSuccess && items.length === 0 ? (
        <EmptyCard title={t('audit.emptyTitle')} description={t('audit.emptyText')} />
      ) : null}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((entry) => {
          const open = expanded === entry.id;
          return (
            <Paper key={entry.id} withBorder radius="md" p="sm" component="li">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => setExpanded(open ? null : entry.id)}
                  aria-expanded={open}
                  aria-label={open ? t('audit.hideChanges') : t('audit.showChanges')}
                >
                  {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                </ActionIcon>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light" tt="none">
                      {entry.action}
                    </Badge>
                    <Text size="sm" fw={500}>
                      {entry.actorLabel ??
                        entry.actorId ??
                        t(`audit.actorTypes.${entry.actorType}`, { defaultValue: entry.actorType })}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    {format.date(entry.createdAt)} · {entry.entityType}
                    {entry.entityId ? ` · ${entry.entityId}` : ''}
                  </Text>
                </div>
              </Group>
              <Collapse expanded={open}>
                <Stack gap="xs" mt="sm">
                  <AuditDiff before={entry.before} after={entry.after} />
                  {entry.requestId ? (
                    <Text size="xs" c="dimmed">
                      {t('common.requestId', { id: '' })}
                      <Code>{entry.requestId}</Code>
                    </Text>
                  ) : null}
                </Stack>
              </Collapse>
            </Paper>
          );
        })}
      </Stack>
      <CursorPager paging={paging} nextCursor={entries.data?.nextCursor} />
    </>
  );
}
