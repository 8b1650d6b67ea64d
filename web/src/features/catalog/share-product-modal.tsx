import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page';
import type { CatalogProduct } from './types';

type ProductLink = { id: string; code: string; shortUrl: string; destinationUrl: string };

/**
 * Gets the partner's link for a product (the links service answers the existing one when there
 * is one) and offers to copy it or hand it to the phone's share sheet.
 */
export function ShareProductModal({
  enrollmentId,
  product,
  onClose,
}: {
  enrollmentId: string;
  product: CatalogProduct;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const link = useMutation({
    mutationFn: () => api.post<ProductLink>('/api/me/links', { enrollmentId, productId: product.id }),
  });
  const { mutate } = link;
  useEffect(() => mutate(), [mutate]);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const share = (url: string) =>
    navigator.share({ title: product.name, text: product.name, url }).catch(() => undefined);
  // a missing route (links not available yet) or a product without a page: say so plainly
  const unavailable =
    link.error instanceof ApiError &&
    ['not_found', 'unprocessable', 'validation_failed'].includes(link.error.code);
  return (
    <Modal opened onClose={onClose} title={t('catalog.share.title')} centered>
      <Stack>
        <Text size="sm" fw={600}>
          {product.name}
        </Text>
        {link.isPending ? <PageLoader /> : null}
        {unavailable ? (
          <Alert color="yellow" title={t('catalog.share.unavailableTitle')}>
            <Text size="sm">{t('catalog.share.unavailable')}</Text>
          </Alert>
        ) : (
          <ErrorAlert error={link.error} />
        )}
        {link.isError ? (
          <Button variant="light" onClick={() => link.mutate()}>
            {t('common.retry')}
          </Button>
        ) : null}
        {link.data ? (
          <>
            <TextInput
              label={t('catalog.share.shortUrl')}
              readOnly
              value={link.data.shortUrl}
              data-testid="product-share-url"
              onFocus={(event) => event.currentTarget.select()}
            />
            <Group grow>
              <CopyButton value={link.data.shortUrl}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'light' : 'default'}
                    color={copied ? 'teal' : undefined}
                    leftSection={
                      copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                    }
                    onClick={copy}
                  >
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
              {canShare ? (
                <Button
                  leftSection={<IconShare size={16} aria-hidden />}
                  onClick={() => share(link.data.shortUrl)}
                >
                  {t('catalog.share.share')}
                </Button>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t('catalog.share.hint')}
            </Text>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
