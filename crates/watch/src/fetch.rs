//! Polite HTTP GET: robots.txt, per-host delay, conditional requests, timeouts, retries.

use std::time::Duration;

use texting_robots::Robot;
use ureq::http::{header, StatusCode};
use ureq::{Agent, ResponseExt};
use url::Url;

use crate::hosts::{Hosts, Rules};
use crate::{Config, WatchError};

/// The longest `Retry-After` honoured, so that one server cannot stall a round for hours.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(120);

/// Redirects followed before giving up (RFC 9309 asks crawlers to follow at least five for
/// robots.txt; pages get the same).
const MAX_REDIRECTS: usize = 5;

/// The validators of a previous answer, sent back so that the server may answer 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back verbatim as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A successful GET.
#[derive(Debug)]
pub enum Fetched {
    /// A 2xx answer.
    Body {
        /// The body, at most [`Config::max_bytes`].
        bytes: Vec<u8>,
        /// The URL that answered, after redirects.
        url: String,
        /// Its validators, for the next conditional request.
        validators: Validators,
        /// Its `Content-Type` header, whose charset decodes the page.
        content_type: Option<String>,
    },
    /// 304: unchanged since the validators sent.
    NotModified,
}

/// A GET that gave nothing usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct FetchError {
    /// Why, in a few words ("HTTP 404 Not Found", "timed out after 30s (4 attempts)").
    pub reason: String,
    /// Whether asking again later is pointless (4xx, robots.txt, an invalid URL), as opposed to
    /// a failure that may pass (5xx, timeouts, broken connections after every retry).
    pub permanent: bool,
}

impl FetchError {
    fn permanent(reason: impl Into<String>) -> Self {
        FetchError {
            reason: reason.into(),
            permanent: true,
        }
    }
}

/// What one exchange gave, before redirects are followed.
enum Answer {
    /// A body or a 304.
    Final(Fetched),
    /// A 3xx: its `Location`, as written.
    Redirect(String),
}

/// The outcome of one attempt.
enum Attempt {
    /// Final: an answer or a failure not worth retrying.
    Done(Result<Answer, FetchError>),
    /// Worth retrying: the reason, and the wait the server asked for (`Retry-After`).
    Again(String, Option<Duration>),
}

/// A blocking HTTP client that keeps per-host politeness state across requests.
pub struct Fetcher {
    agent: Agent,
    config: Config,
    /// The product token matched against robots.txt `User-agent` lines.
    robots_agent: String,
    hosts: Hosts,
}

impl Fetcher {
    /// A client with `config`'s user agent, timeout and delays.
    pub fn new(config: Config) -> Result<Fetcher, WatchError> {
        if config.user_agent.trim().is_empty() {
            return Err(WatchError::Client("the user agent is empty".into()));
        }
        let agent: Agent = Agent::config_builder()
            .user_agent(config.user_agent.as_str())
            .timeout_global(Some(config.timeout))
            // Redirects are followed here, so that each hop obeys its host's robots.txt and delay.
            .max_redirects(0)
            // 4xx and 5xx are answers to read (retry or report), not transport errors.
            .http_status_as_error(false)
            .build()
            .into();
        let robots_agent = config
            .user_agent
            .split(['/', ' '])
            .next()
            .unwrap_or("storyline")
            .to_string();
        Ok(Fetcher {
            agent,
            hosts: Hosts::new(config.per_host_delay),
            robots_agent,
            config,
        })
    }

    /// GETs `url` if its host's robots.txt allows it, sending `validators` as a conditional
    /// request. Waits for the host's turn before each attempt, retries transient failures and
    /// follows redirects, each hop under the same rules.
    pub fn get(&mut self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        self.follow(url, validators, true)
    }

    /// [`Fetcher::get`], with or without the robots.txt check (robots.txt itself is not
    /// subject to it).
    fn follow(
        &mut self,
        url: &str,
        validators: &Validators,
        obey_robots: bool,
    ) -> Result<Fetched, FetchError> {
        let mut current = Url::parse(url)
            .ok()
            .filter(is_http)
            .ok_or_else(|| FetchError::permanent(format!("not an http(s) URL: {url}")))?;
        for _ in 0..=MAX_REDIRECTS {
            let origin = current.origin().ascii_serialization();
            if obey_robots {
                self.check_robots(&current, &origin)?;
            }
            match self.get_with_retries(current.as_str(), &origin, validators)? {
                Answer::Final(fetched) => return Ok(fetched),
                Answer::Redirect(location) => {
                    current = current
                        .join(&location)
                        .ok()
                        .filter(is_http)
                        .ok_or_else(|| {
                            FetchError::permanent(format!("redirected to {location:?}"))
                        })?;
                }
            }
        }
        Err(FetchError::permanent(format!(
            "more than {MAX_REDIRECTS} redirects"
        )))
    }

    /// Refuses `url` when its host's robots.txt (read first if need be) does not allow it.
    fn check_robots(&mut self, url: &Url, origin: &str) -> Result<(), FetchError> {
        if self.hosts.rules(origin).is_none() {
            let rules = self.read_robots(origin);
            self.hosts.set_rules(origin, rules);
        }
        match self
            .hosts
            .rules(origin)
            .and_then(|rules| rules.refusal(url.as_str()))
        {
            Some(refusal) => Err(FetchError::permanent(refusal)),
            None => Ok(()),
        }
    }

    /// Reads and parses the robots.txt of `origin` (RFC 9309: a 4xx means no rules, a failure
    /// to reach it means no access).
    fn read_robots(&mut self, origin: &str) -> Rules {
        let url = format!("{origin}/robots.txt");
        match self.follow(&url, &Validators::default(), false) {
            Ok(Fetched::Body { bytes, .. }) => match Robot::new(&self.robots_agent, &bytes) {
                Ok(robot) => Rules::Parsed(robot),
                // Unparseable rules say nothing we can follow: treat them as absent.
                Err(_) => Rules::AllowAll,
            },
            Ok(Fetched::NotModified) => Rules::AllowAll,
            Err(e) if e.permanent => Rules::AllowAll,
            Err(e) => Rules::Unreachable(e.reason),
        }
    }

    /// GETs `url` until it succeeds, fails for good, or the retries are spent; the waits
    /// double from [`Config::backoff`] (or follow a longer `Retry-After`).
    fn get_with_retries(
        &mut self,
        url: &str,
        origin: &str,
        validators: &Validators,
    ) -> Result<Answer, FetchError> {
        let mut attempts = 0u32;
        loop {
            self.hosts.wait_turn(origin);
            attempts += 1;
            let (reason, asked) = match self.attempt(url, validators) {
                Attempt::Done(result) => return result,
                Attempt::Again(reason, asked) => (reason, asked),
            };
            if attempts > self.config.retries {
                let tries = if attempts == 1 { "attempt" } else { "attempts" };
                return Err(FetchError {
                    reason: format!("{reason} ({attempts} {tries})"),
                    permanent: false,
                });
            }
            let backoff = self
                .config
                .backoff
                .saturating_mul(1 << (attempts - 1).min(16));
            std::thread::sleep(backoff.max(asked.unwrap_or_default()));
        }
    }

    /// One request.
    fn attempt(&self, url: &str, validators: &Validators) -> Attempt {
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, date);
        }
        let mut response = match request.call() {
            Ok(response) => response,
            Err(e) => return self.transport_failure(e),
        };
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Attempt::Done(Ok(Answer::Final(Fetched::NotModified)));
        }
        if status.is_redirection() {
            let location = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(|v| Answer::Redirect(v.to_string()))
                .ok_or_else(|| {
                    FetchError::permanent(format!("{} without a Location", status_text(status)))
                });
            return Attempt::Done(location);
        }
        if status.is_server_error() {
            let asked = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(|s| Duration::from_secs(s).min(MAX_RETRY_AFTER));
            return Attempt::Again(status_text(status), asked);
        }
        if !status.is_success() {
            return Attempt::Done(Err(FetchError::permanent(status_text(status))));
        }
        let header_text = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header_text(header::ETAG),
            last_modified: header_text(header::LAST_MODIFIED),
        };
        let content_type = header_text(header::CONTENT_TYPE);
        let answered = response.get_uri().to_string();
        match response
            .body_mut()
            .with_config()
            .limit(self.config.max_bytes)
            .read_to_vec()
        {
            Ok(bytes) => Attempt::Done(Ok(Answer::Final(Fetched::Body {
                bytes,
                url: answered,
                validators,
                content_type,
            }))),
            Err(e) => self.transport_failure(e),
        }
    }

    /// Sorts a transport error into retry-worthy (timeouts, broken connections) or final.
    fn transport_failure(&self, e: ureq::Error) -> Attempt {
        match e {
            ureq::Error::Timeout(_) => Attempt::Again(
                format!(
                    "timed out after {}",
                    humantime::format_duration(self.config.timeout)
                ),
                None,
            ),
            ureq::Error::Io(e) => Attempt::Again(format!("connection failed: {e}"), None),
            ureq::Error::ConnectionFailed => Attempt::Again("connection failed".into(), None),
            ureq::Error::HostNotFound => Attempt::Again("host not found".into(), None),
            ureq::Error::BodyExceedsLimit(limit) => Attempt::Done(Err(FetchError::permanent(
                format!("larger than the limit of {limit} bytes"),
            ))),
            other => Attempt::Done(Err(FetchError::permanent(other.to_string()))),
        }
    }
}

/// Whether `url` can be fetched by this client.
fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// `HTTP 404 Not Found`.
fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("HTTP {} {reason}", status.as_u16()),
        None => format!("HTTP {}", status.as_u16()),
    }
}
