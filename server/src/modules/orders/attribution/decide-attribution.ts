import type { AttributionEvidence, AttributionFlag, AttributionMethod } from '../schema';

const DAY_MS = 24 * 60 * 60_000;
/** A click may be stamped a little after the order by clocks that disagree; beyond this it is refused. */
export const CLICK_CLOCK_TOLERANCE_MS = 60 * 60_000;

/** An enrollment as attribution needs it. */
export type CandidateEnrollment = {
  id: string;
  programId: string;
  partnerId: string;
  status: string;
};

export type CandidateProgram = {
  id: string;
  currency: string;
  cookieDays: number;
  attributionModel: 'last_click' | 'first_click';
  customerOwnershipDays: number | null;
};

export type CandidateClick = {
  id: string;
  enrollmentId: string;
  programId: string;
  linkId: string;
  createdAt: Date;
  ipHash: string;
  isBot: boolean;
};

export type CandidateCustomer = {
  id: string;
  partnerId: string | null;
  ownerEnrollmentId: string | null;
  ownedSince: Date | null;
  ownedUntil: Date | null;
};

/**
 * Everything known about one order or conversion, already looked up. `undefined` lookups mean the
 * value was given but nothing matched it.
 */
export type AttributionFacts = {
  at: Date;
  currency?: string;
  partnerCode?: { value: string; enrollment?: CandidateEnrollment };
  coupon?: { value: string; status?: string; enrollment?: CandidateEnrollment };
  click?: { value: string; click?: CandidateClick; enrollment?: CandidateEnrollment };
  /** Earlier clicks of the same customer (from their earlier orders and conversions), for first click. */
  customerClicks?: Array<{ click: CandidateClick; enrollment?: CandidateEnrollment }>;
  customer?: CandidateCustomer & { owner?: CandidateEnrollment };
  enteredBy?: { value: string; enrollment?: CandidateEnrollment };
  programs: ReadonlyMap<string, CandidateProgram>;
  /** The customer's phone and email as given (normalised), for the self-referral check. */
  contact: { phone?: string | null; email?: string | null };
  /** Phone and email of each candidate partner's own identity. */
  partnerContacts: ReadonlyMap<string, { phone: string | null; email: string | null }>;
  /** Salted hash of the buyer's IP, when known. */
  clientIpHash?: string | null;
  /** IP hashes of each candidate partner's own signed-in sessions. */
  partnerIpHashes: ReadonlyMap<string, ReadonlySet<string>>;
};

/** The evidence kept on the order beyond the schema's: currency difference with the program. */
export type StoredEvidence = AttributionEvidence & {
  currencyMismatch?: { orderCurrency: string; programCurrency: string };
};

export type AttributionDecision = {
  method: AttributionMethod;
  enrollmentId: string | null;
  programId: string | null;
  partnerId: string | null;
  evidence: StoredEvidence;
  flags: AttributionFlag[];
  /** The entering partner's enrollment when it exists in the organisation (unknown ids are not kept). */
  enteredByEnrollmentId: string | null;
};

type Ignored = NonNullable<AttributionEvidence['ignored']>;

function usable(enrollment: CandidateEnrollment | undefined, programs: AttributionFacts['programs']) {
  if (!enrollment) return 'unknown';
  if (enrollment.status !== 'approved') return 'enrollment_not_approved';
  if (!programs.has(enrollment.programId)) return 'program_unavailable';
  return undefined;
}

/** Whether a click still credits at `at`: not a bot, not older than the cookie window, not from the future. */
function clickRefusal(click: CandidateClick, at: Date, program: CandidateProgram | undefined) {
  if (click.isBot) return 'bot_click';
  if (!program) return 'program_unavailable';
  const age = at.getTime() - click.createdAt.getTime();
  if (age < -CLICK_CLOCK_TOLERANCE_MS) return 'click_after_order';
  if (age > program.cookieDays * DAY_MS) return 'click_expired';
  return undefined;
}

/**
 * Decides who is credited, from the strongest evidence down: explicit partner code, coupon, click
 * in its cookie window (first or last click by program), customer ownership in its window, the
 * partner who entered the order. Evidence present but not used is kept with the reason. The
 * decision only flags suspicious credit (self-referral, own device); it never drops it.
 */
export function decideAttribution(facts: AttributionFacts): AttributionDecision {
  const ignored: Ignored = [];
  const evidence: StoredEvidence = {};
  let chosen:
    | { method: AttributionMethod; enrollment: CandidateEnrollment; click?: CandidateClick }
    | undefined;

  const consider = (
    method: AttributionMethod,
    kind: string,
    value: string,
    enrollment: CandidateEnrollment | undefined,
    refusal?: string,
  ) => {
    const reason = refusal ?? usable(enrollment, facts.programs);
    if (reason) {
      ignored.push({ kind, value, reason });
      return false;
    }
    if (chosen) {
      ignored.push({ kind, value, reason: `outranked_by_${chosen.method}` });
      return false;
    }
    chosen = { method, enrollment: enrollment! };
    return true;
  };

  if (facts.partnerCode) {
    if (consider('partner_code', 'partner_code', facts.partnerCode.value, facts.partnerCode.enrollment)) {
      evidence.partnerCode = facts.partnerCode.value;
    }
  }
  if (facts.coupon) {
    const refusal = facts.coupon.status && facts.coupon.status !== 'active' ? 'coupon_disabled' : undefined;
    if (consider('coupon', 'coupon', facts.coupon.value, facts.coupon.enrollment, refusal)) {
      evidence.couponCode = facts.coupon.value;
    }
  }
  if (facts.click) {
    const found = facts.click.click;
    const program = found ? facts.programs.get(found.programId) : undefined;
    let credited = found;
    let creditedEnrollment = facts.click.enrollment;
    const refusal = found ? clickRefusal(found, facts.at, program) : 'unknown';
    if (!refusal && found && program?.attributionModel === 'first_click') {
      const earlier = (facts.customerClicks ?? [])
        .filter(({ click }) => click.programId === found.programId && click.id !== found.id)
        .filter(
          ({ click, enrollment }) =>
            !clickRefusal(click, facts.at, program) && !usable(enrollment, facts.programs),
        )
        .sort((a, b) => a.click.createdAt.getTime() - b.click.createdAt.getTime())[0];
      if (earlier && earlier.click.createdAt < found.createdAt) {
        ignored.push({ kind: 'click', value: found.id, reason: 'later_click_first_click_model' });
        credited = earlier.click;
        creditedEnrollment = earlier.enrollment;
      }
    }
    if (credited && consider('click', 'click', credited.id, creditedEnrollment, refusal)) {
      chosen!.click = credited;
      evidence.clickId = credited.id;
      evidence.clickedAt = credited.createdAt.toISOString();
      evidence.linkId = credited.linkId;
      evidence.windowDays = program!.cookieDays;
      evidence.model = program!.attributionModel;
    } else if (!credited) {
      ignored.push({ kind: 'click', value: facts.click.value, reason: 'unknown' });
    }
  }
  const customer = facts.customer;
  if (customer?.ownerEnrollmentId && customer.ownedSince) {
    const owned = customer.ownedSince <= facts.at && (!customer.ownedUntil || customer.ownedUntil > facts.at);
    const refusal = owned ? undefined : customer.ownedSince > facts.at ? 'owned_later' : 'ownership_expired';
    if (consider('customer', 'customer', customer.id, customer.owner, refusal)) {
      evidence.customerId = customer.id;
      evidence.ownedSince = customer.ownedSince.toISOString();
      evidence.ownedUntil = customer.ownedUntil?.toISOString() ?? null;
    }
  }
  const enteredByEnrollmentId = facts.enteredBy?.enrollment?.id ?? null;
  if (facts.enteredBy) {
    // an id that names no enrollment of the organisation is not repeated back
    const value = facts.enteredBy.enrollment ? facts.enteredBy.value : '';
    if (consider('entered_by', 'entered_by', value, facts.enteredBy.enrollment)) {
      evidence.enteredByEnrollmentId = facts.enteredBy.value;
    }
  }
  if (ignored.length > 0) evidence.ignored = ignored;
  if (!chosen) {
    return {
      method: 'none',
      enrollmentId: null,
      programId: null,
      partnerId: null,
      evidence,
      flags: [],
      enteredByEnrollmentId,
    };
  }

  const { enrollment } = chosen;
  const program = facts.programs.get(enrollment.programId)!;
  if (facts.currency && facts.currency !== program.currency) {
    evidence.currencyMismatch = { orderCurrency: facts.currency, programCurrency: program.currency };
  }
  return {
    method: chosen.method,
    enrollmentId: enrollment.id,
    programId: enrollment.programId,
    partnerId: enrollment.partnerId,
    evidence,
    flags: flagsOf(facts, enrollment.partnerId, chosen.click),
    enteredByEnrollmentId,
  };
}

/**
 * Self-referral: the buyer is the credited partner (the customer record is theirs, or the phone or
 * email given is their identity's). Own device: the buyer's IP hash, or the credited click's, is
 * one the partner signed in from.
 */
function flagsOf(facts: AttributionFacts, partnerId: string, click: CandidateClick | undefined) {
  const flags: AttributionFlag[] = [];
  const own = facts.partnerContacts.get(partnerId);
  const { phone, email } = facts.contact;
  if (
    facts.customer?.partnerId === partnerId ||
    (own && ((phone && own.phone === phone) || (email && own.email === email)))
  ) {
    flags.push('self_referral');
  }
  const ipHashes = facts.partnerIpHashes.get(partnerId);
  if (
    ipHashes &&
    ((facts.clientIpHash && ipHashes.has(facts.clientIpHash)) || (click && ipHashes.has(click.ipHash)))
  ) {
    flags.push('own_device');
  }
  return flags;
}
