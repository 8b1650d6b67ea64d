import type { Program } from './get-program';

/** The canonical public join page of a program: the partner app's /p/join/{pageCode}. */
export function joinUrlOf(appUrl: string, pageCode: string): string {
  return `${appUrl}/p/join/${pageCode}`;
}

/** A program as the API shows it: money as a string of minor units, dates as ISO text. */
export function toProgramView(program: Program, appUrl: string) {
  return {
    id: program.id,
    name: program.name,
    slug: program.slug,
    pageCode: program.pageCode,
    joinUrl: joinUrlOf(appUrl, program.pageCode),
    currency: program.currency,
    description: program.description,
    terms: program.terms,
    joinMode: program.joinMode,
    status: program.status,
    cookieDays: program.cookieDays,
    holdDays: program.holdDays,
    minPayout: program.minPayoutMinor.toString(),
    maxUplineDepth: program.maxUplineDepth,
    joinForm: program.joinForm,
    autoApprove: program.autoApprove,
    destinationUrl: program.destinationUrl,
    allowedDomains: program.allowedDomains,
    fallbackUrl: program.fallbackUrl,
    attributionModel: program.attributionModel,
    customerOwnershipDays: program.customerOwnershipDays,
    confirmAlertHours: program.confirmAlertHours,
    codAlertDays: program.codAlertDays,
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
  };
}

export type ProgramView = ReturnType<typeof toProgramView>;
