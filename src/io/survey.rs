//! Survey responses from CSV: one answer per row, `touchpoint,measure,score`.
//!
//! The first line is a header. `touchpoint` names a touchpoint card or a stage of the
//! journey; `measure` is one of `nps` (0-10), `nev` (1-10), `ces` (1-7) or `csat` (1-5);
//! `score` is the answer. Fields may be quoted ("Help pages, fault").

use crate::model::MeasureKind;

/// One valid answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The line in the file (1-based).
    pub line: usize,
    /// The touchpoint or stage, as written.
    pub target: String,
    /// What was asked.
    pub measure: MeasureKind,
    /// The answer.
    pub score: f64,
}

/// A row that could not be used, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// The line in the file (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The measures a survey CSV can carry and the range of their answers.
pub fn measure_of(name: &str) -> Option<(MeasureKind, f64, f64)> {
    match name.trim().to_ascii_lowercase().as_str() {
        "nps" => Some((MeasureKind::Nps, 0.0, 10.0)),
        "nev" => Some((MeasureKind::Nev, 1.0, 10.0)),
        "ces" => Some((MeasureKind::Ces, 1.0, 7.0)),
        "csat" => Some((MeasureKind::Csat, 1.0, 5.0)),
        _ => None,
    }
}

/// Splits one CSV line into fields, honouring double quotes ("" is a quote).
fn split_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed".to_owned());
    }
    fields.push(field);
    Ok(fields)
}

/// Parses survey CSV text into answers and bad rows. Never fails as a whole: every
/// problem is a bad row with its line number.
pub fn parse(text: &str) -> (Vec<Answer>, Vec<BadRow>) {
    let mut answers = Vec::new();
    let mut bad = Vec::new();
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    // The header: accept the documented one, in any case, with its columns in order.
    match lines.next() {
        Some((_, header))
            if split_line(header).is_ok_and(|h| {
                h.iter()
                    .map(|f| f.trim().to_ascii_lowercase())
                    .collect::<Vec<_>>()
                    == ["touchpoint", "measure", "score"]
            }) => {}
        Some((line, _)) => bad.push(BadRow {
            line,
            message: "the first line must be the header: touchpoint,measure,score".to_owned(),
        }),
        None => bad.push(BadRow {
            line: 1,
            message: "the file is empty".to_owned(),
        }),
    }
    for (line, raw) in lines {
        if raw.trim().is_empty() {
            continue;
        }
        let fields = match split_line(raw) {
            Ok(f) => f,
            Err(message) => {
                bad.push(BadRow { line, message });
                continue;
            }
        };
        if fields.len() != 3 {
            bad.push(BadRow {
                line,
                message: format!("expected 3 fields, found {}", fields.len()),
            });
            continue;
        }
        let target = fields[0].trim().to_owned();
        if target.is_empty() {
            bad.push(BadRow {
                line,
                message: "no touchpoint or stage named".to_owned(),
            });
            continue;
        }
        let Some((measure, lo, hi)) = measure_of(&fields[1]) else {
            bad.push(BadRow {
                line,
                message: format!(
                    "unknown measure \"{}\" (use nps, nev, ces or csat)",
                    fields[1].trim()
                ),
            });
            continue;
        };
        let score = match fields[2].trim().parse::<f64>() {
            Ok(s) if s.is_finite() => s,
            _ => {
                bad.push(BadRow {
                    line,
                    message: format!("score \"{}\" is not a number", fields[2].trim()),
                });
                continue;
            }
        };
        if score < lo || score > hi {
            bad.push(BadRow {
                line,
                message: format!("{} score {score} is outside {lo}-{hi}", measure.label()),
            });
            continue;
        }
        answers.push(Answer {
            line,
            target,
            measure,
            score,
        });
    }
    (answers, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_rows_are_told_apart_with_line_numbers() {
        let text = "Touchpoint,Measure,Score\n\
                    Online checkout,nps,9\n\
                    \"Help pages, fault\",CES,6\n\
                    Online checkout,nps,eleven\n\
                    Online checkout,nps,11\n\
                    Online checkout,mood,3\n\
                    too,many,fields,here\n\
                    \n\
                    \"unclosed,nps,3\n\
                    Engineer visit,csat,5\r\n";
        let (answers, bad) = parse(text);
        assert_eq!(answers.len(), 3);
        assert_eq!(answers[1].target, "Help pages, fault");
        assert_eq!(answers[1].measure, MeasureKind::Ces);
        assert_eq!(answers[2].line, 10);
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![4, 5, 6, 7, 9]);
        assert!(bad[0].message.contains("not a number"));
        assert!(bad[1].message.contains("outside 0-10"));
        assert!(bad[2].message.contains("unknown measure"));
        assert!(bad[3].message.contains("expected 3 fields"));
        assert!(bad[4].message.contains("not closed"));
    }

    #[test]
    fn a_missing_header_is_reported_on_line_1() {
        let (answers, bad) = parse("Checkout,nps,9\n");
        assert!(answers.is_empty());
        assert_eq!(bad[0].line, 1);
        let (_, bad) = parse("");
        assert_eq!(bad[0].message, "the file is empty");
    }
}
