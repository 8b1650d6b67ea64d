import { Button, Center, CopyButton, Group, Image, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import type { Payout } from './api';
import { maskedAccount } from './status-badges';

/** The VietQR code of one payout, large enough to scan with a banking app, and its payload text. */
export function QrModal({ payout, onClose }: { payout: Payout | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const payload = useQuery({
    queryKey: ['payout-vietqr', payout?.id],
    queryFn: () => api.get<{ payload: string; reference: string }>(`/api/v1/payouts/${payout!.id}/vietqr`),
    enabled: Boolean(payout),
  });
  return (
    <Modal opened={payout !== null} onClose={onClose} title={t('payouts.qr.title')} centered size="md">
      {payout ? (
        <Stack gap="sm" data-testid="qr-modal">
          <Center>
            <Image
              src={`/api/v1/payouts/${payout.id}/vietqr.png`}
              alt={t('payouts.qr.alt', { name: payout.payeeName })}
              w={300}
              h={300}
              fit="contain"
              data-testid="qr-image"
            />
          </Center>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('payouts.fields.payee')}
            </Text>
            <Text size="sm" fw={600}>
              {payout.payeeName} · {maskedAccount(payout.bank)}
            </Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('payouts.fields.net')}
            </Text>
            <Text size="lg" fw={700} data-testid="qr-amount">
              {money(payout.netMinor, payout.currency)}
            </Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('payouts.fields.reference')}
            </Text>
            <Text size="sm" fw={600} ff="monospace" data-testid="qr-reference">
              {payout.reference}
            </Text>
          </Group>
          <ErrorAlert error={payload.error} />
          <Textarea
            label={t('payouts.qr.payload')}
            value={payload.data?.payload ?? ''}
            readOnly
            autosize
            minRows={2}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            data-testid="qr-payload"
          />
          <CopyButton value={payload.data?.payload ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'teal' : undefined}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
                onClick={copy}
                disabled={!payload.data}
              >
                {copied ? t('payouts.qr.copied') : t('payouts.qr.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : null}
    </Modal>
  );
}
