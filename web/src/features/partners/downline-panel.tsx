import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { EnrollmentStatusBadge } from './status-badge';
import type { EnrollmentStatus } from './types';

type DownlinePage = {
  items: {
    id: string;
    partnerId: string;
    fullName: string;
    referralCode: string;
    status: EnrollmentStatus;
    level: number;
    joinedAt: string;
    directCount: number;
  }[];
  nextCursor: string | null;
  levels: { level: number; count: number }[];
  total: number;
};

/** The referral tree under an enrollment, one level at a time, with a count per level. */
export function DownlinePanel({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging();
  const [level, setLevel] = useState(1);
  const query = { level, limit: 25, cursor: paging.cursor };
  const downline = useQuery({
    queryKey: ['downline', enrollmentId, query],
    queryFn: () => api.get<DownlinePage>(`/api/v1/enrollments/${enrollmentId}/downline`, query),
    placeholderData: keepPreviousData,
  });
  const counts = new Map((downline.data?.levels ?? []).map((item) => [item.level, item.count]));
  const deepest = Math.max(1, ...(downline.data?.levels ?? []).map((item) => item.level));
  const levels = Array.from({ length: deepest }, (_, index) => index + 1);
  const items = downline.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group>
        <SegmentedControl
          size="xs"
          aria-label={t('partners.downlineLevel')}
          value={String(level)}
          onChange={(value) => {
            setLevel(Number(value));
            paging.reset();
          }}
          data={levels.map((item) => ({
            value: String(item),
            label: counts.has(item)
              ? t('partners.levelCount', { level: item, count: counts.get(item) })
              : t('partners.level', { level: item }),
          }))}
        />
      </Group>
      <ErrorAlert error={downline.error} />
      {downline.isLoading ? <PageLoader /> : null}
      {downline.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partners.downlineEmpty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/partners/${row.partnerId}`} size="sm">
                      {row.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{row.referralCode}</Table.Td>
                  <Table.Td>
                    <EnrollmentStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td>{t('partners.directCount', { count: row.directCount })}</Table.Td>
                  <Table.Td>{format.day(row.joinedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CursorPager paging={paging} nextCursor={downline.data?.nextCursor} />
    </Stack>
  );
}
