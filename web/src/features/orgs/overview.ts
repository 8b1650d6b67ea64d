import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type Overview = {
  currency: string;
  timeZone: string;
  from: string;
  to: string;
  partners: { approved: number; pending: number; joined: number } | null;
  orders: {
    count: number;
    revenueMinor: string;
    toConfirm: number;
    openAlerts: number;
    openOpportunities: number;
    byDay: { day: string; orders: number; revenueMinor: string }[];
  } | null;
  commissions: { pendingMinor: string; onHoldMinor: string; payableMinor: string; inReview: number } | null;
  clicks: { days: number; total: number; unique: number } | null;
};

/** The organisation's figures for the home page, refreshed every minute. */
export function useOverview() {
  return useQuery({
    queryKey: ['overview'],
    queryFn: () => api.get<Overview>('/api/v1/overview'),
    refetchInterval: 60_000,
  });
}
