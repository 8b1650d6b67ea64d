CREATE TABLE "click_stats" (
	"org_id" text NOT NULL,
	"link_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"device_type" text NOT NULL,
	"program_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"clicks" integer NOT NULL,
	"unique_clicks" integer NOT NULL,
	"bot_clicks" integer NOT NULL,
	CONSTRAINT "click_stats_org_id_link_id_hour_device_type_pk" PRIMARY KEY("org_id","link_id","hour","device_type")
);
--> statement-breakpoint
DROP INDEX "clicks_org_created_idx";--> statement-breakpoint
DROP INDEX "clicks_link_idx";--> statement-breakpoint
DROP INDEX "clicks_enrollment_idx";--> statement-breakpoint
CREATE INDEX "click_stats_org_hour_idx" ON "click_stats" USING btree ("org_id","hour");--> statement-breakpoint
CREATE INDEX "click_stats_enrollment_idx" ON "click_stats" USING btree ("org_id","enrollment_id","hour");--> statement-breakpoint
CREATE INDEX "clicks_created_brin" ON "clicks" USING brin ("created_at");--> statement-breakpoint
INSERT INTO "click_stats" ("org_id", "link_id", "hour", "device_type", "program_id", "enrollment_id", "clicks", "unique_clicks", "bot_clicks")
SELECT "org_id", "link_id", date_trunc('hour', "created_at", 'UTC'), "device_type", min("program_id"), min("enrollment_id"),
       count(*), count(*) FILTER (WHERE "is_unique" AND NOT "is_bot"), count(*) FILTER (WHERE "is_bot")
  FROM "clicks"
 GROUP BY 1, 2, 3, 4;
