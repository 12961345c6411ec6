//! The page as a flat, pre-ordered index of its nodes, with what main-text choice needs:
//! which subtrees are boilerplate (non-content tags, hidden elements, boilerplate class or id),
//! and for each node the length of its visible text, of its link text, and its commas.
//!
//! Everything here iterates (`traverse` and index ranges), never recurses: a page nested
//! 10,000 deep must not overflow the stack.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::patterns::patterns;

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "option",
    "label",
    "menu",
    "dialog",
    "object",
    "embed",
    "canvas",
    "map",
    "head",
    "title",
    "figure",
    "figcaption",
    "picture",
];

/// Elements that end a paragraph: their text never runs into their neighbours'.
pub const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "caption",
    "figure",
    "figcaption",
    "pre",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "form",
    "body",
    "html",
];

/// One node of the index.
pub struct Info<'a> {
    /// The node in the parsed tree.
    pub node: NodeRef<'a, Node>,
    /// Index of the parent, `None` for the document.
    pub parent: Option<usize>,
    /// One past the index of the last node of this subtree.
    pub end: usize,
    /// Whether this node or an ancestor is boilerplate.
    pub removed: bool,
    /// Bytes of visible text in the subtree (text nodes trimmed), removed parts left out.
    pub text: usize,
    /// Of which inside links.
    pub link_text: usize,
    /// Of which outside block elements below (a paragraph written without `<p>`).
    pub inline_text: usize,
    /// Commas in that text.
    pub commas: usize,
    /// Whether a block element (not removed) lies below.
    pub block_inside: bool,
}

impl Info<'_> {
    /// The element name, `""` for other nodes.
    pub fn name(&self) -> &str {
        self.node.value().as_element().map_or("", |e| e.name())
    }

    /// Share of the text that is link text.
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link_text as f64 / self.text as f64
        }
    }
}

/// Builds the index of a parsed page. With `by_class`, elements are also dropped for a
/// boilerplate class or id; without, only for their tag and visibility (the second try when
/// class names hid the text, as readability retries without its "unlikely" rule).
pub fn index(page: &Html, by_class: bool) -> Vec<Info<'_>> {
    let mut nodes: Vec<Info> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let parent = open.last().copied();
                let removed = parent.is_some_and(|p| nodes[p].removed) || dropped(node, by_class);
                // Removed text is never counted, and scripts hold most of a page's text.
                let (text, commas) = match node.value() {
                    Node::Text(t) if !removed => {
                        (t.trim().len(), t.matches([',', '，', '،']).count())
                    }
                    _ => (0, 0),
                };
                open.push(nodes.len());
                nodes.push(Info {
                    node,
                    parent,
                    end: 0,
                    removed,
                    text,
                    link_text: 0,
                    inline_text: text,
                    commas,
                    block_inside: false,
                });
            }
            Edge::Close(_) => {
                let Some(i) = open.pop() else { continue };
                nodes[i].end = nodes.len();
                if nodes[i].name() == "a" {
                    nodes[i].link_text = nodes[i].text;
                }
                let (Some(p), false) = (nodes[i].parent, nodes[i].removed) else {
                    continue;
                };
                let block = BLOCKS.contains(&nodes[i].name()) || nodes[i].block_inside;
                let (text, link_text, commas) =
                    (nodes[i].text, nodes[i].link_text, nodes[i].commas);
                let inline_text = if block { 0 } else { nodes[i].inline_text };
                let parent = &mut nodes[p];
                parent.text += text;
                parent.inline_text += inline_text;
                parent.link_text += link_text;
                parent.commas += commas;
                parent.block_inside |= block;
            }
        }
    }
    nodes
}

/// Whether an element is boilerplate by its tag, its visibility or its class and id.
fn dropped(node: NodeRef<'_, Node>, by_class: bool) -> bool {
    let Some(e) = node.value().as_element() else {
        return matches!(
            node.value(),
            Node::Comment(_) | Node::ProcessingInstruction(_)
        );
    };
    if DROPPED.contains(&e.name()) {
        return true;
    }
    let hidden_style = e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    if e.attr("hidden").is_some() || hidden_style || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if !by_class || matches!(e.name(), "body" | "html" | "article" | "main") {
        return false;
    }
    let names: Vec<&str> = e.classes().chain(e.id()).collect();
    !names.is_empty() && patterns().is_boilerplate(&names)
}

/// A paragraph of output with the length of its link text.
pub struct Paragraph {
    /// The text, whitespace runs collapsed.
    pub text: String,
    /// Bytes of it inside links.
    pub link_text: usize,
}

/// The paragraphs of the subtree at `root`: each block element and each `<br>` ends one;
/// boilerplate subtrees and `<h1>` (the headline) are left out.
pub fn paragraphs(nodes: &[Info], root: usize, out: &mut Vec<Paragraph>) {
    let end = nodes.get(root).map_or(root, |n| n.end);
    let mut current = Paragraph {
        text: String::new(),
        link_text: 0,
    };
    let flush = |current: &mut Paragraph, out: &mut Vec<Paragraph>| {
        let text = collapse(&current.text);
        if !text.is_empty() {
            out.push(Paragraph {
                text,
                link_text: current.link_text,
            });
        }
        current.text.clear();
        current.link_text = 0;
    };
    let (mut blocks, mut links): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut j = root;
    while j < end {
        while blocks.last().is_some_and(|&e| e <= j) {
            blocks.pop();
            flush(&mut current, out);
        }
        while links.last().is_some_and(|&e| e <= j) {
            links.pop();
        }
        let info = &nodes[j];
        if info.removed {
            j = info.end.max(j + 1);
            continue;
        }
        match info.node.value() {
            Node::Text(t) => {
                current.text.push_str(t);
                if !links.is_empty() {
                    current.link_text += t.trim().len();
                }
            }
            Node::Element(e) => match e.name() {
                "br" | "hr" => flush(&mut current, out),
                "h1" => {
                    j = info.end.max(j + 1);
                    continue;
                }
                "a" => links.push(info.end),
                name if BLOCKS.contains(&name) => {
                    flush(&mut current, out);
                    blocks.push(info.end);
                }
                _ => {}
            },
            _ => {}
        }
        j += 1;
    }
    flush(&mut current, out);
}

/// `text` with each whitespace run turned into one space, ends trimmed. No-break spaces are
/// kept: they separate thousands.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
