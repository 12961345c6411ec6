//! The pair model: a linear function of the pair features, of their square roots (a
//! cosine's first shared words say more than its last ones), of the features again for
//! pairs of two languages (where cosines run lower) and of products of the main features
//! (two signals that agree say more than their sum), with weights fitted on
//! SemEval-2022 Task 8 training pairs by `crates/eval/examples/fit_semeval.rs` and read
//! from data/link/pair_weights.toml.
//!
//! When both articles have a sentence embedding (feature `embed`), a second model adds
//! inputs made of the embedding cosine; its weights are fitted on the same pairs and read
//! from data/link/pair_weights_embed.toml. Without embeddings the first model scores, as
//! if the second did not exist.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::features::{PairFeatures, FEATURE_COUNT, FEATURE_NAMES, SAME_LANGUAGE};

/// Number of model inputs without embedding: every feature, the square root of every
/// feature, every feature again when the two languages differ (0 when they are the same),
/// then the products.
pub const INPUT_COUNT: usize = 3 * FEATURE_COUNT + PRODUCT_COUNT;

/// Embedding cosine from which [`inputs`] count similarity: multilingual-e5 gives even
/// unrelated news articles a cosine of about 0.75 to 0.85, so the inputs rescale
/// [`EMBED_FLOOR`, 1] to [0, 1] (below the floor is 0).
pub const EMBED_FLOOR: f64 = 0.7;
/// Features multiplied by the rescaled embedding cosine: the lexical signals that a close
/// embedding makes more telling (shared names or wording of one event, not of one topic).
const EMBED_PRODUCTS: [&str; 4] = ["word_cosine", "lead_cosine", "name_cosine", "gram_cosine"];
/// Number of embedding inputs, after the [`INPUT_COUNT`] others: the rescaled cosine, its
/// square, the cosine again for pairs of two languages, then the [`EMBED_PRODUCTS`].
pub const EMBED_INPUT_COUNT: usize = 3 + EMBED_PRODUCTS.len();

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

/// The bundled weights, without and with the embedding inputs.
const BUNDLED: &str = include_str!("../../../../data/link/pair_weights.toml");
const BUNDLED_EMBEDDED: &str = include_str!("../../../../data/link/pair_weights_embed.toml");

/// The number of inputs of a model with or without the embedding inputs.
pub fn input_count(embedded: bool) -> usize {
    if embedded {
        INPUT_COUNT + EMBED_INPUT_COUNT
    } else {
        INPUT_COUNT
    }
}

/// The name of model input `i`: a feature name, `sqrt_` or `cross_` and a feature name, or
/// two feature names joined by `_x_`; from [`INPUT_COUNT`] on, the embedding inputs
/// (`embed_cosine`, `sq_embed_cosine`, `cross_embed_cosine`, `embed_cosine_x_…`).
pub fn input_name(i: usize) -> String {
    if i >= INPUT_COUNT {
        return match i - INPUT_COUNT {
            0 => "embed_cosine".to_string(),
            1 => "sq_embed_cosine".to_string(),
            2 => "cross_embed_cosine".to_string(),
            k => format!(
                "embed_cosine_x_{}",
                EMBED_PRODUCTS.get(k - 3).unwrap_or(&"")
            ),
        };
    }
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

/// The model inputs of one pair, in the order of [`input_name`]: [`INPUT_COUNT`] of them,
/// and [`EMBED_INPUT_COUNT`] more when the features have an embedding cosine.
pub fn inputs(f: &PairFeatures) -> Vec<f64> {
    let cross = f.values.get(SAME_LANGUAGE).is_some_and(|v| *v == 0.0);
    let mut x = vec![0.0; input_count(f.embed_cosine.is_some())];
    for (i, v) in f.values.iter().enumerate() {
        x[i] = *v;
        x[FEATURE_COUNT + i] = v.max(0.0).sqrt();
        x[2 * FEATURE_COUNT + i] = if cross { *v } else { 0.0 };
    }
    for (k, (a, b)) in products().enumerate() {
        x[3 * FEATURE_COUNT + k] = f.values[index(a)] * f.values[index(b)];
    }
    if let Some(cosine) = f.embed_cosine {
        let e = ((cosine - EMBED_FLOOR) / (1.0 - EMBED_FLOOR)).clamp(0.0, 1.0);
        x[INPUT_COUNT] = e;
        x[INPUT_COUNT + 1] = e * e;
        x[INPUT_COUNT + 2] = if cross { e } else { 0.0 };
        for (k, name) in EMBED_PRODUCTS.iter().enumerate() {
            x[INPUT_COUNT + 3 + k] = e * f.values[index(name)];
        }
    }
    x
}

/// A linear pair model.
#[derive(Debug, Clone, PartialEq)]
pub struct PairModel {
    /// Constant term.
    pub intercept: f64,
    /// One weight per input, in the order of [`input_name`]: [`input_count`] of them.
    pub weights: Vec<f64>,
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

    /// The bundled model with the embedding inputs, read once per process.
    pub fn bundled_embedded() -> &'static PairModel {
        static MODEL: OnceLock<PairModel> = OnceLock::new();
        MODEL.get_or_init(|| match PairModel::parse(BUNDLED_EMBEDDED) {
            Ok(m) => m,
            Err(e) => panic!("bundled data/link/pair_weights_embed.toml is invalid: {e}"),
        })
    }

    /// Reads a weights file; every input needs a weight and no other name may appear. A
    /// file with an `embed_cosine` weight is a model with the embedding inputs.
    pub fn parse(text: &str) -> Result<PairModel, String> {
        let file: WeightsFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let count = input_count(file.weights.contains_key("embed_cosine"));
        let mut weights = vec![0.0; count];
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
            .find(|k| !(0..count).any(|i| input_name(i) == **k))
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

    /// Whether the model has the embedding inputs.
    pub fn embedded(&self) -> bool {
        self.weights.len() > INPUT_COUNT
    }

    /// The predicted similarity: about 0 for unrelated articles, about 1 for reports of
    /// one event, clamped to [0, 1]. A model without embedding inputs ignores an embedding
    /// cosine; a model with them scores features without one by the bundled model without
    /// them (its other weights were fitted alongside the cosine and mean little alone).
    pub fn score(&self, f: &PairFeatures) -> f64 {
        if self.embedded() && f.embed_cosine.is_none() {
            return PairModel::bundled().score(f);
        }
        self.predict(&inputs(f))
    }

    /// The prediction for model inputs (see [`inputs`]), clamped to [0, 1]; inputs beyond
    /// the model's weights are ignored.
    pub fn predict(&self, x: &[f64]) -> f64 {
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
    fn bundled_models_are_without_and_with_the_embedding_inputs() {
        assert!(!PairModel::bundled().embedded());
        assert!(PairModel::bundled_embedded().embedded());
    }

    #[test]
    fn products_are_of_known_features_and_named_uniquely() {
        assert!(PRODUCT_FEATURES.iter().all(|p| FEATURE_NAMES.contains(p)));
        assert!(EMBED_PRODUCTS.iter().all(|p| FEATURE_NAMES.contains(p)));
        let count = input_count(true);
        let names: std::collections::HashSet<String> = (0..count).map(input_name).collect();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn the_embedding_cosine_adds_inputs_and_only_an_embedded_model_reads_them() {
        let lexical = PairModel::bundled();
        assert!(!lexical.embedded());
        let mut f = PairFeatures {
            values: [0.5; FEATURE_COUNT],
            embed_cosine: None,
        };
        let without = lexical.score(&f);
        assert_eq!(inputs(&f).len(), INPUT_COUNT);
        f.embed_cosine = Some(0.95);
        let x = inputs(&f);
        assert_eq!(x.len(), input_count(true));
        assert!((x[INPUT_COUNT] - (0.95 - EMBED_FLOOR) / (1.0 - EMBED_FLOOR)).abs() < 1e-12);
        assert_eq!(lexical.score(&f), without);
        // An embedded model that only weighs the cosine follows it, and falls back to the
        // lexical model when the cosine is missing.
        let mut weights = vec![0.0; input_count(true)];
        weights[INPUT_COUNT] = 1.0;
        let embedded = PairModel {
            intercept: 0.0,
            weights,
        };
        let again = PairModel::parse(&embedded.to_toml("")).unwrap_or_else(|e| panic!("{e}"));
        assert!(again.embedded());
        assert!((embedded.score(&f) - x[INPUT_COUNT]).abs() < 1e-12);
        f.embed_cosine = None;
        assert_eq!(embedded.score(&f), without);
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
