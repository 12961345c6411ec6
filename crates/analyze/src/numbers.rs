//! Number parsing: STUB, being written (issue 2).
