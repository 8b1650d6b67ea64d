import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { DirectoryRow } from './types';

export type PickedEnrollment = Pick<
  DirectoryRow,
  'enrollmentId' | 'fullName' | 'referralCode' | 'program'
> & {
  partnerId?: string;
};

const labelOf = (row: PickedEnrollment) => `${row.fullName} (${row.referralCode}) · ${row.program.name}`;

/**
 * A partner's enrollment, searched in the directory by name, phone or referral code (optionally
 * within one program), shown as "Name (CODE) · Program".
 */
export function EnrollmentPicker({
  picked,
  onPick,
  programId,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  picked: PickedEnrollment | null;
  onPick: (row: PickedEnrollment | null) => void;
  programId?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // the field shows the picked partner's label as its text: that is not a search
  const [q] = useDebouncedValue(picked && search === labelOf(picked) ? '' : search.trim().slice(0, 100), 300);
  const partners = useQuery({
    queryKey: ['partners', 'enrollment-picker', q, programId ?? null],
    queryFn: () =>
      api.get<Page<DirectoryRow>>('/api/v1/partners', {
        q: q || undefined,
        programId: programId || undefined,
        limit: 20,
      }),
    placeholderData: keepPreviousData,
  });
  const rows: PickedEnrollment[] = partners.data?.items ?? [];
  const options =
    picked && !rows.some((row) => row.enrollmentId === picked.enrollmentId) ? [picked, ...rows] : rows;
  return (
    <Select
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // the server has searched already
      filter={({ options: all }) => all}
      nothingFoundMessage={t('commissionReports.ledger.noPartner')}
      data={options.map((row) => ({ value: row.enrollmentId, label: labelOf(row) }))}
      value={picked?.enrollmentId ?? null}
      onChange={(value) => onPick(options.find((row) => row.enrollmentId === value) ?? null)}
      {...props}
    />
  );
}
