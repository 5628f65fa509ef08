-- PostgreSQL keeps 10,000 lexemes, not 1,000, in the statistics of
-- article_search.search_vector (issue 5, BENCHMARKS.md "Query service
-- (issue 5)").
--
-- SearchArticles' plan depends on how many articles its words match: a
-- common word is best found by walking article_search_published_idx newest
-- first until a round of matches is found, a rare one by reading its GIN
-- entry. The planner knows a word's frequency only if the word is among the
-- most common lexemes ANALYZE keeps (ten times the statistics target); any
-- other word it estimates at 0.5% of the articles. At 1,000,000 articles
-- that estimate made walking for a round of 100 look cheaper than the GIN
-- entry, and a word in no article walked all of them (1.7 s p99 against 0.2
-- s with rounds of 200). With 10,000 lexemes kept, a word outside them is
-- estimated at half the rarest kept one's frequency, far below 0.5%.
ALTER TABLE article_search ALTER COLUMN search_vector SET STATISTICS 1000;

-- The new statistics now, not at autovacuum's next analysis.
ANALYZE article_search;
