//! A tiny HTTP server on 127.0.0.1 (an ephemeral port) for the watcher's tests: it answers from
//! a routing function and logs every request it sees. Shared with the CLI's watch tests.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The path and query.
    pub path: String,
    /// Which request to this path it is, from 1.
    pub nth: usize,
    /// Its `If-None-Match` header.
    pub if_none_match: Option<String>,
    /// Its `If-Modified-Since` header.
    pub if_modified_since: Option<String>,
    /// Its `User-Agent` header.
    pub user_agent: Option<String>,
    /// When it arrived.
    pub at: Instant,
}

/// What the routing function answers.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Extra headers.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// How long to wait before answering.
    pub delay: Duration,
}

impl Reply {
    /// `status` with `body` and no header.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    /// The same reply with one more header.
    pub fn header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_string()));
        self
    }

    /// The same reply, sent after `delay`.
    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// A running server; stops when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    server: Arc<tiny_http::Server>,
    hits: Arc<Mutex<Vec<Hit>>>,
}

impl Server {
    /// Starts a server answering every request with `route`, each on its own thread (so that a
    /// slow answer does not hold up the others).
    pub fn start(route: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("a local port"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let hits: Arc<Mutex<Vec<Hit>>> = Arc::default();
        let route = Arc::new(route);
        let (accept, log) = (Arc::clone(&server), Arc::clone(&hits));
        std::thread::spawn(move || {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for request in accept.incoming_requests() {
                let header = |name: &str| {
                    request
                        .headers()
                        .iter()
                        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                        .map(|h| h.value.as_str().to_string())
                };
                let path = request.url().to_string();
                let nth = counts.entry(path.clone()).or_default();
                *nth += 1;
                let hit = Hit {
                    nth: *nth,
                    if_none_match: header("If-None-Match"),
                    if_modified_since: header("If-Modified-Since"),
                    user_agent: header("User-Agent"),
                    at: Instant::now(),
                    path,
                };
                log.lock().expect("the log").push(hit.clone());
                let route = Arc::clone(&route);
                std::thread::spawn(move || {
                    let reply = route(&hit);
                    std::thread::sleep(reply.delay);
                    let mut response =
                        tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
                    for (name, value) in reply.headers {
                        let header =
                            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                                .expect("a valid header");
                        response.add_header(header);
                    }
                    // The client may have given up (timeouts): nothing to do about it.
                    let _ = request.respond(response);
                });
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}"),
            server,
            hits,
        }
    }

    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every request seen so far, in arrival order.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().expect("the log").clone()
    }

    /// The requests seen for `path`.
    pub fn hits_of(&self, path: &str) -> Vec<Hit> {
        self.hits().into_iter().filter(|h| h.path == path).collect()
    }

    /// Forgets the requests seen so far.
    pub fn clear(&self) {
        self.hits.lock().expect("the log").clear();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
    }
}
