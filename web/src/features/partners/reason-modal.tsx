import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from './types';

/**
 * Asks for a status (when `choose`) and a reason before a status change. The reason is required
 * for rejections, suspensions and bans; it is kept in the enrollment's history.
 */
export function ReasonModal({
  title,
  message,
  status: initial,
  choose,
  busy,
  onSubmit,
  onClose,
}: {
  title: string;
  message?: string;
  status: EnrollmentStatus;
  choose?: boolean;
  busy?: boolean;
  onSubmit: (status: EnrollmentStatus, reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EnrollmentStatus>(initial);
  const [reason, setReason] = useState('');
  const needsReason = status === 'rejected' || status === 'suspended' || status === 'banned';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsReason && !reason.trim()) return;
    onSubmit(status, reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {message ? <Text size="sm">{message}</Text> : null}
          {choose ? (
            <Select
              label={t('enrollments.status')}
              allowDeselect={false}
              value={status}
              onChange={(value) => setStatus((value ?? initial) as EnrollmentStatus)}
              data={ENROLLMENT_STATUSES.filter((value) => value !== 'pending').map((value) => ({
                value,
                label: t(`enrollments.statuses.${value}`),
              }))}
            />
          ) : null}
          <Textarea
            label={t('enrollments.reason')}
            name="reason"
            autosize
            minRows={2}
            required={needsReason}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={needsReason && reason === ' ' ? t('enrollments.reasonRequired') : undefined}
            description={needsReason ? t('enrollments.reasonRequired') : t('enrollments.reasonOptional')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={needsReason ? 'red' : undefined}
              loading={busy}
              disabled={needsReason && !reason.trim()}
              data-testid="reason-submit"
            >
              {t(`enrollments.actions.${status}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
