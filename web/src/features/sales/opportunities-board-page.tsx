import {
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconShoppingCartPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/page';
import { useCan } from '../auth/session';
import type { Program } from '../programs/types';
import { OPPORTUNITY_STATUSES, type OpportunityStatus, SALES_KEYS, type StaffOpportunity } from './api';
import { ConvertOpportunityModal } from './convert-opportunity-modal';

/** Where an opportunity may move from each column (the server enforces the same). */
const MOVES: Record<OpportunityStatus, OpportunityStatus[]> = {
  new: ['contacted', 'won', 'lost'],
  contacted: ['new', 'won', 'lost'],
  lost: ['new', 'contacted'],
  won: [],
};

type Move = { opportunity: StaffOpportunity; status: OpportunityStatus; reason?: string };

/** The pipeline of partners' opportunities: new, contacted, won, lost. */
export function OpportunitiesBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [programId, setProgramId] = useState<string | null>(null);
  const [losing, setLosing] = useState<StaffOpportunity | null>(null);
  const [converting, setConverting] = useState<StaffOpportunity | null>(null);
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
  });
  const move = useMutation({
    mutationFn: ({ opportunity, status, reason }: Move) =>
      api.patch(`/api/v1/opportunities/${opportunity.id}`, { status, reason }),
    onSuccess: (_, { status }) => {
      notifySuccess(t('sales.board.moved', { status: t(`sales.opportunityStatus.${status}`) }));
      setLosing(null);
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.opportunities });
    },
    onError: notifyError,
  });
  const canManage = can('orders.manage');
  return (
    <>
      <PageHeader
        title={t('sales.board.title')}
        description={t('sales.board.text')}
        actions={
          <Select
            aria-label={t('sales.program')}
            placeholder={t('sales.allPrograms')}
            clearable
            value={programId}
            onChange={setProgramId}
            data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
          />
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {OPPORTUNITY_STATUSES.map((status) => (
          <Column
            key={status}
            status={status}
            programId={programId}
            canManage={canManage}
            onMove={(opportunity, to) =>
              to === 'lost' ? setLosing(opportunity) : move.mutate({ opportunity, status: to })
            }
            onConvert={setConverting}
          />
        ))}
      </SimpleGrid>
      {losing ? (
        <LostModal
          opportunity={losing}
          busy={move.isPending}
          onClose={() => setLosing(null)}
          onSubmit={(reason) => move.mutate({ opportunity: losing, status: 'lost', reason })}
        />
      ) : null}
      {converting ? (
        <ConvertOpportunityModal opportunity={converting} onClose={() => setConverting(null)} />
      ) : null}
    </>
  );
}

function Column({
  status,
  programId,
  canManage,
  onMove,
  onConvert,
}: {
  status: OpportunityStatus;
  programId: string | null;
  canManage: boolean;
  onMove: (opportunity: StaffOpportunity, to: OpportunityStatus) => void;
  onConvert: (opportunity: StaffOpportunity) => void;
}) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: [...SALES_KEYS.opportunities, status, programId],
    queryFn: ({ pageParam }) =>
      api.get<Page<StaffOpportunity>>('/api/v1/opportunities', {
        status,
        programId: programId ?? undefined,
        cursor: pageParam,
        limit: 20,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)" data-testid={`board-${status}`}>
      <Title order={2} size="h5" mb="sm">
        {t(`sales.opportunityStatus.${status}`)}
      </Title>
      <ErrorAlert error={list.error} />
      <ScrollArea.Autosize mah="70vh">
        <Stack gap="xs">
          {list.isSuccess && items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('sales.board.empty')}
            </Text>
          ) : null}
          {items.map((opportunity) => (
            <OpportunityCard
              key={opportunity.id}
              opportunity={opportunity}
              canManage={canManage}
              onMove={(to) => onMove(opportunity, to)}
              onConvert={() => onConvert(opportunity)}
            />
          ))}
          {list.hasNextPage ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('sales.loadMore')}
            </Button>
          ) : null}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

function OpportunityCard({
  opportunity,
  canManage,
  onMove,
  onConvert,
}: {
  opportunity: StaffOpportunity;
  canManage: boolean;
  onMove: (to: OpportunityStatus) => void;
  onConvert: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const moves = MOVES[opportunity.status];
  const convertible = !opportunity.orderId && opportunity.status !== 'lost';
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="board-card">
      <Text fw={600} size="sm">
        {opportunity.customerName}
      </Text>
      <Text size="xs" c="dimmed">
        {[opportunity.customerPhone, opportunity.customerEmail].filter(Boolean).join(' · ')}
      </Text>
      <Text size="sm" mt={4} lineClamp={4}>
        {opportunity.need}
      </Text>
      {opportunity.estimatedValueMinor ? (
        <Text size="xs" mt={4}>
          {t('sales.opportunity.estimated', {
            value: format.money(opportunity.estimatedValueMinor, opportunity.currency),
          })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt={4}>
        {opportunity.partner?.name ?? '—'} · {opportunity.programName} · {format.day(opportunity.createdAt)}
      </Text>
      {opportunity.statusReason ? (
        <Text size="xs" c="red" mt={4}>
          {t('sales.opportunity.lostReason', { reason: opportunity.statusReason })}
        </Text>
      ) : null}
      {opportunity.orderId ? (
        <Text size="xs" c="teal" mt={4}>
          {t('sales.board.hasOrder')}
        </Text>
      ) : null}
      {canManage && (moves.length > 0 || convertible) ? (
        <Group gap={4} mt="xs">
          {moves.length > 0 ? (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button
                  size="compact-xs"
                  variant="default"
                  rightSection={<IconArrowRight size={12} aria-hidden />}
                >
                  {t('sales.board.move')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {moves.map((to) => (
                  <Menu.Item key={to} onClick={() => onMove(to)}>
                    {t(`sales.opportunityStatus.${to}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
          {convertible ? (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconShoppingCartPlus size={12} aria-hidden />}
              onClick={onConvert}
            >
              {t('sales.board.makeOrder')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}

function LostModal({
  opportunity,
  busy,
  onClose,
  onSubmit,
}: {
  opportunity: StaffOpportunity;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={t('sales.board.lostTitle', { name: opportunity.customerName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t('sales.board.lostReason')}
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={attempted && !reason.trim() ? t('sales.queue.reasonRequired') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('sales.board.markLost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
