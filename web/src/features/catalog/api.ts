import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Category } from './types';

export const PRODUCTS_KEY = 'products';
export const CATEGORIES_KEY = ['product-categories'];

export function useCategories() {
  return useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: () => api.get<{ items: Category[] }>('/api/v1/product-categories'),
    select: (data) => data.items,
  });
}

/** Margin over the price in tenths of a percent, from integer minor units (null without a cost). */
export function marginPerMille(priceMinor: string, costMinor: string | null): number | null {
  if (costMinor === null) return null;
  const price = BigInt(priceMinor);
  if (price === 0n) return null;
  return Number(((price - BigInt(costMinor)) * 1000n) / price);
}
