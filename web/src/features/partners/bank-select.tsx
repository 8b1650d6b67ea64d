import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Bank } from './types';

/** The Vietnamese bank list (NAPAS BIN) shipped with Kênh, searchable by short or full name. */
export function BankSelect({
  value,
  onChange,
  error,
  required,
}: {
  value: string | null;
  onChange: (bin: string | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const banks = useQuery({
    queryKey: ['banks'],
    queryFn: () => api.get<{ items: Bank[] } | Bank[]>('/api/v1/banks'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const list = Array.isArray(banks.data) ? banks.data : (banks.data?.items ?? []);
  return (
    <Select
      label={t('kyc.fields.bankName')}
      required={required}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      data={list.map((bank) => ({ value: bank.bin, label: `${bank.shortName} — ${bank.name}` }))}
      value={value}
      onChange={onChange}
      error={error ?? (banks.error ? t('partnerApp.banksUnavailable') : undefined)}
    />
  );
}
