import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh" p="md">
      <Stack align="center" gap="xs" ta="center">
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.text')}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** A route that failed to load (network down, server error): the error, and a way to retry. */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh" p="md">
      <Stack align="center" gap="sm" maw={440}>
        <ErrorAlert error={error} />
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
