-- Enrollment history is append-only, like the audit log.
CREATE TRIGGER enrollment_events_append_only BEFORE UPDATE OR DELETE ON enrollment_events
  FOR EACH ROW EXECUTE FUNCTION kenh_refuse_change();
