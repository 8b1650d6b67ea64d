import { forbidden } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { roleCan } from '../../../platform/permissions';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { actorRole } from '../../orgs';
import { assertPartnerEnrolled } from '../assert-partner-enrolled';
import { partnerNotes } from '../schema-enrollments';
import { toPartnerNoteView } from './partner-note-view';

/**
 * Adds an internal note about a partner (never shown to them). Staff who may not manage partners
 * (care staff) write notes only on partners they care for.
 */
export async function createPartnerNote(ctx: TenantContext, partnerId: string, input: { body: string }) {
  return ctx.services.db.transaction(async (tx) => {
    const enrolled = await assertPartnerEnrolled(ctx, tx, partnerId);
    const actor = ctx.actor;
    if (!roleCan(actorRole(ctx), 'partners.manage')) {
      const caresFor = actor.type === 'member' && enrolled.some((row) => row.careMemberId === actor.id);
      if (!caresFor) throw forbidden('You can add notes only on partners you care for');
    }
    const now = ctx.services.clock.now();
    const [note] = await tx
      .insert(partnerNotes)
      .values({
        orgId: ctx.orgId,
        id: newId('partnerNote', now.getTime()),
        partnerId,
        body: input.body,
        authorMemberId: actor.type === 'member' ? actor.id : null,
        authorLabel: actor.label,
        createdAt: now,
      })
      .returning();
    await recordAudit(ctx, tx, {
      action: 'partner.note_created',
      entityType: 'partner',
      entityId: partnerId,
      after: { noteId: note!.id, length: input.body.length },
    });
    return toPartnerNoteView(note!);
  });
}
