import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Collapse,
  CopyButton,
  Group,
  Image,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../ui/notify';
import { EnrollmentStatusBadge } from './status-badge';
import type { EnrollmentStatus } from './types';

export type MyEnrollment = {
  id: string;
  status: EnrollmentStatus;
  statusReason: string | null;
  referralCode: string;
  referralLink: string;
  organisation: { id: string; name: string };
  program: { id: string; name: string; terms: string; currency: string };
  joinedAt: string;
  approvedAt: string | null;
};

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      readOnly
      value={value}
      data-testid={testId}
      onFocus={(event) => event.currentTarget.select()}
      rightSectionWidth={44}
      rightSection={
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip
              label={copied ? t('common.copied') : t('common.copy')}
              withArrow
              opened={copied || undefined}
            >
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                size="lg"
                onClick={copy}
                aria-label={t('partnerApp.copyLabel', { label })}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}

/** One program of the partner: status and terms; once approved, the code, link and QR to share. */
export function PartnerEnrollmentCard({ enrollment }: { enrollment: MyEnrollment }) {
  const { t } = useTranslation();
  const [termsOpen, setTermsOpen] = useState(false);
  const approved = enrollment.status === 'approved';
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const share = () =>
    navigator
      .share({
        title: enrollment.program.name,
        text: t('partnerApp.shareText', { program: enrollment.program.name, code: enrollment.referralCode }),
        url: enrollment.referralLink,
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) notifyError(error);
      });
  const qr = `/api/me/enrollments/${enrollment.id}/qr.png`;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={enrollment.program.name}
      data-testid="my-enrollment"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              {enrollment.program.name}
            </Title>
            <Text size="xs" c="dimmed">
              {enrollment.organisation.name}
            </Text>
          </div>
          <EnrollmentStatusBadge status={enrollment.status} />
        </Group>
        {enrollment.status === 'pending' ? <Alert color="yellow">{t('partnerApp.pendingText')}</Alert> : null}
        {!approved && enrollment.status !== 'pending' ? (
          <Alert color="red">
            {t(`partnerApp.statusText.${enrollment.status}`)}
            {enrollment.statusReason
              ? ` ${t('partners.reasonText', { reason: enrollment.statusReason })}`
              : ''}
          </Alert>
        ) : null}
        {approved ? (
          <>
            <CopyField label={t('partnerApp.code')} value={enrollment.referralCode} testId="my-code" />
            <CopyField label={t('partnerApp.link')} value={enrollment.referralLink} testId="my-link" />
            {canShare ? (
              <Button leftSection={<IconShare size={16} aria-hidden />} onClick={share}>
                {t('partnerApp.share')}
              </Button>
            ) : null}
            <Stack align="center" gap="xs">
              <Image
                src={qr}
                w={200}
                h={200}
                alt={t('partnerApp.qrAlt', { code: enrollment.referralCode })}
                data-testid="my-qr"
              />
              <Button
                component="a"
                href={qr}
                download={`${enrollment.referralCode}.png`}
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden />}
              >
                {t('partnerApp.downloadQr')}
              </Button>
            </Stack>
          </>
        ) : null}
        {enrollment.program.terms ? (
          <>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setTermsOpen((open) => !open)}
              aria-expanded={termsOpen}
            >
              {termsOpen ? t('partnerApp.hideTerms') : t('partnerApp.showTerms')}
            </Button>
            <Collapse expanded={termsOpen}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {enrollment.program.terms}
              </Text>
            </Collapse>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
