import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCoin, IconFileImport, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { startOfZonedDay } from '../../lib/format';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { ExportButtons } from '../../ui/export-buttons';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { EnrollmentPicker, type PickedEnrollment } from '../partners/enrollment-picker';
import { parseMajorToMinor } from '../programs/money';
import type { Program } from '../programs/types';
import { type Decision, DecisionModal } from './decision-modal';
import { LineKindBadge, LineStatusBadge } from './explanation-text';
import { IncidentalImportModal } from './incidental-import-modal';
import { LineAmountButton, PartnerCell } from './line-cells';
import { LineDrawer } from './line-drawer';
import { COMMISSIONS_KEY, type CommissionLine, LINE_KINDS, LINE_STATUSES } from './types';

type Filter = {
  status?: string;
  kind?: string;
  programId?: string;
  enrollmentId?: string;
  from?: string;
  to?: string;
};

const usePrograms = () =>
  useQuery({
    queryKey: ['programs', 'all-for-commissions'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
  });

/** Staff list of commission lines: filters, paging, bulk decisions, the "why" of each line. */
function statusesInUrl(): string[] {
  const asked = new URLSearchParams(window.location.search).get('status')?.split(',') ?? [];
  return asked.filter((status) => (LINE_STATUSES as readonly string[]).includes(status));
}

export function CommissionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const paging = useCursorPaging();
  const programs = usePrograms();
  // a link may ask for statuses (the home page's "waiting for review": ?status=review)
  const [statuses, setStatuses] = useState<string[]>(statusesInUrl);
  const [kinds, setKinds] = useState<string[]>([]);
  const [programId, setProgramId] = useState<string | null>(null);
  const [partner, setPartner] = useState<PickedEnrollment | null>(null);
  const enrollmentId = partner?.enrollmentId;
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openLine, setOpenLine] = useState<CommissionLine | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [incidentalOpen, setIncidentalOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const refilter =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setSelected(new Set());
      paging.reset();
    };
  const filter: Filter = {
    status: statuses.length ? statuses.join(',') : undefined,
    kind: kinds.length ? kinds.join(',') : undefined,
    programId: programId ?? undefined,
    enrollmentId: enrollmentId || undefined,
    from: range[0] ? startOfZonedDay(range[0], format.timeZone).toISOString() : undefined,
    to: range[1] ? startOfZonedDay(range[1], format.timeZone, true).toISOString() : undefined,
  };
  const list = useQuery({
    queryKey: [COMMISSIONS_KEY, filter, paging.cursor],
    queryFn: () =>
      api.get<Page<CommissionLine>>('/api/v1/commissions', { ...filter, limit: 50, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const filtered = Boolean(
    statuses.length || kinds.length || programId || enrollmentId || range[0] || range[1],
  );
  const approve = can('commissions.approve');
  const allOnPage = items.length > 0 && items.every((line) => selected.has(line.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('commissions.lines.title')}
        description={t('commissions.lines.text')}
        actions={
          can('commissions.manage') ? (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImportOpen(true)}
              >
                {t('commissionsImport.action')}
              </Button>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setIncidentalOpen(true)}
              >
                {t('commissions.incidental.add')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <MultiSelect
          label={t('commissions.fields.status')}
          placeholder={statuses.length ? undefined : t('commissions.lines.allStatuses')}
          data={LINE_STATUSES.map((value) => ({ value, label: t(`commissions.status.${value}`) }))}
          value={statuses}
          onChange={refilter(setStatuses)}
          clearable
          w={220}
        />
        <MultiSelect
          label={t('commissions.fields.kind')}
          placeholder={kinds.length ? undefined : t('commissions.lines.allKinds')}
          data={LINE_KINDS.map((value) => ({ value, label: t(`commissions.kind.${value}`) }))}
          value={kinds}
          onChange={refilter(setKinds)}
          clearable
          w={240}
        />
        <Select
          label={t('commissions.fields.program')}
          placeholder={t('commissions.lines.allPrograms')}
          data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
          value={programId}
          onChange={refilter(setProgramId)}
          clearable
          searchable
          w={200}
        />
        <EnrollmentPicker
          label={t('commissions.fields.enrollment')}
          placeholder={t('commissionReports.ledger.allPartners')}
          picked={partner}
          onPick={refilter(setPartner)}
          programId={programId}
          w={280}
        />
        <TextInput
          type="date"
          label={t('commissions.lines.from')}
          value={range[0] ?? ''}
          onChange={(event) => refilter(setRange)([event.currentTarget.value || null, range[1]])}
          w={160}
        />
        <TextInput
          type="date"
          label={t('commissions.lines.to')}
          value={range[1] ?? ''}
          onChange={(event) => refilter(setRange)([range[0], event.currentTarget.value || null])}
          w={160}
        />
      </Group>
      <Group mb="sm" gap="xs" justify="space-between">
        {approve ? (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('commissions.lines.selected', { count: selected.size })}
            </Text>
            <Button
              size="xs"
              color="teal"
              disabled={selected.size === 0}
              onClick={() => setDecision({ decision: 'approve', target: 'selected' })}
            >
              {t('commissions.decide.approveSelected')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              disabled={selected.size === 0}
              onClick={() => setDecision({ decision: 'reject', target: 'selected' })}
            >
              {t('commissions.decide.rejectSelected')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={items.length === 0}
              onClick={() => setDecision({ decision: 'approve', target: 'filter' })}
            >
              {t('commissions.decide.approveMatching')}
            </Button>
          </Group>
        ) : (
          <span />
        )}
        <ExportButtons path="/api/v1/commissions" query={filter} />
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard
          icon={<IconCoin size={26} />}
          title={filtered ? t('commissions.lines.noMatch') : t('commissions.lines.empty')}
          description={filtered ? undefined : t('commissions.lines.emptyText')}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  {approve ? (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('commissions.lines.selectPage')}
                        checked={allOnPage}
                        indeterminate={!allOnPage && items.some((line) => selected.has(line.id))}
                        onChange={() =>
                          setSelected((current) => {
                            const next = new Set(current);
                            for (const line of items) {
                              if (allOnPage) next.delete(line.id);
                              else next.add(line.id);
                            }
                            return next;
                          })
                        }
                      />
                    </Table.Th>
                  ) : null}
                  <Table.Th>{t('commissions.fields.enrollment')}</Table.Th>
                  <Table.Th>{t('commissions.fields.order')}</Table.Th>
                  <Table.Th>{t('commissions.fields.kind')}</Table.Th>
                  <Table.Th ta="right">{t('commissions.fields.amount')}</Table.Th>
                  <Table.Th>{t('commissions.fields.status')}</Table.Th>
                  <Table.Th>{t('commissions.fields.earnedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((line) => (
                  <Table.Tr key={line.id} style={{ cursor: 'pointer' }} onClick={() => setOpenLine(line)}>
                    {approve ? (
                      <Table.Td onClick={(event) => event.stopPropagation()}>
                        <Checkbox
                          aria-label={t('commissions.lines.selectLine')}
                          checked={selected.has(line.id)}
                          onChange={() => toggle(line.id)}
                        />
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <PartnerCell line={line} />
                    </Table.Td>
                    <Table.Td onClick={(event) => event.stopPropagation()}>
                      {line.orderId ? (
                        <Anchor component={Link} to={`/orders/${line.orderId}`} size="sm">
                          {line.orderNumber ?? line.orderId}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                      {line.lineNo !== null ? (
                        <Text size="xs" c="dimmed">
                          {t('commissions.lines.lineNo', { lineNo: line.lineNo })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <LineKindBadge kind={line.kind} level={line.level} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <LineAmountButton line={line} onOpen={setOpenLine} />
                    </Table.Td>
                    <Table.Td>
                      <LineStatusBadge status={line.status} />
                    </Table.Td>
                    <Table.Td>{format.date(line.earnedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} />
      <LineDrawer line={openLine} onClose={() => setOpenLine(null)} />
      <DecisionModal
        decision={decision}
        lineIds={[...selected]}
        filter={filter}
        onClose={() => setDecision(null)}
        onDone={() => setSelected(new Set())}
      />
      <IncidentalModal opened={incidentalOpen} onClose={() => setIncidentalOpen(false)} />
      <IncidentalImportModal opened={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}

function IncidentalModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programs = usePrograms();
  const [programId, setProgramId] = useState<string | null>(null);
  const [partner, setPartner] = useState<PickedEnrollment | null>(null);
  const [sign, setSign] = useState<'bonus' | 'penalty'>('bonus');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const program = programs.data?.items.find((item) => item.id === programId);
  const currency = program?.currency ?? 'VND';
  const mutation = useMutation({
    mutationFn: (body: unknown) => api.post<CommissionLine>('/api/v1/commissions/incidental', body),
    onSuccess: () => {
      notifySuccess(t('commissions.incidental.added'));
      void queryClient.invalidateQueries({ queryKey: [COMMISSIONS_KEY] });
      close();
    },
  });
  const close = () => {
    setPartner(null);
    setAmount('');
    setReason('');
    setProblems({});
    mutation.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const minor = parseMajorToMinor(amount, currency);
    if (!partner) next.enrollmentId = t('commissions.form.required');
    if (!minor || minor === '0') next.amount = t('commissions.form.invalidAmount');
    if (!reason.trim()) next.reason = t('commissions.form.required');
    setProblems(next);
    if (Object.keys(next).length > 0 || !minor || !partner) return;
    mutation.mutate({
      enrollmentId: partner.enrollmentId,
      amountMinor: sign === 'penalty' ? `-${minor}` : minor,
      reason: reason.trim(),
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('commissions.incidental.title')} centered>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('commissions.incidental.text')}
          </Text>
          <Select
            label={t('commissions.fields.program')}
            description={t('commissions.incidental.programHint')}
            data={(programs.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            value={programId}
            onChange={setProgramId}
            searchable
          />
          <EnrollmentPicker
            label={t('commissions.fields.enrollment')}
            description={t('commissions.incidental.enrollmentHint')}
            placeholder={t('commissions.incidental.partnerSearch')}
            required
            picked={partner}
            onPick={setPartner}
            programId={programId}
            error={problems.enrollmentId}
            comboboxProps={{ withinPortal: true }}
          />
          <SegmentedControl
            value={sign}
            onChange={(value) => setSign(value as 'bonus' | 'penalty')}
            data={[
              { value: 'bonus', label: t('commissions.incidental.bonus') },
              { value: 'penalty', label: t('commissions.incidental.penalty') },
            ]}
          />
          <TextInput
            label={t('commissions.fields.amount')}
            rightSection={<Text size="xs">{currency}</Text>}
            required
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={problems.amount}
          />
          <Textarea
            label={t('commissions.decide.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problems.reason}
            maxLength={500}
            autosize
            minRows={2}
          />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('commissions.incidental.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
