DROP INDEX "notifications_identity_created_idx";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "audience" text DEFAULT 'partner' NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_identity_audience_created_idx" ON "notifications" USING btree ("identity_id","audience","created_at","id");--> statement-breakpoint
-- order and deposit alerts sent before to staff members who are not partners of that organisation were meant for the staff app
UPDATE "notifications" n SET "audience" = 'staff'
 WHERE n."kind" IN ('order_confirmation_overdue', 'order_payment_failed', 'order_cod_uncollected', 'deposit_low')
   AND EXISTS (SELECT 1 FROM "org_members" m WHERE m."org_id" = n."org_id" AND m."identity_id" = n."identity_id")
   AND NOT EXISTS (SELECT 1 FROM "partners" p JOIN "enrollments" e ON e."partner_id" = p."id"
                    WHERE p."identity_id" = n."identity_id" AND e."org_id" = n."org_id");
