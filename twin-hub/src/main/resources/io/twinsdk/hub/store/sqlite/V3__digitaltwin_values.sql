-- Azure Digital Twins query index: the string and number values of each twin's properties (top level, and one level
-- down: component properties and object fields), so that WHERE comparisons on them are index lookups instead of a
-- scan of every document. Paths are written as the query compiler writes JSON paths: $."name" or $."name"."sub".
-- Kept by SqliteTwinValues on every twin write; deleting a twin deletes its rows.

CREATE TABLE dt_twin_values (
  twin_id  TEXT NOT NULL REFERENCES dt_twins(twin_id) ON DELETE CASCADE,
  path     TEXT NOT NULL,
  value    NOT NULL
);
CREATE INDEX dt_twin_values_by_value ON dt_twin_values(path, value, twin_id);
CREATE INDEX dt_twin_values_by_twin ON dt_twin_values(twin_id);

INSERT INTO dt_twin_values (twin_id, path, value)
  SELECT t.twin_id, '$."' || p.key || '"', p.value FROM dt_twins t, json_each(t.document) p
  WHERE p.type IN ('integer', 'real', 'text') AND p.key NOT LIKE '$%';

INSERT INTO dt_twin_values (twin_id, path, value)
  SELECT t.twin_id, '$."' || p.key || '"."' || c.key || '"', c.value
  FROM dt_twins t, json_each(t.document) p, json_each(p.value) c
  WHERE p.type = 'object' AND p.key NOT LIKE '$%' AND c.type IN ('integer', 'real', 'text') AND c.key NOT LIKE '$%';
