//! The pair model: a linear function of the pair features, of their square roots (a
//! cosine's first shared words say more than its last ones), of the features again for
//! pairs of two languages (where cosines run lower) and of products of the main features
//! (two signals that agree say more than their sum), with weights fitted on
//! SemEval-2022 Task 8 training pairs by `crates/eval/examples/fit_semeval.rs` and read
//! from data/link/pair_weights.toml.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::features::{PairFeatures, FEATURE_COUNT, FEATURE_NAMES, SAME_LANGUAGE};

/// Number of model inputs: every feature, the square root of every feature, every feature
/// again when the two languages differ (0 when they are the same), then the products.
pub const INPUT_COUNT: usize = 3 * FEATURE_COUNT + PRODUCT_COUNT;

/// Features whose pairwise products are inputs: agreement of two signals says more than
/// either alone (a shared name in a shared vocabulary).
const PRODUCT_FEATURES: [&str; 8] = [
    "term_cosine",
    "place_cosine",
    "concept_cosine",
    "word_cosine",
    "lead_cosine",
    "name_cosine",
    "number_dice",
    "gram_cosine",
];
/// Number of products: every pair of [`PRODUCT_FEATURES`].
const PRODUCT_COUNT: usize = PRODUCT_FEATURES.len() * (PRODUCT_FEATURES.len() - 1) / 2;

/// The pairs of [`PRODUCT_FEATURES`] in input order.
fn products() -> impl Iterator<Item = (&'static str, &'static str)> {
    PRODUCT_FEATURES.iter().enumerate().flat_map(|(i, a)| {
        PRODUCT_FEATURES
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .map(move |b| (*a, *b))
    })
}

/// The bundled weights.
const BUNDLED: &str = include_str!("../../../../data/link/pair_weights.toml");

/// The name of model input `i`: a feature name, `sqrt_` or `cross_` and a feature name, or
/// two feature names joined by `_x_`.
pub fn input_name(i: usize) -> String {
    let name = FEATURE_NAMES[i % FEATURE_COUNT];
    match i / FEATURE_COUNT {
        0 => name.to_string(),
        1 => format!("sqrt_{name}"),
        2 => format!("cross_{name}"),
        _ => {
            let (x, y) = products().nth(i - 3 * FEATURE_COUNT).unwrap_or(("", ""));
            format!("{x}_x_{y}")
        }
    }
}

/// The position of a feature name in [`FEATURE_NAMES`] (every name of
/// [`PRODUCT_FEATURES`] is one, as a test checks).
fn index(name: &str) -> usize {
    FEATURE_NAMES.iter().position(|n| *n == name).unwrap_or(0)
}

/// The model inputs of one pair, in the order of [`input_name`].
pub fn inputs(f: &PairFeatures) -> [f64; INPUT_COUNT] {
    let cross = f.values.get(SAME_LANGUAGE).is_some_and(|v| *v == 0.0);
    let mut x = [0.0; INPUT_COUNT];
    for (i, v) in f.values.iter().enumerate() {
        x[i] = *v;
        x[FEATURE_COUNT + i] = v.max(0.0).sqrt();
        x[2 * FEATURE_COUNT + i] = if cross { *v } else { 0.0 };
    }
    for (k, (a, b)) in products().enumerate() {
        x[3 * FEATURE_COUNT + k] = f.values[index(a)] * f.values[index(b)];
    }
    x
}

/// A linear pair model.
#[derive(Debug, Clone, PartialEq)]
pub struct PairModel {
    /// Constant term.
    pub intercept: f64,
    /// One weight per input, in the order of [`input_name`].
    pub weights: [f64; INPUT_COUNT],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    intercept: f64,
    weights: FxHashMap<String, f64>,
}

impl PairModel {
    /// The bundled model, read once per process. The file is checked by the tests, so a
    /// failure here is a build defect, not bad input.
    pub fn bundled() -> &'static PairModel {
        static MODEL: OnceLock<PairModel> = OnceLock::new();
        MODEL.get_or_init(|| match PairModel::parse(BUNDLED) {
            Ok(m) => m,
            Err(e) => panic!("bundled data/link/pair_weights.toml is invalid: {e}"),
        })
    }

    /// Reads a weights file; every input needs a weight and no other name may appear.
    pub fn parse(text: &str) -> Result<PairModel, String> {
        let file: WeightsFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut weights = [0.0; INPUT_COUNT];
        for (i, w) in weights.iter_mut().enumerate() {
            let name = input_name(i);
            *w = *file
                .weights
                .get(&name)
                .ok_or_else(|| format!("no weight for {name}"))?;
        }
        if let Some(unknown) = file
            .weights
            .keys()
            .find(|k| !(0..INPUT_COUNT).any(|i| input_name(i) == **k))
        {
            return Err(format!("unknown input {unknown}"));
        }
        Ok(PairModel {
            intercept: file.intercept,
            weights,
        })
    }

    /// The weights file of this model, under a comment header.
    pub fn to_toml(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("intercept = {:.6}\n\n[weights]\n", self.intercept));
        for (i, w) in self.weights.iter().enumerate() {
            out.push_str(&format!("{} = {w:.6}\n", input_name(i)));
        }
        out
    }

    /// The predicted similarity: about 0 for unrelated articles, about 1 for reports of
    /// one event, clamped to [0, 1].
    pub fn score(&self, f: &PairFeatures) -> f64 {
        let x = inputs(f);
        let s: f64 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        (self.intercept + s).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_weights_parse_and_round_trip() {
        let m = PairModel::bundled();
        let again = PairModel::parse(&m.to_toml("header\nsecond line"));
        let again = again.unwrap_or_else(|e| panic!("{e}"));
        for (x, y) in m.weights.iter().zip(again.weights) {
            assert!((x - y).abs() < 1e-6);
        }
    }

    #[test]
    fn products_are_of_known_features_and_named_uniquely() {
        assert!(PRODUCT_FEATURES.iter().all(|p| FEATURE_NAMES.contains(p)));
        let names: std::collections::HashSet<String> = (0..INPUT_COUNT).map(input_name).collect();
        assert_eq!(names.len(), INPUT_COUNT);
    }

    #[test]
    fn missing_or_unknown_weights_are_errors() {
        let m = PairModel::bundled();
        let text = m.to_toml("");
        let missing = text.replace("\nterm_cosine =", "\n# term_cosine =");
        assert!(PairModel::parse(&missing).is_err_and(|e| e.contains("term_cosine")));
        let unknown = format!("{text}bogus = 1.0\n");
        assert!(PairModel::parse(&unknown).is_err_and(|e| e.contains("bogus")));
    }
}
