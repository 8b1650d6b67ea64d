import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormErrors } from '../../ui/use-form-errors';
import { useSessionActions } from '../auth/session';

/** The partner's rights over their data: a copy of it, and erasure of the account. */
export function PartnerPrivacyCard() {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="privacy-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="privacy-heading">
          {t('partnerApp.privacyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('partnerApp.exportText')}
        </Text>
        <Button
          component="a"
          href="/api/me/data-export"
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('partnerApp.exportButton')}
        </Button>
        <Text size="sm" c="dimmed" mt="sm">
          {t('partnerApp.eraseText')}
        </Text>
        <Button color="red" variant="light" onClick={() => setErasing(true)}>
          {t('partnerApp.eraseButton')}
        </Button>
      </Stack>
      {erasing ? <EraseModal onClose={() => setErasing(false)} /> : null}
    </Paper>
  );
}

function EraseModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionActions();
  const errors = useFormErrors();
  const [typed, setTyped] = useState('');
  const erase = useMutation({
    mutationFn: () => api.post('/api/me/erasure', { confirm: 'DELETE' }),
    onSuccess: () => {
      session.setMe(null);
      queryClient.clear();
      void navigate({ to: '/sign-in' });
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() === 'DELETE') erase.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('partnerApp.eraseTitle')} fullScreen={window.innerWidth < 480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="red">{t('partnerApp.eraseWarning')}</Alert>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('partnerApp.eraseConfirmLabel')}
            autoComplete="off"
            data-autofocus
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={erase.isPending} disabled={typed.trim() !== 'DELETE'}>
              {t('partnerApp.eraseButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
