CREATE TABLE "commission_lines" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"program_id" text NOT NULL,
	"plan_version_id" text,
	"rule_id" text,
	"kind" text NOT NULL,
	"order_id" text,
	"line_no" integer,
	"conversion_id" text,
	"reverses_line_id" text,
	"source_key" text NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"base_minor" bigint NOT NULL,
	"rate_ppm" bigint,
	"amount_minor" bigint NOT NULL,
	"rounding" text NOT NULL,
	"status" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"hold_until" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"earned_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_lines_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "commission_plan_versions" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"plan_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"effective_from" timestamp with time zone,
	"settings" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "commission_plan_versions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "commission_plans" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"currency" text NOT NULL,
	"bucket" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"kind" text NOT NULL,
	"commission_line_id" text,
	"order_id" text,
	"payout_id" text,
	"memo" text DEFAULT '' NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_plans" ADD CONSTRAINT "commission_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_lines_source_uq" ON "commission_lines" USING btree ("org_id","source_key");--> statement-breakpoint
CREATE INDEX "commission_lines_order_idx" ON "commission_lines" USING btree ("org_id","order_id");--> statement-breakpoint
CREATE INDEX "commission_lines_enrollment_idx" ON "commission_lines" USING btree ("org_id","enrollment_id","status","earned_at");--> statement-breakpoint
CREATE INDEX "commission_lines_hold_idx" ON "commission_lines" USING btree ("hold_until") WHERE "commission_lines"."status" = 'on_hold';--> statement-breakpoint
CREATE INDEX "commission_lines_org_status_idx" ON "commission_lines" USING btree ("org_id","status","earned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plan_versions_number_uq" ON "commission_plan_versions" USING btree ("org_id","plan_id","version");--> statement-breakpoint
CREATE INDEX "commission_plan_versions_effective_idx" ON "commission_plan_versions" USING btree ("org_id","plan_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plans_program_uq" ON "commission_plans" USING btree ("org_id","program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_idempotency_uq" ON "ledger_entries" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "ledger_entries_enrollment_idx" ON "ledger_entries" USING btree ("org_id","enrollment_id","currency","bucket");--> statement-breakpoint
CREATE INDEX "ledger_entries_line_idx" ON "ledger_entries" USING btree ("org_id","commission_line_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_created_idx" ON "ledger_entries" USING btree ("org_id","created_at");