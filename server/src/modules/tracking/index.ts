export { type Coupon, findCouponByCode } from './coupons';
export { type EnrollmentForLink, ensureDefaultLink, ensureDefaultLinks } from './ensure-default-link';
export { type ClickEvidence, findClick } from './find-click';
export { hashClientIp } from './redirect/ip-hash';
export { redirectListener } from './redirect/redirect-handler';
export {
  evictLinkCode,
  findPendingClick,
  flushClicks,
  flushImpressions,
  stopTracking,
} from './redirect/runtime';
export { type ClickRow, storeClicksOnce } from './redirect/store-clicks';
export * from './schema';
export { seedDemoTracking } from './seed-demo';
