import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCan } from '../auth/session';
import { DownlinePanel } from './downline-panel';
import { ReasonModal } from './reason-modal';
import { EnrollmentStatusBadge } from './status-badge';
import { TimelinePanel } from './timeline-panel';
import type { EnrollmentStatus, PartnerEnrollment } from './types';

type Editing = 'status' | 'code' | 'upline' | null;

/** One program membership of a partner: facts, actions, downline and history. */
export function EnrollmentCard({
  partnerId,
  enrollment,
}: {
  partnerId: string;
  enrollment: PartnerEnrollment;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['partner', partnerId] });
    void queryClient.invalidateQueries({ queryKey: ['enrollment-timeline', enrollment.enrollmentId] });
    void queryClient.invalidateQueries({ queryKey: ['partners'] });
  };
  const changeStatus = useMutation({
    mutationFn: ({ status, reason }: { status: EnrollmentStatus; reason: string }) =>
      api.post(`/api/v1/enrollments/${enrollment.enrollmentId}/status`, {
        status,
        reason: reason || undefined,
      }),
    onSuccess: () => {
      notifySuccess(t('partners.statusChanged'));
      setEditing(null);
      refresh();
    },
    onError: notifyError,
  });
  const manage = can('partners.manage');
  const facts: [string, string][] = [
    [t('partners.code'), enrollment.referralCode],
    [t('partners.upline'), enrollment.uplineReferralCode ?? '—'],
    [t('partners.group'), enrollment.group?.name ?? '—'],
    [t('partners.careStaff'), enrollment.careMember?.fullName ?? '—'],
    [t('partners.source'), t(`partners.sources.${enrollment.source}`)],
    [t('partners.joinedAt'), format.day(enrollment.joinedAt)],
    [t('partners.downline'), t('partners.downlineCounts', enrollment.downline)],
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={enrollment.program.name}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {enrollment.program.name}
          </Title>
          <EnrollmentStatusBadge status={enrollment.status} />
          {enrollment.tags.map((tag) => (
            <Badge key={tag.id} color={tag.color} variant="light" tt="none">
              {tag.name}
            </Badge>
          ))}
        </Group>
        {manage || can('partners.approve') ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing('status')}>
              {t('partners.changeStatus')}
            </Button>
            {manage ? (
              <>
                <Button size="xs" variant="default" onClick={() => setEditing('code')}>
                  {t('partners.editCode')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setEditing('upline')}>
                  {t('partners.moveUpline')}
                </Button>
              </>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {enrollment.statusReason ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('partners.reasonText', { reason: enrollment.statusReason })}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Tabs defaultValue="downline" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="downline">{t('partners.downline')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('partners.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="downline" pt="sm">
          <DownlinePanel enrollmentId={enrollment.enrollmentId} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="sm">
          <TimelinePanel enrollmentId={enrollment.enrollmentId} />
        </Tabs.Panel>
      </Tabs>
      {editing === 'status' ? (
        <ReasonModal
          title={t('partners.changeStatus')}
          status={enrollment.status === 'approved' ? 'suspended' : 'approved'}
          choose
          busy={changeStatus.isPending}
          onClose={() => setEditing(null)}
          onSubmit={(status, reason) => changeStatus.mutate({ status, reason })}
        />
      ) : null}
      {editing === 'code' || editing === 'upline' ? (
        <EditValueModal
          kind={editing}
          enrollment={enrollment}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      ) : null}
    </Paper>
  );
}

function EditValueModal({
  kind,
  enrollment,
  onClose,
  onSaved,
}: {
  kind: 'code' | 'upline';
  enrollment: PartnerEnrollment;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [value, setValue] = useState(
    kind === 'code' ? enrollment.referralCode : (enrollment.uplineReferralCode ?? ''),
  );
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      kind === 'code'
        ? api.patch(`/api/v1/enrollments/${enrollment.enrollmentId}`, { referralCode: value.trim() })
        : api.post(`/api/v1/enrollments/${enrollment.enrollmentId}/upline`, {
            uplineReferralCode: value.trim() || null,
            reason: reason.trim(),
          }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      onSaved();
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={kind === 'code' ? t('partners.editCode') : t('partners.moveUpline')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={kind === 'code' ? t('partners.code') : t('partners.uplineCode')}
            description={kind === 'code' ? t('partners.codeHint') : t('partners.uplineHint')}
            data-autofocus
            value={value}
            onChange={(event) => setValue(event.currentTarget.value.toUpperCase())}
            error={errors.field(kind === 'code' ? 'referralCode' : 'uplineReferralCode')}
          />
          {kind === 'upline' ? (
            <Textarea
              label={t('enrollments.reason')}
              description={t('enrollments.reasonRequired')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.field('reason')}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={kind === 'code' ? !value.trim() : !reason.trim()}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
