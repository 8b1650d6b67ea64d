import {
  Alert,
  Box,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  PasswordInput,
  PinInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconUserCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../lib/api';
import { useSearchParam } from '../../lib/use-search-param';
import { PartnerFrame } from '../../partner/layout';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { ME_KEY } from '../auth/session';
import type { JoinFormField } from '../programs/types';
import { EMPTY_JOIN_VALUES, JoinFieldInput, type JoinValues, joinFieldsBody } from './join-field-input';
import { EnrollmentStatusBadge } from './status-badge';
import type { EnrollmentStatus } from './types';

type JoinPage = {
  program: {
    name: string;
    description: string;
    terms: string;
    joinMode: string;
    currency: string;
    joinForm: JoinFormField[];
  };
  org: { name: string };
  referrer: { name: string; code: string } | null;
  invitation: { valid: boolean; fullName: string | null; email: string | null; phone: string | null } | null;
  inviteRequired: boolean;
};
type JoinResult = {
  status: EnrollmentStatus;
  referralCode: string;
  signedIn: boolean;
  csrfToken: string | null;
};

/** The public, phone-first join page of a program: /p/join/{pageCode}?ref=CODE. */
export function PartnerJoinPage() {
  const { t } = useTranslation();
  const { pageCode } = useParams({ strict: false }) as { pageCode: string };
  const ref = useSearchParam('ref');
  const invite = useSearchParam('invite');
  const page = useQuery({
    queryKey: ['join-page', pageCode, ref, invite],
    queryFn: () => api.get<JoinPage>(`/api/public/join/${encodeURIComponent(pageCode)}`, { ref, invite }),
  });
  const [result, setResult] = useState<JoinResult | null>(null);
  return (
    <PartnerFrame>
      {page.isLoading ? <PageLoader /> : null}
      {page.error ? <ErrorAlert error={page.error} title={t('join.notAvailable')} /> : null}
      {page.data ? (
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {page.data.org.name}
            </Text>
            <Title order={1} size="h2" data-testid="join-program-name">
              {page.data.program.name}
            </Title>
            {page.data.program.description ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {page.data.program.description}
              </Text>
            ) : null}
          </div>
          {page.data.referrer ? (
            <Alert color="teal" icon={<IconUserCheck size={18} />} data-testid="join-referrer">
              {t('join.referredBy', { name: page.data.referrer.name, code: page.data.referrer.code })}
            </Alert>
          ) : null}
          {result ? (
            <JoinSuccess result={result} />
          ) : page.data.inviteRequired && !page.data.invitation?.valid ? (
            <Alert color="yellow">{t('join.inviteOnly')}</Alert>
          ) : (
            <JoinForm
              page={page.data}
              pageCode={pageCode}
              refCode={page.data.referrer ? ref : ''}
              invite={invite}
              onJoined={setResult}
            />
          )}
        </Stack>
      ) : null}
    </PartnerFrame>
  );
}

function JoinForm({
  page,
  pageCode,
  refCode,
  invite,
  onJoined,
}: {
  page: JoinPage;
  pageCode: string;
  refCode: string;
  invite: string;
  onJoined: (result: JoinResult) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const fields = page.program.joinForm;
  const [values, setValues] = useState<JoinValues>(() => ({
    ...EMPTY_JOIN_VALUES,
    fullName: page.invitation?.fullName ?? '',
    email: page.invitation?.email ?? '',
    phone: page.invitation?.phone ?? '',
  }));
  const [password, setPassword] = useState('');
  const [accept, setAccept] = useState(false);
  const [termsOpen, setTermsOpen] = useState(false);
  const [website, setWebsite] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'form' | 'code'>('form');
  const hasPhone = fields.some((field) => field.key === 'phone');
  const contact =
    hasPhone && values.phone.trim() ? { phone: values.phone.trim() } : { email: values.email.trim() };
  const sendCode = useMutation({
    mutationFn: () =>
      api.post<{ channel: 'sms' | 'email' }>(
        `/api/public/join/${encodeURIComponent(pageCode)}/code`,
        contact,
      ),
    onSuccess: () => setStep('code'),
    onError: errors.set,
  });
  const join = useMutation({
    mutationFn: () =>
      api.post<JoinResult>(`/api/public/join/${encodeURIComponent(pageCode)}`, {
        ...joinFieldsBody(fields, values),
        ref: refCode || undefined,
        invite: invite || undefined,
        code: code.trim(),
        password: password || undefined,
        website,
        acceptTerms: accept,
      }),
    onSuccess: (result) => {
      if (result.signedIn) {
        setCsrfToken(result.csrfToken);
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      }
      onJoined(result);
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    if (step === 'form') sendCode.mutate();
    else join.mutate();
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('join.formLabel')}
    >
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        {step === 'form' ? (
          <>
            {fields.map((field) => (
              <JoinFieldInput
                key={field.key}
                field={field}
                values={values}
                onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
                error={errors.field}
              />
            ))}
            <PasswordInput
              label={t('join.password')}
              description={t('join.passwordHint')}
              name="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.field('password')}
            />
            {/* Honeypot: invisible to people and screen readers; bots fill it and are turned away. */}
            <Box
              aria-hidden="true"
              style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
            >
              <label>
                Website
                <input
                  type="text"
                  name="website"
                  tabIndex={-1}
                  autoComplete="off"
                  value={website}
                  onChange={(event) => setWebsite(event.currentTarget.value)}
                />
              </label>
            </Box>
            {page.program.terms ? (
              <>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => setTermsOpen((open) => !open)}
                  aria-expanded={termsOpen}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {termsOpen ? t('partnerApp.hideTerms') : t('partnerApp.showTerms')}
                </Button>
                <Collapse expanded={termsOpen}>
                  <Paper bg="var(--mantine-color-gray-0)" p="sm" mah={240} style={{ overflowY: 'auto' }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {page.program.terms}
                    </Text>
                  </Paper>
                </Collapse>
              </>
            ) : null}
            <Checkbox
              label={t('join.acceptTerms')}
              name="acceptTerms"
              checked={accept}
              onChange={(event) => setAccept(event.currentTarget.checked)}
            />
            <Button
              type="submit"
              size="md"
              loading={sendCode.isPending}
              disabled={!accept}
              data-testid="join-send-code"
            >
              {t('join.sendCode')}
            </Button>
          </>
        ) : (
          <>
            <Text size="sm">{t('join.codeSent', { to: contact.phone ?? contact.email })}</Text>
            <Group justify="center">
              <PinInput
                length={6}
                type="number"
                oneTimeCode
                value={code}
                onChange={setCode}
                aria-label={t('join.code')}
                data-testid="join-code"
              />
            </Group>
            <Button
              type="submit"
              size="md"
              loading={join.isPending}
              disabled={code.length !== 6}
              data-testid="join-submit"
            >
              {t('join.submit')}
            </Button>
            <Group justify="space-between">
              <Button variant="subtle" size="compact-sm" onClick={() => setStep('form')}>
                {t('join.back')}
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => sendCode.mutate()}
                loading={sendCode.isPending}
              >
                {t('join.resend')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function JoinSuccess({ result }: { result: JoinResult }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="join-success">
      <Stack align="center" ta="center" gap="sm">
        <IconCircleCheck size={48} color="var(--mantine-color-teal-6)" aria-hidden />
        <Title order={2} size="h3">
          {t('join.successTitle')}
        </Title>
        <EnrollmentStatusBadge status={result.status} />
        <Text size="sm">{result.status === 'approved' ? t('join.approvedText') : t('join.pendingText')}</Text>
        <Text size="sm" c="dimmed">
          {t('join.yourCode', { code: result.referralCode })}
        </Text>
        <Button component={Link} to={result.signedIn ? '/' : '/sign-in'} size="md" fullWidth>
          {result.signedIn ? t('join.openApp') : t('join.signIn')}
        </Button>
      </Stack>
    </Paper>
  );
}
