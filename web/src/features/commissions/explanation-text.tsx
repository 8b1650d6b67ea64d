import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { explainSentences } from './explain';
import type { Explanation, LineKind, LineStatus } from './types';

/** "Why this amount": a line's explanation as plain sentences in the reader's language. */
export function ExplanationText({
  explanation,
  amountMinor,
  currency,
}: {
  explanation: Explanation;
  amountMinor: string;
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  const sentences = explainSentences({ explanation, amountMinor, currency }, t, i18n.language);
  if (sentences.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('commissions.explain.none')}
      </Text>
    );
  return (
    <List size="sm" spacing={4}>
      {sentences.map((sentence) => (
        <List.Item key={sentence}>{sentence}</List.Item>
      ))}
    </List>
  );
}

const STATUS_COLORS: Record<LineStatus, string> = {
  pending: 'gray',
  on_hold: 'yellow',
  approved: 'teal',
  review: 'orange',
  rejected: 'red',
  void: 'dark',
};

export function LineStatusBadge({ status }: { status: LineStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`commissions.status.${status}`)}
    </Badge>
  );
}

export function LineKindBadge({ kind, level }: { kind: LineKind; level?: number }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={kind === 'reversal' || kind === 'correction' ? 'grape' : 'blue'}
      // the name of a kind is never cut short, whatever the column's width
      miw="max-content"
    >
      {t(`commissions.kind.${kind}`)}
      {kind === 'override' && level ? ` · ${t('commissions.levelShort', { level })}` : ''}
    </Badge>
  );
}
