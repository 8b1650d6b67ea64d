import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductStatus } from './types';

const COLORS: Record<ProductStatus, string> = { active: 'teal', draft: 'gray', archived: 'orange' };

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`catalog.status.${status}`)}
    </Badge>
  );
}
