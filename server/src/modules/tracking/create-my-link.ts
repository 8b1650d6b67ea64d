import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { products } from '../catalog';
import { destinationAllowed } from '../programs';
import { insertLink } from './link-queries';
import { toLinkView } from './link-view';
import { assertCanShare, getMyEnrollment } from './my-enrollment';
import { links } from './schema';
import type { NewLink } from './schemas';

function refuse(message: string, path: string) {
  return new AppError('unprocessable', message, { details: [{ path, message }] });
}

/**
 * A partner's new link: to a product's page (an existing plain link to the same product is given
 * back instead of a duplicate), or to any page on the program's allowed domains.
 */
export async function createMyLink(services: Services, identityId: string, input: NewLink) {
  const mine = await getMyEnrollment(services, identityId, input.enrollmentId);
  assertCanShare(mine);
  const { ctx, enrollment, program } = mine;
  const plain = !input.subIds || Object.keys(input.subIds).length === 0;
  let destinationUrl = input.destinationUrl;
  if (input.productId) {
    const [product] = await services.db
      .select({ id: products.id, url: products.url, status: products.status })
      .from(products)
      .where(and(eq(products.orgId, ctx.orgId), eq(products.id, input.productId)));
    if (!product || product.status === 'archived')
      throw refuse('No such product in the catalog', 'body.productId');
    if (!product.url)
      throw refuse('This product has no page on the shop’s site to link to', 'body.productId');
    destinationUrl = product.url;
    if (plain && !input.utm) {
      const [existing] = await services.db
        .select()
        .from(links)
        .where(
          and(
            eq(links.orgId, ctx.orgId),
            eq(links.enrollmentId, enrollment.id),
            eq(links.productId, product.id),
            eq(links.status, 'active'),
            sql`${links.subIds} = '{}'::jsonb`,
          ),
        )
        .limit(1);
      if (existing) return { link: toLinkView(existing, program, services.config.appUrl), created: false };
    }
  }
  destinationUrl ??= program.destinationUrl ?? undefined;
  if (!destinationUrl) throw refuse('Give the page the link should open', 'body.destinationUrl');
  if (!destinationAllowed(destinationUrl, program.allowedDomains)) {
    const where =
      program.allowedDomains.length > 0
        ? `Links of this program may only lead to ${program.allowedDomains.join(', ')} (and their subdomains)`
        : 'The destination must be an http:// or https:// address';
    throw refuse(where, input.productId ? 'body.productId' : 'body.destinationUrl');
  }
  const link = await insertLink(ctx, services.db, {
    programId: enrollment.programId,
    enrollmentId: enrollment.id,
    destinationUrl,
    productId: input.productId,
    title: input.title,
    subIds: input.subIds,
    utm: input.utm,
  });
  return { link: toLinkView(link, program, services.config.appUrl), created: true };
}
