import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormErrors } from '../../ui/use-form-errors';
import { CopyField, SetupSteps } from './setup-steps';
import { SOURCE_KINDS, type SourceKind, type SourceWithSecret } from './types';

export function useProgramOptions() {
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<Page<{ id: string; name: string }>>('/api/v1/programs', { limit: 100 }),
  });
  return (programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }));
}

/** Adds a source: the platform's secret is pasted here; a postback token is shown once after. */
export function CreateSourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const programs = useProgramOptions();
  const [kind, setKind] = useState<SourceKind>('shopify');
  const [name, setName] = useState('');
  const [programId, setProgramId] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const [created, setCreated] = useState<SourceWithSecret | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<SourceWithSecret>('/api/v1/webhook-sources', {
        kind,
        name: name.trim(),
        ...(programId ? { programId } : {}),
        ...(kind === 'postback' ? {} : { secret: secret.trim() }),
      }),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: ['webhook-sources'] });
    },
    onError: errors.set,
  });
  const close = () => {
    setCreated(null);
    setName('');
    setSecret('');
    setProgramId(null);
    errors.clear();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    create.mutate();
  };
  const deliveryUrl = created?.source.deliveryUrl ?? '';
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={created ? t('integrations.createdTitle') : t('integrations.createTitle')}
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack>
          {created.postbackUrl ? (
            <>
              <Alert color="yellow">{t('integrations.tokenOnce')}</Alert>
              <CopyField
                label={t('integrations.postbackUrl')}
                value={created.postbackUrl}
                testId="postback-url"
              />
              <CopyField
                label={t('integrations.token')}
                value={created.secret ?? ''}
                testId="postback-token"
              />
            </>
          ) : (
            <CopyField label={t('integrations.deliveryUrl')} value={deliveryUrl} testId="delivery-url" />
          )}
          <SetupSteps kind={created.source.kind} url={deliveryUrl} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={errors.general} />
            <Select
              label={t('integrations.kind')}
              data={SOURCE_KINDS.map((value) => ({ value, label: t(`integrations.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => value && setKind(value as SourceKind)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('integrations.name')}
              description={t('integrations.nameHint')}
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.field('name')}
            />
            <Select
              label={t('integrations.program')}
              description={t('integrations.programHint')}
              data={programs}
              value={programId}
              onChange={setProgramId}
              clearable
              comboboxProps={{ withinPortal: true }}
              error={errors.field('programId')}
            />
            {kind === 'postback' ? (
              <Alert color="blue">{t('integrations.postbackTokenMade')}</Alert>
            ) : (
              <PasswordInput
                label={kind === 'shopify' ? t('integrations.shopifySecret') : t('integrations.wooSecret')}
                description={
                  kind === 'shopify' ? t('integrations.shopifySecretHint') : t('integrations.wooSecretHint')
                }
                required
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                error={errors.field('secret')}
                autoComplete="off"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('integrations.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
