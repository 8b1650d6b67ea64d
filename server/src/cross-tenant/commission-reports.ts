import type { CrossTenantSetup } from './part';

/**
 * The commission reports have no path parameters: organisation A's own guard report must name its
 * program (so the suite's check that B's report never shows it means something).
 */
export const setup: CrossTenantSetup = async ({ callA, programA }) => {
  const response = await callA('GET', `/api/v1/commissions/guard-report?programId=${programA.id}`);
  const report = (await response.json()) as { items?: { programId: string }[] };
  if (response.status !== 200 || report.items?.[0]?.programId !== programA.id)
    throw new Error(`A's guard report answered ${response.status}: ${JSON.stringify(report)}`);
  return {};
};
