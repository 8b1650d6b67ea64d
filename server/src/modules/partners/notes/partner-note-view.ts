import type { partnerNotes } from '../schema-enrollments';

export function toPartnerNoteView(note: typeof partnerNotes.$inferSelect) {
  return {
    id: note.id,
    partnerId: note.partnerId,
    body: note.body,
    authorMemberId: note.authorMemberId,
    authorLabel: note.authorLabel,
    createdAt: note.createdAt.toISOString(),
  };
}
