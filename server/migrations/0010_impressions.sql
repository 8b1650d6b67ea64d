CREATE TABLE "impression_flushes" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impression_reports" (
	"org_id" text NOT NULL,
	"external_id" text NOT NULL,
	"link_id" text NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"impressions" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "impression_reports_org_id_external_id_pk" PRIMARY KEY("org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "impression_stats" (
	"org_id" text NOT NULL,
	"link_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"impressions" bigint NOT NULL,
	"bot_impressions" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "impression_stats_org_id_link_id_hour_pk" PRIMARY KEY("org_id","link_id","hour")
);
--> statement-breakpoint
ALTER TABLE "impression_reports" ADD CONSTRAINT "impression_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impression_stats_org_hour_idx" ON "impression_stats" USING btree ("org_id","hour");--> statement-breakpoint
CREATE INDEX "impression_stats_enrollment_idx" ON "impression_stats" USING btree ("org_id","enrollment_id","hour");