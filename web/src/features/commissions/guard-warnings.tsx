import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type GuardWarning, VIETNAM_PAYOUT_CAP_PPM } from './guard-types';
import { formatPercent, formatShare } from './rates';

/**
 * The multi-level warning, in the same words on the plan editor and the guard report: more than one
 * override level is multi-level selling, whose total payouts Vietnam caps at 40 % of revenue.
 */
export function MultiLevelWarning({ depth, children }: { depth: number; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('commissionReports.multiLevel.title', { depth })}
      data-testid="multi-level-warning"
    >
      <Text size="sm" mb="xs">
        {t('commissionReports.multiLevel.text', {
          cap: formatPercent(VIETNAM_PAYOUT_CAP_PPM, i18n.language),
        })}
      </Text>
      {children}
      <Anchor component={Link} to="/commission-guard" size="sm">
        {t('commissionReports.multiLevel.seeReport')}
      </Anchor>
    </Alert>
  );
}

/** One warning of the guard report in plain words. */
export function warningText(
  warning: GuardWarning,
  t: (key: string, options?: Record<string, unknown>) => string,
  locale: string,
): string {
  const share = (ppm: string | null) => (ppm === null ? '—' : formatShare(ppm, locale));
  const percent = (ppm: string | null) => (ppm === null ? '—' : formatPercent(ppm, locale));
  const cap = formatPercent(VIETNAM_PAYOUT_CAP_PPM, locale);
  switch (warning.code) {
    case 'payouts_at_limit':
      return warning.sharePpm === null
        ? t('commissionReports.warnings.payoutsWithoutRevenue', { cap })
        : t('commissionReports.warnings.payouts', {
            share: share(warning.sharePpm),
            limit: percent(warning.limitPpm),
            cap,
          });
    case 'overrides_at_limit':
      return warning.sharePpm === null
        ? t('commissionReports.warnings.overridesWithoutRevenue')
        : t('commissionReports.warnings.overrides', {
            share: share(warning.sharePpm),
            limit: percent(warning.limitPpm),
          });
    case 'non_partner_below_limit':
      return t('commissionReports.warnings.nonPartner', {
        share: share(warning.sharePpm),
        limit: percent(warning.limitPpm),
      });
    case 'multi_level':
      return warning.acknowledged
        ? t('commissionReports.warnings.multiLevelAcknowledged', { depth: warning.overrideDepth, cap })
        : t('commissionReports.warnings.multiLevel', { depth: warning.overrideDepth, cap });
  }
}

/** A program's warnings as one alert, or a calm line when there is none. */
export function GuardWarnings({ warnings }: { warnings: GuardWarning[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0)
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
        {t('commissionReports.guard.noWarnings')}
      </Alert>
    );
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('commissionReports.guard.warningsTitle', { n: warnings.length })}
      data-testid="guard-warnings"
    >
      <List size="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={warning.code}>{warningText(warning, t, i18n.language)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
