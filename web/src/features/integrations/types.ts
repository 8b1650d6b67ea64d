/** Shapes of the integrations API as the staff app uses them. */
export type SourceKind = 'shopify' | 'woocommerce' | 'postback';
export const SOURCE_KINDS: SourceKind[] = ['shopify', 'woocommerce', 'postback'];

export type WebhookSource = {
  id: string;
  kind: SourceKind;
  name: string;
  programId: string | null;
  status: 'active' | 'disabled';
  deliveryUrl: string;
  lastDeliveryAt: string | null;
  deliveriesLast24h: number;
  failuresLast24h: number;
  createdAt: string;
  updatedAt: string;
};

export type SourceWithSecret = { source: WebhookSource; secret: string | null; postbackUrl: string | null };

export type DeliveryStatus = 'received' | 'processed' | 'failed' | 'duplicate' | 'rejected';
export const DELIVERY_STATUSES: DeliveryStatus[] = [
  'received',
  'processed',
  'failed',
  'duplicate',
  'rejected',
];

export type DeliverySummary = {
  id: string;
  sourceId: string;
  topic: string;
  platformEventId: string | null;
  status: DeliveryStatus;
  error: string | null;
  attempts: number;
  orderId: string | null;
  receivedAt: string;
  processedAt: string | null;
};

export type Delivery = DeliverySummary & { headers: Record<string, string>; body: string };

export type OrderImport = {
  id: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  totalRows: number;
  created: number;
  unchanged: number;
  errors: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type OrderImportRow = {
  rowNumber: number;
  outcome: 'created' | 'unchanged' | 'error';
  orderId: string | null;
  data: Record<string, string>;
  errors: { field: string; message: string }[];
};

export type OrderImportReport = OrderImport & { rows: OrderImportRow[]; moreRows: boolean };

export const DELIVERY_COLORS: Record<DeliveryStatus, string> = {
  received: 'blue',
  processed: 'teal',
  failed: 'red',
  duplicate: 'gray',
  rejected: 'orange',
};
