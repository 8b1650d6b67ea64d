import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { ApiKey, Role } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormErrors } from '../../ui/use-form-errors';
import { RoleSelect } from '../orgs/role-select';

/** Creates a key and shows its secret exactly once. */
export function CreateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('admin');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<{ apiKey: ApiKey; secret: string }>('/api/v1/api-keys', { name: name.trim(), role }),
    onSuccess: (result) => {
      setSecret(result.secret);
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: errors.set,
  });
  const close = () => {
    setSecret(null);
    setName('');
    errors.clear();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    create.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? t('apiKeys.createdTitle') : t('apiKeys.createTitle')}
      closeOnClickOutside={!secret}
    >
      {secret ? (
        <Stack>
          <Alert color="yellow">{t('apiKeys.secretOnce')}</Alert>
          <Code block data-testid="api-key-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('apiKeys.usage')}
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={errors.general} />
            <TextInput
              label={t('apiKeys.name')}
              description={t('apiKeys.nameHint')}
              name="name"
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.field('name')}
            />
            <RoleSelect
              label={t('staff.role')}
              name="role"
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              error={errors.field('role')}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('apiKeys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
