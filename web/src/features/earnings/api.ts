import { useQueries } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';

export type TierProgress = {
  ruleId: string;
  name: string;
  period: 'month' | 'quarter';
  periodLabel: string;
  measure: 'amount' | 'quantity' | 'orders';
  mode: 'retroactive' | 'marginal';
  volume: string;
  tiers: { number: number; threshold: string; ratePpm: string }[];
  reached: number;
  next: { number: number; threshold: string; ratePpm: string; remaining: string } | null;
};

export type MyEarnings = {
  currency: string;
  balances: {
    currency: string;
    pendingMinor: string;
    onHoldMinor: string;
    payableMinor: string;
    paidMinor: string;
  }[];
  tiers: TierProgress[];
};

export type MyCommissionLine = {
  id: string;
  kind: string;
  orderId: string | null;
  currency: string;
  baseMinor: string;
  ratePpm: string | null;
  amountMinor: string;
  status: 'pending' | 'on_hold' | 'approved' | 'review' | 'rejected' | 'void';
  explanation: Record<string, unknown>;
  holdUntil: string | null;
  decisionReason: string | null;
  earnedAt: string;
};

export type ProductCommission = { productId: string; currency: string; amountMinor: string | null };

export const EARNINGS_KEYS = {
  earnings: (enrollmentId: string) => ['my-earnings', enrollmentId] as const,
  lines: (enrollmentId: string, status: string) => ['my-commissions', enrollmentId, status] as const,
};

export const fetchMyEarnings = (enrollmentId: string) =>
  api.get<MyEarnings>('/api/me/earnings', { enrollmentId });

export const fetchMyCommissions = (
  query: { enrollmentId: string; status?: string; orderId?: string; cursor?: string },
  limit = 20,
) => api.get<Page<MyCommissionLine>>('/api/me/commissions', { ...query, limit });

/** What one unit of each listed product earns the partner now, by product id (asked 100 at a time). */
export function useProductCommissions(enrollmentId: string, productIds: string[]) {
  const chunks: string[] = [];
  for (let start = 0; start < productIds.length; start += 100)
    chunks.push(productIds.slice(start, start + 100).join(','));
  const results = useQueries({
    queries: chunks.map((ids) => ({
      queryKey: ['my-catalog-commission', enrollmentId, ids],
      queryFn: () =>
        api.get<Page<ProductCommission>>('/api/me/catalog-commission', {
          enrollmentId,
          productIds: ids,
          limit: 100,
        }),
      staleTime: 60_000,
    })),
  });
  return new Map(results.flatMap((result) => result.data?.items ?? []).map((item) => [item.productId, item]));
}
