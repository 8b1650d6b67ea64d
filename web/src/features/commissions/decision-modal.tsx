import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { COMMISSIONS_KEY } from './types';

export type Decision = { decision: 'approve' | 'reject'; target: 'selected' | 'filter' };

type UndecidedSummary = {
  lines: number;
  totals: { currency: string; amountMinor: string }[];
  maxPerDecision: number;
};

/** The lines a decision by filter covers, as the decisions API reads them. */
export type LineFilter = Record<string, string | undefined>;

/** Approves or rejects commission lines, the selected ones or every one a filter matches; rejecting needs a reason. */
export function DecisionModal({
  decision,
  lineIds,
  filter,
  onClose,
  onDone,
  filterText,
}: {
  decision: Decision | null;
  lineIds: string[];
  filter: LineFilter;
  onClose: () => void;
  onDone: () => void;
  /** What the decision covers when it goes by filter (the commissions page says "every matching line"). */
  filterText?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const byFilter = decision?.target === 'filter';
  // how many lines and how much money a decision by filter covers, read when the dialog opens
  const summary = useQuery({
    queryKey: [COMMISSIONS_KEY, 'undecided-summary', filter],
    queryFn: () => api.get<UndecidedSummary>('/api/v1/commissions/undecided-summary', filter),
    enabled: byFilter,
    staleTime: 0,
  });
  const covered = byFilter ? summary.data : undefined;
  const nothingToDecide = covered !== undefined && covered.lines === 0;
  const tooMany = covered !== undefined && covered.lines > covered.maxPerDecision;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      api.post<{ decided: number; skipped: { id: string; reason: string }[] }>(
        '/api/v1/commissions/decisions',
        body,
      ),
    onSuccess: (result) => {
      notifySuccess(t('commissions.decide.done', { count: result.decided, skipped: result.skipped.length }));
      void queryClient.invalidateQueries({ queryKey: [COMMISSIONS_KEY] });
      onDone();
      close();
    },
  });
  const close = () => {
    setReason('');
    setMissing(false);
    mutation.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    if (decision.decision === 'reject' && reason.trim() === '') {
      setMissing(true);
      return;
    }
    mutation.mutate({
      decision: decision.decision,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(decision.target === 'selected' ? { lineIds } : { filter }),
    });
  };
  const reject = decision?.decision === 'reject';
  return (
    <Modal
      opened={decision !== null}
      onClose={close}
      title={reject ? t('commissions.decide.rejectTitle') : t('commissions.decide.approveTitle')}
      centered
    >
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {decision?.target === 'filter'
              ? (filterText ?? t('commissions.decide.matchingText'))
              : t('commissions.decide.selectedText', { count: lineIds.length })}
          </Text>
          {byFilter ? (
            <Text
              size="sm"
              fw={600}
              c={nothingToDecide || tooMany ? 'red' : undefined}
              data-testid="decision-summary"
            >
              {summary.isPending
                ? t('common.loading')
                : !covered
                  ? null
                  : nothingToDecide
                    ? t('commissions.decide.summaryNone')
                    : tooMany
                      ? t('commissions.decide.summaryTooMany', {
                          count: covered.lines,
                          max: format.number(covered.maxPerDecision),
                        })
                      : t('commissions.decide.summary', {
                          count: covered.lines,
                          amount: covered.totals
                            .map((total) => format.money(total.amountMinor, total.currency))
                            .join(' + '),
                        })}
            </Text>
          ) : null}
          <ErrorAlert error={summary.error} />
          <Textarea
            label={t('commissions.decide.reason')}
            description={
              reject ? t('commissions.decide.reasonRequired') : t('commissions.decide.reasonOptional')
            }
            required={reject}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('commissions.decide.reasonRequired') : undefined}
            maxLength={500}
            autosize
            minRows={2}
          />
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={reject ? 'red' : 'teal'}
              loading={mutation.isPending}
              disabled={byFilter && (!covered || nothingToDecide || tooMany)}
            >
              {reject ? t('commissions.decide.reject') : t('commissions.decide.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
