CREATE TABLE "verification_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"destination" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"identity_id" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrollment_events" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"type" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"reason" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollment_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrollment_tags" (
	"org_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollment_tags_org_id_enrollment_id_tag_id_pk" PRIMARY KEY("org_id","enrollment_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"referral_code" text NOT NULL,
	"sort_name" text DEFAULT '' NOT NULL,
	"group_id" text,
	"care_member_id" text,
	"upline_enrollment_id" text,
	"source" text NOT NULL,
	"external_id" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_groups" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_groups_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_import_rows" (
	"org_id" text NOT NULL,
	"import_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"data" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"enrollment_id" text,
	"errors" jsonb,
	CONSTRAINT "partner_import_rows_org_id_import_id_row_number_pk" PRIMARY KEY("org_id","import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "partner_imports" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" text NOT NULL,
	"mapping" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "partner_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_notes" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"partner_id" text NOT NULL,
	"body" text NOT NULL,
	"author_member_id" text,
	"author_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_notes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_profiles" (
	"org_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"province" text,
	"social_links" jsonb,
	"custom_answers" jsonb,
	"citizen_id_enc" text,
	"date_of_birth_enc" text,
	"address_enc" text,
	"bank_bin" text,
	"bank_account_enc" text,
	"bank_holder_enc" text,
	"bank_account_last4" text,
	"citizen_id_last4" text,
	"bank_verified_at" timestamp with time zone,
	"tax_commitment" boolean DEFAULT false NOT NULL,
	"is_company" boolean DEFAULT false NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_profiles_org_id_partner_id_pk" PRIMARY KEY("org_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "partner_tags" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'gray' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_tags_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"member_id" text NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_invitations" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"email" text,
	"phone" text,
	"full_name" text,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"accepted_enrollment_id" text,
	"revoked_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_invitations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"page_code" text NOT NULL,
	"currency" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"terms" text DEFAULT '' NOT NULL,
	"join_mode" text DEFAULT 'approval' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"cookie_days" integer DEFAULT 30 NOT NULL,
	"hold_days" integer DEFAULT 30 NOT NULL,
	"min_payout_minor" bigint DEFAULT 0 NOT NULL,
	"max_upline_depth" integer DEFAULT 3 NOT NULL,
	"join_form" jsonb NOT NULL,
	"auto_approve" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_identity_id_identities_id_fk" FOREIGN KEY ("identity_id") REFERENCES "public"."identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_groups" ADD CONSTRAINT "partner_groups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_tags" ADD CONSTRAINT "partner_tags_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD CONSTRAINT "program_invitations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_codes_destination_idx" ON "verification_codes" USING btree ("destination","created_at");--> statement-breakpoint
CREATE INDEX "notifications_identity_created_idx" ON "notifications" USING btree ("identity_id","created_at","id");--> statement-breakpoint
CREATE INDEX "enrollment_events_enrollment_idx" ON "enrollment_events" USING btree ("org_id","enrollment_id","created_at");--> statement-breakpoint
CREATE INDEX "enrollment_tags_org_tag_idx" ON "enrollment_tags" USING btree ("org_id","tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_program_partner_uq" ON "enrollments" USING btree ("org_id","program_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_code_uq" ON "enrollments" USING btree ("org_id",upper("referral_code"));--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_external_uq" ON "enrollments" USING btree ("org_id","external_id") WHERE "enrollments"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "enrollments_org_status_idx" ON "enrollments" USING btree ("org_id","status","joined_at");--> statement-breakpoint
CREATE INDEX "enrollments_org_program_idx" ON "enrollments" USING btree ("org_id","program_id","joined_at");--> statement-breakpoint
CREATE INDEX "enrollments_org_care_idx" ON "enrollments" USING btree ("org_id","care_member_id");--> statement-breakpoint
CREATE INDEX "enrollments_org_upline_idx" ON "enrollments" USING btree ("org_id","upline_enrollment_id");--> statement-breakpoint
CREATE INDEX "enrollments_partner_idx" ON "enrollments" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "enrollments_org_joined_idx" ON "enrollments" USING btree ("org_id","joined_at","id");--> statement-breakpoint
CREATE INDEX "enrollments_org_group_idx" ON "enrollments" USING btree ("org_id","group_id");--> statement-breakpoint
CREATE INDEX "enrollments_org_name_idx" ON "enrollments" USING btree ("org_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "enrollments_org_status_name_idx" ON "enrollments" USING btree ("org_id","status","sort_name","id");--> statement-breakpoint
CREATE INDEX "enrollments_code_prefix_idx" ON "enrollments" USING btree ("org_id",upper("referral_code") text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "partner_groups_org_name_uq" ON "partner_groups" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "partner_imports_org_created_idx" ON "partner_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_notes_partner_idx" ON "partner_notes" USING btree ("org_id","partner_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_profiles_org_province_idx" ON "partner_profiles" USING btree ("org_id","province");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_tags_org_name_uq" ON "partner_tags" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "saved_views_member_idx" ON "saved_views" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_invitations_token_uq" ON "program_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "program_invitations_program_idx" ON "program_invitations" USING btree ("org_id","program_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_org_slug_uq" ON "programs" USING btree ("org_id",lower("slug"));--> statement-breakpoint
CREATE UNIQUE INDEX "programs_page_code_uq" ON "programs" USING btree (upper("page_code"));--> statement-breakpoint
CREATE INDEX "programs_org_status_idx" ON "programs" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "identities_name_prefix_idx" ON "identities" USING btree (lower("full_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "identities_email_prefix_idx" ON "identities" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "identities_phone_prefix_idx" ON "identities" USING btree ("phone" text_pattern_ops);