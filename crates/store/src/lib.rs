//! Stage 5, store: one SQLite file. STUB: the API is being written (issue 2).
