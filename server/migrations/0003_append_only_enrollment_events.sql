-- Enrollment history is append-only, like the audit log.
CREATE TRIGGER enrollment_events_append_only BEFORE UPDATE OR DELETE ON enrollment_events
  FOR EACH ROW EXECUTE FUNCTION kenh_refuse_change();
--> statement-breakpoint
-- enrollments.sort_name mirrors the partner's name (identities.full_name) as a sort key, so the
-- directory sorts by name from an index of enrollments alone. The key is the name without
-- Vietnamese marks, then the lower-case name, in the "C" collation: the same order on every server.
CREATE OR REPLACE FUNCTION kenh_sort_key(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(lower(coalesce(name, '')),
    'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
    'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')
    || chr(1) || lower(coalesce(name, ''))
$$;
--> statement-breakpoint
ALTER TABLE enrollments ALTER COLUMN sort_name TYPE text COLLATE "C";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kenh_enrollment_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT kenh_sort_key(i.full_name) INTO NEW.sort_name
    FROM partners p JOIN identities i ON i.id = p.identity_id
   WHERE p.id = NEW.partner_id;
  NEW.sort_name := coalesce(NEW.sort_name, '');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enrollments_sort_name BEFORE INSERT OR UPDATE OF partner_id ON enrollments
  FOR EACH ROW EXECUTE FUNCTION kenh_enrollment_sort_name();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kenh_identity_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollments e SET sort_name = kenh_sort_key(NEW.full_name)
    FROM partners p
   WHERE p.identity_id = NEW.id AND e.partner_id = p.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER identities_name_to_enrollments AFTER UPDATE OF full_name ON identities
  FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name)
  EXECUTE FUNCTION kenh_identity_name_changed();
