import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import type { Program } from '../programs/types';
import { BALANCE_KEY, type LedgerBucket, type PartnerBalance } from './types';

/** The buckets a balance card always shows; money in payment and deposits only when there are some. */
const SHOWN: LedgerBucket[] = ['pending', 'on_hold', 'payable', 'paid', 'withheld', 'store_credit'];
const WHEN_HELD: LedgerBucket[] = ['in_payment', 'deposit'];

/**
 * A partner's balances per program and currency (pending, on hold, payable, paid, withheld, store
 * credit), summed from the ledger by the server. Hidden from people who may not read commissions.
 */
export function PartnerBalanceCard({ partnerId }: { partnerId: string }) {
  const can = useCan();
  if (!can('commissions.read')) return null;
  return <Balances partnerId={partnerId} />;
}

function Balances({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const balance = useQuery({
    queryKey: [BALANCE_KEY, partnerId],
    queryFn: () => api.get<{ items: PartnerBalance[] }>(`/api/v1/partners/${partnerId}/balance`),
  });
  const programs = useQuery({
    queryKey: ['programs', 'all-for-commissions'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
  });
  const programName = (id: string) => programs.data?.items.find((program) => program.id === id)?.name ?? id;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="balance-heading">
      <Title order={2} size="h5" mb="sm" id="balance-heading">
        {t('commissionReports.balance.title')}
      </Title>
      {balance.isPending ? <PageLoader /> : null}
      <ErrorAlert error={balance.error} />
      {balance.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('commissionReports.balance.empty')}
        </Text>
      ) : null}
      <Stack gap="md">
        {(balance.data?.items ?? []).map((item) => {
          const amount = (bucket: LedgerBucket) => item.balances[bucket] ?? '0';
          const buckets = SHOWN.concat(WHEN_HELD.filter((bucket) => amount(bucket) !== '0'));
          return (
            <div key={`${item.enrollmentId}-${item.currency}`} data-testid="partner-balance">
              <Text size="sm" fw={600} mb={4}>
                {programName(item.programId)} · {item.currency}
              </Text>
              <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
                {buckets.map((bucket) => (
                  <div key={bucket}>
                    <Text size="xs" c="dimmed">
                      {t(`commissionReports.bucket.${bucket}`)}
                    </Text>
                    <Text
                      size="sm"
                      fw={bucket === 'payable' ? 700 : 500}
                      c={amount(bucket).startsWith('-') ? 'red' : undefined}
                    >
                      {format.money(amount(bucket), item.currency)}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
