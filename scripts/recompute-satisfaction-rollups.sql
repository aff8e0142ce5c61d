-- Recomputes the satisfaction statistics' daily totals (FeedbackDailyRollups) from the stored answers
-- (FeedbackAnswers), e.g. after a partial restore of the answers. The same file runs on PostgreSQL and SQLite:
--   psql "$CONNECTION" -v ON_ERROR_STOP=1 -f scripts/recompute-satisfaction-rollups.sql
--   sqlite3 cap.db < scripts/recompute-satisfaction-rollups.sql
-- Run it with Cap stopped: an answer stored while it runs could be counted twice.
-- "Day" is already the Europe/Paris day of "ReceivedAt" (set when each answer is built), so the totals group by it
-- with no time-zone arithmetic. Points: 1 → 0, 2 → 5, 3 → 10 (SatisfactionScore.Points).
BEGIN;
DELETE FROM "FeedbackDailyRollups";
INSERT INTO "FeedbackDailyRollups" ("ProductId", "PlacementId", "Day", "Count", "Points", "ClarityCount", "ClaritySum", "HelpAsked", "Reached")
SELECT MIN("ProductId"), "PlacementId", "Day", COUNT(*),
       SUM(CASE "Experience" WHEN 3 THEN 10 WHEN 2 THEN 5 ELSE 0 END),
       COUNT("Clarity"), COALESCE(SUM("Clarity"), 0),
       COUNT("AdministrationReached"), SUM(CASE WHEN "AdministrationReached" THEN 1 ELSE 0 END)
FROM "FeedbackAnswers"
GROUP BY "PlacementId", "Day";
COMMIT;
