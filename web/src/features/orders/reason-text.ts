import type { TFunction } from 'i18next';

/**
 * Reasons Kênh writes itself (a platform's cancellation, a return it records on its own) are stored
 * in English, as API clients read them; the apps show them in the reader's language. A reason a
 * person typed is shown as typed.
 */
const FIXED: Record<string, string> = {
  'Cancelled in WooCommerce': 'orders.reasons.woocommerceCancelled',
  'Cancelled by the shop’s postback': 'orders.reasons.postbackCancelled',
  'Refunded in full': 'orders.reasons.refundedInFull',
  'Removed from the order on the platform (edited or refunded)': 'orders.reasons.removedOnPlatform',
};

/** A Shopify refund recorded as a note (see apply-plan): its id, the shop's note, and why. */
const SHOPIFY_REFUND =
  /^Shopify refund (\d+)(?:: (.*))? \((money only, no items|its items are returned as the order's quantities show)\)$/s;

/** Shopify's cancel_reason values, as the Shopify mapper writes them. */
const SHOPIFY_CANCELLED = /^Cancelled in Shopify \((customer|declined|fraud|inventory|staff|other)\)$/;

export function reasonText(t: TFunction, reason: string): string {
  const key = FIXED[reason];
  if (key) return t(key);
  const shopify = SHOPIFY_CANCELLED.exec(reason);
  if (shopify)
    return t('orders.reasons.shopifyCancelled', { why: t(`orders.reasons.shopify.${shopify[1]}`) });
  const refund = SHOPIFY_REFUND.exec(reason);
  if (refund) {
    const [, id, note, kind] = refund;
    const key = kind === 'money only, no items' ? 'shopifyRefundMoney' : 'shopifyRefundItems';
    const text = t(`orders.reasons.${key}`, { id });
    return note ? `${text} ${t('orders.timeline.refundReason', { reason: note })}` : text;
  }
  return reason;
}
