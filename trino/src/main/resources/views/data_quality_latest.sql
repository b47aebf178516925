-- The latest data-quality run (batch module, DataQualityJob): one row per check of that run, with
-- what it observed against what it expects; failed is 1 for a failed check, so SUM(failed) counts.
CREATE OR REPLACE VIEW ${analytics}.data_quality_latest
COMMENT 'v1: the checks of the latest run in data_quality_results, failed = 1 when a check failed'
AS
SELECT
  r.run_time,
  r.table_name,
  r.check_name,
  r.observed,
  r.expectation,
  CASE WHEN r.passed THEN 0 ELSE 1 END AS failed,
  r.detail
FROM ${lake}.data_quality_results r
WHERE r.run_id = (SELECT max_by(l.run_id, l.run_time) FROM ${lake}.data_quality_results l)
