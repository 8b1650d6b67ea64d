import { Select } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { EmptyCard, PageLoader } from '../../ui/page';
import { type MyEnrollmentOption, useMyEnrollments } from './api';

/** The approved enrollment the partner sells in: chosen when they have several. */
export function useSellingEnrollment() {
  const enrollments = useMyEnrollments();
  const approved = (enrollments.data ?? []).filter((enrollment) => enrollment.status === 'approved');
  const [chosen, setChosen] = useState<string | null>(null);
  const current = approved.find((enrollment) => enrollment.id === chosen) ?? approved[0] ?? null;
  return { query: enrollments, approved, current, choose: setChosen };
}

/** A program select when there is a choice; a loader, an error or "nothing to sell in yet" otherwise. */
export function EnrollmentPicker({ selling }: { selling: ReturnType<typeof useSellingEnrollment> }) {
  const { t } = useTranslation();
  if (selling.query.isLoading) return <PageLoader />;
  if (selling.query.error) return <ErrorAlert error={selling.query.error} />;
  if (!selling.current)
    return (
      <EmptyCard
        icon={<IconRocket size={26} />}
        title={t('sales.partner.noProgram')}
        description={t('sales.partner.noProgramText')}
      />
    );
  if (selling.approved.length < 2) return null;
  return (
    <Select
      label={t('sales.partner.program')}
      allowDeselect={false}
      value={selling.current.id}
      onChange={(value) => selling.choose(value)}
      data={selling.approved.map((enrollment: MyEnrollmentOption) => ({
        value: enrollment.id,
        label: `${enrollment.program.name} · ${enrollment.organisation.name}`,
      }))}
    />
  );
}
