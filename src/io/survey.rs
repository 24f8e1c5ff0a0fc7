//! Survey responses from CSV: one answer per row, `touchpoint,measure,score`.
//!
//! The first line is a header. `touchpoint` names a touchpoint card or a stage of the
//! journey; `measure` is one of `nps` (0-10), `nev` (1-10), `ces` (1-7) or `csat` (1-5);
//! `score` is the answer. Read with the `csv` crate: fields may be quoted ("Help pages,
//! fault", even across lines); a byte-order mark, CRLF line ends and `;` or tab
//! separated exports (as spreadsheets in many locales write them) are accepted.

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
    /// What is wrong, in the interface language at the time of parsing (the csv
    /// reader's own words stay as they are).
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

/// The delimiter of a survey file: the most frequent of `,` `;` and tab outside quotes
/// on the header line (spreadsheets in many locales export with `;`). Comma on a tie.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0_usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if *d == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last of equal maxima: reverse so comma wins ties.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
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

/// One record of the file: its fields and the line it starts on.
struct Record {
    line: usize,
    fields: Result<Vec<String>, String>,
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
fn records(text: &str, delimiter: u8) -> Vec<Record> {
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

/// Parses survey CSV text into answers and bad rows. Never fails as a whole: every
/// problem is a bad row with its line number. Accepts a UTF-8 byte-order mark, CRLF
/// line ends, and `,` `;` or tab as the delimiter (detected from the header line).
pub fn parse(text: &str) -> (Vec<Answer>, Vec<BadRow>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut answers = Vec::new();
    let mut bad = Vec::new();
    let mut rows = records(text, detect_delimiter(text))
        .into_iter()
        // Blank lines (csv skips empty ones; these hold only spaces) say nothing.
        .filter(|r| {
            r.fields
                .as_ref()
                .map_or(true, |f| f.iter().any(|f| !f.trim().is_empty()))
        });
    // The header: accept the documented one, in any case, with its columns in order.
    match rows.next() {
        Some(Record {
            fields: Ok(header), ..
        }) if header.iter().map(|f| f.trim().to_ascii_lowercase()).eq([
            "touchpoint",
            "measure",
            "score",
        ]) => {}
        Some(Record { line, .. }) => bad.push(BadRow {
            line,
            message: crate::t!("err-survey-header"),
        }),
        None => bad.push(BadRow {
            line: 1,
            message: crate::t!("err-survey-empty"),
        }),
    }
    for Record { line, fields } in rows {
        match answer(line, fields) {
            Ok(a) => answers.push(a),
            Err(message) => bad.push(BadRow { line, message }),
        }
    }
    (answers, bad)
}

/// One data row as an answer, or why it is not one.
fn answer(line: usize, fields: Result<Vec<String>, String>) -> Result<Answer, String> {
    let fields = fields?;
    let [target, measure, score] = fields.as_slice() else {
        return Err(crate::t!("err-survey-fields", count = fields.len()));
    };
    let target = target.trim().to_owned();
    if target.is_empty() {
        return Err(crate::t!("err-survey-no-target"));
    }
    let Some((measure, lo, hi)) = measure_of(measure) else {
        return Err(crate::t!(
            "err-survey-unknown-measure",
            measure = measure.trim()
        ));
    };
    // Spreadsheets that separate with `;` write decimals with a comma: "8,5".
    let number = |s: &str| {
        s.parse::<f64>()
            .or_else(|e| s.replacen(',', ".", 1).parse().map_err(|_| e))
    };
    let score = match number(score.trim()) {
        Ok(s) if s.is_finite() => s,
        _ => return Err(crate::t!("err-survey-not-number", score = score.trim())),
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
    Ok(Answer {
        line,
        target,
        measure,
        score,
    })
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
        assert!(bad[0].message.contains("expected 3 fields, found 4"));
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
    fn the_delimiter_is_the_most_frequent_one_outside_quotes_on_the_header() {
        assert_eq!(
            detect_delimiter("touchpoint,measure,score\na;b;c;d;e\n"),
            b','
        );
        assert_eq!(detect_delimiter("\"a,b,c\";measure;score\n"), b';');
        assert_eq!(detect_delimiter("touchpoint\tmeasure\tscore"), b'\t');
        assert_eq!(detect_delimiter("touchpoint"), b',');
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
