//! What the fetcher remembers of each host: when it may be asked again, and its robots.txt.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use texting_robots::Robot;

/// The longest `Crawl-delay` honoured: a robots.txt asking for an hour between requests would
/// otherwise stall a whole round.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// How long a robots.txt is trusted before it is read again (the REP draft, RFC 9309, says
/// crawlers should not use a cached copy for more than 24 hours).
const ROBOTS_FRESH: Duration = Duration::from_secs(24 * 60 * 60);

/// How long an unreachable robots.txt keeps its host closed before it is tried again.
const ROBOTS_RETRY: Duration = Duration::from_secs(10 * 60);

/// What a host's robots.txt allows us.
pub(crate) enum Rules {
    /// No robots.txt (a 4xx answer): everything is allowed (RFC 9309, 2.3.1.3).
    AllowAll,
    /// The robots.txt could not be read (5xx, timeout, no connection): nothing is allowed until
    /// it can be (RFC 9309, 2.3.1.4).
    Unreachable(String),
    /// The rules of the group that matches our agent.
    Parsed(Robot),
}

impl Rules {
    /// Why `url` may not be fetched, or `None` when it may.
    pub fn refusal(&self, url: &str) -> Option<String> {
        match self {
            Rules::AllowAll => None,
            Rules::Unreachable(reason) => Some(format!("robots.txt unreachable: {reason}")),
            Rules::Parsed(robot) => {
                (!robot.allowed(url)).then(|| "disallowed by robots.txt".into())
            }
        }
    }
}

/// One host's state.
#[derive(Default)]
struct Host {
    /// The earliest time of the next request.
    next: Option<Instant>,
    /// Its robots.txt rules and when they were read.
    robots: Option<(Rules, Instant)>,
}

/// The state of every host met so far, keyed by origin (`scheme://host:port`).
pub(crate) struct Hosts {
    /// The least time between two requests to one host.
    delay: Duration,
    hosts: HashMap<String, Host>,
}

impl Hosts {
    /// No host known yet; `delay` between two requests to one host.
    pub fn new(delay: Duration) -> Self {
        Hosts {
            delay,
            hosts: HashMap::new(),
        }
    }

    /// Blocks until a request to `origin` is allowed, then books the next slot. A robots.txt
    /// `Crawl-delay` longer than ours is honoured, up to [`MAX_CRAWL_DELAY`].
    pub fn wait_turn(&mut self, origin: &str) {
        let host = self.hosts.entry(origin.to_string()).or_default();
        if let Some(next) = host.next {
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        let crawl_delay = match &host.robots {
            Some((Rules::Parsed(robot), _)) => robot
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d).min(MAX_CRAWL_DELAY)),
            _ => None,
        };
        host.next = Some(Instant::now() + crawl_delay.unwrap_or_default().max(self.delay));
    }

    /// The robots.txt rules of `origin` while they are fresh.
    pub fn rules(&self, origin: &str) -> Option<&Rules> {
        let (rules, read) = self.hosts.get(origin)?.robots.as_ref()?;
        let fresh = match rules {
            Rules::Unreachable(_) => ROBOTS_RETRY,
            _ => ROBOTS_FRESH,
        };
        (read.elapsed() < fresh).then_some(rules)
    }

    /// Keeps the robots.txt rules of `origin`.
    pub fn set_rules(&mut self, origin: &str, rules: Rules) {
        self.hosts.entry(origin.to_string()).or_default().robots = Some((rules, Instant::now()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_to_one_host_are_spaced() {
        let delay = Duration::from_millis(60);
        let mut hosts = Hosts::new(delay);
        let start = Instant::now();
        hosts.wait_turn("http://a:80");
        hosts.wait_turn("http://b:80");
        assert!(start.elapsed() < delay, "a second host does not wait");
        hosts.wait_turn("http://a:80");
        hosts.wait_turn("http://a:80");
        assert!(start.elapsed() >= delay * 2, "{:?}", start.elapsed());
    }

    #[test]
    fn crawl_delay_lengthens_the_wait() {
        let mut hosts = Hosts::new(Duration::from_millis(1));
        let robot = Robot::new("storyline", b"User-agent: *\nCrawl-delay: 0.1\n");
        let Ok(robot) = robot else {
            panic!("robots.txt parses")
        };
        hosts.set_rules("http://a:80", Rules::Parsed(robot));
        let start = Instant::now();
        hosts.wait_turn("http://a:80");
        hosts.wait_turn("http://a:80");
        assert!(start.elapsed() >= Duration::from_millis(100));
    }
}
