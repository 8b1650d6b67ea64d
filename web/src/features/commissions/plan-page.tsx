import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Menu,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { startOfZonedDay, zonedDay } from '../../lib/format';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { DEFAULT_GUARD_LIMITS } from './guard-types';
import { MultiLevelWarning } from './guard-warnings';
import { PercentInput } from './inputs';
import { formatPercent } from './rates';
import { newRule, RuleModal } from './rule-form';
import { useRuleNames } from './rule-names';
import { describeRule, describeSettings } from './rule-text';
import { Simulator } from './simulator';
import {
  DEFAULT_SETTINGS,
  PLANS_KEY,
  type Plan,
  type PlanSettings,
  type PlanVersion,
  RULE_KINDS,
  type Rule,
} from './types';

type Editing = { settings: PlanSettings; rules: Rule[] };

const settingsOf = (version: PlanVersion | undefined): PlanSettings => ({
  ...DEFAULT_SETTINGS,
  ...(version?.settings ?? {}),
});

/** A program's commission plan: its versions, the rules in plain words, the draft and the simulator. */
export function CommissionPlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ strict: false }) as { planId: string };
  const can = useCan();
  const plan = useQuery({
    queryKey: [PLANS_KEY, planId],
    queryFn: () => api.get<Plan>(`/api/v1/commission-plans/${planId}`),
  });
  const [viewed, setViewed] = useState<string | null>(null);
  if (plan.isPending) return <PageLoader />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const data = plan.data;
  const draft = data.versions.find((version) => version.status === 'draft');
  const current = data.versions.find((version) => version.id === data.currentVersionId);
  const shown = data.versions.find((version) => version.id === viewed) ?? current ?? data.versions[0];
  const manage = can('commissions.manage');
  const start = draft ?? current;
  return (
    <>
      <Anchor component={Link} to="/commission-plans" size="sm">
        {t('commissions.plans.back')}
      </Anchor>
      <PageHeader
        title={t('commissions.plan.title', { program: data.programName })}
        description={t('commissions.plan.text', { currency: data.currency })}
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Versions
            versions={data.versions}
            currentId={data.currentVersionId}
            shownId={shown?.id}
            onShow={setViewed}
          />
          <Paper withBorder radius="md" p="md">
            {shown ? (
              <VersionRules version={shown} currency={data.currency} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('commissions.plan.noVersions')}
              </Text>
            )}
          </Paper>
        </SimpleGrid>
        {manage ? (
          <DraftEditor
            key={`${start?.id ?? 'new'}-${start?.createdAt ?? ''}`}
            plan={data}
            hasDraft={Boolean(draft)}
            initial={{ settings: settingsOf(start), rules: start?.rules ?? [] }}
          />
        ) : (
          <Simulator planId={data.id} currency={data.currency} versions={data.versions} editing={null} />
        )}
      </Stack>
    </>
  );
}

function Versions({
  versions,
  currentId,
  shownId,
  onShow,
}: {
  versions: PlanVersion[];
  currentId: string | null;
  shownId: string | undefined;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('commissions.plan.versions')}
      </Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('commissions.plan.noVersions')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commissions.plan.version')}</Table.Th>
              <Table.Th>{t('commissions.fields.status')}</Table.Th>
              <Table.Th>{t('commissions.plans.effectiveFrom')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr
                key={version.id}
                onClick={() => onShow(version.id)}
                style={{ cursor: 'pointer' }}
                bg={version.id === shownId ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onShow(version.id)}
                    aria-current={version.id === shownId}
                  >
                    {t('commissions.plans.versionN', { version: version.version })}
                  </Anchor>
                  {version.note ? (
                    <Text size="xs" c="dimmed">
                      {version.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={version.status === 'draft' ? 'gray' : version.id === currentId ? 'teal' : 'blue'}
                  >
                    {version.id === currentId
                      ? t('commissions.plan.inForceNow')
                      : t(`commissions.versionStatus.${version.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.date(version.effectiveFrom)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function VersionRules({ version, currency }: { version: PlanVersion; currency: string }) {
  const names = useRuleNames(version.rules);
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('commissions.plan.rulesOf', { version: version.version })}
      </Title>
      {version.rules.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('commissions.plan.noRules')}
        </Text>
      ) : (
        <List size="sm" spacing={6}>
          {version.rules.map((rule) => (
            <List.Item key={rule.id}>
              {rule.name ? <b>{rule.name}: </b> : null}
              {describeRule(rule, currency, t, i18n.language, names)}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {describeSettings(settingsOf(version), t, i18n.language).join(' · ')}
      </Text>
    </Stack>
  );
}

/** Server validation details, each named by the rule or setting its path points at. */
function pathLabel(
  path: string,
  rules: Rule[],
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const rule = path.match(/rules\.(\d+)(?:\.(.*))?$/);
  if (rule) {
    const index = Number(rule[1]);
    const name = rules[index]?.name || t(`commissions.ruleKind.${rules[index]?.kind ?? 'basic'}`);
    return t('commissions.editor.rulePath', { n: index + 1, name, field: rule[2] ?? '' });
  }
  const setting = path.match(/settings\.(.*)$/);
  if (setting) return t('commissions.editor.settingPath', { field: setting[1] });
  return path;
}

function DraftEditor({ plan, hasDraft, initial }: { plan: Plan; hasDraft: boolean; initial: Editing }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const [editing, setEditing] = useState<Editing>(initial);
  const names = useRuleNames(editing.rules);
  const [dirty, setDirty] = useState(false);
  const [open, setOpen] = useState<Rule | null>(null);
  const [publishing, setPublishing] = useState(false);
  const change = (next: Editing) => {
    setEditing(next);
    setDirty(true);
  };
  const setSettings = (patch: Partial<PlanSettings>) =>
    change({ ...editing, settings: { ...editing.settings, ...patch } });
  const save = useMutation({
    mutationFn: () => api.put<PlanVersion>(`/api/v1/commission-plans/${plan.id}/draft`, { plan: editing }),
    onSuccess: () => {
      notifySuccess(t('commissions.editor.saved'));
      setDirty(false);
      void queryClient.invalidateQueries({ queryKey: [PLANS_KEY] });
    },
  });
  const details = save.error instanceof ApiError ? save.error.details : [];
  const keep = (rule: Rule) => {
    const exists = editing.rules.some((other) => other.id === rule.id);
    change({
      ...editing,
      rules: exists
        ? editing.rules.map((other) => (other.id === rule.id ? rule : other))
        : [...editing.rules, rule],
    });
    setOpen(null);
  };
  const remove = async (rule: Rule) => {
    const ok = await confirm({
      title: t('commissions.editor.removeTitle'),
      message: t('commissions.editor.removeText', {
        rule: describeRule(rule, plan.currency, t, i18n.language, names),
      }),
      confirmLabel: t('common.delete'),
    });
    if (ok) change({ ...editing, rules: editing.rules.filter((other) => other.id !== rule.id) });
  };
  const depth = editing.settings.overrideDepth;
  // more than one override level is saved only with the acknowledgement ticked
  const needsAck = depth > 1 && !editing.settings.multiLevelAcknowledged;
  return (
    <>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={2} size="h4">
              {t('commissions.editor.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {hasDraft ? t('commissions.editor.draftText') : t('commissions.editor.newText')}
            </Text>
          </div>
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!dirty || needsAck}
            >
              {t('commissions.editor.save')}
            </Button>
            <Button onClick={() => setPublishing(true)} disabled={dirty || !hasDraft}>
              {t('commissions.editor.publish')}
            </Button>
          </Group>
        </Group>
        {dirty ? (
          <Text size="xs" c="orange" mb="xs">
            {t('commissions.editor.unsaved')}
          </Text>
        ) : null}
        {save.error ? (
          <Stack gap={4} mb="sm">
            <ErrorAlert error={save.error} />
            {details.length > 0 ? (
              <List size="sm" c="red">
                {details.map((detail) => (
                  <List.Item key={`${detail.path}-${detail.message}`}>
                    {pathLabel(detail.path, editing.rules, t)}: {detail.message}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ) : null}
        <Stack gap="xs">
          {editing.rules.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('commissions.plan.noRules')}
            </Text>
          ) : (
            editing.rules.map((rule) => (
              <Group key={rule.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm">
                  <Badge variant="light" mr="xs">
                    {t(`commissions.ruleKind.${rule.kind}`)}
                  </Badge>
                  {rule.name ? <b>{rule.name}: </b> : null}
                  {describeRule(rule, plan.currency, t, i18n.language, names)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => setOpen(rule)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('common.delete')}
                    onClick={() => remove(rule)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            ))
          )}
          <Menu position="bottom-start">
            <Menu.Target>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                rightSection={<IconChevronDown size={14} aria-hidden />}
                w="fit-content"
              >
                {t('commissions.editor.addRule')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {RULE_KINDS.map((kind) => (
                <Menu.Item key={kind} onClick={() => setOpen(newRule(kind))}>
                  {t(`commissions.ruleKind.${kind}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Stack>
        <Title order={3} size="h5" mt="lg" mb="xs">
          {t('commissions.settings.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select
            label={t('commissions.settings.rounding')}
            allowDeselect={false}
            data={(['half_up', 'half_even'] as const).map((value) => ({
              value,
              label: t(`commissions.rounding.${value}`),
            }))}
            value={editing.settings.rounding}
            onChange={(value) => setSettings({ rounding: (value as PlanSettings['rounding']) ?? 'half_up' })}
          />
          <Select
            label={t('commissions.settings.payMode')}
            allowDeselect={false}
            data={(['commission', 'discount'] as const).map((value) => ({
              value,
              label: t(`commissions.payMode.${value}`),
            }))}
            value={editing.settings.payMode}
            onChange={(value) => setSettings({ payMode: (value as PlanSettings['payMode']) ?? 'commission' })}
          />
          <Select
            label={t('commissions.settings.overrideDepth')}
            allowDeselect={false}
            data={['1', '2', '3'].map((value) => ({ value, label: value }))}
            value={String(depth)}
            onChange={(value) => {
              const next = Number(value ?? '1');
              setSettings({ overrideDepth: next, ...(next === 1 ? { multiLevelAcknowledged: false } : {}) });
            }}
          />
          <PercentInput
            label={t('commissions.settings.guard')}
            description={t('commissions.settings.guardHint')}
            ppm={editing.settings.profitabilityGuardPpm}
            onPpm={(ppm) => setSettings({ profitabilityGuardPpm: ppm === '' ? null : ppm })}
          />
        </SimpleGrid>
        <GuardLimitsInputs
          limits={editing.settings.guardLimits ?? null}
          onChange={(guardLimits) => setSettings({ guardLimits })}
        />
        {depth > 1 ? (
          <Stack mt="md" gap={4}>
            <MultiLevelWarning depth={depth}>
              <Checkbox
                mb="xs"
                required
                label={t('commissions.settings.multiLevelAck')}
                checked={editing.settings.multiLevelAcknowledged}
                error={needsAck ? t('commissionReports.multiLevel.ackRequired') : undefined}
                onChange={(event) => setSettings({ multiLevelAcknowledged: event.currentTarget.checked })}
                data-testid="multi-level-ack"
              />
            </MultiLevelWarning>
          </Stack>
        ) : null}
      </Paper>
      <Simulator planId={plan.id} currency={plan.currency} versions={plan.versions} editing={editing} />
      <RuleModal rule={open} currency={plan.currency} onSave={keep} onClose={() => setOpen(null)} />
      <PublishModal planId={plan.id} opened={publishing} onClose={() => setPublishing(false)} />
    </>
  );
}

function PublishModal({ planId, opened, onClose }: { planId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  // today where the organisation is, so a version published early in the morning does not start yesterday
  const [day, setDay] = useState(() => zonedDay(format.timeZone));
  const publish = useMutation({
    mutationFn: () =>
      api.post<PlanVersion & { ordersToRecompute: number }>(`/api/v1/commission-plans/${planId}/publish`, {
        effectiveFrom: startOfZonedDay(day, format.timeZone).toISOString(),
      }),
    onSuccess: (version) => {
      notifySuccess(
        version.ordersToRecompute > 0
          ? t('commissions.publish.doneRecompute', {
              version: version.version,
              count: version.ordersToRecompute,
            })
          : t('commissions.publish.done', { version: version.version }),
      );
      void queryClient.invalidateQueries({ queryKey: [PLANS_KEY] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (day) publish.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('commissions.publish.title')} centered>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('commissions.publish.text')}</Text>
          <TextInput
            type="date"
            label={t('commissions.publish.effectiveFrom')}
            required
            value={day}
            onChange={(event) => setDay(event.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {t('commissions.publish.recompute')}
          </Text>
          <Text size="sm" c="orange">
            {t('commissions.publish.warning')}
          </Text>
          <ErrorAlert error={publish.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={publish.isPending} disabled={!day}>
              {t('commissions.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Where the multi-level guard report warns for this program: three shares of revenue, each empty
 * for its default (the law's 40 % for payouts).
 */
function GuardLimitsInputs({
  limits,
  onChange,
}: {
  limits: PlanSettings['guardLimits'];
  onChange: (limits: PlanSettings['guardLimits']) => void;
}) {
  const { t, i18n } = useTranslation();
  const keys = ['payoutLimitPpm', 'overrideLimitPpm', 'nonPartnerMinPpm'] as const;
  const labels = {
    payoutLimitPpm: 'commissionReports.guard.payoutLimit',
    overrideLimitPpm: 'commissionReports.guard.overrideLimit',
    nonPartnerMinPpm: 'commissionReports.guard.nonPartnerLimit',
  } as const;
  const set = (key: (typeof keys)[number]) => (ppm: string) => {
    const next = { ...(limits ?? DEFAULT_GUARD_LIMITS), [key]: ppm === '' ? DEFAULT_GUARD_LIMITS[key] : ppm };
    onChange(keys.every((k) => next[k] === DEFAULT_GUARD_LIMITS[k]) ? null : next);
  };
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" fw={500}>
        {t('commissions.settings.guardLimits')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('commissions.settings.guardLimitsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {keys.map((key) => (
          <PercentInput
            key={key}
            label={t(labels[key])}
            placeholder={formatPercent(DEFAULT_GUARD_LIMITS[key], i18n.language)}
            ppm={limits && limits[key] !== DEFAULT_GUARD_LIMITS[key] ? limits[key] : null}
            onPpm={set(key)}
            data-testid={`guard-limit-${key}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
