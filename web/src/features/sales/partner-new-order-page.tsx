import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { useFormErrors } from '../../ui/use-form-errors';
import { isOrderFundsError } from '../payouts/order-credit';
import {
  DepositShortAlert,
  OrderCreditField,
  OrderCreditSummary,
  useOrderCredit,
} from '../payouts/order-credit-field';
import { type PartnerOrder, SALES_KEYS } from './api';
import { EnrollmentPicker, useSellingEnrollment } from './enrollment-picker';
import { isPhoneLike, newClientId } from './form-helpers';
import { type PickedLine, ProductPicker } from './product-picker';

/** A CTV enters an order: customer, products from the catalog, note, cash on delivery or transfer. */
export function PartnerNewOrderPage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <div>
            <Anchor component={Link} to="/orders" size="sm">
              <Group gap={2} component="span">
                <IconChevronLeft size={16} aria-hidden />
                {t('sales.partner.ordersTitle')}
              </Group>
            </Anchor>
            <Title order={1} size="h2" mt={4}>
              {t('sales.form.title')}
            </Title>
          </div>
          <NewOrderForm />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function NewOrderForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const selling = useSellingEnrollment();
  const errors = useFormErrors();
  // one id per order form: a double tap or a retry after a network error makes one order
  const [clientOrderId] = useState(newClientId);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [paymentMethod, setPaymentMethod] = useState<'cod' | 'transfer'>('cod');
  const [lines, setLines] = useState<PickedLine[]>([]);
  const [attempted, setAttempted] = useState(false);
  const enrollment = selling.current;
  const currency = enrollment?.program.currency ?? 'VND';
  const total = lines.reduce(
    (sum, line) => sum + BigInt(line.product.priceMinor) * BigInt(line.quantity),
    0n,
  );
  const credit = useOrderCredit(enrollment?.id, currency, total);
  const problems = {
    name: name.trim() ? undefined : t('sales.form.nameRequired'),
    phone: !phone.trim()
      ? t('sales.form.phoneRequired')
      : isPhoneLike(phone)
        ? undefined
        : t('sales.form.phoneInvalid'),
    address: address.trim().length >= 5 ? undefined : t('sales.form.addressRequired'),
    items: lines.length > 0 ? undefined : t('sales.form.itemsRequired'),
    storeCredit: credit.problem,
  };
  const show = (key: keyof typeof problems) => (attempted ? problems[key] : undefined) ?? errors.field(key);
  const submit = useMutation({
    mutationFn: () =>
      api.post<PartnerOrder>('/api/me/orders', {
        enrollmentId: enrollment!.id,
        clientOrderId,
        customer: { name: name.trim(), phone: phone.trim(), address: address.trim() },
        items: lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })),
        note: note.trim() || undefined,
        paymentMethod,
        storeCreditMinor: credit.amountMinor > 0n ? credit.amountMinor.toString() : undefined,
      }),
    onSuccess: (order) => {
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.myOrders });
      void credit.refresh();
      void navigate({ to: `/orders/${order.id}`, replace: true });
    },
    onError: errors.set,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    errors.clear();
    if (Object.values(problems).some(Boolean) || submit.isPending || submit.isSuccess) return;
    submit.mutate();
  };
  if (!enrollment) return <EnrollmentPicker selling={selling} />;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="new-order-form">
      <Stack gap="md">
        <EnrollmentPicker selling={selling} />
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} size="h5">
              {t('sales.form.customer')}
            </Title>
            <TextInput
              label={t('sales.form.customerName')}
              name="customerName"
              autoComplete="off"
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={show('name')}
              maxLength={120}
            />
            <TextInput
              label={t('sales.form.phone')}
              name="customerPhone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="0901 234 567"
              required
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={show('phone')}
              maxLength={30}
            />
            <Textarea
              label={t('sales.form.address')}
              name="customerAddress"
              required
              autosize
              minRows={2}
              value={address}
              onChange={(event) => setAddress(event.currentTarget.value)}
              error={show('address')}
              maxLength={500}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} size="h5">
              {t('sales.form.products')}
            </Title>
            <ProductPicker
              enrollmentId={enrollment.id}
              lines={lines}
              onChange={setLines}
              error={attempted ? problems.items : undefined}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4} id="payment-label">
                {t('sales.form.payment')}
              </Text>
              <SegmentedControl
                fullWidth
                aria-labelledby="payment-label"
                value={paymentMethod}
                onChange={(value) => setPaymentMethod(value as 'cod' | 'transfer')}
                data={[
                  { value: 'cod', label: t('sales.form.payCod') },
                  { value: 'transfer', label: t('sales.paymentMethod.transfer') },
                ]}
                data-testid="payment-method"
              />
            </div>
            <Textarea
              label={t('sales.form.note')}
              name="note"
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={1000}
            />
          </Stack>
        </Paper>
        {credit.shown ? <OrderCreditField credit={credit} apiError={errors.error} /> : null}
        <ErrorAlert error={isOrderFundsError(errors.error, credit.shown) ? null : errors.general} />
        <DepositShortAlert error={errors.error} currency={currency} />
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
          <Group justify="space-between" mb="sm">
            <Text fw={500}>{t('sales.form.total')}</Text>
            <Text fw={700} size="xl" data-testid="order-total">
              {format.money(total, currency)}
            </Text>
          </Group>
          <OrderCreditSummary credit={credit} />
          <Button
            type="submit"
            size="lg"
            fullWidth
            loading={submit.isPending}
            disabled={submit.isSuccess}
            data-testid="submit-order"
          >
            {t('sales.form.submit')}
          </Button>
          <Text size="xs" c="dimmed" mt="xs" ta="center">
            {t('sales.form.submitHint')}
          </Text>
        </Paper>
      </Stack>
    </form>
  );
}
