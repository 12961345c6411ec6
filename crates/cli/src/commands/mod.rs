//! One module per subcommand.

pub mod analyze;
pub mod bench;
pub mod compare;
pub mod demo;
pub mod eval;
pub mod figures;
pub mod ingest;
pub mod search;
pub mod stories;
pub mod watch;
