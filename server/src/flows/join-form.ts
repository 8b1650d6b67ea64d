import type { JoinFields } from '../modules/joining/schemas';
import type { EnrollmentStatus } from '../modules/partners';
import type { AutoApproveRules, JoinFormField, Program } from '../modules/programs';
import { AppError, type ErrorDetail } from '../platform/errors';

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0);

/**
 * Keeps the answers the program's join form asks for and checks them: required fields present,
 * choices among the options, a date of birth in the past. Fields the form does not ask are dropped
 * (no personal data is kept that the business did not ask for).
 */
export function checkJoinAnswers(form: JoinFormField[], fields: JoinFields, now: Date): JoinFields {
  const details: ErrorDetail[] = [];
  const kept: JoinFields = { fullName: fields.fullName };
  const answers: Record<string, string | boolean> = {};
  for (const field of form) {
    if (field.key.startsWith('custom:')) {
      const key = field.key.slice('custom:'.length);
      const value = fields.answers?.[key];
      if (isBlank(value)) {
        if (field.required) details.push({ path: `body.answers.${key}`, message: 'Required' });
        continue;
      }
      if (field.type === 'select' && !field.options?.includes(String(value)))
        details.push({ path: `body.answers.${key}`, message: 'Choose one of the options' });
      answers[key] = value!;
      continue;
    }
    const key = field.key as Exclude<keyof JoinFields, 'answers'>;
    const value = fields[key];
    if (isBlank(value)) {
      if (field.required) details.push({ path: `body.${key}`, message: 'Required' });
      continue;
    }
    (kept as Record<string, unknown>)[key] = value;
  }
  if (
    kept.dateOfBirth &&
    (kept.dateOfBirth >= now.toISOString().slice(0, 10) || kept.dateOfBirth < '1900-01-01')
  )
    details.push({ path: 'body.dateOfBirth', message: 'A date in the past' });
  if (!kept.phone && !kept.email)
    details.push({ path: 'body.phone', message: 'Give a phone number or an email' });
  if (details.length > 0)
    throw new AppError('validation_failed', 'Some answers are missing or not valid', { details });
  if (Object.keys(answers).length > 0) kept.answers = answers;
  return kept;
}

/** Whether a sign-up in an "approval" program passes its auto-approve rules. */
export function passesAutoApprove(
  rules: AutoApproveRules,
  signUp: { contactVerified: boolean; hasReferrer: boolean; province?: string },
): boolean {
  if (!rules.enabled) return false;
  if (rules.requireVerifiedContact && !signUp.contactVerified) return false;
  if (rules.requireReferrer && !signUp.hasReferrer) return false;
  if (rules.provinces && rules.provinces.length > 0) {
    const wanted = rules.provinces.map((p) => p.trim().toLowerCase());
    if (!signUp.province || !wanted.includes(signUp.province.trim().toLowerCase())) return false;
  }
  return true;
}

/** The status a self sign-up starts in: open → approved, approval → pending unless auto-approved. */
export function initialJoinStatus(
  program: Program,
  signUp: { invited: boolean; contactVerified: boolean; hasReferrer: boolean; province?: string },
): EnrollmentStatus {
  if (signUp.invited || program.joinMode === 'open') return 'approved';
  return passesAutoApprove(program.autoApprove, signUp) ? 'approved' : 'pending';
}
