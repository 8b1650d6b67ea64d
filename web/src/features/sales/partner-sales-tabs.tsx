import { SegmentedControl } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const SECTIONS = ['orders', 'opportunities', 'customers'] as const;
type Section = (typeof SECTIONS)[number];

/** The orders tab's three lists: orders, opportunities, customers. */
export function PartnerSalesTabs({ current }: { current: Section }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SegmentedControl
      fullWidth
      value={current}
      onChange={(value) => navigate({ to: `/${value}` })}
      data={SECTIONS.map((section) => ({ value: section, label: t(`sales.partner.sections.${section}`) }))}
      data-testid="sales-sections"
    />
  );
}
