-- customers.sort_name: the name as a sort key (kenh_sort_key, the partner directory's), kept by the
-- database for every write, in the "C" collation, so the customer list sorts by name from an index.
ALTER TABLE "customers" ADD COLUMN "sort_name" text COLLATE "C" GENERATED ALWAYS AS (kenh_sort_key(name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_org_name_idx" ON "customers" USING btree ("org_id","sort_name","id");
