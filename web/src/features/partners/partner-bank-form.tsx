import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { BankSelect } from './bank-select';

/** The bank account payouts go to; the saved number is shown masked, a new one replaces it. */
export function PartnerBankForm() {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [bankBin, setBankBin] = useState<string | null>(null);
  const [accountNumber, setAccountNumber] = useState('');
  const [holderName, setHolderName] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.put<{ organisations: number; bankAccountLast4: string }>('/api/me/bank', {
        bankBin,
        bankAccount: accountNumber.replace(/\s+/g, ''),
        bankHolder: holderName.trim(),
      }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      setAccountNumber('');
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    save.mutate();
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="bank-heading"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="bank-heading">
          {t('partnerApp.bankTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('partnerApp.bankText')}
        </Text>
        {save.data ? (
          <Alert color="teal" data-testid="bank-saved">
            {t('partnerApp.bankSaved', { last4: save.data.bankAccountLast4 })}
          </Alert>
        ) : null}
        <ErrorAlert error={errors.general} />
        <BankSelect required value={bankBin} onChange={setBankBin} error={errors.field('bankBin')} />
        <TextInput
          label={t('kyc.fields.bankAccount')}
          required
          inputMode="numeric"
          autoComplete="off"
          value={accountNumber}
          onChange={(event) => setAccountNumber(event.currentTarget.value)}
          error={errors.field('bankAccount')}
        />
        <TextInput
          label={t('kyc.fields.bankHolder')}
          description={t('partnerApp.holderHint')}
          required
          value={holderName}
          onChange={(event) => setHolderName(event.currentTarget.value.toUpperCase())}
          error={errors.field('bankHolder')}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!bankBin || !accountNumber.trim() || !holderName.trim()}
          >
            {t('partnerApp.saveBank')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
