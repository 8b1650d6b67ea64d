import { minorUnits } from '../../../platform/money';
import type { OrderInput, OrderItemInput } from '../../orders';
import { detectColumns, type OrderImportField } from './columns';
import { parseHumanAmount, parseHumanDate, parsePayment, parseStatus } from './read-values';

export type SheetRow = { rowNumber: number; data: Record<string, string> };
export type RowError = { field: string; message: string };

/** One order of the file: its rows, and the order input unless a row has errors. */
export type ImportedOrder = {
  externalId: string;
  rowNumbers: number[];
  input?: OrderInput;
  errors: Map<number, RowError[]>;
};

/** Fields that belong to the order, not the line: any row may carry them, and rows must agree. */
const ORDER_FIELDS: OrderImportField[] = [
  'date',
  'customerName',
  'customerPhone',
  'customerEmail',
  'shipping',
  'partnerCode',
  'coupon',
  'status',
  'payment',
  'currency',
];

export function missingColumns(columns: string[]): OrderImportField[] {
  const found = detectColumns(columns);
  return (['orderId', 'sku', 'quantity', 'unitPrice'] as const).filter((field) => !found[field]);
}

/**
 * Groups a sheet's rows (one per item) into orders by order id and reads every value: amounts as
 * people write them, dates, statuses. Each row's problems are kept for the row report; an order
 * with any bad row is not imported.
 */
export function rowsToOrders(rows: SheetRow[], columns: string[], defaultCurrency: string): ImportedOrder[] {
  const found = detectColumns(columns);
  const value = (row: SheetRow, field: OrderImportField) =>
    found[field] ? (row.data[found[field]!] ?? '').trim() : '';
  const groups = new Map<string, SheetRow[]>();
  const orphans: ImportedOrder[] = [];
  for (const row of rows) {
    const id = value(row, 'orderId');
    if (!id) {
      orphans.push({
        externalId: '',
        rowNumbers: [row.rowNumber],
        errors: new Map([[row.rowNumber, [{ field: 'orderId', message: 'The order id is empty' }]]]),
      });
      continue;
    }
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }

  const orders = [...groups.entries()].map(([externalId, group]): ImportedOrder => {
    const errors = new Map<number, RowError[]>();
    const fail = (row: SheetRow, field: string, message: string) =>
      errors.set(row.rowNumber, [...(errors.get(row.rowNumber) ?? []), { field, message }]);
    const orderValue: Partial<Record<OrderImportField, string>> = {};
    const firstRowOf: Partial<Record<OrderImportField, number>> = {};
    for (const row of group) {
      for (const field of ORDER_FIELDS) {
        const text = value(row, field);
        if (!text) continue;
        if (orderValue[field] === undefined) {
          orderValue[field] = text;
          firstRowOf[field] = row.rowNumber;
        } else if (orderValue[field] !== text) {
          fail(
            row,
            field,
            `Differs from row ${firstRowOf[field]} of the same order (“${orderValue[field]}”)`,
          );
        }
      }
    }
    const currency = (orderValue.currency ?? defaultCurrency).toUpperCase();
    const first = group[0]!;
    let currencyOk = true;
    try {
      minorUnits(currency);
    } catch {
      currencyOk = false;
      fail(first, 'currency', `Currency ${currency} is not supported`);
    }
    const amount = (row: SheetRow, field: OrderImportField, text: string): bigint => {
      if (!currencyOk) return 0n;
      const parsed = parseHumanAmount(text, currency);
      if (typeof parsed === 'string') fail(row, field, parsed);
      else if (parsed < 0n) fail(row, field, 'Must not be negative');
      return typeof parsed === 'bigint' ? parsed : 0n;
    };

    const items: OrderItemInput[] = group.map((row) => {
      const sku = value(row, 'sku');
      if (!sku) fail(row, 'sku', 'The SKU is empty');
      const quantityText = value(row, 'quantity') || '1';
      const quantity = Number(quantityText.replace(/[.,]0+$/, ''));
      if (!Number.isInteger(quantity) || quantity < 1)
        fail(row, 'quantity', `“${quantityText}” is not a whole number of at least 1`);
      const priceText = value(row, 'unitPrice');
      if (!priceText) fail(row, 'unitPrice', 'The unit price is empty');
      const unitPriceMinor = amount(row, 'unitPrice', priceText);
      const discountMinor = amount(row, 'discount', value(row, 'discount'));
      if (Number.isInteger(quantity) && discountMinor > unitPriceMinor * BigInt(Math.max(quantity, 0))) {
        fail(row, 'discount', 'The discount is more than the line is worth');
      }
      return { sku, name: value(row, 'productName') || undefined, quantity, unitPriceMinor, discountMinor };
    });

    const rowOf = (field: OrderImportField) =>
      group.find((row) => row.rowNumber === firstRowOf[field]) ?? first;
    const placedAt = parseHumanDate(orderValue.date ?? '');
    if (placedAt === null)
      fail(rowOf('date'), 'date', `“${orderValue.date}” is not a date (31/10/2026 or 2026-10-31)`);
    const status = parseStatus(orderValue.status ?? '');
    if (status === null) fail(rowOf('status'), 'status', `Unknown status “${orderValue.status}”`);
    const payment = parsePayment(orderValue.payment ?? '');
    if (payment === null) fail(rowOf('payment'), 'payment', `Unknown payment “${orderValue.payment}”`);
    const shippingMinor = orderValue.shipping
      ? amount(rowOf('shipping'), 'shipping', orderValue.shipping)
      : 0n;

    if (errors.size > 0) {
      for (const row of group) {
        if (!errors.has(row.rowNumber)) {
          const bad = [...errors.keys()].join(', ');
          errors.set(row.rowNumber, [
            { field: 'orderId', message: `Not imported: row ${bad} of this order has errors` },
          ]);
        }
      }
      return { externalId, rowNumbers: group.map((row) => row.rowNumber), errors };
    }
    return {
      externalId,
      rowNumbers: group.map((row) => row.rowNumber),
      errors,
      input: {
        source: 'import',
        externalId,
        currency,
        placedAt: placedAt ?? undefined,
        status: status ?? undefined,
        paymentStatus: payment?.status,
        paymentMethod: payment?.method,
        customer: {
          name: orderValue.customerName,
          phone: orderValue.customerPhone,
          email: orderValue.customerEmail,
        },
        items,
        shippingMinor,
        partnerCode: orderValue.partnerCode,
        couponCode: orderValue.coupon,
      },
    };
  });
  return [...orders, ...orphans];
}
