//! Publication dates as day numbers, for time windows between articles.

use chrono::NaiveDate;
use storyline_model::{Precision, Published};

/// Days since 1970-01-01 of a publication date, when it is known to the day or the month.
/// A month-precise date counts as the 15th (the month's middle), so that its error is at
/// most about 15 days either way; a year alone is too vague to place an event and gives None,
/// as do unknown or unparsable dates.
pub fn day_number(published: &Published) -> Option<i64> {
    let value = published.value.as_deref()?;
    let date = match published.precision {
        Precision::Day => NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?,
        Precision::Month => {
            NaiveDate::parse_from_str(&format!("{}-15", value.get(..7)?), "%Y-%m-%d").ok()?
        }
        Precision::Year | Precision::Unknown => return None,
    };
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((date - epoch).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(value: &str, precision: Precision) -> Published {
        Published {
            value: Some(value.to_string()),
            precision,
            from: "test".to_string(),
        }
    }

    #[test]
    fn day_and_month_precision_are_placed() {
        let d = day_number(&published("2023-10-25", Precision::Day));
        let m = day_number(&published("2023-10", Precision::Month));
        assert_eq!(d, Some(19655));
        assert_eq!(m.zip(d).map(|(m, d)| d - m), Some(10));
    }

    #[test]
    fn vague_or_bad_dates_are_unknown() {
        assert_eq!(day_number(&published("2023", Precision::Year)), None);
        assert_eq!(day_number(&published("2023-13-40", Precision::Day)), None);
        assert_eq!(day_number(&published("é", Precision::Day)), None);
        assert_eq!(day_number(&Published::default()), None);
    }
}
