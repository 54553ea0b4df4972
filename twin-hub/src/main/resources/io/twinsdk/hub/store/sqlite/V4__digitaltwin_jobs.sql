-- Azure Digital Twins import and delete jobs, kept across restarts as the JSON the API returns for them.
CREATE TABLE dt_jobs (
  kind      TEXT NOT NULL,
  job_id    TEXT NOT NULL,
  document  TEXT NOT NULL,
  PRIMARY KEY (kind, job_id)
);
