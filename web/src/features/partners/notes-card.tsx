import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError } from '../../ui/notify';
import { PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';

type Note = { id: string; body: string; authorLabel: string | null; createdAt: string };

/** Staff's internal notes on a partner; the partner never sees them. */
export function NotesCard({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const notes = useQuery({
    queryKey: ['partner-notes', partnerId],
    queryFn: () => api.get<Page<Note>>(`/api/v1/partners/${partnerId}/notes`, { limit: 50 }),
  });
  const add = useMutation({
    mutationFn: () => api.post(`/api/v1/partners/${partnerId}/notes`, { body: body.trim() }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: ['partner-notes', partnerId] });
    },
    onError: notifyError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) add.mutate();
  };
  const items = notes.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="notes-heading">
      <Title order={2} size="h5" mb="sm" id="notes-heading">
        {t('notes.title')}
      </Title>
      {can('partners.read') ? (
        <form onSubmit={submit}>
          <Textarea
            label={t('notes.add')}
            description={t('notes.private')}
            autosize
            minRows={2}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Group justify="flex-end" mt="xs">
            <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()}>
              {t('notes.save')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ErrorAlert error={notes.error} />
      {notes.isLoading ? <PageLoader /> : null}
      {notes.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('notes.empty')}
        </Text>
      ) : null}
      <Stack gap="xs" mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((note) => (
          <Paper key={note.id} component="li" bg="var(--mantine-color-gray-0)" p="sm" radius="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {note.authorLabel ?? '—'} · {format.date(note.createdAt)}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
