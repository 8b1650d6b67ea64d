import { newId } from '../../../platform/ids';
import type { Services } from '../../../platform/services';
import { ImpressionWriter } from '../impressions/impression-writer';
import { type ClickRow, ClickWriter } from './click-writer';
import { classifyUserAgent } from './device';
import { hashClientIp } from './ip-hash';
import { LinkCache, type RedirectTarget } from './link-cache';
import { UniqueClicks } from './unique-clicks';

/** The in-memory parts of the redirect for one running server: link cache, unique memory, writers. */
export type TrackingRuntime = {
  cache: LinkCache;
  uniques: UniqueClicks;
  writer: ClickWriter;
  impressions: ImpressionWriter;
};

const runtimes = new Map<Services, TrackingRuntime>();

export function trackingRuntime(services: Services): TrackingRuntime {
  let runtime = runtimes.get(services);
  if (!runtime) {
    runtime = {
      cache: new LinkCache(services.database, `${services.config.appUrl}/`),
      uniques: new UniqueClicks(),
      writer: new ClickWriter(services.database, services.log),
      impressions: new ImpressionWriter(services.database, services.log),
    };
    runtimes.set(services, runtime);
  }
  return runtime;
}

/** A click still waiting in any running server's writer (click ids are global). */
export function findPendingClick(clickId: string): ClickRow | undefined {
  for (const runtime of runtimes.values()) {
    const row = runtime.writer.findPending(clickId);
    if (row) return row;
  }
  return undefined;
}

/** Writes every click recorded so far (tests, reports that must see the latest clicks). */
export async function flushClicks(services: Services): Promise<void> {
  await runtimes.get(services)?.writer.flush();
}

/** Writes every pixel impression counted so far. */
export async function flushImpressions(services: Services): Promise<void> {
  await runtimes.get(services)?.impressions.flush();
}

/** On shutdown, after the HTTP server stopped taking requests: writes every waiting click. */
export async function stopTracking(services: Services): Promise<void> {
  const runtime = runtimes.get(services);
  if (!runtime) return;
  try {
    await Promise.all([runtime.writer.flush(), runtime.impressions.flush()]);
  } finally {
    runtimes.delete(services);
  }
}

/** Forgets a cached code after Kênh changed its link (or all codes, e.g. in tests). */
export function evictLinkCode(services: Services, code?: string): void {
  const runtime = runtimes.get(services);
  if (!runtime) return;
  if (code) runtime.cache.evict(code);
  else runtime.cache.clear();
}

export type Visit = { code: string; ip: string; userAgent: string; referrer: string | null; record: boolean };

/** Where a visit goes, and the click it records. Unknown and disabled codes go to a fallback page. */
export function redirectLocation(services: Services, visit: Visit): string | Promise<string> {
  const runtime = trackingRuntime(services);
  const target = runtime.cache.get(visit.code, Date.now());
  if (target instanceof Promise) return target.then((resolved) => locate(services, runtime, resolved, visit));
  return locate(services, runtime, target, visit);
}

function locate(services: Services, runtime: TrackingRuntime, target: RedirectTarget, visit: Visit): string {
  if (target.kind === 'fallback') return target.location;
  const now = services.clock.now();
  const id = newId('click', now.getTime());
  if (visit.record) {
    const ipHash = hashClientIp(services, visit.ip);
    const device = classifyUserAgent(visit.userAgent);
    runtime.writer.add({
      orgId: target.orgId,
      id,
      linkId: target.linkId,
      programId: target.programId,
      enrollmentId: target.enrollmentId,
      createdAt: now,
      ipHash,
      userAgent: visit.userAgent,
      referrer: visit.referrer,
      deviceType: device.deviceType,
      isBot: device.isBot,
      isUnique:
        !device.isBot &&
        runtime.uniques.isFirst(`${target.linkId}\n${ipHash}\n${visit.userAgent}`, now.getTime()),
    });
  }
  return `${target.before}${id}${target.after}`;
}

export type View = { code: string; userAgent: string };

/**
 * Counts a view of a partner's banner or link (the impression pixel): live links only, bots apart.
 * Answers once the link is known; nothing waits for the database.
 */
export function countImpression(services: Services, view: View): void | Promise<void> {
  const runtime = trackingRuntime(services);
  const target = runtime.cache.get(view.code, Date.now());
  const count = (resolved: RedirectTarget) => {
    if (resolved.kind === 'fallback') return;
    const { orgId, linkId, programId, enrollmentId } = resolved;
    runtime.impressions.add(
      { orgId, linkId, programId, enrollmentId },
      services.clock.now(),
      classifyUserAgent(view.userAgent).isBot,
    );
  };
  if (target instanceof Promise) return target.then(count);
  count(target);
}
