import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCategories } from './api';

/** Picks a category by its path; `extra` adds choices such as "all" or "none" at the top. */
export function CategorySelect({
  extra = [],
  exclude,
  ...props
}: Omit<SelectProps, 'data'> & {
  extra?: { value: string; label: string }[];
  exclude?: (id: string) => boolean;
}) {
  const { t } = useTranslation();
  const categories = useCategories();
  const data = [
    ...extra,
    ...(categories.data ?? [])
      .filter((category) => !exclude?.(category.id))
      .map((category) => ({ value: category.id, label: category.path })),
  ];
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      data={data}
      disabled={categories.isLoading}
      {...props}
    />
  );
}
