import { Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconReportMoney, IconShieldHalf } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import type { Program } from '../programs/types';
import { PLANS_KEY, type Plan, type PlanSummary } from './types';

/** Commission plans, one per program, with the version in force and since when. */
export function CommissionPlansPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const plans = useQuery({
    queryKey: [PLANS_KEY],
    queryFn: () => api.get<{ items: PlanSummary[] }>('/api/v1/commission-plans'),
  });
  const items = plans.data?.items ?? [];
  const manage = can('commissions.manage');
  const createButton = manage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('commissions.plans.create')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title={t('commissions.plans.title')}
        description={t('commissions.plans.text')}
        actions={
          <>
            <Button
              component={Link}
              to="/commission-guard"
              variant="default"
              leftSection={<IconShieldHalf size={16} aria-hidden />}
            >
              {t('commissionReports.plans.guardLink')}
            </Button>
            {createButton}
          </>
        }
      />
      {plans.isError ? <ErrorAlert error={plans.error} /> : null}
      {plans.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard
          icon={<IconReportMoney size={26} />}
          title={t('commissions.plans.empty')}
          description={t('commissions.plans.emptyText')}
          action={createButton}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('commissions.fields.program')}</Table.Th>
                  <Table.Th>{t('commissions.plans.inForce')}</Table.Th>
                  <Table.Th>{t('commissions.plans.effectiveFrom')}</Table.Th>
                  <Table.Th>{t('commissions.plans.rules')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((plan) => (
                  <Table.Tr key={plan.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/commission-plans/${plan.id}`} fw={500}>
                        {plan.programName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {plan.currency}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {plan.currentVersion
                        ? t('commissions.plans.versionN', { version: plan.currentVersion.version })
                        : t('commissions.plans.noVersion')}
                    </Table.Td>
                    <Table.Td>{format.date(plan.currentVersion?.effectiveFrom)}</Table.Td>
                    <Table.Td>{plan.currentVersion ? plan.currentVersion.rules.length : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreatePlanModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CreatePlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [programId, setProgramId] = useState<string | null>(null);
  const programs = useQuery({
    queryKey: ['programs', 'all-for-commissions'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
    enabled: opened,
  });
  const mutation = useMutation({
    mutationFn: (id: string) => api.post<Plan>('/api/v1/commission-plans', { programId: id }),
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: [PLANS_KEY] });
      onClose();
      void navigate({ to: `/commission-plans/${plan.id}` });
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('commissions.plans.create')} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('commissions.plans.createText')}
        </Text>
        <Select
          label={t('commissions.fields.program')}
          data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
          value={programId}
          onChange={setProgramId}
          searchable
        />
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!programId}
            loading={mutation.isPending}
            onClick={() => programId && mutation.mutate(programId)}
          >
            {t('commissions.plans.open')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
