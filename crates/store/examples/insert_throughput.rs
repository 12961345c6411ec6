//! Measures the store on synthetic data: inserting 10,000 article+analysis pairs in batches of
//! 500 into a file, streaming them back, saving links and listing stories, searching.
//!
//! `cargo run --release -p storyline-store --example insert_throughput [count] [db file to keep]`

use std::error::Error;
use std::time::Instant;

use storyline_link::{LinkResult, StoryInfo, StorylineInfo};
use storyline_model::{
    Analysis, Article, Entity, EntityType, Figure, FigureKind, FramingMark, LinkIds, Precision,
    Published, Qualifier, Quote, QuoteKind, Span, TimeExpr,
};
use storyline_store::{Store, StoryFilter};

const BATCH: usize = 500;
const WORDS: &[&str] = &[
    "délégation",
    "Hamas",
    "Moscou",
    "ministre",
    "cessez-le-feu",
    "Gaza",
    "otages",
    "diplomatie",
    "visite",
    "russe",
    "palestinien",
    "bureau",
    "politique",
    "réunion",
    "accord",
    "conflit",
    "humanitaire",
    "aide",
    "frontière",
    "négociation",
    "armée",
    "civils",
    "déclaration",
    "président",
];

/// A small deterministic generator, so runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn word(&mut self) -> &'static str {
        WORDS
            .get(self.next() % WORDS.len())
            .copied()
            .unwrap_or("mot")
    }
}

/// About the size of a real news article: 5 paragraphs of ~500 bytes and a full analysis.
fn pair(i: usize, rng: &mut Lcg) -> (Article, Analysis) {
    let paragraphs: Vec<String> = (0..5)
        .map(|_| (0..60).map(|_| rng.word()).collect::<Vec<_>>().join(" ") + ".")
        .collect();
    let text = paragraphs.join("\n\n");
    let date = format!("20{:02}-{:02}-{:02}", 11 + i % 13, 1 + i % 12, 1 + i % 28);
    let published = Published {
        value: Some(date),
        precision: Precision::Day,
        from: "header".into(),
    };
    let span = |k: usize| Span::new(k * 40, k * 40 + 12);
    let article = Article {
        // Hex like real article ids (hashes), so inserts land at random places in the indexes.
        id: format!(
            "{:016x}",
            (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ),
        url: Some(format!("https://example.org/{i}")),
        outlet: Some(format!("Outlet {}", i % 40)),
        title: Some(format!("{} {} {} {i}", rng.word(), rng.word(), rng.word())),
        author: None,
        published: published.clone(),
        dateline: Some("Moscou".into()),
        lang: Some("fr".into()),
        paragraphs,
        origin: format!("synthetic.jsonl:{i}"),
    };
    let kinds = [
        EntityType::PER,
        EntityType::ORG,
        EntityType::LOC,
        EntityType::MISC,
    ];
    let analysis = Analysis {
        id: article.id.clone(),
        url: article.url.clone(),
        outlet: article.outlet.clone(),
        title: article.title.clone(),
        lang: "fr".into(),
        published,
        dateline: article.dateline.clone(),
        sentences: (0..30).map(|k| Span::new(k * 80, k * 80 + 79)).collect(),
        entities: (0..25)
            .map(|k| Entity {
                text: format!("Entité {}", rng.next() % 500),
                kind: kinds.get(k % 4).copied().unwrap_or(EntityType::MISC),
                key: format!("org:entity-{}", rng.next() % 500),
                spans: vec![span(k), span(k + 1)],
            })
            .collect(),
        times: (0..8)
            .map(|k| TimeExpr {
                text: "mercredi".into(),
                value: Some("2023-10-25".into()),
                precision: Precision::Day,
                why: None,
                span: span(k),
            })
            .collect(),
        figures: (0..5)
            .map(|k| Figure {
                value: (rng.next() % 10_000) as f64,
                low: None,
                high: None,
                qualifier: Qualifier::AtLeast,
                what: FigureKind::Killed,
                unit: None,
                who: Some("civils".into()),
                place: Some("Gaza".into()),
                source: Some("selon le ministère de la Santé".into()),
                source_key: Some("org:gaza-health-ministry".into()),
                as_of: None,
                part_of: None,
                span: span(k),
            })
            .collect(),
        quotes: (0..3)
            .map(|k| Quote {
                text: "nous appelons à un cessez-le-feu immédiat".into(),
                speaker: Some("le ministre".into()),
                speaker_key: None,
                kind: QuoteKind::Direct,
                as_of: None,
                span: span(k),
            })
            .collect(),
        framing: (0..4)
            .map(|k| FramingMark {
                term: "martyrs".into(),
                lemma: "martyr".into(),
                category: "religious-martyrdom-term".into(),
                span: span(k),
            })
            .collect(),
        terms: (0..120)
            .map(|k| (format!("{}{k}", rng.word()), (k % 4 + 1) as u32))
            .collect(),
        fingerprint: (0..128).map(|_| rng.next() as u32).collect(),
        missing: Vec::new(),
        text,
    };
    (article, analysis)
}

/// CPU seconds (user + system) this process has used, from /proc on Linux: on a shared machine
/// wall time measures the neighbours as much as the store.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    // Clock ticks are 100 per second on Linux.
    Some((user + system) / 100.0)
}

fn main() -> Result<(), Box<dyn Error>> {
    let count: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(10_000);
    let mut rng = Lcg(42);
    let items: Vec<(Article, Analysis)> = (0..count).map(|i| pair(i, &mut rng)).collect();
    let dir = tempfile::tempdir()?;
    let path = std::env::args()
        .nth(2)
        .map_or_else(|| dir.path().join("bench.db"), Into::into);
    let mut store = Store::open(&path)?;

    let t = Instant::now();
    let cpu = cpu_seconds();
    for batch in items.chunks(BATCH) {
        store.insert_batch(batch)?;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "insert: {count} articles in {secs:.2} s = {:.0} articles/s (batches of {BATCH})",
        count as f64 / secs
    );
    if let (Some(start), Some(end)) = (cpu, cpu_seconds()) {
        let cpu = end - start;
        println!(
            "insert CPU: {cpu:.2} s = {:.0} articles per CPU second",
            count as f64 / cpu
        );
    }
    let size = std::fs::metadata(&path)?.len()
        + std::fs::metadata(path.with_extension("db-wal")).map_or(0, |m| m.len());
    println!(
        "file: {:.1} MB ({:.1} KB per article, with WAL)",
        size as f64 / 1e6,
        size as f64 / 1e3 / count as f64
    );

    let t = Instant::now();
    let again = store.insert_batch(items.get(..BATCH).unwrap_or(&[]))?;
    println!(
        "re-insert of {} duplicates: {:.3} s",
        again.len(),
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let cpu = cpu_seconds();
    let mut n = 0usize;
    store.for_each_analysis(|_| {
        n += 1;
        Ok(())
    })?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "for_each_analysis: {n} in {secs:.2} s = {:.0} analyses/s",
        n as f64 / secs
    );
    if let (Some(start), Some(end)) = (cpu, cpu_seconds()) {
        println!("for_each_analysis CPU: {:.2} s", end - start);
    }

    let stories = count / 5;
    let links = LinkResult {
        assignments: items
            .iter()
            .enumerate()
            .map(|(i, (a, _))| {
                let story = (i % stories.max(1)) as u64;
                (
                    a.id.clone(),
                    LinkIds {
                        duplicate_of: None,
                        story,
                        storyline: story / 10,
                    },
                )
            })
            .collect(),
        stories: (0..stories as u64)
            .map(|id| StoryInfo {
                id,
                storyline: id / 10,
                label: format!("story {id}"),
            })
            .collect(),
        storylines: (0..(stories as u64).div_ceil(10))
            .map(|id| StorylineInfo {
                id,
                name: format!("line {id}"),
            })
            .collect(),
    };
    let t = Instant::now();
    store.save_links(&links)?;
    println!(
        "save_links: {count} assignments in {:.3} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let all = store.stories(&StoryFilter::default())?;
    println!(
        "stories(): {} stories in {:.3} s",
        all.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let some = store.stories(&StoryFilter {
        entity: Some("org:entity-7".into()),
        limit: Some(20),
        ..Default::default()
    })?;
    println!(
        "stories(entity, limit 20): {} in {:.3} s",
        some.len(),
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let hits = store.search(&["hamas3".to_string(), "gaza7".to_string()], 20)?;
    println!(
        "search: {} hits in {:.4} s",
        hits.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
