export { type AddOrderItemsInput, addOrderItems } from './add-order-items';
export { type AttributionDecision, decideAttribution } from './attribution/decide-attribution';
export { type CustomerView, findCustomers, getCustomerById } from './customers/find-customers';
export { findConversions } from './find-conversions';
export { findOrders } from './find-orders';
export { foldOrderEvents } from './fold-order-events';
export { getOrderById, type OrderEventView } from './get-order';
export {
  type CustomerInput,
  type IngestResult,
  ingestOrder,
  ingestOrders,
  type OrderInput,
  type OrderItemInput,
  type PaymentMethod,
} from './ingest-order';
export { netLineAmounts, returnedValueMinor } from './order-totals';
export type { ConversionView, CreditedPartnerView, OrderItemView, OrderView } from './order-view';
export { type ConversionInput, recordConversion } from './record-conversion';
export {
  type OrderEventActor,
  type OrderEventInput,
  type ReturnItemInput,
  recordOrderEvent,
} from './record-order-event';
export { type PlatformRefund, reportPlatformRefund } from './report-platform-refund';
export * from './schema';
export { seedDemoOrders } from './seed-demo-orders';
