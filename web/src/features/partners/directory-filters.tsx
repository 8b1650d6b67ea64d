import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustments, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startOfZonedDay } from '../../lib/format';
import { useFormat } from '../../ui/format';
import { usePartnerOptions } from './options';
import { type DirectoryFilters, ENROLLMENT_STATUSES, type EnrollmentStatus } from './types';

/** A date input's day from an ISO instant in the organisation's zone, and back. */
function dayOf(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
}

export function DirectoryFiltersBar({
  value,
  onChange,
}: {
  value: DirectoryFilters;
  onChange: (filters: DirectoryFilters) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [expanded, setExpanded] = useState(false);
  const open = wide || expanded;
  const active = Object.entries(value).filter(
    ([key, item]) =>
      key !== 'q' &&
      key !== 'mine' &&
      key !== 'sort' &&
      key !== 'order' &&
      item !== undefined &&
      item !== '' &&
      !(Array.isArray(item) && item.length === 0),
  ).length;
  const options = usePartnerOptions();
  const set = (patch: Partial<DirectoryFilters>) => onChange({ ...value, ...patch });
  const pick = (key: 'programId' | 'groupId' | 'tagId' | 'careMemberId') => (id: string | null) =>
    set({ [key]: id ?? undefined });
  const day = (key: 'joinedFrom' | 'joinedTo') => (event: React.ChangeEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    set({
      [key]: text ? startOfZonedDay(text, format.timeZone, key === 'joinedTo').toISOString() : undefined,
    });
  };
  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('common.search')}
          placeholder={t('partners.searchPlaceholder')}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={value.q ?? ''}
          onChange={(event) => set({ q: event.currentTarget.value })}
          data-testid="directory-search"
        />
        {open ? (
          <>
            <Select
              data-testid="filter-program"
              label={t('partners.program')}
              placeholder={t('common.all')}
              clearable
              data={options.programs}
              value={value.programId ?? null}
              onChange={pick('programId')}
            />
            <MultiSelect
              label={t('enrollments.status')}
              placeholder={value.status?.length ? undefined : t('common.all')}
              clearable
              data={ENROLLMENT_STATUSES.map((status) => ({
                value: status,
                label: t(`enrollments.statuses.${status}`),
              }))}
              value={value.status ?? []}
              onChange={(status) => set({ status: status as EnrollmentStatus[] })}
            />
            <Select
              label={t('partners.group')}
              placeholder={t('common.all')}
              clearable
              data={options.groups}
              value={value.groupId ?? null}
              onChange={pick('groupId')}
            />
            <Select
              label={t('partners.tag')}
              placeholder={t('common.all')}
              clearable
              data={options.tags}
              value={value.tagId ?? null}
              onChange={pick('tagId')}
            />
            <Select
              label={t('partners.careStaff')}
              placeholder={t('common.all')}
              clearable
              searchable
              data={options.members}
              value={value.careMemberId ?? null}
              onChange={pick('careMemberId')}
              disabled={value.mine}
            />
            <TextInput
              label={t('joinFields.province')}
              value={value.province ?? ''}
              onChange={(event) => set({ province: event.currentTarget.value })}
            />
            <Select
              label={t('partners.sort')}
              allowDeselect={false}
              value={`${value.sort ?? 'joinedAt'}:${value.order ?? 'desc'}`}
              onChange={(choice) => {
                const [sort, order] = (choice ?? 'joinedAt:desc').split(':') as [
                  DirectoryFilters['sort'],
                  DirectoryFilters['order'],
                ];
                set({ sort, order });
              }}
              data={['joinedAt:desc', 'joinedAt:asc', 'name:asc', 'name:desc', 'code:asc'].map((choice) => ({
                value: choice,
                label: t(`partners.sorts.${choice.replace(':', '_')}`),
              }))}
            />
            <TextInput
              type="date"
              label={t('partners.joinedFrom')}
              value={dayOf(value.joinedFrom, format.timeZone)}
              onChange={day('joinedFrom')}
            />
            <TextInput
              type="date"
              label={t('partners.joinedTo')}
              value={
                value.joinedTo
                  ? dayOf(new Date(new Date(value.joinedTo).getTime() - 1).toISOString(), format.timeZone)
                  : ''
              }
              onChange={day('joinedTo')}
            />
          </>
        ) : null}
      </SimpleGrid>
      <Group justify="space-between" mt="sm" gap="xs">
        {wide ? null : (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconAdjustments size={14} aria-hidden />}
            onClick={() => setExpanded((current) => !current)}
            aria-expanded={open}
          >
            {t('partners.moreFilters', { count: active })}
          </Button>
        )}
        <Switch
          label={t('partners.mine')}
          checked={Boolean(value.mine)}
          onChange={(event) =>
            set({ mine: event.currentTarget.checked || undefined, careMemberId: undefined })
          }
          data-testid="filter-mine"
        />
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconFilterOff size={14} aria-hidden />}
          onClick={() => onChange({})}
        >
          {t('partners.clearFilters')}
        </Button>
      </Group>
    </Paper>
  );
}
