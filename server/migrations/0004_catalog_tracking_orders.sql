CREATE TABLE "product_categories" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"parent_id" text,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_categories_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" text,
	"currency" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"cost_minor" bigint,
	"ctv_price_minor" bigint,
	"status" text DEFAULT 'active' NOT NULL,
	"image_url" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_import_rows" (
	"org_id" text NOT NULL,
	"import_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"data" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"order_id" text,
	"errors" jsonb,
	CONSTRAINT "order_import_rows_org_id_import_id_row_number_pk" PRIMARY KEY("org_id","import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "order_imports" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "order_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"source_id" text NOT NULL,
	"topic" text NOT NULL,
	"platform_event_id" text,
	"status" text NOT NULL,
	"error" text,
	"headers" jsonb NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"order_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_sources" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"program_id" text,
	"secret_enc" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_delivery_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_sources_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"program_id" text,
	"enrollment_id" text,
	"attribution_method" text NOT NULL,
	"attribution_evidence" jsonb NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customer_id" text,
	"partner_code" text,
	"coupon_code" text,
	"click_id" text,
	"currency" text,
	"value_minor" bigint,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_refs" (
	"org_id" text NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"customer_id" text NOT NULL,
	CONSTRAINT "customer_refs_org_id_source_external_id_pk" PRIMARY KEY("org_id","source","external_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	"partner_id" text,
	"owner_enrollment_id" text,
	"owned_since" timestamp with time zone,
	"owned_until" timestamp with time zone,
	"first_order_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"customer_name" text NOT NULL,
	"customer_phone" text,
	"customer_email" text,
	"need" text NOT NULL,
	"currency" text NOT NULL,
	"estimated_value_minor" bigint,
	"status" text DEFAULT 'new' NOT NULL,
	"status_reason" text,
	"order_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_alerts" (
	"org_id" text NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "order_alerts_org_id_order_id_kind_pk" PRIMARY KEY("org_id","order_id","kind")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"type" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"org_id" text NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"external_line_id" text,
	"product_id" text,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"category_id" text,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"unit_cost_minor" bigint,
	"unit_ctv_price_minor" bigint,
	"returned_quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "order_items_org_id_order_id_line_no_pk" PRIMARY KEY("org_id","order_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"external_id" text NOT NULL,
	"number" text NOT NULL,
	"program_id" text,
	"enrollment_id" text,
	"attribution_method" text NOT NULL,
	"attribution_evidence" jsonb NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customer_id" text,
	"customer_name" text DEFAULT '' NOT NULL,
	"customer_phone" text,
	"customer_email" text,
	"shipping_address" text,
	"note" text DEFAULT '' NOT NULL,
	"partner_code" text,
	"coupon_code" text,
	"click_id" text,
	"client_ip_hash" text,
	"entered_by_enrollment_id" text,
	"subscription_id" text,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"shipping_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"returned_minor" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"payment_status" text NOT NULL,
	"payment_method" text,
	"placed_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "clicks" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"link_id" text NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ip_hash" text NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"referrer" text,
	"device_type" text NOT NULL,
	"is_bot" boolean DEFAULT false NOT NULL,
	"is_unique" boolean NOT NULL,
	CONSTRAINT "clicks_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupons_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "links" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"code" text NOT NULL,
	"destination_url" text NOT NULL,
	"product_id" text,
	"title" text DEFAULT '' NOT NULL,
	"sub_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"utm" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "destination_url" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "allowed_domains" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "fallback_url" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "attribution_model" text DEFAULT 'last_click' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "customer_ownership_days" integer;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "confirm_alert_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "cod_alert_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_sources" ADD CONSTRAINT "webhook_sources_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_categories_name_uq" ON "product_categories" USING btree ("org_id",coalesce("parent_id", ''),lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_uq" ON "products" USING btree ("org_id",upper("sku"));--> statement-breakpoint
CREATE INDEX "products_org_status_idx" ON "products" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "products_org_category_idx" ON "products" USING btree ("org_id","category_id");--> statement-breakpoint
CREATE INDEX "order_imports_org_created_idx" ON "order_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_uq" ON "webhook_deliveries" USING btree ("org_id","source_id","platform_event_id") WHERE "webhook_deliveries"."platform_event_id" is not null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_source_idx" ON "webhook_deliveries" USING btree ("org_id","source_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_sources_id_uq" ON "webhook_sources" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_source_external_uq" ON "conversions" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "conversions_org_occurred_idx" ON "conversions" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversions_enrollment_idx" ON "conversions" USING btree ("org_id","enrollment_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_phone_uq" ON "customers" USING btree ("org_id","phone") WHERE "customers"."phone" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_email_uq" ON "customers" USING btree ("org_id","email") WHERE "customers"."email" is not null;--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("org_id","owner_enrollment_id","owned_since");--> statement-breakpoint
CREATE INDEX "opportunities_org_status_idx" ON "opportunities" USING btree ("org_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "opportunities_enrollment_idx" ON "opportunities" USING btree ("org_id","enrollment_id","created_at");--> statement-breakpoint
CREATE INDEX "order_alerts_open_idx" ON "order_alerts" USING btree ("org_id","created_at") WHERE "order_alerts"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "order_events_dedupe_uq" ON "order_events" USING btree ("org_id","order_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_source_external_uq" ON "orders" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "orders_org_placed_idx" ON "orders" USING btree ("org_id","placed_at","id");--> statement-breakpoint
CREATE INDEX "orders_org_status_idx" ON "orders" USING btree ("org_id","status","placed_at");--> statement-breakpoint
CREATE INDEX "orders_enrollment_idx" ON "orders" USING btree ("org_id","enrollment_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "clicks_org_created_idx" ON "clicks" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_link_idx" ON "clicks" USING btree ("org_id","link_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_enrollment_idx" ON "clicks" USING btree ("org_id","enrollment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_code_uq" ON "coupons" USING btree ("org_id",upper("code"));--> statement-breakpoint
CREATE INDEX "coupons_enrollment_idx" ON "coupons" USING btree ("org_id","enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "links_code_uq" ON "links" USING btree (upper("code"));--> statement-breakpoint
CREATE UNIQUE INDEX "links_default_uq" ON "links" USING btree ("org_id","enrollment_id") WHERE "links"."is_default";--> statement-breakpoint
CREATE INDEX "links_enrollment_idx" ON "links" USING btree ("org_id","enrollment_id","created_at");--> statement-breakpoint
CREATE INDEX "links_org_program_idx" ON "links" USING btree ("org_id","program_id","created_at");