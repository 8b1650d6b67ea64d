import { ActionIcon, Badge, Button, Code, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { type ApiKey, type Page, personLabel } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { CreateKeyModal } from './create-key-modal';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<Page<ApiKey>>('/api/v1/api-keys') });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/api-keys/${id}`),
    onSuccess: () => {
      notifySuccess(t('apiKeys.revoked'));
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: notifyError,
  });
  const askRevoke = async (key: ApiKey) => {
    if (
      await confirm({
        title: t('apiKeys.revokeTitle'),
        message: t('apiKeys.revokeConfirm', { name: key.name }),
        confirmLabel: t('apiKeys.revoke'),
      })
    )
      revoke.mutate(key.id);
  };
  const items = keys.data?.items ?? [];
  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} data-testid="create-api-key">
      {t('apiKeys.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.text')} actions={createButton} />
      <ErrorAlert error={keys.error} />
      {keys.isLoading ? <PageLoader /> : null}
      {keys.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconKey size={26} />}
          title={t('apiKeys.emptyTitle')}
          description={t('apiKeys.emptyText')}
          action={createButton}
        />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label={t('apiKeys.title')} bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiKeys.name')}</Table.Th>
                <Table.Th>{t('apiKeys.prefix')}</Table.Th>
                <Table.Th>{t('staff.role')}</Table.Th>
                <Table.Th>{t('apiKeys.createdBy')}</Table.Th>
                <Table.Th>{t('apiKeys.created')}</Table.Th>
                <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((key) => (
                <Table.Tr key={key.id} opacity={key.revokedAt ? 0.6 : 1}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {key.name}
                    </Text>
                    {key.revokedAt ? (
                      <Badge color="gray" size="xs">
                        {t('apiKeys.revokedOn', { date: format.day(key.revokedAt) })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`roles.${key.role}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{key.createdByName ?? personLabel(key.createdBy)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{format.date(key.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {key.lastUsedAt ? format.date(key.lastUsedAt) : t('apiKeys.neverUsed')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {key.revokedAt ? null : (
                      <Tooltip label={t('apiKeys.revoke')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                          onClick={() => askRevoke(key)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CreateKeyModal opened={opened} onClose={close} />
    </>
  );
}
