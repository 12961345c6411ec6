//! A local HTTP server and the small news site it serves, for the watcher's tests.

pub mod server;
pub mod site;
