import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import type { CommissionLine } from './types';

/** A line's amount as a button that opens its explanation; negative amounts in red, struck when it no longer counts. */
export function LineAmountButton({
  line,
  onOpen,
  struck = false,
}: {
  line: CommissionLine;
  onOpen: (line: CommissionLine) => void;
  struck?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = format.money(line.amountMinor, line.currency);
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      td={struck ? 'line-through' : undefined}
      c={BigInt(line.amountMinor) < 0n ? 'red' : undefined}
      aria-label={t('commissions.lines.explainLine', { amount })}
      onClick={(event) => {
        event.stopPropagation();
        onOpen(line);
      }}
    >
      {amount}
    </Anchor>
  );
}

/** Who earns a line: the partner's name and referral code, or the enrollment id when unknown. */
export function PartnerCell({ line }: { line: CommissionLine }) {
  if (!line.partnerName)
    return (
      <Text size="sm" ff="monospace">
        {line.enrollmentId}
      </Text>
    );
  return (
    <>
      <Text size="sm">{line.partnerName}</Text>
      <Text size="xs" c="dimmed">
        {line.referralCode}
      </Text>
    </>
  );
}
