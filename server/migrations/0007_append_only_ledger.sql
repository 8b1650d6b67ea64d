-- The ledger is append-only: corrections are new entries, never edits.
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION kenh_refuse_change();
