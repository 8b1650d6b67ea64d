import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { PRODUCTS_KEY, useCategories } from '../catalog/api';
import type { Product } from '../catalog/types';
import type { PartnerGroup } from '../partners/types';
import type { RuleNames } from './rule-text';
import type { Rule } from './types';

/** The products a plan's rules name (scopes, add-on pairs). */
function productIdsOf(rules: Rule[]): string[] {
  const ids = new Set<string>();
  for (const rule of rules) {
    if ('scope' in rule && rule.scope.kind === 'product') ids.add(rule.scope.productId);
    if (rule.kind === 'addon') {
      ids.add(rule.mainProductId);
      ids.add(rule.addonProductId);
    }
  }
  return [...ids].filter(Boolean).sort();
}

/**
 * Names for what a plan's rules point at: categories by their path, products by name and SKU,
 * partner groups by name. Until they load (or when one no longer exists) the id is shown instead.
 */
export function useRuleNames(rules: Rule[]): RuleNames {
  const categories = useCategories();
  const groups = useQuery({
    queryKey: ['partner-groups'],
    queryFn: () => api.get<Page<PartnerGroup>>('/api/v1/partner-groups', { limit: 100 }),
    staleTime: 60_000,
  });
  const products = useQueries({
    queries: productIdsOf(rules).map((id) => ({
      queryKey: [PRODUCTS_KEY, id],
      queryFn: () => api.get<Product>(`/api/v1/products/${encodeURIComponent(id)}`),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const productNames = new Map(
    products.flatMap((query) =>
      query.data ? [[query.data.id, `${query.data.name} (${query.data.sku})`]] : [],
    ),
  );
  return {
    category: (id) => categories.data?.find((category) => category.id === id)?.path,
    product: (id) => productNames.get(id),
    group: (id) => groups.data?.items.find((group) => group.id === id)?.name,
  };
}
