/** Shapes of the links, coupons and clicks API, as both apps use them. */

export type LinkStatus = 'active' | 'disabled';
export type SubIds = Partial<Record<'sub1' | 'sub2' | 'sub3' | 'sub4' | 'sub5', string>>;
export type UtmTags = Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>>;

export type TrackedLink = {
  id: string;
  code: string;
  shortUrl: string;
  programId: string;
  enrollmentId: string;
  productId: string | null;
  destinationUrl: string;
  title: string;
  subIds: SubIds;
  utm: UtmTags;
  isDefault: boolean;
  status: LinkStatus;
  createdAt: string;
  /** Clicks of the last 30 days. */
  clicks?: number;
};

export type StaffLink = TrackedLink & { partnerName: string; referralCode: string; programName: string };

export type Coupon = {
  id: string;
  code: string;
  programId: string;
  enrollmentId: string;
  partnerName: string;
  referralCode: string;
  description: string;
  status: LinkStatus;
  createdAt: string;
};

export type ClickCounts = { total: number; unique: number; bots: number };
export type ClicksReport = {
  groupBy: 'day' | 'partner' | 'link';
  from: string;
  to: string;
  rows: (ClickCounts & { key: string; label: string; impressions: number })[];
  totals: ClickCounts & { impressions: number };
  devices: { deviceType: string; total: number }[];
};
export type MyClicks = {
  from: string;
  to: string;
  days: (ClickCounts & { day: string })[];
  totals: ClickCounts;
};

export const SUB_ID_KEYS = ['sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const;
export const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
