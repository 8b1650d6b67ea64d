import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { useSignedInMe } from '../auth/session';
import { AutoApproveFields } from './auto-approve-fields';
import { JoinFormBuilder } from './join-form-builder';
import { minorToMajorText, parseMajorToMinor } from './money';
import { TrackingFields, type TrackingSettings } from './tracking-fields';
import { JOIN_MODES, type Program } from './types';

const CURRENCIES = ['VND', 'THB', 'USD'];
const DEFAULT_FORM = [
  { key: 'fullName', required: true },
  { key: 'phone', required: true },
  { key: 'email', required: false },
  { key: 'province', required: false },
];

/** Creates a program (/programs/new) or edits one (/programs/$programId/edit). */
export function ProgramFormPage() {
  const { t } = useTranslation();
  const { programId } = useParams({ strict: false }) as { programId?: string };
  const program = useQuery({
    queryKey: ['program', programId],
    queryFn: () => api.get<Program>(`/api/v1/programs/${programId}`),
    enabled: Boolean(programId),
  });
  if (programId && program.isLoading) return <PageLoader />;
  if (programId && !program.data) return <ErrorAlert error={program.error} />;
  return (
    <>
      <PageHeader title={programId ? t('programs.editTitle') : t('programs.create')} />
      <ProgramForm program={program.data ?? null} />
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ProgramForm({ program }: { program: Program | null }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [form, setForm] = useState(() => ({
    name: program?.name ?? '',
    currency: program?.currency ?? me.currentOrg?.currency ?? 'VND',
    description: program?.description ?? '',
    terms: program?.terms ?? '',
    joinMode: program?.joinMode ?? 'approval',
    cookieDays: program?.cookieDays ?? 30,
    holdDays: program?.holdDays ?? 30,
    minPayout: program ? minorToMajorText(program.minPayout, program.currency) : '0',
    maxUplineDepth: program?.maxUplineDepth ?? 3,
    joinForm: program?.joinForm ?? DEFAULT_FORM,
    autoApprove: program?.autoApprove ?? { enabled: false },
  }));
  const [tracking, setTracking] = useState<TrackingSettings>(() => ({
    destinationUrl: program?.destinationUrl ?? '',
    allowedDomains: program?.allowedDomains ?? [],
    fallbackUrl: program?.fallbackUrl ?? '',
    attributionModel: program?.attributionModel ?? 'last_click',
    customerOwnershipDays: program ? program.customerOwnershipDays : null,
    confirmAlertHours: program?.confirmAlertHours ?? 24,
    codAlertDays: program?.codAlertDays ?? 7,
  }));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const minPayoutMinor = parseMajorToMinor(form.minPayout, form.currency);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...form,
        ...tracking,
        destinationUrl: tracking.destinationUrl.trim() || null,
        fallbackUrl: tracking.fallbackUrl.trim() || null,
        name: form.name.trim(),
        minPayout: minPayoutMinor ?? '0',
      };
      return program
        ? api.patch<Program>(`/api/v1/programs/${program.id}`, body)
        : api.post<Program>('/api/v1/programs', body);
    },
    onSuccess: (saved) => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
      queryClient.setQueryData(['program', saved.id], saved);
      void navigate({ to: `/programs/${saved.id}` });
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    if (minPayoutMinor !== null) save.mutate();
  };
  const number = (key: 'cookieDays' | 'holdDays' | 'maxUplineDepth') => (value: string | number) =>
    set(key, typeof value === 'number' ? value : Number.parseInt(value, 10) || 0);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={errors.general} />
        <Section title={t('programs.basics')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('programs.name')}
              name="name"
              required
              data-autofocus
              value={form.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={errors.field('name')}
            />
            <Select
              label={t('programs.currency')}
              allowDeselect={false}
              data={CURRENCIES}
              value={form.currency}
              onChange={(value) => set('currency', value ?? 'VND')}
              disabled={Boolean(program)}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('programs.description')}
            autosize
            minRows={2}
            value={form.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.field('description')}
          />
          <Textarea
            mt="sm"
            label={t('programs.terms')}
            autosize
            minRows={4}
            value={form.terms}
            onChange={(event) => set('terms', event.currentTarget.value)}
            error={errors.field('terms')}
          />
        </Section>
        <Section title={t('programs.rules')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('programs.joinMode')}
              allowDeselect={false}
              value={form.joinMode}
              onChange={(value) => set('joinMode', (value ?? 'approval') as Program['joinMode'])}
              data={JOIN_MODES.map((value) => ({ value, label: t(`programs.joinModes.${value}`) }))}
            />
            <NumberInput
              label={t('programs.cookieDays')}
              min={1}
              max={365}
              allowDecimal={false}
              value={form.cookieDays}
              onChange={number('cookieDays')}
              error={errors.field('cookieDays')}
            />
            <NumberInput
              label={t('programs.holdDays')}
              min={0}
              max={365}
              allowDecimal={false}
              value={form.holdDays}
              onChange={number('holdDays')}
              error={errors.field('holdDays')}
            />
            <TextInput
              label={t('programs.minPayout', { currency: form.currency })}
              name="minPayout"
              inputMode="decimal"
              value={form.minPayout}
              onChange={(event) => set('minPayout', event.currentTarget.value)}
              error={minPayoutMinor === null ? t('programs.minPayoutInvalid') : errors.field('minPayout')}
            />
            <NumberInput
              label={t('programs.maxUplineDepth')}
              min={0}
              max={10}
              allowDecimal={false}
              value={form.maxUplineDepth}
              onChange={number('maxUplineDepth')}
              error={errors.field('maxUplineDepth')}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('tracking.settings.title')}>
          <TrackingFields value={tracking} onChange={setTracking} error={errors.field} />
        </Section>
        <Section title={t('programs.joinForm')}>
          <JoinFormBuilder value={form.joinForm} onChange={(value) => set('joinForm', value)} />
        </Section>
        {form.joinMode === 'approval' ? (
          <Section title={t('programs.autoApprove.title')}>
            <AutoApproveFields value={form.autoApprove} onChange={(value) => set('autoApprove', value)} />
          </Section>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={program ? `/programs/${program.id}` : '/programs'}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="program-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
