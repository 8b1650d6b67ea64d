import { Alert, Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconEye, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError } from '../../ui/notify';
import { PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import type { Bank } from './types';

type Kyc = {
  citizenId: string | null;
  dateOfBirth: string | null;
  address: string | null;
  bank: Bank | null;
  bankAccount: string | null;
  bankHolder: string | null;
  bankVerifiedAt: string | null;
};

const SECRET = ['citizenId', 'dateOfBirth', 'address', 'bankAccount', 'bankHolder'] as const;
const FIELDS = ['citizenId', 'dateOfBirth', 'address', 'bankName', 'bankAccount', 'bankHolder'] as const;

/** Know-your-partner data: masked by default; revealing it is permission-checked and logged. */
export function KycCard({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const confirm = useConfirm();
  const masked = useQuery({
    queryKey: ['partner-kyc', partnerId],
    queryFn: () => api.get<Kyc>(`/api/v1/partners/${partnerId}/kyc`),
  });
  const reveal = useMutation({
    mutationFn: () =>
      api.post<{ values: Record<string, string | null> }>(`/api/v1/partners/${partnerId}/kyc/reveal`, {
        fields: [...SECRET],
      }),
    onError: notifyError,
  });
  const queryClient = useQueryClient();
  const verifyBank = useMutation({
    mutationFn: () => api.post<{ bankVerifiedAt: string }>(`/api/v1/partners/${partnerId}/kyc/verify-bank`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partner-kyc', partnerId] }),
    onError: notifyError,
  });
  const askVerifyBank = async () => {
    if (
      await confirm({
        title: t('kyc.verifyBankTitle'),
        message: t('kyc.verifyBankWarning'),
        confirmLabel: t('kyc.verifyBank'),
        danger: false,
      })
    )
      verifyBank.mutate();
  };
  const shown = masked.data ? { ...masked.data, ...(reveal.data?.values ?? {}) } : null;
  const value = (field: (typeof FIELDS)[number]): string | null => {
    if (!shown) return null;
    if (field === 'bankName') return shown.bank ? `${shown.bank.shortName} (${shown.bank.bin})` : null;
    return shown[field];
  };
  const askReveal = async () => {
    if (
      await confirm({
        title: t('kyc.revealTitle'),
        message: t('kyc.revealWarning'),
        confirmLabel: t('kyc.reveal'),
        danger: false,
      })
    )
      reveal.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="kyc-heading">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconShieldLock size={18} aria-hidden />
          <Title order={2} size="h5" id="kyc-heading">
            {t('kyc.title')}
          </Title>
        </Group>
        {can('partners.kyc_reveal') && !reveal.data ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconEye size={14} aria-hidden />}
            onClick={askReveal}
            loading={reveal.isPending}
            data-testid="kyc-reveal"
          >
            {t('kyc.reveal')}
          </Button>
        ) : null}
      </Group>
      {reveal.data ? (
        <Alert color="yellow" mb="sm" py={6}>
          <Text size="xs">{t('kyc.revealedNotice')}</Text>
        </Alert>
      ) : null}
      <ErrorAlert error={masked.error} />
      {masked.isLoading ? <PageLoader /> : null}
      {shown ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {FIELDS.map((field) => (
            <div key={field}>
              <Text size="xs" c="dimmed">
                {t(`kyc.fields.${field}`)}
              </Text>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {value(field) || '—'}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      ) : null}
      {masked.data?.bankAccount ? (
        <Group justify="space-between" mt="sm" gap="xs">
          {masked.data.bankVerifiedAt ? (
            <Text size="sm" c="teal.8" data-testid="kyc-bank-verified">
              {t('kyc.bankVerified', { date: formatDate(masked.data.bankVerifiedAt) })}
            </Text>
          ) : (
            <Text size="sm" c="orange.8">
              {t('kyc.bankNotVerified')}
            </Text>
          )}
          {!masked.data.bankVerifiedAt && can('payouts.manage') ? (
            <Button
              size="xs"
              variant="light"
              onClick={askVerifyBank}
              loading={verifyBank.isPending}
              data-testid="kyc-verify-bank"
            >
              {t('kyc.verifyBank')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}
