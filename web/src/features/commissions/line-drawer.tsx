import { Anchor, Code, Drawer, Group, Stack, Table, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { ExplanationText, LineKindBadge, LineStatusBadge } from './explanation-text';
import { formatPercent } from './rates';
import type { CommissionLine } from './types';

/** One commission line in a side panel: why it has its amount, its numbers and the stored explanation. */
export function LineDrawer({ line, onClose }: { line: CommissionLine | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = line
    ? [
        [t('commissions.fields.amount'), format.money(line.amountMinor, line.currency)],
        [t('commissions.fields.base'), format.money(line.baseMinor, line.currency)],
        [
          t('commissions.fields.rate'),
          line.ratePpm === null ? '—' : formatPercent(line.ratePpm, i18n.language),
        ],
        [t('commissions.fields.exact'), line.explanation.exact ?? '—'],
        [t('commissions.fields.rounding'), t(`commissions.rounding.${line.rounding}`)],
        [t('commissions.fields.level'), line.level ? String(line.level) : '—'],
        [t('commissions.fields.rule'), ruleLabel(line)],
        [
          t('commissions.fields.planVersion'),
          line.planVersion
            ? t('commissions.plans.versionN', { version: line.planVersion })
            : (line.planVersionId ?? '—'),
        ],
        [
          t('commissions.fields.enrollment'),
          line.partnerName ? `${line.partnerName} (${line.referralCode})` : line.enrollmentId,
        ],
        [t('commissions.fields.reverses'), line.reversesLineId ?? '—'],
        [t('commissions.fields.holdUntil'), format.date(line.holdUntil)],
        [t('commissions.fields.earnedAt'), format.date(line.earnedAt)],
        [t('commissions.fields.decidedAt'), format.date(line.decidedAt)],
        [t('commissions.fields.decisionReason'), line.decisionReason ?? '—'],
      ]
    : [];
  return (
    <Drawer
      opened={line !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('commissions.drawer.title')}
    >
      {line ? (
        <Stack gap="md">
          <Group gap="xs">
            <LineKindBadge kind={line.kind} level={line.level} />
            <LineStatusBadge status={line.status} />
            {line.orderId ? (
              <Anchor component={Link} to={`/orders/${line.orderId}`} size="sm">
                {t('commissions.drawer.openOrder')}
              </Anchor>
            ) : null}
          </Group>
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('commissions.drawer.why')}
            </Title>
            <ExplanationText
              explanation={line.explanation}
              amountMinor={line.amountMinor}
              currency={line.currency}
            />
          </div>
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('commissions.drawer.numbers')}
            </Title>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Td c="dimmed" w="40%">
                      {label}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('commissions.drawer.raw')}
            </Title>
            <Code block>{JSON.stringify(line.explanation, null, 2)}</Code>
          </div>
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** The rule by its name (a correction names the rule of the line it corrects), with its id. */
function ruleLabel(line: CommissionLine): string {
  const name = (line.explanation.rule ?? line.explanation.recomputed?.rule)?.name;
  if (!line.ruleId) return name ?? '—';
  return name ? `${name} (${line.ruleId})` : line.ruleId;
}
