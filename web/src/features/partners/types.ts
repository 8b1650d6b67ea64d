/** Shapes of the partners API, as the staff app and the partner app use them. */

export const ENROLLMENT_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'suspended',
  'banned',
  'left',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const STATUS_COLORS: Record<EnrollmentStatus, string> = {
  pending: 'yellow',
  approved: 'teal',
  rejected: 'red',
  suspended: 'orange',
  banned: 'dark',
  left: 'gray',
};

type Ref = { id: string; name: string };
export type Tag = { id: string; name: string; color: string; enrollmentCount?: number };

export type DirectoryRow = {
  enrollmentId: string;
  partnerId: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  referralCode: string;
  externalId: string | null;
  program: Ref;
  status: EnrollmentStatus;
  group: Ref | null;
  tags: Tag[];
  careMember: { id: string; fullName: string } | null;
  province: string | null;
  uplineEnrollmentId: string | null;
  uplineReferralCode: string | null;
  source: 'self' | 'staff' | 'import' | 'invite';
  joinedAt: string;
  statusReason?: string | null;
};

export type PendingEnrollment = {
  id: string;
  joinedAt: string;
  source: DirectoryRow['source'];
  referralCode: string;
  partner: { id: string; fullName: string; phone: string | null; email: string | null };
  program: Ref;
  upline: { id: string; referralCode: string; fullName: string | null } | null;
};

export type PartnerEnrollment = Omit<DirectoryRow, 'fullName' | 'phone' | 'email' | 'partnerId'> & {
  downline: { direct: number; total: number };
};

export type PartnerDetail = {
  id: string;
  identityId: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  hasPassword: boolean;
  anonymised: boolean;
  profile: {
    province: string | null;
    socialLinks: string[];
    citizenIdMasked: string | null;
    bankBin: string | null;
    bankAccountMasked: string | null;
    bankVerifiedAt: string | null;
  };
  enrollments: PartnerEnrollment[];
  notesCount: number;
};

export type PartnerGroup = { id: string; name: string; description?: string; enrollmentCount: number };

export type DirectoryFilters = {
  q?: string;
  programId?: string;
  status?: EnrollmentStatus[];
  groupId?: string;
  tagId?: string;
  careMemberId?: string;
  mine?: boolean;
  province?: string;
  joinedFrom?: string;
  joinedTo?: string;
  uplineEnrollmentId?: string;
  sort?: 'joinedAt' | 'name' | 'code';
  order?: 'asc' | 'desc';
};

export type SavedView = {
  id: string;
  name: string;
  filters: DirectoryFilters;
  shared: boolean;
  mine: boolean;
  createdAt: string;
};

export type Bank = { bin: string; code?: string; shortName: string; name: string };

/** Filters as query parameters: lists joined by commas, empty values left out. */
export function filtersToQuery(filters: DirectoryFilters): Record<string, string | undefined> {
  return {
    q: filters.q?.trim() || undefined,
    programId: filters.programId,
    status: filters.status?.length ? filters.status.join(',') : undefined,
    groupId: filters.groupId,
    tagId: filters.tagId,
    careMemberId: filters.careMemberId,
    mine: filters.mine ? 'true' : undefined,
    province: filters.province?.trim() || undefined,
    joinedFrom: filters.joinedFrom,
    joinedTo: filters.joinedTo,
    uplineEnrollmentId: filters.uplineEnrollmentId,
    sort: filters.sort,
    order: filters.order,
  };
}
