import { Button, Group, Menu, Modal, NumberInput, Stack, Table, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconCreditCard, IconTruckDelivery, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useConfirm } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ORDERS_KEY, type Order, PAYMENT_STATUSES, type PaymentStatus } from './types';

type EventBody = {
  type: 'confirmed' | 'completed' | 'cancelled' | 'returned' | 'payment';
  reason?: string;
  paymentStatus?: PaymentStatus;
  returnItems?: Array<{ lineNo: number; quantity: number }>;
};

/** Staff actions on an order: confirm, mark completed, cancel with a reason, record a return, payment. */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [returning, setReturning] = useState(false);
  const send = useMutation({
    mutationFn: (body: EventBody) => api.post(`/api/v1/orders/${order.id}/events`, body),
    onSuccess: (_, body) => {
      notifySuccess(t(`orders.actions.done.${body.type}`));
      void queryClient.invalidateQueries({ queryKey: [ORDERS_KEY] });
    },
    onError: notifyError,
  });
  const open = order.status === 'pending' || order.status === 'confirmed';
  const returnable = order.items.some((item) => item.returnedQuantity < item.quantity);
  const complete = async () => {
    if (
      await confirm({
        title: t('orders.actions.completeTitle'),
        message: t('orders.actions.completeConfirm', { number: order.number }),
        confirmLabel: t('orders.actions.complete'),
        danger: false,
      })
    )
      send.mutate({ type: 'completed' });
  };
  return (
    <Group gap="xs">
      {order.status === 'pending' ? (
        <Button
          leftSection={<IconCheck size={16} aria-hidden />}
          loading={send.isPending}
          onClick={() => send.mutate({ type: 'confirmed' })}
        >
          {t('orders.actions.confirm')}
        </Button>
      ) : null}
      {open ? (
        <Button variant="light" leftSection={<IconTruckDelivery size={16} aria-hidden />} onClick={complete}>
          {t('orders.actions.complete')}
        </Button>
      ) : null}
      {open ? (
        <Button
          variant="default"
          color="red"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => setCancelling(true)}
        >
          {t('orders.actions.cancel')}
        </Button>
      ) : null}
      {returnable && order.status !== 'cancelled' ? (
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          onClick={() => setReturning(true)}
        >
          {t('orders.actions.return')}
        </Button>
      ) : null}
      <Menu>
        <Menu.Target>
          <Button variant="default" leftSection={<IconCreditCard size={16} aria-hidden />}>
            {t('orders.actions.payment')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {PAYMENT_STATUSES.filter((status) => status !== order.paymentStatus).map((status) => (
            <Menu.Item key={status} onClick={() => send.mutate({ type: 'payment', paymentStatus: status })}>
              {t(`orders.payment.${status}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <CancelModal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        onCancel={(reason) => {
          setCancelling(false);
          send.mutate({ type: 'cancelled', reason });
        }}
      />
      {returning ? (
        <ReturnModal
          order={order}
          onClose={() => setReturning(false)}
          onReturn={(returnItems) => {
            setReturning(false);
            send.mutate({ type: 'returned', returnItems });
          }}
        />
      ) : null}
    </Group>
  );
}

function CancelModal({
  opened,
  onClose,
  onCancel,
}: {
  opened: boolean;
  onClose: () => void;
  onCancel: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('orders.actions.cancelTitle')} centered>
      <Stack>
        <Textarea
          label={t('orders.actions.cancelReason')}
          description={t('orders.actions.cancelHint')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!reason.trim()} onClick={() => onCancel(reason.trim())}>
            {t('orders.actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReturnModal({
  order,
  onClose,
  onReturn,
}: {
  order: Order;
  onClose: () => void;
  onReturn: (items: Array<{ lineNo: number; quantity: number }>) => void;
}) {
  const { t } = useTranslation();
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const chosen = Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity }));
  return (
    <Modal opened onClose={onClose} title={t('orders.actions.returnTitle')} size="lg" centered>
      <Stack>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.fields.item')}</Table.Th>
              <Table.Th ta="right">{t('orders.fields.sold')}</Table.Th>
              <Table.Th ta="right">{t('orders.fields.returned')}</Table.Th>
              <Table.Th>{t('orders.actions.returnNow')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.items.map((item) => {
              const left = item.quantity - item.returnedQuantity;
              return (
                <Table.Tr key={item.lineNo}>
                  <Table.Td>
                    {item.name} <span style={{ opacity: 0.6 }}>({item.sku})</span>
                  </Table.Td>
                  <Table.Td ta="right">{item.quantity}</Table.Td>
                  <Table.Td ta="right">{item.returnedQuantity}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('orders.actions.returnQuantityOf', { name: item.name })}
                      min={0}
                      max={left}
                      disabled={left === 0}
                      allowDecimal={false}
                      value={quantities[item.lineNo] ?? 0}
                      onChange={(value) =>
                        setQuantities((current) => ({
                          ...current,
                          [item.lineNo]: Math.min(Number(value) || 0, left),
                        }))
                      }
                      w={100}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={chosen.length === 0} onClick={() => onReturn(chosen)}>
            {t('orders.actions.recordReturn')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
