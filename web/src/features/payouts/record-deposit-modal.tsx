import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { EnrollmentPicker, type PickedEnrollment } from '../partners/enrollment-picker';
import { amountTextToMinor } from './amount';
import { AmountInput } from './amount-input';
import { type Deposit, recordDeposit } from './api';

export type DepositProgram = { id: string; name: string; currency: string };

export type { PickedEnrollment };

/** A reference for a deposit typed in by hand: "DEP-20261129-4K7Q2M". */
export function newDepositReference(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const random = [...crypto.getRandomValues(new Uint8Array(6))]
    .map((byte) => alphabet[byte % alphabet.length])
    .join('');
  return `DEP-${day}-${random}`;
}

/** Recording a deposit a partner paid in, or one refunded to them. */
export function RecordDepositModal({
  opened,
  onClose,
  ...rest
}: {
  opened: boolean;
  initial: PickedEnrollment | null;
  programs: DepositProgram[];
  programId: string | null;
  deposits: Deposit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('payouts.deposits.record')} size="lg">
      {opened ? <RecordDepositForm onClose={onClose} {...rest} /> : null}
    </Modal>
  );
}

function RecordDepositForm({
  initial,
  programs,
  programId,
  deposits,
  onClose,
}: {
  initial: PickedEnrollment | null;
  programs: DepositProgram[];
  programId: string | null;
  deposits: Deposit[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useFormat();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [picked, setPicked] = useState<PickedEnrollment | null>(initial);
  const [direction, setDirection] = useState<'received' | 'refund'>('received');
  const [amountText, setAmountText] = useState('');
  const [memo, setMemo] = useState('');
  const [reference, setReference] = useState(newDepositReference);
  const [attempted, setAttempted] = useState(false);
  const currency = programs.find((program) => program.id === picked?.program.id)?.currency ?? 'VND';
  const amount = amountTextToMinor(amountText, currency, i18n.language);
  const current = deposits.find((row) => row.enrollmentId === picked?.enrollmentId);
  const problems = {
    partner: picked ? undefined : t('payouts.deposits.partnerRequired'),
    amount: amount !== null && amount > 0n ? undefined : t('payouts.request.errors.required'),
    memo: memo.trim() ? undefined : t('payouts.deposits.memoRequired'),
    reference: reference.trim() ? undefined : t('payouts.deposits.referenceRequired'),
  };
  const show = (key: keyof typeof problems, apiField: string) =>
    (attempted ? problems[key] : undefined) ?? errors.field(apiField);
  const save = useMutation({
    mutationFn: () =>
      recordDeposit({
        enrollmentId: picked!.enrollmentId,
        amountMinor: (direction === 'refund' ? -amount! : amount!).toString(),
        memo: memo.trim(),
        reference: reference.trim(),
      }),
    onSuccess: async (result) => {
      notifySuccess(t('payouts.deposits.recorded', { balance: money(result.balanceMinor, currency) }));
      await queryClient.invalidateQueries({ queryKey: ['deposits'] });
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    errors.clear();
    if (Object.values(problems).some(Boolean) || save.isPending) return;
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="record-deposit-form">
      <Stack gap="sm">
        <EnrollmentPicker
          label={t('payouts.fields.partner')}
          placeholder={t('payouts.deposits.partnerSearch')}
          nothingFoundMessage={t('payouts.deposits.noPartner')}
          required
          picked={picked}
          onPick={setPicked}
          programId={programId}
          error={show('partner', 'enrollmentId')}
          data-testid="deposit-partner"
        />
        {current ? (
          <Text size="sm" c="dimmed">
            {t('payouts.deposits.current', { balance: money(current.balanceMinor, current.currency) })}
          </Text>
        ) : null}
        <SegmentedControl
          fullWidth
          value={direction}
          onChange={(value) => setDirection(value as 'received' | 'refund')}
          data={[
            { value: 'received', label: t('payouts.deposits.received') },
            { value: 'refund', label: t('payouts.deposits.refund') },
          ]}
          data-testid="deposit-direction"
        />
        <AmountInput
          name="depositAmount"
          label={t('payouts.request.amount', { currency })}
          description={t(
            direction === 'refund' ? 'payouts.deposits.refundHint' : 'payouts.deposits.receivedHint',
          )}
          value={amountText}
          onChange={setAmountText}
          currency={currency}
          error={show('amount', 'amountMinor')}
        />
        <TextInput
          name="memo"
          label={t('payouts.deposits.memo')}
          placeholder={t('payouts.deposits.memoPlaceholder')}
          required
          value={memo}
          onChange={(event) => setMemo(event.currentTarget.value)}
          error={show('memo', 'memo')}
          maxLength={300}
        />
        <TextInput
          name="reference"
          label={t('payouts.deposits.reference')}
          description={t('payouts.deposits.referenceHint')}
          required
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={show('reference', 'reference')}
          maxLength={100}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <ErrorAlert error={errors.general} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={direction === 'refund' ? 'orange' : undefined}
            loading={save.isPending}
            data-testid="record-deposit-submit"
          >
            {t(direction === 'refund' ? 'payouts.deposits.submitRefund' : 'payouts.deposits.submitReceived')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
