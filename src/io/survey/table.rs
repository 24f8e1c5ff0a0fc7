//! A survey file as a table of text cells, whatever it was saved as: CSV in any common
//! encoding and delimiter, or a sheet of an Excel or Open Document workbook.
//!
//! Spreadsheet programs write CSV in the encoding and separator of their locale: Excel's
//! "CSV UTF-8" starts with a byte-order mark, its "Unicode text" is UTF-16 with tabs,
//! Chinese Excel writes plain CSV in GB18030 (GBK), and European locales separate with
//! `;`. Survey tools (Qualtrics, Survey Monkey, 问卷星, 腾讯问卷) also export `.xlsx`.
//! [`read`] tells them apart from the bytes and says what it found, so the import
//! preview can show it.

use std::io::Cursor;

use calamine::{Data, Reader};

/// How the text of a CSV file was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16, little-endian (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312 (Chinese Excel's plain CSV).
    Gb18030,
    /// Windows-1252 (Western European Excel's plain CSV).
    Windows1252,
}

impl TextEncoding {
    /// The encoding's usual name, the same in every language.
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Utf16Le => "UTF-16 LE",
            Self::Utf16Be => "UTF-16 BE",
            Self::Gb18030 => "GB18030",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// Where the table came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A delimited text file.
    Csv {
        /// The field separator found on the header line: `,` `;` or tab.
        delimiter: u8,
        /// The text encoding found.
        encoding: TextEncoding,
    },
    /// One sheet of a workbook.
    Sheet {
        /// The sheet read.
        name: String,
        /// Every sheet of the workbook, in order, to choose another.
        sheets: Vec<String>,
    },
}

/// One record: its fields (or why it could not be read) and the line (CSV) or row
/// (sheet) it starts on, 1-based, as the user's editor or spreadsheet numbers it.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The line or row number.
    pub line: usize,
    /// The cells as text, or what is wrong with the record.
    pub fields: Result<Vec<String>, String>,
}

/// A survey file read into records.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// What the file was.
    pub source: Source,
    /// Every non-blank record in order; the first is the header.
    pub records: Vec<Record>,
}

impl Table {
    /// The header row's cells, trimmed; empty if the file has no readable first row.
    pub fn header(&self) -> Vec<String> {
        match self.records.first() {
            Some(Record { fields: Ok(f), .. }) => f.iter().map(|c| c.trim().to_owned()).collect(),
            _ => Vec::new(),
        }
    }

    /// The records after the header.
    pub fn rows(&self) -> &[Record] {
        self.records.get(1..).unwrap_or(&[])
    }

    /// How many records after the first also belong to the header: up to two that hold
    /// no number at all, as Qualtrics exports its question texts and import ids under
    /// the column ids.
    pub fn extra_header_rows(&self) -> usize {
        self.rows()
            .iter()
            .take(2)
            .take_while(|r| {
                r.fields
                    .as_ref()
                    .is_ok_and(|f| !f.iter().any(|c| c.trim().parse::<f64>().is_ok()))
            })
            .count()
    }

    /// Each column's header with the text of the extra header rows under it, for
    /// finding question columns ("Q1" over "How likely… Online checkout (NPS)").
    pub fn header_texts(&self) -> Vec<String> {
        let mut texts = self.header();
        for r in self.rows().iter().take(self.extra_header_rows()) {
            if let Ok(fields) = &r.fields {
                for (t, f) in texts.iter_mut().zip(fields) {
                    if !f.trim().is_empty() {
                        t.push(' ');
                        t.push_str(f.trim());
                    }
                }
            }
        }
        texts
    }
}

/// Why a survey file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// Neither a workbook nor text.
    #[error("not a text file or a spreadsheet")]
    NotText,
    /// A workbook that could not be read, with the reader's words.
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
    /// A workbook without the sheet asked for (or without any sheet).
    #[error("the workbook has no sheet {0:?}")]
    NoSheet(String),
}

/// True if `bytes` start like a workbook: a ZIP archive (xlsx, xlsm, ods) or an OLE
/// compound file (xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads a survey file from its bytes: a workbook (the sheet named `sheet`, or the first
/// one) or delimited text.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, TableError> {
    if is_workbook(bytes) {
        read_workbook(bytes, sheet)
    } else {
        let (text, encoding) = decode(bytes)?;
        Ok(read_text(&text, encoding))
    }
}

/// Reads delimited text already decoded (a byte-order mark, if any, is skipped).
pub fn read_text(text: &str, encoding: TextEncoding) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text);
    Table {
        source: Source::Csv {
            delimiter,
            encoding,
        },
        records: super::records(text, delimiter)
            .into_iter()
            .filter(|r| !is_blank(r))
            .collect(),
    }
}

/// Blank lines (csv skips empty ones; these hold only spaces) say nothing.
fn is_blank(record: &Record) -> bool {
    record
        .fields
        .as_ref()
        .is_ok_and(|f| f.iter().all(|f| f.trim().is_empty()))
}

/// The text of a file and its encoding: a byte-order mark decides; without one, text
/// with a zero byte in every other place is UTF-16, valid UTF-8 is UTF-8, and anything
/// else is GB18030 (which reads GBK and GB2312 too, and every byte sequence that is not
/// UTF-8 that Chinese Excel writes). Text that still holds control characters other than
/// line ends and tabs is not text.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), TableError> {
    let (text, encoding) = if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_with_bom_removal(bytes);
        let label = if enc == encoding_rs::UTF_8 {
            TextEncoding::Utf8Bom
        } else if enc == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        (text.into_owned(), label)
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let label = if enc == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        (text.into_owned(), label)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), TextEncoding::Utf8)
    } else {
        // Not UTF-8: Chinese Excel's GB18030 when that reads as Chinese text, else
        // Western Excel's Windows-1252 ("Zähler;Café" is not Chinese).
        let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
        if !had_errors && looks_like_gb(bytes) {
            (text.into_owned(), TextEncoding::Gb18030)
        } else {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{feff}'))
    {
        return Err(TableError::NotText);
    }
    Ok((text, encoding))
}

/// True if the non-ASCII bytes of `bytes` read as GB18030 Chinese: at least nine in ten
/// of its two-byte characters lie in the GB2312 block both bytes of which are 0xA1 or
/// above (every common Chinese character and Chinese punctuation). Windows-1252 text
/// read as GB18030 pairs an accented letter with the ASCII letter after it
/// ("Straße" gives 0xDF 0x65), which lies outside that block.
fn looks_like_gb(bytes: &[u8]) -> bool {
    let (mut pairs, mut common) = (0_usize, 0_usize);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let Some(&trail) = bytes.get(i + 1) else {
            return false;
        };
        pairs += 1;
        if (0x30..=0x39).contains(&trail) {
            // A four-byte GB18030 sequence: a rare character.
            i += 4;
            continue;
        }
        if lead >= 0xA1 && trail >= 0xA1 {
            common += 1;
        }
        i += 2;
    }
    pairs > 0 && common * 10 >= pairs * 9
}

/// UTF-16 written without a byte-order mark: ASCII-heavy text has a zero in every other
/// byte. Looks at the first 4 KiB.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |odd: bool| {
        head.chunks_exact(2)
            .filter(|p| p[usize::from(odd)] == 0)
            .count()
    };
    if zeros_at(true) * 10 >= pairs * 4 && zeros_at(false) == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if zeros_at(false) * 10 >= pairs * 4 && zeros_at(true) == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The delimiter of a survey file: the most frequent of `,` `;` and tab outside quotes
/// on the header line (spreadsheets in many locales export with `;`). Comma on a tie.
pub(super) fn detect_delimiter(text: &str) -> u8 {
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

/// Reads one sheet of a workbook (xlsx, xlsm, xlsb, xls or ods; calamine tells them
/// apart by content). Row numbers are the sheet's own.
fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Table, TableError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(name) => sheets
            .iter()
            .find(|s| s.as_str() == name)
            .ok_or_else(|| TableError::NoSheet(name.to_owned()))?
            .clone(),
        None => sheets
            .first()
            .ok_or_else(|| TableError::NoSheet(String::new()))?
            .clone(),
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let records = range
        .rows()
        .enumerate()
        .map(|(i, row)| Record {
            line: first_row + i + 1,
            // Columns left of the used range are empty: keep them so that column
            // numbers match the sheet's.
            fields: Ok(std::iter::repeat_n(String::new(), first_col)
                .chain(row.iter().map(cell_text))
                .collect()),
        })
        .filter(|r| !is_blank(r))
        .collect();
    Ok(Table {
        source: Source::Sheet { name, sheets },
        records,
    })
}

/// A cell as the text a user sees: whole numbers without a decimal point (Excel stores
/// every number as a float: a score of 9 is 9.0).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for u in text.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    }

    #[test]
    fn encodings_are_told_apart_from_the_bytes() {
        let text = "触点,指标,分数\n结账,nps,9\n";
        let (t, e) = decode(text.as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), (text, TextEncoding::Utf8));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            decode(&bom).unwrap(),
            (text.to_owned(), TextEncoding::Utf8Bom)
        );
        assert_eq!(
            decode(&utf16le(text, true)).unwrap(),
            (text.to_owned(), TextEncoding::Utf16Le)
        );
        let ascii = "touchpoint\tmeasure\tscore\nCheckout\tnps\t9\n";
        assert_eq!(
            decode(&utf16le(ascii, false)).unwrap(),
            (ascii.to_owned(), TextEncoding::Utf16Le)
        );
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        assert_ne!(&*gbk, text.as_bytes(), "GB18030 differs from UTF-8 here");
        assert_eq!(
            decode(&gbk).unwrap(),
            (text.to_owned(), TextEncoding::Gb18030)
        );
    }

    #[test]
    fn western_excel_csv_is_windows_1252_not_gb18030() {
        for text in [
            "Zähler;Café;Score\nCafé;nps;9\n",
            "Café;nps;9\n",
            "Straße;CSAT;4\n",
        ] {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
            assert_eq!(
                decode(&bytes).unwrap(),
                (text.to_owned(), TextEncoding::Windows1252),
                "{text}"
            );
        }
        // Chinese stays Chinese.
        let (gbk, _, _) = encoding_rs::GB18030.encode("触点，指标，分数\n微信支付，NPS，9\n");
        assert_eq!(decode(&gbk).unwrap().1, TextEncoding::Gb18030);
    }

    #[test]
    fn binary_data_is_not_text() {
        assert_eq!(
            decode(&[0, 1, 2, 3, 0xFF, 0x80, 0, 7]),
            Err(TableError::NotText)
        );
        assert_eq!(decode(b"abc\x00def\x01"), Err(TableError::NotText));
        assert!(matches!(
            read(b"PK\x03\x04 not really a zip", None),
            Err(TableError::Workbook(_))
        ));
    }

    #[test]
    fn the_source_says_what_was_found() {
        let table = read("a;b;c\n1;2;3\n\n   \n".as_bytes(), None).unwrap();
        assert_eq!(
            table.source,
            Source::Csv {
                delimiter: b';',
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(table.header(), ["a", "b", "c"]);
        assert_eq!(table.rows().len(), 1, "blank lines are dropped");
        assert_eq!(table.rows()[0].line, 2);
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
    fn whole_numbers_in_cells_read_without_a_decimal_point() {
        assert_eq!(cell_text(&Data::Float(9.0)), "9");
        assert_eq!(cell_text(&Data::Float(9.5)), "9.5");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(cell_text(&Data::String("结账".into())), "结账");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
