import type { RoleName } from '../../platform/permissions';

/** Role names as people read them in mail, per locale (the web app has its own catalog). */
const ROLE_LABELS: Record<'vi' | 'en' | 'th', Record<RoleName, string>> = {
  vi: {
    owner: 'Chủ sở hữu',
    admin: 'Quản trị viên',
    manager: 'Quản lý',
    care_staff: 'Nhân viên chăm sóc',
    accountant: 'Kế toán',
  },
  en: {
    owner: 'Owner',
    admin: 'Administrator',
    manager: 'Manager',
    care_staff: 'Care staff',
    accountant: 'Accountant',
  },
  th: {
    owner: 'เจ้าของ',
    admin: 'ผู้ดูแลระบบ',
    manager: 'ผู้จัดการ',
    care_staff: 'เจ้าหน้าที่ดูแลพาร์ทเนอร์',
    accountant: 'นักบัญชี',
  },
};

export function roleLabel(locale: string, role: RoleName): string {
  const labels = ROLE_LABELS[locale as keyof typeof ROLE_LABELS] ?? ROLE_LABELS.vi;
  return labels[role];
}
