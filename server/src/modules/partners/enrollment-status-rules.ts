import { AppError } from '../../platform/errors';
import type { RoleName } from '../../platform/permissions';
import type { EnrollmentStatus } from './schema-enrollments';

/** Where each status may go. Banned is final except for an owner; left is final. */
const TRANSITIONS: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  pending: ['approved', 'rejected'],
  approved: ['suspended', 'banned', 'left'],
  suspended: ['approved', 'banned'],
  rejected: ['approved'],
  banned: [],
  left: [],
};
const OWNER_UNBAN: readonly EnrollmentStatus[] = ['approved', 'suspended'];

/** Statuses that must say why, for the partner and for the next staff member reading the history. */
export const REASON_REQUIRED: readonly EnrollmentStatus[] = ['rejected', 'suspended', 'banned'];

export function canChangeStatus(from: EnrollmentStatus, to: EnrollmentStatus, role: RoleName): boolean {
  if (TRANSITIONS[from].includes(to)) return true;
  return from === 'banned' && role === 'owner' && OWNER_UNBAN.includes(to);
}

/** Throws unless `from → to` is allowed for the role and a needed reason is given. */
export function assertStatusChange(input: {
  from: EnrollmentStatus;
  to: EnrollmentStatus;
  role: RoleName;
  reason: string | null | undefined;
}) {
  const { from, to } = input;
  if (from === to) {
    throw new AppError('unprocessable', `The enrollment is already ${to}`, {
      details: [{ path: 'body.status', message: 'Same as the current status' }],
    });
  }
  if (!canChangeStatus(from, to, input.role)) {
    throw new AppError('unprocessable', `An enrollment cannot go from ${from} to ${to}`, {
      details: [{ path: 'body.status', message: `Not allowed from ${from}` }],
    });
  }
  if (REASON_REQUIRED.includes(to) && !input.reason?.trim()) {
    throw new AppError('validation_failed', `A reason is needed to set ${to}`, {
      details: [{ path: 'body.reason', message: 'Required for this status' }],
    });
  }
}
