import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryPicker, PartnerGroupPicker, ProductSelect } from './catalog-pickers';
import { CountInput, MoneyInput, PercentInput } from './inputs';
import type {
  ActionRule,
  AddonRule,
  BasicRule,
  OverrideRule,
  RecurringRule,
  RepurchaseRule,
  Rule,
  RuleKind,
  Scope,
  TierRule,
} from './types';

const common = (kind: RuleKind) => ({
  id: `${kind}_${Math.random().toString(36).slice(2, 10)}`,
  name: '',
  groupId: null,
  priority: 0,
});

/** A new rule of a kind, with the fields a person must fill left empty. */
export function newRule(kind: RuleKind): Rule {
  switch (kind) {
    case 'tier':
      return {
        ...common(kind),
        kind,
        scope: { kind: 'all' },
        period: 'month',
        measure: 'amount',
        includeDownline: false,
        mode: 'retroactive',
        tiers: [{ threshold: '', ratePpm: '' }],
        stacking: 'add',
      };
    case 'addon':
      return {
        ...common(kind),
        kind,
        mainProductId: '',
        addonProductId: '',
        calc: { type: 'fixed_per_order', amountMinor: '' },
      };
    case 'repurchase':
      return { ...common(kind), kind, scope: { kind: 'all' }, ratePpm: '', stacking: 'replace' };
    case 'override':
      return { ...common(kind), kind, levels: [{ basis: 'sale', ratePpm: '' }], capPpm: null };
    case 'action':
      return { ...common(kind), kind, event: 'lead', customName: null, amountMinor: '' };
    case 'recurring':
      return { ...common(kind), kind, scope: { kind: 'all' }, ratePpm: '', months: 12 };
    default:
      return {
        ...common('basic'),
        kind: 'basic',
        scope: { kind: 'all' },
        calc: { type: 'percent', ratePpm: '' },
        onTopOfDiscount: false,
      };
  }
}

/** True when a field the rule needs is still empty (the name is the only optional text). */
export function ruleIsIncomplete(rule: Rule): boolean {
  const walk = (value: unknown, key: string): boolean => {
    if (value === '') return key !== 'name';
    // a count typed as something else than a whole number in range
    if (typeof value === 'number' && Number.isNaN(value)) return true;
    if (Array.isArray(value)) return value.some((item) => walk(item, key));
    if (value && typeof value === 'object')
      return Object.entries(value).some(([inner, innerValue]) => walk(innerValue, inner));
    return false;
  };
  return walk(rule, '');
}

export function RuleModal({
  rule,
  currency,
  onSave,
  onClose,
}: {
  /** The rule edited (a new one when its id is not in the plan yet); null when closed. */
  rule: Rule | null;
  currency: string;
  onSave: (rule: Rule) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={rule !== null}
      onClose={onClose}
      title={rule ? t(`commissions.ruleKind.${rule.kind}`) : ''}
      size="lg"
      centered
    >
      {rule ? (
        <RuleForm key={rule.id} initial={rule} currency={currency} onSave={onSave} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

function RuleForm({
  initial,
  currency,
  onSave,
  onClose,
}: {
  initial: Rule;
  currency: string;
  onSave: (rule: Rule) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [rule, setRule] = useState<Rule>(initial);
  const [incomplete, setIncomplete] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ruleIsIncomplete(rule)) {
      setIncomplete(true);
      return;
    }
    onSave(rule);
  };
  const update = (next: Rule) => {
    setRule(next);
    setIncomplete(false);
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t(`commissions.ruleHelp.${rule.kind}`)}
        </Text>
        <TextInput
          label={t('commissions.form.name')}
          value={rule.name}
          maxLength={120}
          onChange={(event) => update({ ...rule, name: event.currentTarget.value })}
        />
        {rule.kind === 'basic' ? <BasicFields rule={rule} currency={currency} onChange={update} /> : null}
        {rule.kind === 'tier' ? <TierFields rule={rule} currency={currency} onChange={update} /> : null}
        {rule.kind === 'addon' ? <AddonFields rule={rule} currency={currency} onChange={update} /> : null}
        {rule.kind === 'repurchase' ? <RepurchaseFields rule={rule} onChange={update} /> : null}
        {rule.kind === 'override' ? <OverrideFields rule={rule} onChange={update} /> : null}
        {rule.kind === 'action' ? <ActionFields rule={rule} currency={currency} onChange={update} /> : null}
        {rule.kind === 'recurring' ? <RecurringFields rule={rule} onChange={update} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PartnerGroupPicker
            label={t('commissions.form.groupId')}
            description={t('commissionReports.pickers.groupHint')}
            value={rule.groupId}
            onChange={(groupId) => update({ ...rule, groupId })}
          />
          {/* every action rule for the event pays: no rule wins over another there */}
          {rule.kind === 'action' ? null : (
            <NumberInput
              label={t('commissions.form.priority')}
              description={t('commissions.form.priorityHint')}
              min={0}
              max={1000}
              allowDecimal={false}
              value={rule.priority}
              onChange={(value) => update({ ...rule, priority: typeof value === 'number' ? value : 0 })}
            />
          )}
        </SimpleGrid>
        {incomplete ? (
          <Text size="sm" c="red" role="alert">
            {t('commissions.form.incomplete')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('commissions.form.keepRule')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ScopeFields({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('commissions.form.scope')}
      </Text>
      <SegmentedControl
        value={scope.kind}
        onChange={(kind) =>
          onChange(
            kind === 'category'
              ? { kind: 'category', categoryId: '' }
              : kind === 'product'
                ? { kind: 'product', productId: '' }
                : { kind: 'all' },
          )
        }
        data={(['all', 'category', 'product'] as const).map((value) => ({
          value,
          label: t(`commissions.scope.${value}`),
        }))}
      />
      {scope.kind === 'category' ? (
        <CategoryPicker
          aria-label={t('commissionReports.pickers.category')}
          value={scope.categoryId}
          onChange={(categoryId) => onChange({ kind: 'category', categoryId })}
        />
      ) : null}
      {scope.kind === 'product' ? (
        <ProductSelect
          aria-label={t('commissionReports.pickers.product')}
          value={scope.productId}
          onChange={(productId) => onChange({ kind: 'product', productId })}
        />
      ) : null}
    </Stack>
  );
}

function StackingSelect({
  value,
  onChange,
}: {
  value: 'add' | 'replace';
  onChange: (value: 'add' | 'replace') => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('commissions.form.stacking')}
      allowDeselect={false}
      data={(['add', 'replace'] as const).map((item) => ({
        value: item,
        label: t(`commissions.stacking.${item}`),
      }))}
      value={value}
      onChange={(next) => onChange((next as 'add' | 'replace') ?? value)}
    />
  );
}

function BasicFields({
  rule,
  currency,
  onChange,
}: {
  rule: BasicRule;
  currency: string;
  onChange: (rule: BasicRule) => void;
}) {
  const { t } = useTranslation();
  const type = rule.calc.type;
  return (
    <>
      <ScopeFields scope={rule.scope} onChange={(scope) => onChange({ ...rule, scope })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('commissions.form.calc')}
          allowDeselect={false}
          data={(['percent', 'fixed_per_unit', 'fixed_per_order'] as const).map((value) => ({
            value,
            label: t(`commissions.calc.${value}`),
          }))}
          value={type}
          onChange={(value) =>
            onChange({
              ...rule,
              calc:
                value === 'fixed_per_unit' || value === 'fixed_per_order'
                  ? { type: value, amountMinor: '' }
                  : { type: 'percent', ratePpm: '' },
            })
          }
        />
        {rule.calc.type === 'percent' ? (
          <PercentInput
            key="percent"
            label={t('commissions.form.rate')}
            required
            ppm={rule.calc.ratePpm}
            onPpm={(ratePpm) => onChange({ ...rule, calc: { type: 'percent', ratePpm } })}
          />
        ) : (
          <MoneyInput
            key={rule.calc.type}
            label={t('commissions.form.amount')}
            required
            currency={currency}
            minor={rule.calc.amountMinor}
            onMinor={(amountMinor) =>
              onChange({ ...rule, calc: { type: type as 'fixed_per_unit' | 'fixed_per_order', amountMinor } })
            }
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('commissions.form.onTopOfDiscount')}
        checked={rule.onTopOfDiscount ?? false}
        onChange={(event) => onChange({ ...rule, onTopOfDiscount: event.currentTarget.checked })}
      />
    </>
  );
}

function TierFields({
  rule,
  currency,
  onChange,
}: {
  rule: TierRule;
  currency: string;
  onChange: (rule: TierRule) => void;
}) {
  const { t } = useTranslation();
  const setTier = (index: number, patch: Partial<TierRule['tiers'][number]>) =>
    onChange({ ...rule, tiers: rule.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)) });
  return (
    <>
      <ScopeFields scope={rule.scope} onChange={(scope) => onChange({ ...rule, scope })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('commissions.form.period')}
          allowDeselect={false}
          data={(['month', 'quarter'] as const).map((value) => ({
            value,
            label: t(`commissions.period.${value}`),
          }))}
          value={rule.period}
          onChange={(value) => onChange({ ...rule, period: (value as TierRule['period']) ?? rule.period })}
        />
        <Select
          label={t('commissions.form.measure')}
          allowDeselect={false}
          data={(['amount', 'quantity', 'orders'] as const).map((value) => ({
            value,
            label: t(`commissions.measure.${value}`),
          }))}
          value={rule.measure}
          onChange={(value) =>
            onChange({
              ...rule,
              measure: (value as TierRule['measure']) ?? rule.measure,
              // thresholds mean something else in another measure: ask for them again
              tiers: rule.tiers.map((tier) => ({ ...tier, threshold: '' })),
            })
          }
        />
      </SimpleGrid>
      <SegmentedControl
        value={rule.mode}
        onChange={(value) => onChange({ ...rule, mode: value as TierRule['mode'] })}
        data={(['retroactive', 'marginal'] as const).map((value) => ({
          value,
          label: t(`commissions.mode.${value}`),
        }))}
      />
      <Text size="xs" c="dimmed">
        {t(`commissions.modeHelp.${rule.mode}`)}
      </Text>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('commissions.form.tiers')}
        </Text>
        {rule.tiers.map((tier, index) => (
          // thresholds are edited in place; the row's position is its identity
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
          <Group key={`${rule.measure}-${index}`} align="flex-end" gap="xs" wrap="nowrap">
            {rule.measure === 'amount' ? (
              <MoneyInput
                label={t('commissions.form.threshold', { tier: index + 1 })}
                currency={currency}
                minor={tier.threshold}
                onMinor={(threshold) => setTier(index, { threshold })}
                style={{ flex: 1 }}
              />
            ) : (
              <CountInput
                label={t('commissions.form.threshold', { tier: index + 1 })}
                value={tier.threshold}
                onValue={(threshold) => setTier(index, { threshold })}
                style={{ flex: 1 }}
              />
            )}
            <PercentInput
              label={t('commissions.form.rate')}
              ppm={tier.ratePpm}
              onPpm={(ratePpm) => setTier(index, { ratePpm })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('commissions.form.removeTier')}
              disabled={rule.tiers.length === 1}
              onClick={() => onChange({ ...rule, tiers: rule.tiers.filter((_, i) => i !== index) })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={rule.tiers.length >= 10}
          onClick={() => onChange({ ...rule, tiers: [...rule.tiers, { threshold: '', ratePpm: '' }] })}
          w="fit-content"
        >
          {t('commissions.form.addTier')}
        </Button>
      </Stack>
      <StackingSelect value={rule.stacking} onChange={(stacking) => onChange({ ...rule, stacking })} />
      <Checkbox
        label={t('commissions.form.includeDownline')}
        checked={rule.includeDownline}
        onChange={(event) => onChange({ ...rule, includeDownline: event.currentTarget.checked })}
      />
    </>
  );
}

function AddonFields({
  rule,
  currency,
  onChange,
}: {
  rule: AddonRule;
  currency: string;
  onChange: (rule: AddonRule) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <ProductSelect
        label={t('commissionReports.pickers.mainProduct')}
        required
        value={rule.mainProductId}
        onChange={(mainProductId) => onChange({ ...rule, mainProductId })}
      />
      <ProductSelect
        label={t('commissionReports.pickers.addonProduct')}
        required
        value={rule.addonProductId}
        onChange={(addonProductId) => onChange({ ...rule, addonProductId })}
      />
      <Select
        label={t('commissions.form.calc')}
        allowDeselect={false}
        data={(['fixed_per_order', 'percent'] as const).map((value) => ({
          value,
          label: t(
            value === 'percent' ? 'commissions.calc.percentOfAddon' : 'commissions.calc.fixed_per_order',
          ),
        }))}
        value={rule.calc.type}
        onChange={(value) =>
          onChange({
            ...rule,
            calc:
              value === 'percent'
                ? { type: 'percent', ratePpm: '' }
                : { type: 'fixed_per_order', amountMinor: '' },
          })
        }
      />
      {rule.calc.type === 'percent' ? (
        <PercentInput
          key="percent"
          label={t('commissions.form.rate')}
          required
          ppm={rule.calc.ratePpm}
          onPpm={(ratePpm) => onChange({ ...rule, calc: { type: 'percent', ratePpm } })}
        />
      ) : (
        <MoneyInput
          key="fixed"
          label={t('commissions.form.amount')}
          required
          currency={currency}
          minor={rule.calc.amountMinor}
          onMinor={(amountMinor) => onChange({ ...rule, calc: { type: 'fixed_per_order', amountMinor } })}
        />
      )}
    </SimpleGrid>
  );
}

function RepurchaseFields({
  rule,
  onChange,
}: {
  rule: RepurchaseRule;
  onChange: (rule: RepurchaseRule) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ScopeFields scope={rule.scope} onChange={(scope) => onChange({ ...rule, scope })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PercentInput
          label={t('commissions.form.rate')}
          required
          ppm={rule.ratePpm}
          onPpm={(ratePpm) => onChange({ ...rule, ratePpm })}
        />
        <StackingSelect value={rule.stacking} onChange={(stacking) => onChange({ ...rule, stacking })} />
      </SimpleGrid>
    </>
  );
}

function OverrideFields({ rule, onChange }: { rule: OverrideRule; onChange: (rule: OverrideRule) => void }) {
  const { t } = useTranslation();
  const setLevel = (index: number, patch: Partial<OverrideRule['levels'][number]>) =>
    onChange({
      ...rule,
      levels: rule.levels.map((level, i) => (i === index ? { ...level, ...patch } : level)),
    });
  return (
    <>
      <Stack gap="xs">
        {rule.levels.map((level, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a level is its position
          <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('commissions.form.levelBasis', { level: index + 1 })}
              allowDeselect={false}
              data={(['sale', 'commission'] as const).map((value) => ({
                value,
                label: t(`commissions.basis.${value}`),
              }))}
              value={level.basis}
              onChange={(value) =>
                setLevel(index, { basis: (value as 'sale' | 'commission') ?? level.basis })
              }
              style={{ flex: 1 }}
            />
            <PercentInput
              label={t('commissions.form.rate')}
              ppm={level.ratePpm}
              onPpm={(ratePpm) => setLevel(index, { ratePpm })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('commissions.form.removeLevel')}
              disabled={rule.levels.length === 1}
              onClick={() => onChange({ ...rule, levels: rule.levels.filter((_, i) => i !== index) })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={rule.levels.length >= 3}
          onClick={() => onChange({ ...rule, levels: [...rule.levels, { basis: 'sale', ratePpm: '' }] })}
          w="fit-content"
        >
          {t('commissions.form.addLevel')}
        </Button>
        {rule.levels.length > 1 ? (
          <Text size="xs" c="orange">
            {t('commissions.form.levelsNeedDepth')}
          </Text>
        ) : null}
      </Stack>
      <PercentInput
        label={t('commissions.form.capPercent')}
        description={t('commissions.form.capHint')}
        ppm={rule.capPpm}
        onPpm={(ppm) => onChange({ ...rule, capPpm: ppm === '' ? null : ppm })}
      />
    </>
  );
}

const ACTION_EVENTS = ['lead', 'signup', 'custom', 'click', 'impression'] as const;

/** CPL/CPA per conversion (a custom one by the name it is sent with), CPC per unique click, CPM. */
function ActionFields({
  rule,
  currency,
  onChange,
}: {
  rule: ActionRule;
  currency: string;
  onChange: (rule: ActionRule) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('commissions.form.event')}
        allowDeselect={false}
        data={ACTION_EVENTS.map((value) => ({ value, label: t(`commissions.form.events.${value}`) }))}
        value={rule.event}
        onChange={(value) => {
          const event = (value as ActionRule['event'] | null) ?? rule.event;
          // a custom conversion is matched by its name, which must then be given
          onChange({ ...rule, event, customName: event === 'custom' ? (rule.customName ?? '') : null });
        }}
      />
      {rule.event === 'custom' ? (
        <TextInput
          label={t('commissions.form.customName')}
          description={t('commissions.form.customNameHint')}
          required
          maxLength={80}
          value={rule.customName ?? ''}
          onChange={(event) => onChange({ ...rule, customName: event.currentTarget.value })}
        />
      ) : null}
      <MoneyInput
        label={t('commissions.form.amountPer', { event: t(`commissions.event.${rule.event}`) })}
        required
        currency={currency}
        minor={rule.amountMinor}
        onMinor={(amountMinor) => onChange({ ...rule, amountMinor })}
      />
    </>
  );
}

/** A rate on each subscription renewal, for some months from the start or for life. */
function RecurringFields({
  rule,
  onChange,
}: {
  rule: RecurringRule;
  onChange: (rule: RecurringRule) => void;
}) {
  const { t } = useTranslation();
  const forLife = rule.months === null;
  return (
    <>
      <ScopeFields scope={rule.scope} onChange={(scope) => onChange({ ...rule, scope })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PercentInput
          label={t('commissions.form.rate')}
          required
          ppm={rule.ratePpm}
          onPpm={(ratePpm) => onChange({ ...rule, ratePpm })}
        />
        {forLife ? null : (
          <NumberInput
            label={t('commissions.form.months')}
            description={t('commissions.form.monthsHint')}
            required
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={Number.isNaN(rule.months) ? '' : (rule.months ?? '')}
            onChange={(value) =>
              onChange({
                ...rule,
                months: typeof value === 'number' && value >= 1 && value <= 120 ? value : Number.NaN,
              })
            }
            error={Number.isNaN(rule.months) ? t('commissions.form.invalidMonths') : undefined}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('commissions.form.forLife')}
        checked={forLife}
        onChange={(event) => onChange({ ...rule, months: event.currentTarget.checked ? null : 12 })}
      />
    </>
  );
}
