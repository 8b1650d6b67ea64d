import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';

type EnrollmentEvent = {
  id: string;
  type: string;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  actor: { type: string; id: string | null; label: string | null };
  createdAt: string;
};

/** What happened to an enrollment, newest first. */
export function TimelinePanel({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useQuery({
    queryKey: ['enrollment-timeline', enrollmentId],
    queryFn: () =>
      api.get<Page<EnrollmentEvent>>(`/api/v1/enrollments/${enrollmentId}/timeline`, { limit: 50 }),
  });
  if (events.isLoading) return <PageLoader />;
  if (events.error) return <ErrorAlert error={events.error} />;
  const items = events.data?.items ?? [];
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('partners.timelineEmpty')}
      </Text>
    );
  const value = (type: string, text: string | null) =>
    text && (type === 'status_changed' || type === 'joined')
      ? t(`enrollments.statuses.${text}`, { defaultValue: text })
      : (text ?? '—');
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length}>
      {items.map((event) => (
        <Timeline.Item
          key={event.id}
          title={t(`partners.events.${event.type}`, { defaultValue: event.type })}
        >
          {event.fromValue || event.toValue ? (
            <Text size="sm">
              {value(event.type, event.fromValue)} → {value(event.type, event.toValue)}
            </Text>
          ) : null}
          {event.reason ? (
            <Text size="sm" c="dimmed">
              {t('partners.reasonText', { reason: event.reason })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {format.date(event.createdAt)} ·{' '}
            {(event.actor.type === 'member' || event.actor.type === 'api_key' ? event.actor.label : null) ??
              t(`audit.actorTypes.${event.actor.type}`, { defaultValue: event.actor.type })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
