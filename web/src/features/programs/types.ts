/** Shapes of the programs API, as the staff app uses them. */

export const JOIN_MODES = ['open', 'approval', 'invite'] as const;
export type JoinMode = (typeof JOIN_MODES)[number];
export const PROGRAM_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const STANDARD_FIELDS = [
  'fullName',
  'phone',
  'email',
  'province',
  'dateOfBirth',
  'citizenId',
  'bankAccount',
  'socialLinks',
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export type JoinFormField = {
  key: string;
  required: boolean;
  label?: string;
  type?: 'text' | 'textarea' | 'select' | 'checkbox';
  options?: string[];
};

export type AutoApproveRules = {
  enabled: boolean;
  requireVerifiedContact?: boolean;
  requireReferrer?: boolean;
  provinces?: string[];
};

export const ATTRIBUTION_MODELS = ['last_click', 'first_click'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export type Program = {
  id: string;
  name: string;
  slug: string;
  pageCode: string;
  currency: string;
  description: string;
  terms: string;
  joinMode: JoinMode;
  status: ProgramStatus;
  cookieDays: number;
  holdDays: number;
  /** Integer minor units as a decimal string. */
  minPayout: string;
  maxUplineDepth: number;
  joinForm: JoinFormField[];
  autoApprove: AutoApproveRules;
  destinationUrl: string | null;
  allowedDomains: string[];
  fallbackUrl: string | null;
  attributionModel: AttributionModel;
  /** Null: a customer stays with the partner who brought them for life. */
  customerOwnershipDays: number | null;
  confirmAlertHours: number;
  codAlertDays: number;
  joinUrl?: string;
  partnerCount?: number;
  pendingCount?: number;
  createdAt: string;
  updatedAt: string;
};

export const STATUS_COLORS: Record<ProgramStatus, string> = {
  draft: 'gray',
  active: 'teal',
  paused: 'yellow',
  archived: 'dark',
};

/** The public join page of a program: by its short page id, `?ref=` kept. */
export function joinUrl(
  program: Pick<Program, 'pageCode' | 'joinUrl'>,
  origin = window.location.origin,
): string {
  return program.joinUrl ?? `${origin}/p/join/${program.pageCode}`;
}
