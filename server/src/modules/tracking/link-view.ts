import type { links } from './schema';

export type Link = typeof links.$inferSelect;

/** The program settings a link's answer depends on. */
export type LinkProgram = { destinationUrl: string | null };

/** `${APP_URL}/r/{code}`: the short URL partners share. */
export function shortUrlOf(appUrl: string, code: string): string {
  return `${appUrl}/r/${code}`;
}

/**
 * Where a link leads: a default link follows the program's current destination, so changing the
 * shop's home page moves every partner's default link at once; other links keep their own.
 */
export function destinationOf(
  link: Pick<Link, 'isDefault' | 'destinationUrl'>,
  program: LinkProgram,
): string {
  return link.isDefault && program.destinationUrl ? program.destinationUrl : link.destinationUrl;
}

/** A link as the API shows it. */
export function toLinkView(link: Link, program: LinkProgram, appUrl: string, clicks?: number) {
  return {
    id: link.id,
    code: link.code,
    shortUrl: shortUrlOf(appUrl, link.code),
    programId: link.programId,
    enrollmentId: link.enrollmentId,
    productId: link.productId,
    destinationUrl: destinationOf(link, program),
    title: link.title,
    subIds: link.subIds,
    utm: link.utm,
    isDefault: link.isDefault,
    status: link.status,
    createdAt: link.createdAt.toISOString(),
    ...(clicks === undefined ? {} : { clicks }),
  };
}

export type LinkView = ReturnType<typeof toLinkView>;
