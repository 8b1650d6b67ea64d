import { Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { parseMajorToMinor } from '../programs/money';
import { type Opportunity, SALES_KEYS } from './api';
import { OpportunityStatusBadge } from './badges';
import { EnrollmentPicker, useSellingEnrollment } from './enrollment-picker';
import { isPhoneLike } from './form-helpers';
import { PartnerSalesTabs } from './partner-sales-tabs';

/** The partner's sales opportunities and a form to record a new one. */
export function PartnerOpportunitiesPage() {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Title order={1} size="h2">
            {t('sales.partner.ordersTitle')}
          </Title>
          <PartnerSalesTabs current="opportunities" />
          <Button
            size="lg"
            fullWidth
            variant="light"
            leftSection={<IconPlus size={20} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="new-opportunity"
          >
            {t('sales.partner.newOpportunity')}
          </Button>
          <OpportunityList />
          {adding ? <NewOpportunityModal onClose={() => setAdding(false)} /> : null}
        </>
      )}
    </SignedInPartnerPage>
  );
}

function OpportunityList() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useInfiniteQuery({
    queryKey: SALES_KEYS.myOpportunities,
    queryFn: ({ pageParam }) =>
      api.get<Page<Opportunity>>('/api/me/opportunities', { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <ErrorAlert error={list.error} />
      {list.isLoading ? <PageLoader /> : null}
      {list.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconBulb size={26} />}
          title={t('sales.partner.opportunitiesEmpty')}
          description={t('sales.partner.opportunitiesEmptyText')}
        />
      ) : null}
      {items.map((item) => (
        <Paper key={item.id} withBorder radius="md" p="sm" data-testid="my-opportunity">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate>
                {item.customerName}
              </Text>
              <Text size="xs" c="dimmed">
                {format.date(item.createdAt)}
              </Text>
            </div>
            <OpportunityStatusBadge status={item.status} />
          </Group>
          <Text size="sm" mt={6} lineClamp={3}>
            {item.need}
          </Text>
          {item.estimatedValueMinor ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('sales.opportunity.estimated', {
                value: format.money(item.estimatedValueMinor, item.currency),
              })}
            </Text>
          ) : null}
          {item.status === 'lost' && item.statusReason ? (
            <Text size="xs" c="red" mt={4}>
              {t('sales.opportunity.lostReason', { reason: item.statusReason })}
            </Text>
          ) : null}
        </Paper>
      ))}
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('sales.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

function NewOpportunityModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const selling = useSellingEnrollment();
  const errors = useFormErrors();
  const [customerName, setCustomerName] = useState('');
  const [customerPhone, setCustomerPhone] = useState('');
  const [need, setNeed] = useState('');
  const [estimate, setEstimate] = useState('');
  const [attempted, setAttempted] = useState(false);
  const currency = selling.current?.program.currency ?? 'VND';
  const estimateMinor = estimate.trim() ? parseMajorToMinor(estimate, currency) : null;
  const problems = {
    customerName: customerName.trim() ? undefined : t('sales.form.nameRequired'),
    customerPhone:
      !customerPhone.trim() || isPhoneLike(customerPhone) ? undefined : t('sales.form.phoneInvalid'),
    need: need.trim() ? undefined : t('sales.opportunity.needRequired'),
    estimate: !estimate.trim() || estimateMinor !== null ? undefined : t('sales.opportunity.estimateInvalid'),
  };
  const show = (key: keyof typeof problems) => (attempted ? problems[key] : undefined) ?? errors.field(key);
  const save = useMutation({
    mutationFn: () =>
      api.post<Opportunity>('/api/me/opportunities', {
        enrollmentId: selling.current!.id,
        customerName: customerName.trim(),
        customerPhone: customerPhone.trim() || null,
        need: need.trim(),
        estimatedValueMinor: estimateMinor,
      }),
    onSuccess: () => {
      notifySuccess(t('sales.opportunity.saved'));
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.myOpportunities });
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    errors.clear();
    if (Object.values(problems).some(Boolean) || save.isPending) return;
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('sales.partner.newOpportunity')}
      fullScreen={window.innerWidth < 500}
    >
      {selling.current ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <EnrollmentPicker selling={selling} />
            <TextInput
              label={t('sales.form.customerName')}
              required
              data-autofocus
              value={customerName}
              onChange={(event) => setCustomerName(event.currentTarget.value)}
              error={show('customerName')}
              maxLength={120}
            />
            <TextInput
              label={t('sales.form.phoneOptional')}
              type="tel"
              inputMode="tel"
              value={customerPhone}
              onChange={(event) => setCustomerPhone(event.currentTarget.value)}
              error={show('customerPhone')}
              maxLength={30}
            />
            <Textarea
              label={t('sales.opportunity.need')}
              description={t('sales.opportunity.needHint')}
              required
              autosize
              minRows={3}
              value={need}
              onChange={(event) => setNeed(event.currentTarget.value)}
              error={show('need')}
              maxLength={2000}
            />
            <TextInput
              label={t('sales.opportunity.estimate', { currency })}
              inputMode="decimal"
              value={estimate}
              onChange={(event) => setEstimate(event.currentTarget.value)}
              error={show('estimate')}
            />
            <ErrorAlert error={errors.general} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="save-opportunity">
                {t('sales.opportunity.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <EnrollmentPicker selling={selling} />
      )}
    </Modal>
  );
}
