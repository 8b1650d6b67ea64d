import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { startOfZonedDay } from '../../lib/format';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PRODUCTS_KEY, useCategories } from '../catalog/api';
import type { Product } from '../catalog/types';
import { CategoryPicker, PartnerGroupPicker, ProductSelect } from './catalog-pickers';
import { ExplanationText, LineKindBadge } from './explanation-text';
import { MoneyInput } from './inputs';
import type { PlanSettings, PlanVersion, Rule, Simulation } from './types';

type Item = {
  key: number;
  productId: string;
  categoryId: string;
  quantity: number;
  price: string;
  cost: string;
};

const DRAFT = 'editor';

/** A hypothetical order through a version or the draft being edited: the lines, written nowhere. */
export function Simulator({
  planId,
  currency,
  versions,
  editing,
}: {
  planId: string;
  currency: string;
  versions: PlanVersion[];
  editing: { settings: PlanSettings; rules: Rule[] } | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [source, setSource] = useState<string>(editing ? DRAFT : (versions[0]?.id ?? DRAFT));
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Item[]>([
    { key: 1, productId: '', categoryId: '', quantity: 1, price: '', cost: '' },
  ]);
  const [repurchase, setRepurchase] = useState(false);
  const [uplines, setUplines] = useState(0);
  // the partner chain's groups: the seller's, then each upline's by level
  const [groups, setGroups] = useState<(string | null)[]>([null, null, null, null]);
  const setGroup = (index: number, groupId: string | null) =>
    setGroups((current) => current.map((value, i) => (i === index ? groupId : value)));
  const [renewalMonth, setRenewalMonth] = useState<number | null>(null);
  const rules = source === DRAFT ? editing?.rules : versions.find((version) => version.id === source)?.rules;
  // renewals are paid by recurring rules only: the field shows where one could pay
  const hasRecurring = (rules ?? []).some((rule) => rule.kind === 'recurring');
  // groups matter only where a rule is for a group
  const hasGroupRules = (rules ?? []).some((rule) => rule.groupId !== null);
  const [incomplete, setIncomplete] = useState(false);
  const simulation = useMutation({
    mutationFn: (body: unknown) => api.post<Simulation>(`/api/v1/commission-plans/${planId}/simulate`, body),
  });
  const setItem = (key: number, patch: Partial<Item>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  const categories = useCategories();
  /** The category and its ancestors, nearest first, as the engine matches category rules. */
  const categoryPath = (id: string) => {
    const path: string[] = [];
    for (let at: string | null = id; at && !path.includes(at); ) {
      path.push(at);
      at = categories.data?.find((category) => category.id === at)?.parentId ?? null;
    }
    return path;
  };
  /** A product picked: its category, price and cost fill in (still editable). */
  const pickProduct = async (key: number, productId: string) => {
    if (!productId) return setItem(key, { productId });
    const product = await queryClient
      .fetchQuery({
        queryKey: [PRODUCTS_KEY, productId],
        queryFn: () => api.get<Product>(`/api/v1/products/${encodeURIComponent(productId)}`),
      })
      .catch(() => null);
    setItem(
      key,
      product
        ? {
            productId,
            categoryId: product.categoryId ?? '',
            price: product.priceMinor,
            cost: product.costMinor ?? '',
          }
        : { productId },
    );
  };
  const run = () => {
    if (items.some((item) => item.price === '' || item.quantity < 1)) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    simulation.mutate({
      ...(source !== DRAFT ? { versionId: source } : editing ? { plan: editing } : {}),
      items: items.map((item) => ({
        productId: item.productId || null,
        categoryPath: item.categoryId ? categoryPath(item.categoryId) : [],
        quantity: item.quantity,
        unitPriceMinor: item.price,
        unitCostMinor: item.cost || null,
      })),
      repurchase,
      renewalMonth: hasRecurring ? renewalMonth : null,
      partnerGroupId: hasGroupRules ? groups[0] : null,
      uplineGroupIds: Array.from({ length: uplines }, (_, index) =>
        hasGroupRules ? groups[index + 1]! : null,
      ),
    });
  };
  // at the end of the last row of inputs: after the groups when the plan asks for them
  const runButton = (
    <Button onClick={run} loading={simulation.isPending}>
      {t('commissions.simulator.run')}
    </Button>
  );
  const who = (enrollmentId: string) =>
    enrollmentId.startsWith('upline_')
      ? t('commissions.simulator.upline', { level: enrollmentId.slice('upline_'.length) })
      : t('commissions.simulator.seller');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <div>
          <Title order={2} size="h4">
            {t('commissions.simulator.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('commissions.simulator.text')}
          </Text>
        </div>
        <Select
          label={t('commissions.simulator.version')}
          allowDeselect={false}
          data={[
            ...(editing ? [{ value: DRAFT, label: t('commissions.simulator.editing') }] : []),
            ...versions.map((version) => ({
              value: version.id,
              label: `${t('commissions.plans.versionN', { version: version.version })} · ${t(`commissions.versionStatus.${version.status}`)}`,
            })),
          ]}
          value={source}
          onChange={(value) => setSource(value ?? source)}
          w={{ base: '100%', sm: 320 }}
        />
        {items.map((item, index) => (
          <Group key={item.key} align="flex-end" gap="xs">
            <ProductSelect
              label={t('commissions.form.productId')}
              value={item.productId}
              onChange={(productId) => void pickProduct(item.key, productId)}
              w={240}
            />
            <CategoryPicker
              label={t('commissions.form.categoryId')}
              value={item.categoryId}
              onChange={(categoryId) => setItem(item.key, { categoryId })}
              w={200}
            />
            <NumberInput
              label={t('commissions.simulator.quantity')}
              min={1}
              allowDecimal={false}
              value={item.quantity}
              onChange={(value) => setItem(item.key, { quantity: typeof value === 'number' ? value : 1 })}
              w={90}
            />
            <MoneyInput
              // a picked product fills the price in: a new input shows it
              key={`price-${item.productId}`}
              label={t('commissions.simulator.unitPrice')}
              required
              currency={currency}
              minor={item.price}
              onMinor={(price) => setItem(item.key, { price })}
              w={170}
            />
            <MoneyInput
              key={`cost-${item.productId}`}
              label={t('commissions.simulator.unitCost')}
              currency={currency}
              minor={item.cost}
              onMinor={(cost) => setItem(item.key, { cost })}
              w={170}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('commissions.simulator.removeItem', { n: index + 1 })}
              disabled={items.length === 1}
              onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setItems((current) => [
                ...current,
                {
                  key: Math.max(...current.map((item) => item.key)) + 1,
                  productId: '',
                  categoryId: '',
                  quantity: 1,
                  price: '',
                  cost: '',
                },
              ])
            }
          >
            {t('commissions.simulator.addItem')}
          </Button>
        </Group>
        <Group align="flex-end">
          <Switch
            label={t('commissions.simulator.repurchase')}
            checked={repurchase}
            onChange={(event) => setRepurchase(event.currentTarget.checked)}
          />
          {hasRecurring ? (
            <NumberInput
              label={t('commissions.simulator.renewal')}
              description={t('commissions.simulator.renewalHint')}
              min={1}
              max={1200}
              allowDecimal={false}
              allowNegative={false}
              value={renewalMonth ?? ''}
              onChange={(value) => setRenewalMonth(typeof value === 'number' && value >= 1 ? value : null)}
              w={220}
            />
          ) : null}
          <NumberInput
            label={t('commissions.simulator.uplines')}
            min={0}
            max={3}
            allowDecimal={false}
            value={uplines}
            onChange={(value) => setUplines(typeof value === 'number' ? Math.min(3, Math.max(0, value)) : 0)}
            w={160}
          />
          {hasGroupRules ? null : runButton}
        </Group>
        {hasGroupRules ? (
          <Group align="flex-end">
            {Array.from({ length: uplines + 1 }, (_, index) => (
              <PartnerGroupPicker
                // biome-ignore lint/suspicious/noArrayIndexKey: a picker is its place in the chain
                key={index}
                label={
                  index === 0
                    ? t('commissions.simulator.sellerGroup')
                    : t('commissions.simulator.uplineGroup', { level: index })
                }
                value={groups[index] ?? null}
                onChange={(groupId) => setGroup(index, groupId)}
                w={220}
              />
            ))}
            {runButton}
          </Group>
        ) : null}
        {incomplete ? (
          <Text size="sm" c="red" role="alert">
            {t('commissions.simulator.incomplete')}
          </Text>
        ) : null}
        <ErrorAlert error={simulation.error} />
        {simulation.data ? (
          simulation.data.lines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('commissions.simulator.noLines')}
            </Text>
          ) : (
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('commissions.simulator.who')}</Table.Th>
                  <Table.Th>{t('commissions.fields.kind')}</Table.Th>
                  <Table.Th>{t('commissions.drawer.why')}</Table.Th>
                  <Table.Th ta="right">{t('commissions.fields.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {simulation.data.lines.map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: simulated lines have no id
                  <Table.Tr key={index}>
                    <Table.Td>{who(line.enrollmentId)}</Table.Td>
                    <Table.Td>
                      <LineKindBadge kind={line.kind} level={line.level} />
                    </Table.Td>
                    <Table.Td>
                      <ExplanationText
                        explanation={line.explanation}
                        amountMinor={line.amountMinor}
                        currency={currency}
                      />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {format.money(line.amountMinor, currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td colSpan={3} fw={600}>
                    {t('commissions.simulator.total')}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {format.money(simulation.data.totalMinor, currency)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )
        ) : null}
        {simulation.data && simulation.data.guard.state !== 'off' ? (
          <Text size="sm" c={simulation.data.guard.state === 'capped' ? 'orange' : 'dimmed'}>
            {t(`commissions.guard.${simulation.data.guard.state}`, {
              margin: format.money(simulation.data.guard.marginMinor ?? '0', currency),
              cap: format.money(simulation.data.guard.capMinor ?? '0', currency),
              defaultValue: simulation.data.guard.state,
            })}
          </Text>
        ) : null}
        <Replay planId={planId} currency={currency} />
      </Stack>
    </Paper>
  );
}

/** Last period's orders replayed on the draft, against what the versions in force paid. */
function Replay({ planId, currency }: { planId: string; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const replay = useMutation({
    mutationFn: () =>
      api.post<{
        orders: number;
        currentTotalMinor: string;
        proposedTotalMinor: string;
        differenceMinor: string;
      }>(`/api/v1/commission-plans/${planId}/replay`, {
        from: startOfZonedDay(from, format.timeZone).toISOString(),
        to: startOfZonedDay(to, format.timeZone, true).toISOString(),
      }),
  });
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t('commissions.replay.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('commissions.replay.text')}
      </Text>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('commissions.lines.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={160}
        />
        <TextInput
          type="date"
          label={t('commissions.lines.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={160}
        />
        <Button
          variant="light"
          disabled={!from || !to}
          loading={replay.isPending}
          onClick={() => replay.mutate()}
        >
          {t('commissions.replay.run')}
        </Button>
      </Group>
      <ErrorAlert error={replay.error} />
      {replay.data ? (
        <Text size="sm">
          {t('commissions.replay.result', {
            orders: replay.data.orders,
            current: format.money(replay.data.currentTotalMinor, currency),
            proposed: format.money(replay.data.proposedTotalMinor, currency),
            difference: format.money(replay.data.differenceMinor, currency),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
