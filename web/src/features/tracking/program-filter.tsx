import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';

/** A program picker for list filters ("all programs" when cleared). */
export function ProgramFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const programs = useQuery({
    queryKey: ['programs', 'filter'],
    queryFn: () => api.get<Page<{ id: string; name: string }>>('/api/v1/programs', { limit: 100 }),
  });
  return (
    <Select
      aria-label={t('tracking.filters.program')}
      placeholder={t('tracking.filters.allPrograms')}
      clearable
      data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
      value={value}
      onChange={onChange}
      w={{ base: '100%', sm: 220 }}
    />
  );
}
