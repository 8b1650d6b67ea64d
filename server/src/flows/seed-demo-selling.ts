import { and, eq } from 'drizzle-orm';
import { loadCategoryTree, products, seedDemoCatalog } from '../modules/catalog';
import { publishDraftVersion, saveDraftVersion } from '../modules/commissions';
import { seedDemoIntegrations } from '../modules/integrations';
import { seedDemoOrders } from '../modules/orders';
import { seedDemoSales } from '../modules/orders/partner-orders-seed-demo';
import { createEnrollment, createPartnerAccount, findPartnerByIdentity } from '../modules/partners';
import { seedDemoPayouts } from '../modules/payouts/seed-demo';
import { changeProgramStatus, createProgram } from '../modules/programs';
import { newProgramSchema } from '../modules/programs/schemas';
import { seedDemoTracking } from '../modules/tracking';
import type { Services, TenantContext } from '../platform/services';

/** Partners of the demo program: name, phone, recruiter (by referral code) and status. */
const DEMO_PARTNERS = [
  { fullName: 'Nguyễn Văn Bình', phone: '0912000101', code: 'BINH2026', upline: null, status: 'approved' },
  { fullName: 'Phạm Thị Thu', phone: '0912000102', code: 'THU2026', upline: 'MAI2026', status: 'approved' },
  {
    fullName: 'Hoàng Minh Khoa',
    phone: '0912000103',
    code: 'KHOA2026',
    upline: 'MAI2026',
    status: 'approved',
  },
  { fullName: 'Đỗ Thị Hạnh', phone: '0912000104', code: 'HANH2026', upline: 'BINH2026', status: 'approved' },
  { fullName: 'Bùi Quốc Việt', phone: '0912000105', code: 'VIET2026', upline: null, status: 'pending' },
  { fullName: 'Lý Thị Ngọc', phone: '0912000106', code: 'NGOC2026', upline: 'THU2026', status: 'pending' },
] as const;

/**
 * The selling side of the demo: the program "CTV bán lẻ" with its catalog, the demo CTV and a
 * small team of partners, links and clicks, a published commission plan (10% basic, 12% on skin
 * care, a monthly tier from 50.000.000 ₫, an add-on bonus and a one-level REF override), orders
 * from the CTV app and from a Shopify store, and their commission lines. Runs once, right after
 * the organisation is created.
 */
export async function seedDemoSelling(
  services: Services,
  ctx: TenantContext,
  demoPartner: { identityId: string; fullName: string },
) {
  const program = await createProgram(
    ctx,
    newProgramSchema.parse({
      name: 'CTV bán lẻ',
      description: 'Cộng tác viên bán mỹ phẩm Hoa Sen, hoa hồng theo đơn và thưởng doanh số tháng.',
      joinMode: 'approval',
      cookieDays: 30,
      holdDays: 7,
      minPayout: '200000',
      destinationUrl: 'https://myphamhoasen.vn/',
      allowedDomains: ['myphamhoasen.vn'],
      fallbackUrl: 'https://myphamhoasen.vn/',
      confirmAlertHours: 24,
      codAlertDays: 7,
    }),
  );
  await changeProgramStatus(ctx, program.id, 'active');
  await services.db.transaction((tx) => seedDemoCatalog(services, ctx, tx));

  const enrolled: {
    id: string;
    programId: string;
    referralCode: string;
    status: string;
    partnerId: string;
    fullName: string;
  }[] = [];
  await services.db.transaction(async (tx) => {
    const mai = await findPartnerByIdentity(tx, demoPartner.identityId);
    const maiEnrollment = await createEnrollment(ctx, tx, {
      programId: program.id,
      partnerId: mai!.id,
      fullName: demoPartner.fullName,
      source: 'staff',
      status: 'approved',
      referralCode: 'MAI2026',
    });
    enrolled.push({
      ...maiEnrollment,
      status: 'approved',
      partnerId: mai!.id,
      fullName: demoPartner.fullName,
    });
    for (const person of DEMO_PARTNERS) {
      const { partner } = await createPartnerAccount(services, tx, {
        fullName: person.fullName,
        phone: person.phone,
        locale: 'vi',
      });
      const enrollment = await createEnrollment(ctx, tx, {
        programId: program.id,
        partnerId: partner.id,
        fullName: person.fullName,
        source: 'staff',
        status: person.status,
        referralCode: person.code,
        uplineReferralCode: person.upline,
      });
      enrolled.push({
        ...enrollment,
        status: person.status,
        partnerId: partner.id,
        fullName: person.fullName,
      });
    }
  });
  const approved = enrolled.filter((e) => e.status === 'approved');

  await services.db.transaction(async (tx) => {
    const tree = await loadCategoryTree(ctx, tx);
    const skinCare = tree.findChild(tree.findChild(null, 'Mỹ phẩm')?.id ?? null, 'Chăm sóc da');
    const [serum] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.orgId, ctx.orgId), eq(products.sku, 'HS-SRM-VITC')));
    const [mask] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.orgId, ctx.orgId), eq(products.sku, 'HS-MN-TRA')));
    const rules: Record<string, unknown>[] = [
      {
        id: 'co-ban',
        name: 'CK cơ bản 10%',
        kind: 'basic',
        scope: { kind: 'all' },
        calc: { type: 'percent', ratePpm: '100000' },
      },
      {
        id: 'thang',
        name: 'Thưởng doanh số tháng',
        kind: 'tier',
        scope: { kind: 'all' },
        period: 'month',
        measure: 'amount',
        mode: 'retroactive',
        tiers: [{ threshold: '50000000', ratePpm: '20000' }],
      },
      { id: 'ref', name: 'CK mã ID REF 5%', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] },
    ];
    if (skinCare)
      rules.push({
        id: 'cham-soc-da',
        name: 'Chăm sóc da 12%',
        kind: 'basic',
        scope: { kind: 'category', categoryId: skinCare.id },
        calc: { type: 'percent', ratePpm: '120000' },
      });
    if (serum && mask)
      rules.push({
        id: 'kem-mat-na',
        name: 'Serum Vitamin C kèm mặt nạ ngủ',
        kind: 'addon',
        mainProductId: serum.id,
        addonProductId: mask.id,
        calc: { type: 'fixed_per_order', amountMinor: '20000' },
      });
    await saveDraftVersion(ctx, tx, {
      programId: program.id,
      plan: { settings: {}, rules },
      note: 'Kế hoạch năm 2026',
    });
    await publishDraftVersion(ctx, tx, {
      programId: program.id,
      effectiveFrom: new Date('2026-01-01T00:00:00+07:00'),
    });
  });

  await seedDemoTracking(services, ctx, { enrollments: approved, couponCode: 'HOA10' });
  await seedDemoOrders(services, ctx, {
    programId: program.id,
    enrollmentIds: approved.map((enrollment) => enrollment.id),
    couponCode: 'HOA10',
  });
  const mai = enrolled[0]!;
  await seedDemoSales(services, ctx, { enrollmentId: mai.id });
  await seedDemoPayouts(services, ctx, {
    programId: program.id,
    enrollments: approved,
  });
  await seedDemoIntegrations(services, ctx, {
    programId: program.id,
    items: [
      { sku: 'HS-SRM-VITC', title: 'Serum Vitamin C 15% sáng da 30ml', price: '350000.00', quantity: 1 },
      { sku: 'HS-KCN-SPF50', title: 'Kem chống nắng SPF50+ PA++++ 50ml', price: '289000.00', quantity: 2 },
    ],
  });
  return { programId: program.id, enrollments: enrolled.length };
}
