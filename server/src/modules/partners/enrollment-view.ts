import type { Enrollment } from './create-enrollment';

/** An enrollment as the API shows it. */
export function toEnrollmentView(enrollment: Enrollment) {
  return {
    id: enrollment.id,
    programId: enrollment.programId,
    partnerId: enrollment.partnerId,
    status: enrollment.status,
    statusReason: enrollment.statusReason,
    statusChangedAt: enrollment.statusChangedAt.toISOString(),
    referralCode: enrollment.referralCode,
    groupId: enrollment.groupId,
    careMemberId: enrollment.careMemberId,
    uplineEnrollmentId: enrollment.uplineEnrollmentId,
    source: enrollment.source,
    externalId: enrollment.externalId,
    joinedAt: enrollment.joinedAt.toISOString(),
    approvedAt: enrollment.approvedAt?.toISOString() ?? null,
    updatedAt: enrollment.updatedAt.toISOString(),
  };
}

export type EnrollmentView = ReturnType<typeof toEnrollmentView>;
