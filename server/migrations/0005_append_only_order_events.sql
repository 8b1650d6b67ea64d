-- Order history is append-only, like the audit log and enrollment history.
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events
  FOR EACH ROW EXECUTE FUNCTION kenh_refuse_change();
