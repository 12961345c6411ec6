//! Link results: saving the linker's placement, and the story and storyline views over it.

use rusqlite::{params, OptionalExtension};
use storyline_link::{LinkResult, StorylineInfo};

use crate::error::{Context, StoreError};
use crate::{ArticleRow, Store, StoryFilter, StorySummary};

/// Ids of the stories that pass a [`StoryFilter`], latest activity first.
/// `?1` since, `?2` lang, `?3` outlet, `?4` entity as given, `?5` entity lower-cased, `?6` limit.
const FILTERED_STORIES: &str = "
    SELECT s.id FROM stories s
    LEFT JOIN (SELECT l.story AS story, max(a.published) AS last
               FROM links l JOIN articles a ON a.id = l.article_id
               GROUP BY l.story) d ON d.story = s.id
    WHERE (?1 IS NULL OR d.last >= ?1)
      AND (?2 IS NULL OR EXISTS (SELECT 1 FROM links l JOIN articles a ON a.id = l.article_id
                                 WHERE l.story = s.id AND a.lang = ?2))
      AND (?3 IS NULL OR EXISTS (SELECT 1 FROM links l JOIN articles a ON a.id = l.article_id
                                 WHERE l.story = s.id AND a.outlet = ?3 COLLATE NOCASE))
      AND (?4 IS NULL OR s.id IN (SELECT l.story FROM entities e
                                  JOIN links l ON l.article_id = e.article_id
                                  WHERE e.key IN (?4, ?5) OR e.norm = ?5))
    ORDER BY d.last IS NULL, d.last DESC, s.id
    LIMIT ?6";

impl Store {
    /// Replaces all link results (stories, storylines, per-article link ids) in one transaction.
    ///
    /// Every assigned article must be stored; otherwise nothing is replaced. A `duplicate_of`
    /// naming the article itself (the linker's "unique") is stored as `NULL`.
    pub fn save_links(&mut self, result: &LinkResult) -> Result<(), StoreError> {
        let path = self.path.as_path();
        let tx = self
            .conn
            .transaction()
            .doing(path, "starting to save links")?;
        tx.execute_batch("DELETE FROM links; DELETE FROM stories; DELETE FROM storylines;")
            .doing(path, "clearing old links")?;
        {
            let mut line = tx
                .prepare("INSERT OR REPLACE INTO storylines (id, name) VALUES (?1, ?2)")
                .doing(path, "preparing storylines")?;
            for s in &result.storylines {
                line.execute(params![s.id, s.name])
                    .doing(path, "saving a storyline")?;
            }
            let mut story = tx
                .prepare(
                    "INSERT OR REPLACE INTO stories (id, storyline, label) VALUES (?1, ?2, ?3)",
                )
                .doing(path, "preparing stories")?;
            for s in &result.stories {
                story
                    .execute(params![s.id, s.storyline, s.label])
                    .doing(path, "saving a story")?;
            }
            // Inserts only when the article is stored (there are no foreign keys, see the
            // schema), and lets an unknown id be reported by name.
            let mut link = tx
                .prepare(
                    "INSERT OR REPLACE INTO links (article_id, duplicate_of, story, storyline)
                     SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                )
                .doing(path, "preparing links")?;
            for (id, ids) in &result.assignments {
                let dup = ids.duplicate_of.as_deref().filter(|d| d != id);
                let changed = link
                    .execute(params![id, dup, ids.story, ids.storyline])
                    .doing(path, "saving a link")?;
                if changed == 0 {
                    return Err(StoreError::Input {
                        path: path.to_path_buf(),
                        reason: format!(
                            "link results place article {id}, which is not stored; links left unchanged"
                        ),
                    });
                }
            }
        }
        tx.commit().doing(path, "committing links")
    }

    /// The stories that pass `filter`, newest first (by latest article date; undated last).
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>, StoreError> {
        let lang = filter.lang.as_ref().map(|l| l.to_lowercase());
        let entity_lower = filter.entity.as_ref().map(|e| e.to_lowercase());
        // SQLite reads a negative LIMIT as "no limit".
        let limit = filter
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut stmt = self
            .conn
            .prepare_cached(FILTERED_STORIES)
            .doing(&self.path, "preparing the story list")?;
        let ids = stmt
            .query_map(
                params![
                    filter.since,
                    lang,
                    filter.outlet,
                    filter.entity,
                    entity_lower,
                    limit
                ],
                |r| r.get::<_, u64>(0),
            )
            .doing(&self.path, "listing stories")?
            .collect::<Result<Vec<u64>, _>>()
            .doing(&self.path, "listing stories")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(s) = self.story(id)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// One story with its articles, or `None` when no such story is saved.
    pub fn story(&self, id: u64) -> Result<Option<StorySummary>, StoreError> {
        let head = self
            .conn
            .prepare_cached(
                "SELECT s.label, s.storyline, coalesce(sl.name, '')
                 FROM stories s LEFT JOIN storylines sl ON sl.id = s.storyline
                 WHERE s.id = ?1",
            )
            .doing(&self.path, "preparing a story lookup")?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, u64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .optional()
            .doing(&self.path, "looking up a story")?;
        let Some((label, storyline, storyline_name)) = head else {
            return Ok(None);
        };
        let articles = self.story_articles(id)?;
        let first = articles.iter().filter_map(|a| a.published.clone()).min();
        let last = articles.iter().filter_map(|a| a.published.clone()).max();
        let mut outlets: Vec<String> = articles.iter().filter_map(|a| a.outlet.clone()).collect();
        outlets.sort();
        outlets.dedup();
        Ok(Some(StorySummary {
            id,
            label,
            storyline,
            storyline_name,
            first,
            last,
            articles,
            outlets,
        }))
    }

    /// The articles of a story, by date (undated last), then id.
    fn story_articles(&self, story: u64) -> Result<Vec<ArticleRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.url, a.outlet, a.title, a.lang, a.published, a.precision,
                        l.duplicate_of
                 FROM links l JOIN articles a ON a.id = l.article_id
                 WHERE l.story = ?1
                 ORDER BY a.published IS NULL, a.published, a.id",
            )
            .doing(&self.path, "preparing a story's articles")?;
        let rows = stmt
            .query_map([story], |r| {
                Ok(ArticleRow {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    outlet: r.get(2)?,
                    title: r.get(3)?,
                    lang: r.get(4)?,
                    published: r.get(5)?,
                    precision: r.get(6)?,
                    duplicate_of: r.get(7)?,
                })
            })
            .doing(&self.path, "reading a story's articles")?;
        rows.collect::<Result<Vec<_>, _>>()
            .doing(&self.path, "reading a story's articles")
    }

    /// Every storyline with the ids of its stories, both by id.
    pub fn storylines(&self) -> Result<Vec<(StorylineInfo, Vec<u64>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT sl.id, sl.name, s.id FROM storylines sl
                 LEFT JOIN stories s ON s.storyline = sl.id
                 ORDER BY sl.id, s.id",
            )
            .doing(&self.path, "preparing the storyline list")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, u64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<u64>>(2)?,
                ))
            })
            .doing(&self.path, "listing storylines")?;
        let mut out: Vec<(StorylineInfo, Vec<u64>)> = Vec::new();
        for row in rows {
            let (id, name, story) = row.doing(&self.path, "listing storylines")?;
            match out.last_mut() {
                Some((line, stories)) if line.id == id => stories.extend(story),
                _ => out.push((StorylineInfo { id, name }, story.into_iter().collect())),
            }
        }
        Ok(out)
    }
}
