import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import type { Services, TenantContext } from '../../platform/services';
import { ensureDefaultLink } from './ensure-default-link';
import { addImpressionStats, hourOf, type ImpressionCount } from './impressions/impression-writer';
import { insertLink } from './link-queries';
import { hashClientIp } from './redirect/ip-hash';
import { type ClickRow, storeClicksOnce } from './redirect/store-clicks';
import { clicks, coupons, links } from './schema';

const DAY = 86_400_000;
const AGENTS = [
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Zalo',
    device: 'mobile',
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36',
    device: 'mobile',
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36',
    device: 'desktop',
  },
  {
    ua: 'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
    device: 'tablet',
  },
  { ua: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', device: 'bot' },
] as const;
const REFERRERS = ['https://www.facebook.com/', 'https://zalo.me/', null, 'https://www.tiktok.com/'];

/**
 * Demo links and clicks: for each approved enrollment given, its default link and one product-less
 * campaign link, and about `clicksTotal` clicks spread over the last 30 days (some repeats, some
 * bots); plus one coupon for the first enrollment. Deterministic enough to look the same each time.
 */
export async function seedDemoTracking(
  services: Services,
  ctx: TenantContext,
  options: {
    enrollments: { id: string; programId: string; referralCode: string }[];
    clicksTotal?: number;
    couponCode?: string;
  },
) {
  const now = services.clock.now().getTime();
  const made: (typeof links.$inferSelect)[] = [];
  for (const [index, enrollment] of options.enrollments.entries()) {
    const byDefault = await ensureDefaultLink(ctx, services.db, enrollment);
    made.push(byDefault);
    const [existing] = await services.db
      .select()
      .from(links)
      .where(
        and(eq(links.orgId, ctx.orgId), eq(links.enrollmentId, enrollment.id), eq(links.isDefault, false)),
      )
      .limit(1);
    made.push(
      existing ??
        (await insertLink(ctx, services.db, {
          programId: enrollment.programId,
          enrollmentId: enrollment.id,
          destinationUrl: byDefault.destinationUrl,
          title: index % 2 === 0 ? 'Facebook cá nhân' : 'Nhóm Zalo khách quen',
          subIds: { sub1: index % 2 === 0 ? 'facebook' : 'zalo' },
          utm: { source: index % 2 === 0 ? 'facebook' : 'zalo', medium: 'ctv' },
        })),
    );
  }
  if (made.length === 0) return { links: 0, clicks: 0 };
  const [already] = await services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(clicks)
    .where(eq(clicks.orgId, ctx.orgId));
  const total = already && already.count > 0 ? 0 : (options.clicksTotal ?? 200);
  const rows: ClickRow[] = [];
  for (let n = 0; n < total; n++) {
    const link = made[(n * 7) % made.length]!;
    const agent = AGENTS[n % 11 === 0 ? 4 : (n * 3) % 4]!;
    const visitor = n % 5 === 0 ? 1 : n; // every fifth click is a repeat visitor
    const at = new Date(now - ((n * 37) % 30) * DAY - ((n * 7919) % 86_400) * 1000);
    rows.push({
      orgId: ctx.orgId,
      id: newId('click', at.getTime()),
      linkId: link.id,
      programId: link.programId,
      enrollmentId: link.enrollmentId,
      createdAt: at,
      ipHash: hashClientIp(services, `203.0.113.${visitor % 250}`),
      userAgent: agent.ua,
      referrer: REFERRERS[n % REFERRERS.length]!,
      deviceType: agent.device,
      isBot: agent.device === 'bot',
      isUnique: agent.device !== 'bot' && (n % 5 !== 0 || n === 0),
    });
  }
  await storeClicksOnce(services.database, rows);
  // banner views of the last two weeks, one count per link and day (as an ad server reports them)
  const views: ImpressionCount[] = made.flatMap((link, l) =>
    Array.from({ length: 14 }, (_, d) => ({
      orgId: ctx.orgId,
      linkId: link.id,
      programId: link.programId,
      enrollmentId: link.enrollmentId,
      hour: hourOf(new Date(now - (d + 1) * DAY)),
      impressions: 150 + ((l * 131 + d * 71) % 400),
      botImpressions: (l + d) % 7,
    })),
  );
  await addImpressionStats(services.database, views);
  const first = options.enrollments[0];
  if (first && options.couponCode !== '') {
    await services.db
      .insert(coupons)
      .values({
        orgId: ctx.orgId,
        id: newId('coupon'),
        programId: first.programId,
        enrollmentId: first.id,
        code: options.couponCode ?? `${first.referralCode}10`.toUpperCase(),
        description: 'Giảm 10% cho khách của cộng tác viên',
      })
      .onConflictDoNothing();
  }
  return { links: made.length, clicks: rows.length };
}
