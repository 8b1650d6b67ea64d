import { Button, Code, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SourceKind } from './types';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** How to connect each platform, in the order staff click through it. */
export function SetupSteps({ kind, url }: { kind: SourceKind; url: string }) {
  const { t } = useTranslation();
  const steps =
    kind === 'shopify'
      ? [
          t('integrations.setup.shopify1'),
          t('integrations.setup.shopify2'),
          t('integrations.setup.shopify3'),
          t('integrations.setup.shopify4'),
        ]
      : kind === 'woocommerce'
        ? [
            t('integrations.setup.woo1'),
            t('integrations.setup.woo2'),
            t('integrations.setup.woo3'),
            t('integrations.setup.woo4'),
          ]
        : [
            t('integrations.setup.postback1'),
            t('integrations.setup.postback2'),
            t('integrations.setup.postback3'),
          ];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('integrations.setup.title')}
      </Text>
      <List type="ordered" size="sm" spacing={4}>
        {steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>
      {kind === 'postback' ? (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {postbackExample(url)}
        </Code>
      ) : null}
    </Stack>
  );
}

function postbackExample(url: string): string {
  return [
    `GET ${url}?token=…&order_id=DH-1001&amount=150000&currency=VND&kclid=…&ref=…&status=completed&payment=paid`,
    '',
    `POST ${url}`,
    'X-Kenh-Token: …',
    'Content-Type: application/json',
    '{"event_id": "evt-1", "order_id": "DH-1001", "currency": "VND", "coupon": "HOA10",',
    ' "items": [{"sku": "SERUM-30", "quantity": 2, "price": "150000"}], "status": "pending"}',
  ].join('\n');
}
