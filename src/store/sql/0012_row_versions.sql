-- Version 14: a version on every row a form edits, so a save writes only over the row it
-- was opened on (issue 18: two windows, or a window and a command, never undo each
-- other). The store's UPDATEs raise it themselves and check it (`WHERE version = ?`);
-- each trigger raises it for any other UPDATE of the row (a restore from the trash, a
-- statement added later), so no writer can forget it. Adding a column with a constant
-- default only rewrites the schema, not the rows: instant even on the large demo.
ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE accounts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE posts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE targets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE objectives ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE budget_lines ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE expenses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE editorial ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pillars ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE hashtag_sets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE competitors ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE competitor_notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE inbox_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE saved_replies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- An UPDATE that left the version as it was raises it by one. (Triggers do not fire
-- themselves again: SQLite's recursive_triggers is off.)
CREATE TRIGGER clients_version AFTER UPDATE ON clients WHEN NEW.version = OLD.version
BEGIN UPDATE clients SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER accounts_version AFTER UPDATE ON accounts WHEN NEW.version = OLD.version
BEGIN UPDATE accounts SET version = OLD.version + 1 WHERE id = NEW.id; END;
-- A post's copy of its accounts (kept by version 9's triggers) is not a change of its
-- own: the save that changed the accounts raised the version.
CREATE TRIGGER posts_version AFTER UPDATE ON posts
WHEN NEW.version = OLD.version AND NEW.account_ids IS OLD.account_ids
BEGIN UPDATE posts SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER targets_version AFTER UPDATE ON targets WHEN NEW.version = OLD.version
BEGIN UPDATE targets SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER objectives_version AFTER UPDATE ON objectives WHEN NEW.version = OLD.version
BEGIN UPDATE objectives SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER campaigns_version AFTER UPDATE ON campaigns WHEN NEW.version = OLD.version
BEGIN UPDATE campaigns SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER budget_lines_version AFTER UPDATE ON budget_lines WHEN NEW.version = OLD.version
BEGIN UPDATE budget_lines SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER expenses_version AFTER UPDATE ON expenses WHEN NEW.version = OLD.version
BEGIN UPDATE expenses SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER editorial_version AFTER UPDATE ON editorial WHEN NEW.version = OLD.version
BEGIN UPDATE editorial SET version = OLD.version + 1 WHERE client_id = NEW.client_id; END;
CREATE TRIGGER pillars_version AFTER UPDATE ON pillars WHEN NEW.version = OLD.version
BEGIN UPDATE pillars SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER hashtag_sets_version AFTER UPDATE ON hashtag_sets WHEN NEW.version = OLD.version
BEGIN UPDATE hashtag_sets SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER competitors_version AFTER UPDATE ON competitors WHEN NEW.version = OLD.version
BEGIN UPDATE competitors SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER competitor_notes_version AFTER UPDATE ON competitor_notes WHEN NEW.version = OLD.version
BEGIN UPDATE competitor_notes SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER inbox_items_version AFTER UPDATE ON inbox_items WHEN NEW.version = OLD.version
BEGIN UPDATE inbox_items SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER saved_replies_version AFTER UPDATE ON saved_replies WHEN NEW.version = OLD.version
BEGIN UPDATE saved_replies SET version = OLD.version + 1 WHERE id = NEW.id; END;
