//! storyline-eval (being written).
