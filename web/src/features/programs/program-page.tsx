import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconMailForward, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { PayoutSettingsCard } from '../payouts/payout-settings-card';
import { AddPartnerModal } from './add-partner-modal';
import { InvitePartnersModal } from './invite-partners-modal';
import { JoinLinkCard } from './join-link-card';
import { ProgramStatusBadge } from './programs-page';
import type { Program, ProgramStatus } from './types';

/** Which status changes each status offers. */
const NEXT: Record<ProgramStatus, ProgramStatus[]> = {
  draft: ['active', 'archived'],
  active: ['paused', 'archived'],
  paused: ['active', 'archived'],
  archived: [],
};

export function ProgramPage() {
  const { t } = useTranslation();
  const { programId } = useParams({ strict: false }) as { programId: string };
  const can = useCan();
  const format = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<'invite' | 'add' | null>(null);
  const program = useQuery({
    queryKey: ['program', programId],
    queryFn: () => api.get<Program>(`/api/v1/programs/${programId}`),
  });
  const changeStatus = useMutation({
    mutationFn: (status: ProgramStatus) =>
      api.post<Program>(`/api/v1/programs/${programId}/status`, { status }),
    onSuccess: (saved) => {
      notifySuccess(t('programs.statusChanged'));
      queryClient.setQueryData(['program', programId], saved);
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
    onError: notifyError,
  });
  if (program.isLoading) return <PageLoader />;
  if (!program.data) return <ErrorAlert error={program.error} />;
  const data = program.data;
  const manage = can('programs.manage');
  const askStatus = async (status: ProgramStatus) => {
    if (
      await confirm({
        title: t(`programs.statusActions.${status}`),
        message: t(`programs.statusConfirm.${status}`, { name: data.name }),
        confirmLabel: t(`programs.statusActions.${status}`),
        danger: status === 'archived' || status === 'paused',
      })
    )
      changeStatus.mutate(status);
  };
  const facts = [
    [t('programs.joinMode'), t(`programs.joinModes.${data.joinMode}`)],
    [t('programs.currency'), data.currency],
    [t('programs.cookieDaysShort'), t('programs.days', { count: data.cookieDays })],
    [t('programs.holdDaysShort'), t('programs.days', { count: data.holdDays })],
    [t('programs.minPayoutShort'), format.money(data.minPayout, data.currency)],
    [t('programs.maxUplineDepth'), String(data.maxUplineDepth)],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={data.name}
        description={data.description || undefined}
        actions={
          manage ? (
            <>
              {NEXT[data.status].map((status) => (
                <Button
                  key={status}
                  variant={status === 'active' ? 'filled' : 'default'}
                  onClick={() => askStatus(status)}
                  loading={changeStatus.isPending && changeStatus.variables === status}
                  data-testid={`program-${status}`}
                >
                  {t(`programs.statusActions.${status}`)}
                </Button>
              ))}
              <Button
                component={Link}
                to={`/programs/${data.id}/edit`}
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden />}
              >
                {t('common.edit')}
              </Button>
            </>
          ) : null
        }
      />
      <Group gap="xs">
        <ProgramStatusBadge status={data.status} />
        <Text size="sm" c="dimmed">
          {t('programs.pageCode', { code: data.pageCode })}
        </Text>
      </Group>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" fw={500}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <JoinLinkCard program={data} />
      {can('partners.manage') ? (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="recruit-heading">
          <Title order={2} size="h5" mb="sm" id="recruit-heading">
            {t('programs.recruit')}
          </Title>
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconMailForward size={16} aria-hidden />}
              onClick={() => setModal('invite')}
            >
              {t('programs.invite')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setModal('add')}
            >
              {t('programs.addPartner')}
            </Button>
            {can('partners.import') ? (
              <Button variant="subtle" component={Link} to="/partners/import">
                {t('imports.title')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}
      <PayoutSettingsCard programId={data.id} />
      {data.terms ? (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="terms-heading">
          <Title order={2} size="h5" mb="sm" id="terms-heading">
            {t('programs.terms')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.terms}
          </Text>
        </Paper>
      ) : null}
      {modal === 'invite' ? <InvitePartnersModal program={data} onClose={() => setModal(null)} /> : null}
      {modal === 'add' ? <AddPartnerModal program={data} onClose={() => setModal(null)} /> : null}
    </Stack>
  );
}
