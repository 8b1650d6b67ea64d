import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type EnrollmentStatus, STATUS_COLORS } from './types';

export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      data-testid="enrollment-status"
      style={{ flexShrink: 0, maxWidth: 'none' }}
    >
      {t(`enrollments.statuses.${status}`)}
    </Badge>
  );
}
