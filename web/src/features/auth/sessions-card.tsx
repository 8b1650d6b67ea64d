import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../ui/confirm';
import { notifyError } from '../../ui/notify';
import { useSessionActions } from './session';

export function SessionsCard() {
  const { t } = useTranslation();
  const session = useSessionActions();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const signOutEverywhere = async () => {
    if (
      !(await confirm({
        title: t('account.signOutEverywhere'),
        message: t('account.signOutEverywhereConfirm'),
        confirmLabel: t('account.signOutEverywhere'),
      }))
    )
      return;
    try {
      await session.signOut(true);
      await navigate({ to: '/sign-in' });
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('account.sessions')}
      </Title>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" maw={520}>
          {t('account.sessionsText')}
        </Text>
        <Button color="red" variant="light" onClick={signOutEverywhere}>
          {t('account.signOutEverywhere')}
        </Button>
      </Group>
    </Card>
  );
}
