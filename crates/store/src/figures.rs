//! Stored figures across articles: the SQL side of `storyline figures`.
//!
//! The filters run in SQL over the `figures` table (joined with `articles`, `links` and
//! `entities`), so a store of tens of thousands of articles answers without parsing a single
//! analysis record. [`crate::series`] then groups the rows into series.

use serde::de::{value::StrDeserializer, IntoDeserializer};
use serde::Deserialize;
use storyline_model::{Figure, FigureKind, Span};

use crate::error::{Context, StoreError};
use crate::Store;

/// Which stored figures [`Store::figure_series`] considers. The default takes every counted
/// figure (deaths, wounded, hostages…; money, percentages and other numbers count no thing
/// that two articles can be shown to share, and are never in a series).
#[derive(Debug, Clone, Default)]
pub struct FigureFilter {
    /// Only this kind of count.
    pub what: Option<FigureKind>,
    /// Only counts about this place: a place of `data/compare/places.txt` ("Gaza", "Israël")
    /// keeps the series of that region and the regions inside it; any other text keeps the
    /// figures whose `where` contains it (case-insensitively).
    pub place: Option<String>,
    /// Only figures of articles naming this entity: its key (`loc:gaza`) or its text, any case.
    pub entity: Option<String>,
    /// Only figures with this source key (`org:gaza-health-ministry`), any case.
    pub source_key: Option<String>,
    /// Only figures dated (as-of date, else publication date) on or after this ISO date,
    /// compared as text.
    pub since: Option<String>,
    /// Only figures of the articles of this story.
    pub story: Option<u64>,
}

/// The article a stored figure comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FigureArticle {
    /// Article id.
    pub(crate) id: String,
    /// Outlet.
    pub(crate) outlet: Option<String>,
    /// Publication date, ISO truncated to its precision.
    pub(crate) published: Option<String>,
}

/// One stored figure with its article, and the figure it is a part of, if any.
#[derive(Debug, Clone)]
pub(crate) struct StoredFigure {
    /// Where it was published.
    pub(crate) article: FigureArticle,
    /// The figure (its span is not stored and reads as empty).
    pub(crate) figure: Figure,
    /// The whole it is a part of ("dont 2 913 enfants" of a toll): a part is counted where its
    /// whole is, on its whole's authority, when it does not say otherwise.
    pub(crate) whole: Option<Figure>,
}

/// `?1` what, `?2` place text, `?3` source key, `?4` since, `?5` story, `?6` entity as given,
/// `?7` entity lower-cased. The whole of a part is read in the same pass (`w`).
const FIGURES: &str = "
    SELECT a.id, a.outlet, a.published,
           f.value, f.low, f.high, f.qualifier, f.what, f.unit, f.who, f.place, f.source,
           f.source_key, f.as_of, f.part_of,
           w.value, w.low, w.high, w.qualifier, w.what, w.unit, w.who, w.place, w.source,
           w.source_key, w.as_of
    FROM figures f
    JOIN articles a ON a.num = f.article
    LEFT JOIN figures w ON w.article = f.article AND w.idx = f.part_of
    WHERE (?1 IS NULL OR f.what = ?1)
      AND (?2 IS NULL OR instr(lower(f.place), lower(?2)) > 0)
      AND (?3 IS NULL OR coalesce(f.source_key, w.source_key) = ?3 COLLATE NOCASE)
      AND (?4 IS NULL OR coalesce(f.as_of, a.published) >= ?4)
      AND (?5 IS NULL OR a.id IN (SELECT article_id FROM links WHERE story = ?5))
      AND (?6 IS NULL OR f.article IN (SELECT article FROM entities
                                       WHERE key IN (?6, ?7) OR norm = ?7))
    ORDER BY f.article, f.idx";

impl Store {
    /// The stored figures that pass `filter`, `place_text` being the text filter on `where`
    /// (the region filter is applied to whole series, see [`crate::series`]).
    pub(crate) fn stored_figures(
        &self,
        filter: &FigureFilter,
        place_text: Option<&str>,
    ) -> Result<Vec<StoredFigure>, StoreError> {
        let entity_lower = filter.entity.as_ref().map(|e| e.to_lowercase());
        let mut stmt = self
            .conn
            .prepare_cached(FIGURES)
            .doing(&self.path, "preparing the figure query")?;
        let mut rows = stmt
            .query(rusqlite::params![
                filter.what.map(FigureKind::as_str),
                place_text,
                filter.source_key,
                filter.since,
                filter.story,
                filter.entity,
                entity_lower,
            ])
            .doing(&self.path, "querying figures")?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().doing(&self.path, "reading figures")? {
            let raw = RawRow::from_row(row).doing(&self.path, "reading figures")?;
            out.push(raw.parse(self)?);
        }
        Ok(out)
    }
}

/// The text columns of one figure, before its names are parsed.
struct RawFigure {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Option<String>,
    what: Option<String>,
    unit: Option<String>,
    who: Option<String>,
    place: Option<String>,
    source: Option<String>,
    source_key: Option<String>,
    as_of: Option<String>,
    part_of: Option<i64>,
}

impl RawFigure {
    /// Reads the columns from `first` on; `part_of` is read only for the figure itself.
    fn read(r: &rusqlite::Row<'_>, first: usize, with_part: bool) -> rusqlite::Result<Self> {
        Ok(RawFigure {
            value: r.get(first)?,
            low: r.get(first + 1)?,
            high: r.get(first + 2)?,
            qualifier: r.get(first + 3)?,
            what: r.get(first + 4)?,
            unit: r.get(first + 5)?,
            who: r.get(first + 6)?,
            place: r.get(first + 7)?,
            source: r.get(first + 8)?,
            source_key: r.get(first + 9)?,
            as_of: r.get(first + 10)?,
            part_of: if with_part { r.get(first + 11)? } else { None },
        })
    }

    /// The model figure; `None` when the row is absent (the whole of a figure that has none).
    fn parse(self, store: &Store, article: &str) -> Result<Option<Figure>, StoreError> {
        let (Some(value), Some(qualifier), Some(what)) = (self.value, self.qualifier, self.what)
        else {
            return Ok(None);
        };
        let bad = |column: &str, v: &str| StoreError::Input {
            path: store.path.clone(),
            reason: format!("article {article}: a figure has an unknown {column} {v:?}"),
        };
        Ok(Some(Figure {
            value,
            low: self.low,
            high: self.high,
            qualifier: parse_name(&qualifier).ok_or_else(|| bad("qualifier", &qualifier))?,
            what: parse_name(&what).ok_or_else(|| bad("kind", &what))?,
            unit: self.unit,
            who: self.who,
            place: self.place,
            source: self.source,
            source_key: self.source_key,
            as_of: self.as_of,
            part_of: self.part_of.and_then(|p| usize::try_from(p).ok()),
            span: Span::new(0, 0),
        }))
    }
}

/// One result row: the article, the figure, its whole.
struct RawRow {
    article: FigureArticle,
    figure: RawFigure,
    whole: RawFigure,
}

impl RawRow {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawRow {
            article: FigureArticle {
                id: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
            },
            figure: RawFigure::read(r, 3, true)?,
            whole: RawFigure::read(r, 15, false)?,
        })
    }

    fn parse(self, store: &Store) -> Result<StoredFigure, StoreError> {
        let id = self.article.id.as_str();
        let figure = self
            .figure
            .parse(store, id)?
            .ok_or_else(|| StoreError::Input {
                path: store.path.clone(),
                reason: format!("article {id}: a figure row lacks its value, qualifier or kind"),
            })?;
        let whole = self.whole.parse(store, id)?;
        Ok(StoredFigure {
            article: self.article,
            figure,
            whole,
        })
    }
}

/// A model enum from its stored name (the serde name, see `names`).
fn parse_name<T: for<'de> Deserialize<'de>>(name: &str) -> Option<T> {
    let de: StrDeserializer<'_, serde::de::value::Error> = name.into_deserializer();
    T::deserialize(de).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Qualifier;

    #[test]
    fn stored_names_parse_back() {
        assert_eq!(parse_name("more_than"), Some(Qualifier::MoreThan));
        assert_eq!(parse_name("killed"), Some(FigureKind::Killed));
        assert_eq!(parse_name::<Qualifier>("lots"), None);
    }
}
