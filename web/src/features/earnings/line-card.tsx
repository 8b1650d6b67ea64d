import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { explainSentences } from '../commissions/explain';
import type { Explanation } from '../commissions/types';
import type { MyCommissionLine } from './api';

const STATUS_COLOR: Record<MyCommissionLine['status'], string> = {
  pending: 'yellow',
  on_hold: 'blue',
  review: 'orange',
  approved: 'green',
  rejected: 'red',
  void: 'gray',
};

/** One of the partner's commission lines: kind, amount, status and why it has that amount. */
export function LineCard({ line }: { line: MyCommissionLine }) {
  const { t, i18n } = useTranslation();
  const { money, day } = useFormat();
  const negative = line.amountMinor.startsWith('-');
  // the sentences staff read, so the partner can redo the sum by hand
  const words = explainSentences(
    { explanation: line.explanation as Explanation, amountMinor: line.amountMinor, currency: line.currency },
    t,
    i18n.language,
    'partner',
  );
  return (
    <Card withBorder radius="md" padding="sm" data-testid="earnings-line">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {t(`earnings.kind.${line.kind}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {day(line.earnedAt)}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Text fw={700} c={negative ? 'red.7' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {money(line.amountMinor, line.currency)}
          </Text>
          <Badge color={STATUS_COLOR[line.status]} variant="light" size="sm">
            {t(`earnings.status.${line.status}`)}
          </Badge>
        </Stack>
      </Group>
      {words.length > 0 ? (
        <Stack gap={0} mt={6}>
          {words.map((sentence) => (
            <Text key={sentence} size="xs" c="dimmed">
              {sentence}
            </Text>
          ))}
        </Stack>
      ) : null}
      {line.status === 'on_hold' && line.holdUntil ? (
        <Text size="xs" mt={4}>
          {t('earnings.lines.holdUntil', { date: day(line.holdUntil) })}
        </Text>
      ) : null}
      {line.decisionReason ? (
        <Text size="xs" mt={4}>
          {t('earnings.lines.reason', { reason: line.decisionReason })}
        </Text>
      ) : null}
    </Card>
  );
}
