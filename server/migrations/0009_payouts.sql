CREATE TABLE "payout_batches" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"number" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"filters" jsonb NOT NULL,
	"created_by" text,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_batches_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "payout_settings" (
	"org_id" text NOT NULL,
	"program_id" text NOT NULL,
	"schedule" text DEFAULT 'on_request' NOT NULL,
	"methods" jsonb DEFAULT '["vietqr","bank_file"]'::jsonb NOT NULL,
	"store_credit_bonus_ppm" integer DEFAULT 0 NOT NULL,
	"deposit_alert_minor" bigint,
	"deposit_blocks_orders" boolean DEFAULT false NOT NULL,
	"bank_file_template" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_settings_org_id_program_id_pk" PRIMARY KEY("org_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"batch_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"program_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"withdrawal_request_id" text,
	"currency" text NOT NULL,
	"gross_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_reason" text NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reference" text NOT NULL,
	"payee_name" text NOT NULL,
	"bank_bin" text,
	"bank_account_enc" text,
	"bank_account_last4" text,
	"bank_holder_enc" text,
	"failure_reason" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tax_rules" (
	"org_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"currency" text DEFAULT 'VND' NOT NULL,
	"rate_ppm" integer DEFAULT 100000 NOT NULL,
	"threshold_minor" bigint DEFAULT 2000000 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawal_requests" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"program_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"client_request_id" text NOT NULL,
	"payout_id" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "withdrawal_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rules" ADD CONSTRAINT "tax_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batches_number_uq" ON "payout_batches" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "payout_batches_org_created_idx" ON "payout_batches" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_batch_enrollment_uq" ON "payouts" USING btree ("org_id","batch_id","enrollment_id","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_open_uq" ON "payouts" USING btree ("org_id","enrollment_id","currency") WHERE "payouts"."status" in ('draft', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_reference_uq" ON "payouts" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "payouts_batch_idx" ON "payouts" USING btree ("org_id","batch_id");--> statement-breakpoint
CREATE INDEX "payouts_enrollment_idx" ON "payouts" USING btree ("org_id","enrollment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_requests_client_uq" ON "withdrawal_requests" USING btree ("org_id","enrollment_id","client_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_requests_open_uq" ON "withdrawal_requests" USING btree ("org_id","enrollment_id","currency") WHERE "withdrawal_requests"."status" in ('requested', 'in_batch');--> statement-breakpoint
CREATE INDEX "withdrawal_requests_org_status_idx" ON "withdrawal_requests" USING btree ("org_id","status","created_at");