import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import type { OutboxMail } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { Logo } from '../../ui/logo';
import { EmptyCard, PageLoader } from '../../ui/page';
import { SessionLanguageSwitcher } from '../auth/session-language-switcher';

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

/** Splits text into plain runs and links, each keyed by its offset in the text. */
export function splitLinks(text: string): { offset: number; text: string; link: boolean }[] {
  const parts: { offset: number; text: string; link: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ offset: last, text: text.slice(last, index), link: false });
    parts.push({ offset: index, text: match[0], link: true });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ offset: last, text: text.slice(last), link: false });
  return parts;
}

/** Mail text with its links made clickable. */
export function MailText({ text }: { text: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {splitLinks(text).map((part) =>
        part.link ? (
          <Anchor key={part.offset} href={part.text} data-testid="outbox-link">
            {part.text}
          </Anchor>
        ) : (
          <Fragment key={part.offset}>{part.text}</Fragment>
        ),
      )}
    </Text>
  );
}

/** The development outbox: mail the server would have sent, kept for reading (404 with SMTP). */
export function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(to.trim(), 300);
  const mails = useQuery({
    queryKey: ['outbox', debounced],
    queryFn: () => api.get<{ items: OutboxMail[] }>('/api/dev/outbox', { to: debounced, limit: 50 }),
    refetchInterval: 5_000,
  });
  const unavailable = mails.error instanceof ApiError && mails.error.status === 404;
  const items = mails.data?.items ?? [];
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Container size="md" py="md">
        <Group justify="space-between" mb="lg">
          <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('nav.dashboard')}>
            <Logo />
          </Anchor>
          <SessionLanguageSwitcher />
        </Group>
        <Box component="main">
          <Title order={1} size="h2">
            {t('outbox.title')}
          </Title>
          <Text c="dimmed" size="sm" mb="md">
            {t('outbox.text')}
          </Text>
          <Group align="flex-end" mb="md">
            <TextInput
              label={t('outbox.filterTo')}
              type="search"
              value={to}
              onChange={(event) => setTo(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => mails.refetch()}
            >
              {t('common.refresh')}
            </Button>
          </Group>
          {unavailable ? (
            <Alert color="gray">{t('outbox.unavailable')}</Alert>
          ) : (
            <ErrorAlert error={mails.error} />
          )}
          {mails.isLoading ? <PageLoader /> : null}
          {mails.isSuccess && items.length === 0 ? (
            <EmptyCard title={t('outbox.emptyTitle')} description={t('outbox.emptyText')} />
          ) : null}
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((mail) => (
              <Paper key={mail.id} withBorder radius="md" p="md" component="li" data-testid="outbox-mail">
                <Group justify="space-between" wrap="wrap" gap="xs" mb={6}>
                  <Text fw={600} size="sm">
                    {mail.subject}
                  </Text>
                  <Badge variant="light" color={mail.status === 'sent' ? 'teal' : 'gray'}>
                    {mail.status}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" mb="sm">
                  {t('outbox.toLine', { to: mail.to })} · {format.date(mail.createdAt)} · {mail.template}
                </Text>
                <MailText text={mail.text} />
              </Paper>
            ))}
          </Stack>
        </Box>
      </Container>
    </Box>
  );
}
