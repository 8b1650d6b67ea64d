import {
  Badge,
  Button,
  Card,
  Chip,
  Group,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCoin, IconWallet } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../lib/format';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageLoader } from '../../ui/page';
import { formatPercent } from '../commissions/rates';
import { EnrollmentPicker, useSellingEnrollment } from '../sales/enrollment-picker';
import {
  EARNINGS_KEYS,
  fetchMyCommissions,
  fetchMyEarnings,
  type MyEarnings,
  type TierProgress,
} from './api';
import { LineCard } from './line-card';

const STATUSES = ['pending', 'on_hold', 'review', 'approved', 'rejected', 'void'] as const;

/** The partner's earnings: balances by status, progress to the next tier, and every line explained. */
export function EarningsPage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Title order={1} size="h2">
            {t('earnings.title')}
          </Title>
          <Earnings />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function Earnings() {
  const { t } = useTranslation();
  const selling = useSellingEnrollment();
  const enrollmentId = selling.current?.id;
  return (
    <Stack gap="md">
      <EnrollmentPicker selling={selling} />
      {enrollmentId ? (
        <>
          <Summary enrollmentId={enrollmentId} />
          <Button
            component={Link}
            to="/payouts"
            variant="light"
            leftSection={<IconWallet size={16} aria-hidden />}
            data-testid="earnings-to-payouts"
          >
            {t('payouts.partner.fromEarnings')}
          </Button>
          <Lines enrollmentId={enrollmentId} />
        </>
      ) : null}
    </Stack>
  );
}

function Summary({ enrollmentId }: { enrollmentId: string }) {
  const earnings = useQuery({
    queryKey: EARNINGS_KEYS.earnings(enrollmentId),
    queryFn: () => fetchMyEarnings(enrollmentId),
  });
  if (earnings.isLoading) return <PageLoader />;
  if (earnings.error) return <ErrorAlert error={earnings.error} />;
  if (!earnings.data) return null;
  return (
    <>
      <Balances earnings={earnings.data} />
      {earnings.data.tiers.map((tier) => (
        <TierCard key={tier.ruleId} tier={tier} currency={earnings.data.currency} />
      ))}
    </>
  );
}

function Balances({ earnings }: { earnings: MyEarnings }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const cards = [
    { key: 'payable', field: 'payableMinor', color: 'green' },
    { key: 'on_hold', field: 'onHoldMinor', color: 'blue' },
    { key: 'pending', field: 'pendingMinor', color: 'yellow' },
    { key: 'paid', field: 'paidMinor', color: 'gray' },
  ] as const;
  return (
    <>
      {earnings.balances.map((balance) => (
        <SimpleGrid key={balance.currency} cols={2} spacing="sm" data-testid="earnings-balances">
          {cards.map((card) => (
            <Card key={card.key} withBorder radius="md" padding="sm">
              <Text size="xs" c="dimmed">
                {t(`earnings.balance.${card.key}`)}
              </Text>
              <Text fw={700} size="lg" c={card.color === 'gray' ? undefined : `${card.color}.8`}>
                {money(balance[card.field], balance.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`earnings.balance.${card.key}Hint`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      ))}
    </>
  );
}

function TierCard({ tier, currency }: { tier: TierProgress; currency: string }) {
  const { t, i18n } = useTranslation();
  const { money, number } = useFormat();
  const measured = (value: string) =>
    tier.measure === 'amount'
      ? money(value, currency)
      : t(`earnings.tier.unit.${tier.measure}`, { value: number(BigInt(value)) });
  const target = tier.next ?? tier.tiers.at(-1)!;
  const share = Number(BigInt(tier.volume) * 100n) / Math.max(1, Number(target.threshold));
  return (
    <Card withBorder radius="md" padding="sm" data-testid="earnings-tier">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm">
          {tier.name || t('earnings.tier.title')}
        </Text>
        <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
          {tier.reached > 0 ? t('earnings.tier.reached', { tier: tier.reached }) : t('earnings.tier.notYet')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {formatPeriod(tier.periodLabel, i18n.language, (parts) => t('earnings.tier.quarter', parts))}
      </Text>
      <Progress
        value={Math.min(100, share)}
        mt="xs"
        size="lg"
        radius="xl"
        aria-label={t('earnings.tier.title')}
      />
      <Text size="sm" mt={6}>
        {t('earnings.tier.volume', { volume: measured(tier.volume) })}
      </Text>
      <Text size="sm" fw={600} c="var(--mantine-primary-color-filled)">
        {tier.next
          ? t('earnings.tier.remaining', {
              amount: measured(tier.next.remaining),
              tier: tier.next.number,
              rate: formatPercent(tier.next.ratePpm, i18n.language),
            })
          : t('earnings.tier.top')}
      </Text>
    </Card>
  );
}

function Lines({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('all');
  const lines = useInfiniteQuery({
    queryKey: EARNINGS_KEYS.lines(enrollmentId, status),
    queryFn: ({ pageParam }) =>
      fetchMyCommissions({ enrollmentId, status: status === 'all' ? undefined : status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = lines.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('earnings.lines.title')}
      </Title>
      <ScrollArea type="never">
        <Chip.Group value={status} onChange={(value) => setStatus(value as string)}>
          <Group gap={6} wrap="nowrap" role="radiogroup" aria-label={t('earnings.lines.filter')}>
            {['all', ...STATUSES].map((value) => (
              <Chip key={value} value={value} size="sm">
                {value === 'all' ? t('common.all') : t(`earnings.status.${value}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </ScrollArea>
      <ErrorAlert error={lines.error} />
      {lines.isLoading ? <PageLoader /> : null}
      {lines.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconCoin size={26} />}
          title={t('earnings.lines.empty')}
          description={status === 'all' ? t('earnings.lines.emptyText') : undefined}
        />
      ) : null}
      {items.map((line) => (
        <LineCard key={line.id} line={line} />
      ))}
      {lines.hasNextPage ? (
        <Button variant="default" onClick={() => lines.fetchNextPage()} loading={lines.isFetchingNextPage}>
          {t('earnings.lines.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
