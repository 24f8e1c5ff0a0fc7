//! Survey responses: a CSV, TSV or spreadsheet export read into answers.
//!
//! [`table`] reads the bytes (any common encoding and delimiter, or a workbook sheet);
//! [`columns`] finds which column holds what from the header (one answer per row, or one
//! respondent per row with a column per question); this module checks each answer:
//! `touchpoint` names a touchpoint card or a stage of the journey; the measure is one of
//! NPS (0-10), NEV (1-10), CES (1-7) or CSAT (1-5); the score is a whole number on its
//! scale. Read with the `csv` crate: fields may be quoted ("Help pages, fault", even
//! across lines).

pub mod columns;
pub mod table;

use crate::model::MeasureKind;

pub use table::Record;

/// One valid answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The line in the file, or the row of the sheet (1-based).
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
    /// The line in the file, or the row of the sheet (1-based).
    pub line: usize,
    /// What is wrong, in the interface language at the time of parsing (the csv
    /// reader's own words stay as they are).
    pub message: String,
}

/// The range of the answers of the measures a survey can carry.
pub fn scale_of(measure: MeasureKind) -> Option<(f64, f64)> {
    match measure {
        MeasureKind::Nps => Some((0.0, 10.0)),
        MeasureKind::Nev => Some((1.0, 10.0)),
        MeasureKind::Ces => Some((1.0, 7.0)),
        MeasureKind::Csat => Some((1.0, 5.0)),
        _ => None,
    }
}

/// The measure a survey cell names and the range of its answers.
pub fn measure_of(name: &str) -> Option<(MeasureKind, f64, f64)> {
    let kind = columns::measure_named(name)?;
    let (lo, hi) = scale_of(kind)?;
    Some((kind, lo, hi))
}

/// True if `text`, read as CSV the way the `csv` crate reads it, ends inside a quoted
/// field: a quote opens only at the start of a field, `""` inside quotes is a quote.
fn ends_inside_quotes(text: &str, delimiter: u8) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && field_start {
            quoted = true;
            field_start = false;
        } else {
            field_start = b == delimiter || b == b'\n' || b == b'\r';
        }
    }
    quoted
}

/// The line and byte offset where a record really starts. csv's position is where it
/// began looking: before the blank lines it skipped, or on the `\n` of a CRLF.
fn start_of(text: &str, position: &csv::Position) -> (usize, usize) {
    let mut line = position.line() as usize;
    let mut byte = position.byte() as usize;
    for b in text.bytes().skip(byte) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        byte += 1;
    }
    (line, byte)
}

/// Reads `text` as CSV records. A quoted field may hold delimiters and line breaks; one
/// that is never closed would swallow the rest of the file, so its record is reported
/// and reading starts again on the next line.
pub(crate) fn records(text: &str, delimiter: u8) -> Vec<Record> {
    let mut out = Vec::new();
    // Byte offset and line number where the part still to read starts.
    let mut start = 0;
    let mut first_line = 1;
    loop {
        let rest = &text[start..];
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(rest.as_bytes());
        let mut part: Vec<(usize, usize, Result<Vec<String>, String>)> = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            let before = reader.position().clone();
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let (line, byte) = start_of(rest, record.position().unwrap_or(&before));
                    part.push((line, byte, Ok(record.iter().map(str::to_owned).collect())));
                }
                Err(e) => {
                    let (line, byte) = start_of(rest, e.position().unwrap_or(&before));
                    part.push((line, byte, Err(e.to_string())));
                    if reader.position().byte() == before.byte() {
                        // No progress: stop rather than report the same error forever.
                        break;
                    }
                }
            }
        }
        let unclosed = ends_inside_quotes(rest, delimiter);
        let last = part.pop();
        out.extend(part.into_iter().map(|(line, _, fields)| Record {
            line: first_line - 1 + line,
            fields,
        }));
        let Some((line, byte, fields)) = last else {
            return out;
        };
        let line = first_line - 1 + line;
        if !unclosed {
            out.push(Record { line, fields });
            return out;
        }
        out.push(Record {
            line,
            fields: Err(crate::t!("err-survey-unclosed")),
        });
        let Some(next) = rest[byte..].find('\n') else {
            return out;
        };
        start += byte + next + 1;
        first_line = line + 1;
    }
}

/// Parses survey CSV text with an answer-per-row header (`touchpoint`, `measure` and
/// `score` columns in any order, named in English or Chinese, other columns ignored)
/// into answers and bad rows. Never fails as a whole: every problem is a bad row with
/// its line number. Accepts a UTF-8 byte-order mark, CRLF line ends, and `,` `;` or tab
/// as the delimiter (detected from the header line).
pub fn parse(text: &str) -> (Vec<Answer>, Vec<BadRow>) {
    let table = table::read_text(text, table::TextEncoding::Utf8);
    let Some(first) = table.records.first() else {
        return (
            Vec::new(),
            vec![BadRow {
                line: 1,
                message: crate::t!("err-survey-empty"),
            }],
        );
    };
    match columns::detect(&table, &[], &[]).layout {
        Some(layout) => columns::answers(&table, &layout),
        None => (
            Vec::new(),
            vec![BadRow {
                line: first.line,
                message: crate::t!("err-survey-header"),
            }],
        ),
    }
}

/// The touchpoint or stage a cell names, or why it names none.
fn target(cell: &str) -> Result<String, String> {
    let target = cell.trim();
    if target.is_empty() {
        return Err(crate::t!("err-survey-no-target"));
    }
    Ok(target.to_owned())
}

/// A cell as an answer to `measure`: a whole number on the measure's scale.
fn score(measure: MeasureKind, cell: &str) -> Result<f64, String> {
    let Some((lo, hi)) = scale_of(measure) else {
        return Err(crate::t!(
            "err-survey-unknown-measure",
            measure = measure.label()
        ));
    };
    let cell = cell.trim();
    // Spreadsheets that separate with `;` write decimals with a comma: "8,5".
    let number = |s: &str| {
        s.parse::<f64>()
            .or_else(|e| s.replacen(',', ".", 1).parse().map_err(|_| e))
    };
    let score = match number(cell) {
        Ok(s) if s.is_finite() => s,
        _ => return Err(crate::t!("err-survey-not-number", score = cell)),
    };
    if score < lo || score > hi {
        return Err(crate::t!(
            "err-survey-out-of-range",
            measure = measure.label(),
            score = score.to_string(),
            low = lo.to_string(),
            high = hi.to_string()
        ));
    }
    if score.fract() != 0.0 {
        return Err(crate::t!(
            "err-survey-not-whole",
            measure = measure.label(),
            score = score.to_string(),
            low = lo.to_string(),
            high = hi.to_string()
        ));
    }
    Ok(score)
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

    #[test]
    fn quoted_fields_may_hold_commas_quotes_and_line_breaks() {
        let text = "touchpoint,measure,score\n\
                    \"Help pages,\nfault page\",ces,6\n\
                    \"The \"\"Track\"\" app\",nps,9\n\
                    Checkout,nps,eleven\n";
        let (answers, bad) = parse(text);
        assert_eq!(answers.len(), 2, "{bad:?}");
        assert_eq!(answers[0].target, "Help pages,\nfault page");
        assert_eq!(answers[0].line, 2);
        assert_eq!(answers[1].target, "The \"Track\" app");
        // The quoted line break counts: the bad row is on the fifth line.
        assert_eq!(answers[1].line, 4);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 5);
    }

    #[test]
    fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
        let text = "\u{feff}Touchpoint,Measure,Score\r\n\
                    Online checkout,nps,9\r\n\
                    \r\n\
                    Engineer visit,csat,nine\r\n\
                    Engineer visit,csat,5\r\n";
        let (answers, bad) = parse(text);
        assert_eq!(answers.len(), 2, "{bad:?}");
        assert_eq!(answers[0].target, "Online checkout");
        assert_eq!((answers[0].line, answers[1].line), (2, 5));
        assert!((answers[1].score - 5.0).abs() < 1e-9);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 4);
        assert!(
            bad[0].message.contains("\"nine\" is not a number"),
            "{bad:?}"
        );
    }

    #[test]
    fn semicolon_separated_exports_are_read() {
        let text = "touchpoint;measure;score\n\
                    Help pages, fault;ces;6\n\
                    \"Checkout; step 2\";csat;4,0\n\
                    Checkout;nps;9;extra\n";
        let (answers, bad) = parse(text);
        assert_eq!(answers.len(), 2, "{bad:?}");
        assert_eq!(answers[0].target, "Help pages, fault");
        assert_eq!(answers[1].target, "Checkout; step 2");
        assert!((answers[1].score - 4.0).abs() < 1e-9);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 4);
        assert!(
            bad[0]
                .message
                .contains("expected 3 fields (as the header), found 4")
        );
    }

    #[test]
    fn tab_separated_exports_are_read() {
        let text = "touchpoint\tmeasure\tscore\n\
                    Help pages, fault\tces\t6\n\
                    Checkout; step 2\tnps\t10\n";
        let (answers, bad) = parse(text);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0].target, "Help pages, fault");
        assert_eq!(answers[1].target, "Checkout; step 2");
        assert_eq!(answers[1].measure, MeasureKind::Nps);
    }

    #[test]
    fn scores_must_be_whole_numbers_on_the_measure_s_scale() {
        let text = "touchpoint,measure,score\n\
                    Checkout,nps,9.5\n\
                    Checkout,nps,10\n\
                    Checkout,nps,0\n\
                    Checkout,nps,-1\n\
                    Checkout,ces,7\n\
                    Checkout,ces,8\n\
                    Checkout,ces,0\n\
                    Checkout,ces,2.5\n\
                    Checkout,csat,5\n\
                    Checkout,csat,6\n\
                    Checkout,csat,0\n\
                    Checkout,nev,1\n\
                    Checkout,nev,0\n\
                    Checkout,nev,11\n\
                    Checkout,nev,7.25\n\
                    Checkout,nev,\"8,0\"\n\
                    Checkout,nps,9.0\n";
        let (answers, bad) = parse(text);
        let used: Vec<(usize, f64)> = answers.iter().map(|a| (a.line, a.score)).collect();
        assert_eq!(
            used,
            vec![
                (3, 10.0),
                (4, 0.0),
                (6, 7.0),
                (10, 5.0),
                (13, 1.0),
                (17, 8.0),
                (18, 9.0)
            ]
        );
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![2, 5, 7, 8, 9, 11, 12, 14, 15, 16]);
        assert_eq!(
            bad[0].message,
            "NPS score 9.5 is not a whole number (answers are whole numbers 0-10)"
        );
        assert!(bad[1].message.contains("outside 0-10"), "{bad:?}");
        assert!(
            bad[2].message.contains("CES score 8 is outside 1-7"),
            "{bad:?}"
        );
        assert!(
            bad[4]
                .message
                .contains("CES score 2.5 is not a whole number")
        );
        assert!(bad[5].message.contains("CSAT score 6 is outside 1-5"));
        assert!(bad[7].message.contains("NEV score 0 is outside 1-10"));
        assert!(
            bad[9]
                .message
                .contains("NEV score 7.25 is not a whole number")
        );
    }
}
