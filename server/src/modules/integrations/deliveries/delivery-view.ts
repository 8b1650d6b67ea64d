import { webhookDeliveries } from '../schema';

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export type DeliverySummaryView = {
  id: string;
  sourceId: string;
  topic: string;
  platformEventId: string | null;
  status: DeliveryRow['status'];
  error: string | null;
  attempts: number;
  orderId: string | null;
  receivedAt: string;
  processedAt: string | null;
};

export type DeliveryView = DeliverySummaryView & { headers: Record<string, string>; body: string };

export function toDeliverySummary(row: Omit<DeliveryRow, 'headers' | 'body' | 'orgId'>): DeliverySummaryView {
  return {
    id: row.id,
    sourceId: row.sourceId,
    topic: row.topic,
    platformEventId: row.platformEventId,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    orderId: row.orderId,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}

export function toDeliveryView(row: DeliveryRow): DeliveryView {
  return { ...toDeliverySummary(row), headers: row.headers, body: row.body };
}

/** The summary columns: lists never carry raw bodies. */
export const summaryColumns = {
  id: webhookDeliveries.id,
  sourceId: webhookDeliveries.sourceId,
  topic: webhookDeliveries.topic,
  platformEventId: webhookDeliveries.platformEventId,
  status: webhookDeliveries.status,
  error: webhookDeliveries.error,
  attempts: webhookDeliveries.attempts,
  orderId: webhookDeliveries.orderId,
  receivedAt: webhookDeliveries.receivedAt,
  processedAt: webhookDeliveries.processedAt,
};
