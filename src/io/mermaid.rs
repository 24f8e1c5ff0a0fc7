//! Mermaid `journey` diagrams: a parser that accepts what Mermaid's own parser accepts
//! (its `journey.jison` grammar, token by token), a writer whose output Mermaid reads
//! back the same, and the mapping between a diagram and a Waymark [`Journey`].
//!
//! The grammar, as Mermaid's lexer sees it (case-insensitive keywords, first rule wins):
//! `%%` comments (not `%%{`, a directive, which Mermaid's preprocessor removes), `#`
//! comments, the `journey` keyword, `title TEXT`, `accTitle: TEXT`, `accDescr: TEXT`,
//! `accDescr { TEXT }` (several lines), `section NAME`, and tasks `NAME: SCORE` or
//! `NAME: SCORE: ACTOR, ACTOR`. Statements need not be on lines of their own; blank lines
//! and indentation mean nothing. Entity codes (`#35;`, `#amp;`) stand for characters
//! Mermaid would otherwise read as syntax, and `<br>` is a line break in a name.
//!
//! Where this parser is stricter than Mermaid: a score must be a decimal number (Mermaid
//! turns `Task: abc` into a NaN score and `Task: ` into 0; both are errors here), and a
//! file may hold several diagrams, each starting with a `journey` line (Mermaid reads one
//! per file). Where it normalises: names, titles and actors are trimmed, empty actors
//! (`Task: 5:` gives Mermaid one actor named "") are dropped.

use crate::i18n::Language;
use crate::model::{
    Card, CardId, EmotionScale, Journey, JourneyId, Lane, LaneId, LaneKind, Stage, StageId,
    TextRole, Touchpoint,
};
use crate::t;

/// The largest diagram read: a 500-task journey is about 20 kB, so 8 MiB leaves room for
/// anything written by hand and refuses a wrong file at once.
pub const MAX_SIZE: u64 = 8 * 1024 * 1024;

/// Why a Mermaid journey could not be read. Each says where (1-based line) and what, in
/// the interface language; nothing is imported when there is an error.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MermaidError {
    /// The file is larger than [`MAX_SIZE`].
    #[error("{}", t!("err-mermaid-too-large", size = *size, limit = *limit))]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The data is not text (a NUL byte, or not UTF-8).
    #[error("{}", t!("err-mermaid-binary", line = *line))]
    Binary {
        /// The line of the first byte that is not text.
        line: usize,
    },
    /// The text does not start with the `journey` keyword.
    #[error("{}", t!("err-mermaid-not-journey", line = *line))]
    NotJourney {
        /// The line of the first thing that is not `journey`.
        line: usize,
    },
    /// A task's score is missing or not a number.
    #[error("{}", t!("err-mermaid-score", line = *line, score = score.as_str()))]
    BadScore {
        /// The task's line.
        line: usize,
        /// What stands where the score should be.
        score: String,
    },
    /// A task name with no `: score` after it.
    #[error("{}", t!("err-mermaid-no-score", line = *line, task = task.as_str()))]
    NoScore {
        /// The task's line.
        line: usize,
        /// The task's name.
        task: String,
    },
    /// `accDescr {` with no closing `}`.
    #[error("{}", t!("err-mermaid-unterminated", line = *line))]
    Unterminated {
        /// The line of `accDescr {`.
        line: usize,
    },
    /// Something Mermaid's grammar does not allow there.
    #[error("{}", t!("err-mermaid-unexpected", line = *line, text = text.as_str()))]
    Unexpected {
        /// Its line.
        line: usize,
        /// What was found (the start of it).
        text: String,
    },
}

/// One `journey` diagram, as Mermaid's parser sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagram {
    /// `title`; empty when there is none.
    pub title: String,
    /// `accTitle`; empty when there is none.
    pub acc_title: String,
    /// `accDescr` (one line, or several in braces); empty when there is none.
    pub acc_descr: String,
    /// The sections in order. Tasks before the first `section` go in a first section
    /// with an empty name.
    pub sections: Vec<Section>,
}

/// A `section` and its tasks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    /// The name (line breaks from `<br>` as `\n`).
    pub name: String,
    /// The tasks in order.
    pub tasks: Vec<Task>,
}

/// A task: `Name: score: Actor, Actor`.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    /// The name (line breaks from `<br>` as `\n`).
    pub name: String,
    /// The score, usually 1 (worst) to 5 (best).
    pub score: f64,
    /// The people taking part, in order.
    pub actors: Vec<String>,
}

impl Diagram {
    /// How many tasks the diagram has.
    pub fn task_count(&self) -> usize {
        self.sections.iter().map(|s| s.tasks.len()).sum()
    }
}

/// True if `text` has a word character (ASCII letter, digit or `_`, as a regular
/// expression's `\b` sees it) at byte `at`.
fn is_word_char_at(text: &str, at: usize) -> bool {
    text.as_bytes()
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// True when `text` looks like a Mermaid journey: its first line (after blank lines,
/// comments and front matter) is `journey`, alone or followed by a statement (`journey
/// title ...`). Used to tell pasted Mermaid from other text: "Journey mapping notes"
/// is pasted as cards, not read as a broken diagram.
pub fn looks_like_journey(text: &str) -> bool {
    let text = text.replace("\r\n", "\n");
    for line in strip_front_matter(&text).lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("%%") || line.starts_with('#') {
            continue;
        }
        if !starts_with_ignore_case(line, "journey") || is_word_char_at(line, 7) {
            return false;
        }
        let rest = line[7..].trim_start();
        return rest.is_empty()
            || rest.starts_with("%%")
            || rest.starts_with('#')
            || (rest.len() < line.len() - 7
                && ["title", "section", "acctitle", "accdescr"]
                    .iter()
                    .any(|k| starts_with_ignore_case(rest, k)));
    }
    false
}

/// Reads a file's bytes: the size limit, then text only, then [`parse`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Vec<Diagram>, MermaidError> {
    if bytes.len() as u64 > MAX_SIZE {
        return Err(MermaidError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_SIZE,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(binary_at(&bytes[..e.valid_up_to()])),
    };
    if let Some(nul) = text.find('\0') {
        return Err(binary_at(&bytes[..nul]));
    }
    parse(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn binary_at(prefix: &[u8]) -> MermaidError {
    MermaidError::Binary {
        line: prefix.split(|&b| b == b'\n').count(),
    }
}

/// Parses Mermaid text holding one or more `journey` diagrams (each after a line that is
/// only `journey`). All or nothing: any error, and no diagram is returned.
pub fn parse(text: &str) -> Result<Vec<Diagram>, MermaidError> {
    if text.len() as u64 > MAX_SIZE {
        return Err(MermaidError::TooLarge {
            size: text.len() as u64,
            limit: MAX_SIZE,
        });
    }
    if text.contains('\0') {
        return Err(binary_at(&text.as_bytes()[..text.find('\0').unwrap_or(0)]));
    }
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let skipped_lines = normalised.len() - strip_front_matter(&normalised).len();
    let first_line = 1 + normalised[..skipped_lines].matches('\n').count();
    let body = encode_entities(strip_front_matter(&normalised));
    Parser {
        lexer: Lexer {
            text: &body,
            pos: 0,
            line: first_line,
        },
    }
    .run()
}

/// Mermaid's preprocessor drops YAML front matter (`---` ... `---`) before parsing.
fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return &text[offset..];
        }
    }
    text
}

/// Marks of an entity code (`#35;` or `#amp;`) replaced before lexing, as Mermaid's
/// `encodeEntities` does, so that its `#` does not start a comment.
const ENTITY_OPEN: char = '\u{E000}';
const ENTITY_CLOSE: char = '\u{E001}';

fn encode_entities(text: &str) -> String {
    // A mark character in the text itself becomes the entity of its code, so that
    // decoding gives it back instead of pairing it with another entity's mark.
    let protected: String;
    let text = if text.contains([ENTITY_OPEN, ENTITY_CLOSE]) {
        protected = text
            .chars()
            .map(|c| {
                if c == ENTITY_OPEN || c == ENTITY_CLOSE {
                    format!("{ENTITY_OPEN}{}{ENTITY_CLOSE}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect();
        protected.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let word = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if word > 0 && after.as_bytes().get(word) == Some(&b';') {
            out.push(ENTITY_OPEN);
            out.push_str(&after[..word]);
            out.push(ENTITY_CLOSE);
            rest = &after[word + 1..];
        } else {
            out.push('#');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Turns entity marks back into characters (`#35;` is `#`); an unknown name stays as
/// it was written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(ENTITY_OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + ENTITY_OPEN.len_utf8()..];
        let Some(end) = after.find(ENTITY_CLOSE) else {
            out.push_str(after);
            return out;
        };
        let name = &after[..end];
        let named = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "num" => Some('#'),
            "semi" => Some(';'),
            "colon" => Some(':'),
            "comma" => Some(','),
            _ => None,
        };
        let c = named.or_else(|| {
            name.trim_start_matches('+')
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
        });
        if let Some(c) = c {
            out.push(c);
        } else {
            out.push('#');
            out.push_str(name);
            out.push(';');
        }
        rest = &after[end + ENTITY_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// A name as Waymark keeps it: trimmed, `<br>` (Mermaid's `/<br\s*\/?>/i`) as a line
/// break, entity codes decoded.
fn clean_name(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.trim();
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        if let Some(n) = line_break_len(after) {
            out.push('\n');
            rest = &after[n..];
        } else {
            out.push('<');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    decode_entities(&out).trim().to_owned()
}

/// The length of a `<br>`, `<br/>` or `<br />` at the start of `text`, if there is one.
fn line_break_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if b.len() < 4 || !b[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    let mut i = 3;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// The tokens of Mermaid's journey lexer.
#[derive(Debug)]
enum Token<'a> {
    Newline,
    Journey,
    Title(&'a str),
    AccTitle(&'a str),
    AccDescr(&'a str),
    Section(&'a str),
    TaskName(&'a str),
    TaskData(&'a str),
    Colon,
    Invalid(&'a str),
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

fn starts_with_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .get(..word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
}

impl<'a> Lexer<'a> {
    /// Moves past `n` bytes, counting lines.
    fn advance(&mut self, n: usize) -> &'a str {
        let s = &self.text[self.pos..self.pos + n];
        self.line += s.matches('\n').count();
        self.pos += n;
        s
    }

    /// The length of the run at the start of `rest` with none of the `stops` bytes.
    fn run_len(rest: &str, stops: &[u8]) -> usize {
        rest.bytes().take_while(|b| !stops.contains(b)).count()
    }

    /// The length of leading whitespace (JavaScript's `\s`).
    fn space_len(rest: &str) -> usize {
        rest.char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i)
    }

    /// The next token with the line it starts on, or `None` at the end.
    fn next(&mut self) -> Result<Option<(usize, Token<'a>)>, MermaidError> {
        loop {
            let rest = &self.text[self.pos..];
            let line = self.line;
            let Some(first) = rest.chars().next() else {
                return Ok(None);
            };
            // Comments: `%%` to the end of the line, and a directive `%%{ ... }%%`.
            if rest.starts_with("%%{") {
                let end = rest.find("}%%").map_or(rest.len(), |i| i + 3);
                self.advance(end);
                continue;
            }
            if rest.starts_with("%%")
                || (first != '}' && rest[first.len_utf8()..].starts_with("%%"))
            {
                self.advance(Self::run_len(&rest[first.len_utf8()..], b"\n") + first.len_utf8());
                continue;
            }
            if first == '\n' {
                let n = rest.bytes().take_while(|b| *b == b'\n').count();
                self.advance(n);
                return Ok(Some((line, Token::Newline)));
            }
            if first.is_whitespace() {
                let n = Self::space_len(rest);
                // Whitespace that ends on a new line still counts as one (`\s+` eats
                // newlines in Mermaid; that only matters to us for `journey` lines).
                let newline = rest[..n].contains('\n');
                self.advance(n);
                if newline {
                    return Ok(Some((line, Token::Newline)));
                }
                continue;
            }
            if first == '#' {
                self.advance(Self::run_len(rest, b"\n"));
                continue;
            }
            // Jison ends a keyword that ends in a letter with `\b`: "Journeys page: 3"
            // is a task, not the keyword.
            if starts_with_ignore_case(rest, "journey") && !is_word_char_at(rest, 7) {
                self.advance(7);
                return Ok(Some((line, Token::Journey)));
            }
            if starts_with_ignore_case(rest, "title")
                && rest[5..].chars().next().is_some_and(char::is_whitespace)
            {
                let ws = rest[5..].chars().next().map_or(1, char::len_utf8);
                let n = Self::run_len(&rest[5 + ws..], b"#\n;");
                if n > 0 {
                    let s = self.advance(5 + ws + n);
                    return Ok(Some((line, Token::Title(&s[5 + ws..]))));
                }
            }
            if let Some(token) = self.accessibility(rest, line)? {
                return Ok(Some((line, token)));
            }
            if starts_with_ignore_case(rest, "section")
                && rest[7..].chars().next().is_some_and(char::is_whitespace)
            {
                let ws = rest[7..].chars().next().map_or(1, char::len_utf8);
                let n = Self::run_len(&rest[7 + ws..], b"#:\n;");
                if n > 0 {
                    let s = self.advance(7 + ws + n);
                    return Ok(Some((line, Token::Section(&s[7 + ws..]))));
                }
            }
            let n = Self::run_len(rest, b"#:\n;");
            if n > 0 {
                return Ok(Some((line, Token::TaskName(self.advance(n)))));
            }
            if first == ':' {
                let n = Self::run_len(&rest[1..], b"#\n;");
                if n > 0 {
                    let s = self.advance(1 + n);
                    return Ok(Some((line, Token::TaskData(&s[1..]))));
                }
                self.advance(1);
                return Ok(Some((line, Token::Colon)));
            }
            let s = self.advance(first.len_utf8());
            return Ok(Some((line, Token::Invalid(s))));
        }
    }

    /// `accTitle: ...`, `accDescr: ...` and `accDescr { ... }`.
    fn accessibility(
        &mut self,
        rest: &'a str,
        line: usize,
    ) -> Result<Option<Token<'a>>, MermaidError> {
        let title = starts_with_ignore_case(rest, "acctitle");
        if !title && !starts_with_ignore_case(rest, "accdescr") {
            return Ok(None);
        }
        let after = &rest[8..];
        let ws = Self::space_len(after);
        match after[ws..].chars().next() {
            Some(':') => {
                let lead = 8 + ws + 1;
                let lead = lead + Self::space_len(&rest[lead..]);
                let n = Self::run_len(&rest[lead..], b"\n");
                let s = self.advance(lead + n);
                let value = &s[lead..];
                Ok(Some(if title {
                    Token::AccTitle(value)
                } else {
                    Token::AccDescr(value)
                }))
            }
            Some('{') if !title => {
                let lead = 8 + ws + 1;
                let lead = lead + Self::space_len(&rest[lead..]);
                let Some(close) = rest[lead..].find('}') else {
                    return Err(MermaidError::Unterminated { line });
                };
                let s = self.advance(lead + close + 1);
                Ok(Some(Token::AccDescr(&s[lead..lead + close])))
            }
            _ => Ok(None),
        }
    }
}

struct Parser<'a> {
    lexer: Lexer<'a>,
}

impl Parser<'_> {
    fn run(mut self) -> Result<Vec<Diagram>, MermaidError> {
        let mut diagrams: Vec<Diagram> = Vec::new();
        // Whether the `journey` keyword was the last token on its line so far.
        let mut pending_journey: Option<usize> = None;
        let mut pending_task: Option<(usize, &str)> = None;
        while let Some((line, token)) = self.lexer.next()? {
            if let Some((task_line, name)) = pending_task.take() {
                match token {
                    Token::TaskData(data) => {
                        let task = parse_task(task_line, name, data)?;
                        let Some(diagram) = diagrams.last_mut() else {
                            return Err(MermaidError::NotJourney { line });
                        };
                        if diagram.sections.is_empty() {
                            diagram.sections.push(Section::default());
                        }
                        if let Some(section) = diagram.sections.last_mut() {
                            section.tasks.push(task);
                        }
                        continue;
                    }
                    Token::Colon => {
                        return Err(MermaidError::BadScore {
                            line,
                            score: String::new(),
                        });
                    }
                    _ => {
                        return Err(MermaidError::NoScore {
                            line: task_line,
                            task: name.trim().to_owned(),
                        });
                    }
                }
            }
            if let Some(journey_line) = pending_journey.take() {
                // A second diagram's `journey` followed by a name on its line is a task
                // named "journey ...", which Mermaid refuses too.
                if let Token::TaskName(name) = token {
                    return Err(MermaidError::Unexpected {
                        line: journey_line,
                        text: excerpt(&format!("journey{name}")),
                    });
                }
            }
            match token {
                Token::Newline => {}
                Token::Journey => {
                    if !diagrams.is_empty() {
                        pending_journey = Some(line);
                    }
                    diagrams.push(Diagram::default());
                }
                _ if diagrams.is_empty() => return Err(MermaidError::NotJourney { line }),
                Token::Title(t) => set_last(&mut diagrams, |d| d.title = clean_name(t)),
                Token::AccTitle(t) => set_last(&mut diagrams, |d| d.acc_title = clean_name(t)),
                Token::AccDescr(t) => set_last(&mut diagrams, |d| d.acc_descr = clean_descr(t)),
                Token::Section(name) => set_last(&mut diagrams, |d| {
                    d.sections.push(Section {
                        name: clean_name(name),
                        tasks: Vec::new(),
                    });
                }),
                Token::TaskName(name) => pending_task = Some((line, name)),
                Token::TaskData(data) => {
                    return Err(MermaidError::Unexpected {
                        line,
                        text: excerpt(&format!(":{data}")),
                    });
                }
                Token::Colon => {
                    return Err(MermaidError::Unexpected {
                        line,
                        text: ":".to_owned(),
                    });
                }
                Token::Invalid(text) => {
                    return Err(MermaidError::Unexpected {
                        line,
                        text: excerpt(text),
                    });
                }
            }
        }
        if let Some((line, name)) = pending_task {
            return Err(MermaidError::NoScore {
                line,
                task: name.trim().to_owned(),
            });
        }
        if diagrams.is_empty() {
            return Err(MermaidError::NotJourney {
                line: self.lexer.line,
            });
        }
        Ok(diagrams)
    }
}

fn set_last(diagrams: &mut [Diagram], f: impl FnOnce(&mut Diagram)) {
    if let Some(d) = diagrams.last_mut() {
        f(d);
    }
}

/// At most 40 characters of what was found, for a message.
fn excerpt(text: &str) -> String {
    let text = decode_entities(text.trim());
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// An accessible description: trimmed, each line's indentation dropped (Mermaid's
/// `replace(/\n\s+/g, '\n')`), entity codes decoded.
fn clean_descr(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.trim().lines().enumerate() {
        let line = if i == 0 { line } else { line.trim_start() };
        if i > 0 && line.is_empty() {
            continue;
        }
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    decode_entities(&out)
}

/// `score` or `score: Actor, Actor` (what follows the task name's colon).
fn parse_task(line: usize, name: &str, data: &str) -> Result<Task, MermaidError> {
    let mut pieces = data.split(':');
    let score_text = pieces.next().unwrap_or_default().trim();
    let score = decode_entities(score_text)
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite())
        .ok_or_else(|| MermaidError::BadScore {
            line,
            score: excerpt(score_text),
        })?;
    let actors = pieces
        .next()
        .map(|list| {
            list.split(',')
                .map(clean_name)
                .filter(|a| !a.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Ok(Task {
        name: clean_name(name),
        score,
        actors,
    })
}

// ---------------------------------------------------------------------------------
// Writing

/// Writes diagrams as Mermaid text, each starting with `journey`, separated by a blank
/// line. Mermaid reads each one back exactly (see [`parse`]).
pub fn write(diagrams: &[Diagram]) -> String {
    let mut out = String::new();
    for (i, d) in diagrams.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_one(d, &mut out);
    }
    out
}

fn write_one(d: &Diagram, out: &mut String) {
    use std::fmt::Write as _;
    out.push_str("journey\n");
    if !d.title.trim().is_empty() {
        let _ = writeln!(out, "    title {}", escape(&d.title, b"#;:"));
    }
    if !d.acc_title.trim().is_empty() {
        let _ = writeln!(out, "    accTitle: {}", escape(&d.acc_title, b"#"));
    }
    // Any text survives, even spaces or a carriage return alone: as entity codes.
    if !d.acc_descr.is_empty() {
        if d.acc_descr.contains('\n') {
            out.push_str("    accDescr {\n");
            for line in descr_lines(&d.acc_descr) {
                let _ = writeln!(out, "        {line}");
            }
            out.push_str("    }\n");
        } else {
            let descr = escape_edges(&escape_plain(&d.acc_descr, b"#"));
            let _ = writeln!(out, "    accDescr: {descr}");
        }
    }
    for (i, section) in d.sections.iter().enumerate() {
        // Tasks before any `section` line make an unnamed first section; an unnamed
        // first section without tasks needs its line to exist.
        if i > 0 || !section.name.trim().is_empty() || section.tasks.is_empty() {
            let name = if section.name.trim().is_empty() {
                // An unnamed section cannot be written empty.
                "#32;".to_owned()
            } else {
                escape(&section.name, b"#:;")
            };
            let _ = writeln!(out, "    section {name}");
        }
        for task in &section.tasks {
            let _ = write!(
                out,
                "      {}: {}",
                escape_task_name(&task.name),
                format_score(task.score)
            );
            if !task.actors.is_empty() {
                let actors: Vec<String> = task.actors.iter().map(|a| escape(a, b"#:;,")).collect();
                let _ = write!(out, ": {}", actors.join(", "));
            }
            out.push('\n');
        }
    }
}

/// A score as Mermaid's `Number()` reads it back: whole numbers without a decimal point.
pub fn format_score(score: f64) -> String {
    if !score.is_finite() {
        return "3".to_owned();
    }
    if score.fract() == 0.0 && score.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation, reason = "a whole number below 1e15")]
        let whole = score as i64;
        whole.to_string()
    } else {
        score.to_string()
    }
}

/// Text for one line of Mermaid: line breaks as `<br>`, and the characters that would be
/// syntax there (`specials`, plus `<` so that a literal `<br>` stays text) as entity
/// codes.
fn escape(text: &str, specials: &[u8]) -> String {
    use std::fmt::Write as _;
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `%%` would start a comment or a directive for Mermaid's preprocessor.
            '%' if chars.peek() == Some(&'%') => out.push_str("#37;"),
            '\n' => out.push_str("<br>"),
            // A carriage return (`#13;` in a title) would otherwise end the line.
            '\r' => out.push_str("#13;"),
            '<' => out.push_str("#60;"),
            // Control characters (`#0;` in the text) as codes: a NUL would make the file
            // look binary.
            c if (c.is_ascii() && specials.contains(&(c as u8))) || c.is_control() => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The lines of a multi-line `accDescr { ... }` that read back as `text`. The parser
/// drops each line's indentation, blank lines and the whitespace around the whole text,
/// so a line break before a blank or indented line is written as `#10;` on the line
/// before, and whitespace at either end of the text as entity codes. A line's trailing
/// space is kept as it is; a carriage return is written as `#13;`.
fn descr_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        match lines.last_mut() {
            Some(last)
                if line.is_empty() || line.starts_with(char::is_whitespace) || last.is_empty() =>
            {
                last.push_str("#10;");
                last.push_str(&escape_plain(line, b"#}"));
            }
            _ => lines.push(escape_plain(line, b"#}")),
        }
    }
    let n = lines.len();
    lines[0] = escape_edges(&lines[0]);
    lines[n - 1] = escape_edges(&lines[n - 1]);
    lines
}

/// `text` with the whitespace at its start and end written as entity codes, which the
/// parser's trimming leaves alone.
fn escape_edges(text: &str) -> String {
    let core = text.trim();
    if core.len() == text.len() {
        return text.to_owned();
    }
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    let entities = |s: &str| {
        s.chars().fold(String::new(), |mut out, c| {
            use std::fmt::Write as _;
            let _ = write!(out, "#{};", u32::from(c));
            out
        })
    };
    format!(
        "{}{}{}",
        entities(&text[..start]),
        &text[start..end],
        entities(&text[end..])
    )
}

/// Like [`escape`] but keeps line breaks and `<` (accessible text is not split at
/// `<br>`).
fn escape_plain(text: &str, specials: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '%' if chars.peek() == Some(&'%') => out.push_str("#37;"),
            // A carriage return would end the line for the lexer.
            '\r' => out.push_str("#13;"),
            c if (c.is_ascii() && specials.contains(&(c as u8))) || c.is_control() => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A task name that Mermaid's lexer reads as a task name, not as a keyword or comment:
/// a name starting like `journey`, `title `, `section `, `accDescr {` or `%%` gets its
/// first character as an entity code.
fn escape_task_name(name: &str) -> String {
    let escaped = escape(name, b"#:;");
    let lower = escaped.to_lowercase();
    let keyword_like = ["journey", "title", "section", "accdescr", "acctitle"]
        .iter()
        .any(|k| lower.starts_with(k));
    match escaped.chars().next() {
        Some(first) if keyword_like => {
            format!("#{};{}", u32::from(first), &escaped[first.len_utf8()..])
        }
        _ => escaped,
    }
}

// ---------------------------------------------------------------------------------
// Mapping to and from a journey

/// Mermaid's score scale: 1 (worst) to 5 (best).
const MERMAID_MIN: f64 = 1.0;
const MERMAID_MAX: f64 = 5.0;

/// A Mermaid score on the project's emotion scale: 1 is the scale's minimum, 5 its
/// maximum, linearly; a score outside 1-5 is clamped to the scale's ends.
pub fn score_to_emotion(score: f64, scale: EmotionScale) -> f32 {
    let t = ((score - MERMAID_MIN) / (MERMAID_MAX - MERMAID_MIN)).clamp(0.0, 1.0);
    #[allow(
        clippy::cast_possible_truncation,
        reason = "an emotion on a small scale"
    )]
    let e = (f64::from(scale.min) + t * f64::from(scale.max - scale.min)) as f32;
    e
}

/// An emotion card's Mermaid score: the score it was imported from while its emotion is
/// still what that score maps to, else its emotion mapped back onto 1-5 (to 2 decimals).
pub fn emotion_to_score(card: &Card, scale: EmotionScale) -> f64 {
    let emotion = card.emotion.unwrap_or_else(|| scale.neutral());
    if let Some(s) = card.mermaid_score.filter(|s| s.is_finite())
        && (score_to_emotion(s, scale) - emotion).abs() < 1e-4
    {
        return s;
    }
    let span = f64::from((scale.max - scale.min).max(1));
    let t = ((f64::from(emotion) - f64::from(scale.min)) / span).clamp(0.0, 1.0);
    let s = MERMAID_MIN + t * (MERMAID_MAX - MERMAID_MIN);
    (s * 100.0).round() / 100.0
}

/// Fresh ids for a journey being built.
struct Ids(u64);

impl Ids {
    fn next(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
}

/// A journey from a diagram: each section a stage, each task a touchpoint card (with its
/// actors) in its stage, and its score an emotion card (the task's name as its text) on
/// `scale`. Ids start above `first_id`; lane titles are in the map's `language`.
pub fn to_journey(d: &Diagram, scale: EmotionScale, language: Language, first_id: u64) -> Journey {
    let mut ids = Ids(first_id);
    let mut stages = Vec::new();
    let mut touchpoints = Vec::new();
    let mut emotions = Vec::new();
    for section in &d.sections {
        let stage = StageId(ids.next());
        // Wide enough for the longest task name on one line, within reason.
        stages.push(Stage {
            id: stage,
            name: section.name.clone(),
            description: String::new(),
            width: 220.0,
        });
        for task in &section.tasks {
            touchpoints.push(Card {
                touchpoint: Some(Touchpoint {
                    channel: None,
                    class: None,
                    owner: String::new(),
                }),
                actors: task.actors.clone(),
                ..Card::new(CardId(ids.next()), stage, task.name.clone())
            });
            emotions.push(Card {
                emotion: Some(score_to_emotion(task.score, scale)),
                mermaid_score: Some(task.score),
                ..Card::new(CardId(ids.next()), stage, task.name.clone())
            });
        }
    }
    let touchpoints_lane = Lane {
        id: LaneId(ids.next()),
        title: crate::i18n::labels::lane_kind(language, &LaneKind::Touchpoints),
        kind: LaneKind::Touchpoints,
        height: 90.0,
        collapsed: false,
        cards: touchpoints,
    };
    let emotion_lane = Lane {
        id: LaneId(ids.next()),
        title: crate::tm!(language, "map-lane-title-emotions"),
        kind: LaneKind::Emotion {
            persona: None,
            compare: Vec::new(),
        },
        height: 140.0,
        collapsed: false,
        cards: emotions,
    };
    Journey {
        id: JourneyId(ids.next()),
        // A diagram without a title gives an untitled journey (the journey list says
        // so), so that exporting it gives no title either.
        title: d.title.clone(),
        description: String::new(),
        persona: None,
        parent: None,
        stages,
        lanes: vec![touchpoints_lane, emotion_lane],
        annotations: Vec::new(),
        survey_mappings: Vec::new(),
        acc_title: d.acc_title.clone(),
        acc_descr: d.acc_descr.clone(),
    }
}

/// A new project holding one journey per diagram, with default settings in `language`.
pub fn to_project(diagrams: &[Diagram], language: Language, title: &str) -> crate::model::Project {
    let mut project = crate::model::Project::empty(title);
    language.tag().clone_into(&mut project.settings.language);
    let scale = project.settings.emotion_scale;
    for d in diagrams {
        let first = project.max_id();
        project.journeys.push(to_journey(d, scale, language, first));
    }
    project
}

/// A diagram from a journey: each stage a section; its tasks are the stage's touchpoint
/// cards with text (or, where it has none, its action cards), in lane then card order;
/// each task's score comes from the emotion card of that stage in the first emotion
/// lane that bears the task's name (as an import writes them), else the one at the
/// same position, else the neutral 3.
pub fn from_journey(journey: &Journey, scale: EmotionScale) -> Diagram {
    let emotion_lane = journey
        .lanes
        .iter()
        .find(|l| matches!(l.kind, LaneKind::Emotion { .. }));
    let sections = journey
        .stages
        .iter()
        .map(|stage| {
            let of_kind = |wanted: &dyn Fn(&LaneKind) -> bool| -> Vec<&Card> {
                journey
                    .lanes
                    .iter()
                    .filter(|l| wanted(&l.kind))
                    .flat_map(|l| journey.cell_cards(l, stage.id))
                    .collect()
            };
            // A card with no text cannot be a task (Mermaid refuses an empty name).
            let mut tasks = of_kind(&|k| *k == LaneKind::Touchpoints);
            tasks.retain(|c| !c.text.trim().is_empty());
            if tasks.is_empty() {
                tasks = of_kind(&|k| *k == LaneKind::Text(TextRole::Actions));
                tasks.retain(|c| !c.text.trim().is_empty());
            }
            let emotions: Vec<&Card> = emotion_lane
                .map(|l| journey.cell_cards(l, stage.id).collect())
                .unwrap_or_default();
            let picked = pair_scores(&tasks, &emotions);
            Section {
                name: stage.name.trim().to_owned(),
                tasks: tasks
                    .iter()
                    .zip(picked)
                    .map(|(c, e)| Task {
                        name: c.text.trim().to_owned(),
                        score: e.map_or(3.0, |i| emotion_to_score(emotions[i], scale)),
                        actors: c
                            .actors
                            .iter()
                            .map(|a| a.trim().to_owned())
                            .filter(|a| !a.is_empty())
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    Diagram {
        title: journey.title.trim().to_owned(),
        acc_title: journey.acc_title.trim().to_owned(),
        acc_descr: journey.acc_descr.clone(),
        sections,
    }
}

/// For each task, the emotion card (by index into `emotions`) its score comes from: the
/// first unused one with the task's text, else the unused one at the task's position.
/// Reordering, adding or deleting a card in the stage so keeps every named task's score.
fn pair_scores(tasks: &[&Card], emotions: &[&Card]) -> Vec<Option<usize>> {
    let mut used = vec![false; emotions.len()];
    let mut picked: Vec<Option<usize>> = tasks
        .iter()
        .map(|t| {
            let i = (0..emotions.len())
                .find(|&i| !used[i] && emotions[i].text.trim() == t.text.trim())?;
            used[i] = true;
            Some(i)
        })
        .collect();
    for (k, p) in picked.iter_mut().enumerate() {
        if p.is_none() && k < emotions.len() && !used[k] {
            used[k] = true;
            *p = Some(k);
        }
    }
    picked
}

/// A journey of a project as Mermaid text.
pub fn journey_to_mermaid(project: &crate::model::Project, journey: &Journey) -> String {
    write(&[from_journey(journey, project.settings.emotion_scale)])
}

#[cfg(test)]
mod tests;
