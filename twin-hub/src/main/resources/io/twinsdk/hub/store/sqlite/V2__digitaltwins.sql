-- Azure Digital Twins: models, twins, relationships.
-- Documents are stored whole (the JSON the API returns); the columns beside them are what lookups, paging,
-- "referenced by" checks and queries filter on, each with an index.

CREATE TABLE dt_models (
  model_id        TEXT PRIMARY KEY,
  document        TEXT NOT NULL,
  decommissioned  INTEGER NOT NULL DEFAULT 0,
  upload_time     TEXT NOT NULL
);

-- Direct references between models: 'extends' (a base Interface) and 'component' (a Component schema).
-- A model may be deleted only while no row names it as referenced_id.
CREATE TABLE dt_model_references (
  model_id       TEXT NOT NULL REFERENCES dt_models(model_id) ON DELETE CASCADE,
  referenced_id  TEXT NOT NULL,
  kind           TEXT NOT NULL,
  PRIMARY KEY (model_id, referenced_id, kind)
);
CREATE INDEX dt_model_references_by_referenced ON dt_model_references(referenced_id);

-- Every model and each Interface it extends, directly or not, itself included: IS_OF_MODEL in one indexed lookup.
CREATE TABLE dt_model_ancestors (
  model_id     TEXT NOT NULL REFERENCES dt_models(model_id) ON DELETE CASCADE,
  ancestor_id  TEXT NOT NULL,
  PRIMARY KEY (model_id, ancestor_id)
);
CREATE INDEX dt_model_ancestors_by_ancestor ON dt_model_ancestors(ancestor_id, model_id);

-- Twins may outlive their model (the service allows deleting a model that twins use), so no foreign key to dt_models.
CREATE TABLE dt_twins (
  twin_id      TEXT PRIMARY KEY,
  model_id     TEXT NOT NULL,
  etag         TEXT NOT NULL,
  document     TEXT NOT NULL,
  last_update  TEXT NOT NULL
);
CREATE INDEX dt_twins_by_model ON dt_twins(model_id, twin_id);

-- Relationship ids are unique per source twin. The foreign keys make a twin with relationships undeletable.
CREATE TABLE dt_relationships (
  source_id        TEXT NOT NULL REFERENCES dt_twins(twin_id),
  relationship_id  TEXT NOT NULL,
  target_id        TEXT NOT NULL REFERENCES dt_twins(twin_id),
  name             TEXT NOT NULL,
  etag             TEXT NOT NULL,
  document         TEXT NOT NULL,
  PRIMARY KEY (source_id, relationship_id)
);
CREATE INDEX dt_relationships_by_source_name ON dt_relationships(source_id, name, relationship_id);
CREATE INDEX dt_relationships_by_target ON dt_relationships(target_id, source_id, relationship_id);
