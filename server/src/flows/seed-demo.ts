import { createApiKey } from '../modules/api-keys';
import { createIdentity, findIdentityByLogin, generatePassword } from '../modules/auth';
import {
  addMember,
  createOrganisation,
  createStaffGroup,
  findOrganisationBySlug,
  setStaffGroupMembers,
} from '../modules/orgs';
import { createPartnerAccount } from '../modules/partners';
import type { RoleName } from '../platform/permissions';
import type { Services, TenantContext } from '../platform/services';
import { seedDemoSelling } from './seed-demo-selling';

export const DEMO_SLUG = 'hoa-sen';

const OWNER = { email: 'chu@hoasen.vn', fullName: 'Nguyễn Thị Hoa', role: 'owner' as const };
const STAFF: { email: string; fullName: string; role: RoleName; group?: 'north' | 'south' }[] = [
  { email: 'quantri@hoasen.vn', fullName: 'Trần Minh Quân', role: 'admin' },
  { email: 'quanly@hoasen.vn', fullName: 'Lê Thị Thu Hà', role: 'manager', group: 'north' },
  { email: 'cskh.bac@hoasen.vn', fullName: 'Phạm Văn Đức', role: 'care_staff', group: 'north' },
  { email: 'cskh.nam@hoasen.vn', fullName: 'Võ Thị Ngọc Lan', role: 'care_staff', group: 'south' },
  { email: 'ketoan@hoasen.vn', fullName: 'Đặng Thị Kim Oanh', role: 'accountant' },
];
const PARTNER = { fullName: 'Trần Thị Mai', phone: '0901234567' };

export type DemoLogins = {
  orgId: string;
  staff: { email: string; fullName: string; role: RoleName }[];
  staffPassword: string;
  partner: { phone: string; fullName: string };
  partnerPassword: string;
  apiKey: string;
};

export type SeedDemoResult = { created: true; logins: DemoLogins } | { created: false; orgId: string };

/**
 * Seeds "Mỹ phẩm Hoa Sen", a realistic Vietnamese organisation: owner and staff of every role (one
 * shared demo password), two care groups, an API key and a partner (CTV) account in one
 * transaction, then the selling side (program, catalog, partners, links, orders, commissions). A
 * second run finds the organisation and changes nothing. Accounts that already exist keep their
 * passwords.
 */
export async function seedDemo(services: Services): Promise<SeedDemoResult> {
  const existing = await findOrganisationBySlug(services.db, DEMO_SLUG);
  if (existing) return { created: false, orgId: existing.id };
  const staffPassword = generatePassword();
  const partnerPassword = generatePassword();
  const seeded = await services.db.transaction(async (tx) => {
    const { org } = await createOrganisation(
      services,
      {
        name: 'Mỹ phẩm Hoa Sen',
        slug: DEMO_SLUG,
        currency: 'VND',
        locale: 'vi',
        timeZone: 'Asia/Ho_Chi_Minh',
        owner: { ...OWNER, password: staffPassword },
      },
      tx,
    );
    const ctx: TenantContext = { orgId: org.id, services, actor: { type: 'system', label: 'Demo seed' } };
    const groups: Record<'north' | 'south', string[]> = { north: [], south: [] };
    for (const person of STAFF) {
      const identity =
        (await findIdentityByLogin(tx, { email: person.email })) ??
        (await createIdentity(services, tx, {
          email: person.email,
          fullName: person.fullName,
          password: staffPassword,
          emailVerified: true,
        }));
      const member = await addMember(ctx, tx, { identityId: identity.id, role: person.role });
      if (person.group) groups[person.group].push(member.id);
    }
    const north = await createStaffGroup(
      ctx,
      { name: 'Chăm sóc miền Bắc', description: 'Hà Nội, Hải Phòng' },
      tx,
    );
    const south = await createStaffGroup(
      ctx,
      { name: 'Chăm sóc miền Nam', description: 'TP.HCM, Cần Thơ' },
      tx,
    );
    await setStaffGroupMembers(ctx, north.id, groups.north, tx);
    await setStaffGroupMembers(ctx, south.id, groups.south, tx);
    const { secret } = await createApiKey(ctx, { name: 'Demo API', role: 'admin' }, tx);
    const demoPartner = await createPartnerAccount(services, tx, {
      ...PARTNER,
      password: partnerPassword,
      locale: 'vi',
    });
    return {
      ctx,
      demoPartner: { identityId: demoPartner.identity.id, fullName: demoPartner.identity.fullName },
      created: true as const,
      logins: {
        orgId: org.id,
        staff: [OWNER, ...STAFF].map(({ email, fullName, role }) => ({ email, fullName, role })),
        staffPassword,
        partner: PARTNER,
        partnerPassword,
        apiKey: secret,
      },
    };
  });
  await seedDemoSelling(services, seeded.ctx, seeded.demoPartner);
  return { created: true, logins: seeded.logins };
}

/** The demo logins as a box for the terminal. */
export function formatDemoLogins(logins: DemoLogins, appUrl: string): string {
  const lines = [
    'Kênh demo: Mỹ phẩm Hoa Sen',
    '',
    `Staff app:    ${appUrl}`,
    ...logins.staff.map((person) => `  ${person.role.padEnd(11)} ${person.email}`),
    `  password    ${logins.staffPassword}   (all staff)`,
    '',
    `Partner app:  ${appUrl}/p`,
    `  phone       ${logins.partner.phone}  (${logins.partner.fullName})`,
    `  password    ${logins.partnerPassword}`,
    '',
    'API key (admin role), for Authorization: Bearer …',
    `  ${logins.apiKey}`,
    '',
    'Shown once: keep these somewhere safe.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = `+${'-'.repeat(width + 2)}+`;
  return [border, ...lines.map((line) => `| ${line.padEnd(width)} |`), border, ''].join('\n');
}
