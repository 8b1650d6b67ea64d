import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Image,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconCheck,
  IconCode,
  IconCopy,
  IconDownload,
  IconLink,
  IconQrcode,
  IconShare,
} from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import type { MyEnrollment } from '../partners/partner-enrollment-card';
import { MyClicksCard } from './my-clicks-card';
import { NewLinkForm } from './new-link-form';
import type { TrackedLink } from './types';

type MyLinks = { defaultLink: TrackedLink | null; items: TrackedLink[]; nextCursor: string | null };

/** The partner app's links: the default link, other links, QR codes, a new-link form, clicks. */
export function MyLinksPage() {
  return <SignedInPartnerPage>{() => <LinksContent />}</SignedInPartnerPage>;
}

function LinksContent() {
  const { t } = useTranslation();
  const enrollments = useQuery({
    queryKey: ['my-enrollments'],
    queryFn: () => api.get<{ items: MyEnrollment[] }>('/api/me/enrollments'),
  });
  const approved = (enrollments.data?.items ?? []).filter((item) => item.status === 'approved');
  const [chosen, setChosen] = useState<string | null>(null);
  const enrollment = approved.find((item) => item.id === chosen) ?? approved[0];
  if (enrollments.isLoading) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('tracking.mine.title')}
      </Title>
      <ErrorAlert error={enrollments.error} />
      {enrollments.isSuccess && !enrollment ? (
        <EmptyCard
          icon={<IconLink size={26} />}
          title={t('tracking.mine.noProgram')}
          description={t('tracking.mine.noProgramText')}
        />
      ) : null}
      {approved.length > 1 ? (
        <Select
          label={t('tracking.filters.program')}
          data={approved.map((item) => ({
            value: item.id,
            label: `${item.organisation.name} · ${item.program.name}`,
          }))}
          value={enrollment?.id ?? null}
          onChange={setChosen}
          allowDeselect={false}
        />
      ) : null}
      {enrollment ? <EnrollmentLinks key={enrollment.id} enrollmentId={enrollment.id} /> : null}
    </Stack>
  );
}

function EnrollmentLinks({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation();
  const [showForm, setShowForm] = useState(false);
  const links = useInfiniteQuery({
    queryKey: ['my-links', enrollmentId],
    queryFn: ({ pageParam }) =>
      api.get<MyLinks>('/api/me/links', { enrollmentId, limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const first = links.data?.pages[0];
  const others = (links.data?.pages ?? []).flatMap((page) => page.items).filter((link) => !link.isDefault);
  return (
    <>
      <ErrorAlert error={links.error} />
      {links.isLoading ? <PageLoader /> : null}
      {first?.defaultLink ? <LinkCard link={first.defaultLink} highlight /> : null}
      {showForm ? (
        <NewLinkForm enrollmentId={enrollmentId} onDone={() => setShowForm(false)} />
      ) : (
        <Button
          variant="light"
          leftSection={<IconLink size={16} aria-hidden />}
          onClick={() => setShowForm(true)}
        >
          {t('tracking.mine.create')}
        </Button>
      )}
      {others.length > 0 ? (
        <Title order={2} size="h4">
          {t('tracking.mine.others')}
        </Title>
      ) : null}
      {others.map((link) => (
        <LinkCard key={link.id} link={link} />
      ))}
      {links.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void links.fetchNextPage()}
          loading={links.isFetchingNextPage}
        >
          {t('tracking.mine.more')}
        </Button>
      ) : null}
      <MyClicksCard enrollmentId={enrollmentId} />
    </>
  );
}

function LinkCard({ link, highlight = false }: { link: TrackedLink; highlight?: boolean }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [qr, setQr] = useState(highlight);
  const [embed, setEmbed] = useState(false);
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'disabled') =>
      api.patch<TrackedLink>(`/api/me/links/${link.id}`, { status }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['my-links'] });
    },
    onError: notifyError,
  });
  const disable = async () => {
    if (
      await confirm({
        title: t('tracking.links.disableTitle'),
        message: t('tracking.mine.disableConfirm'),
        confirmLabel: t('tracking.links.disable'),
      })
    )
      setStatus.mutate('disabled');
  };
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const tags = [
    ...Object.values(link.subIds),
    ...Object.entries(link.utm).map(([key, value]) => `utm_${key}=${value}`),
  ];
  return (
    <Card withBorder radius="md" padding="sm" data-testid={highlight ? 'default-link' : 'link-card'}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} size="sm" truncate>
            {link.isDefault ? t('tracking.mine.defaultLink') : link.title || link.code}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color="blue">
              {t('tracking.mine.clicks', { n: link.clicks ?? 0 })}
            </Badge>
            {link.status === 'disabled' ? (
              <Badge variant="light" color="gray">
                {t('tracking.status.disabled')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <TextInput
          readOnly
          value={link.shortUrl}
          aria-label={t('tracking.mine.shortUrl')}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Text size="xs" c="dimmed" lineClamp={1}>
          → {link.destinationUrl}
        </Text>
        {tags.length > 0 ? (
          <Text size="xs" c="dimmed">
            {tags.join(' · ')}
          </Text>
        ) : null}
        <Group gap="xs">
          <CopyButton value={link.shortUrl}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          {canShare ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconShare size={14} aria-hidden />}
              onClick={() => navigator.share({ url: link.shortUrl }).catch(() => undefined)}
            >
              {t('tracking.mine.share')}
            </Button>
          ) : null}
          <ActionIcon
            variant="default"
            size="md"
            aria-label={t('tracking.mine.qr')}
            onClick={() => setQr(!qr)}
          >
            <IconQrcode size={16} />
          </ActionIcon>
          <ActionIcon
            variant={embed ? 'light' : 'default'}
            size="md"
            aria-label={t('tracking.mine.embed')}
            aria-expanded={embed}
            onClick={() => setEmbed(!embed)}
          >
            <IconCode size={16} />
          </ActionIcon>
          {!link.isDefault ? (
            link.status === 'active' ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => void disable()}>
                {t('tracking.links.disable')}
              </Button>
            ) : (
              <Button size="xs" variant="subtle" onClick={() => setStatus.mutate('active')}>
                {t('tracking.links.enable')}
              </Button>
            )
          ) : null}
        </Group>
        {embed ? <EmbedCode link={link} /> : null}
        {qr ? (
          <Group gap="sm" align="flex-end">
            <Image
              src={`/api/me/links/${link.id}/qr.svg?size=256`}
              alt={t('tracking.mine.qrAlt', { code: link.code })}
              w={160}
              h={160}
            />
            <Anchor
              href={`/api/me/links/${link.id}/qr.png?size=1024`}
              download={`link-${link.code}.png`}
              size="sm"
            >
              <Group gap={4}>
                <IconDownload size={14} aria-hidden />
                {t('tracking.mine.downloadPng')}
              </Group>
            </Anchor>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * The HTML a partner pastes on their site or blog: their banner wrapped in the link, and the
 * impression pixel that counts each view of it (for programs paying per 1,000 impressions).
 */
function EmbedCode({ link }: { link: TrackedLink }) {
  const { t } = useTranslation();
  const pixel = `${link.shortUrl.replace(/\/r\/([^/?#]+)$/, '/i/$1')}.gif`;
  const html = `<a href="${link.shortUrl}"><img src="${t('tracking.mine.embedBanner')}" alt=""></a>\n<img src="${pixel}" width="1" height="1" alt="" style="border:0">`;
  return (
    <Stack gap={4}>
      <Textarea
        readOnly
        autosize
        minRows={3}
        value={html}
        label={t('tracking.mine.embed')}
        description={t('tracking.mine.embedHint')}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        onFocus={(event) => event.currentTarget.select()}
        data-testid="embed-code"
      />
      <CopyButton value={html}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            w="fit-content"
            variant={copied ? 'light' : 'default'}
            color={copied ? 'teal' : undefined}
            leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            onClick={copy}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
