//! Any bytes as a Mermaid journey: parsing never panics or hangs; an error names a line
//! of the text; what parses becomes valid journeys, and writes back to text that parses
//! to the same diagrams.

#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark::io::mermaid;

fuzz_target!(|bytes: &[u8]| {
    let diagrams = match mermaid::parse_bytes(bytes) {
        Ok(diagrams) => diagrams,
        Err(e) => {
            let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
            let line = match e {
                mermaid::MermaidError::TooLarge { .. } => 1,
                mermaid::MermaidError::Binary { line }
                | mermaid::MermaidError::NotJourney { line }
                | mermaid::MermaidError::BadScore { line, .. }
                | mermaid::MermaidError::NoScore { line, .. }
                | mermaid::MermaidError::Unterminated { line }
                | mermaid::MermaidError::Unexpected { line, .. } => line,
            };
            assert!(
                (1..=lines).contains(&line),
                "error on line {line} of {lines}"
            );
            return;
        }
    };
    let project = mermaid::to_project(&diagrams, waymark::i18n::Language::En, "fuzz");
    assert_eq!(project.validate(), vec![], "an imported project is valid");
    let text = mermaid::write(&diagrams);
    assert_eq!(mermaid::parse(&text).ok(), Some(diagrams), "{text}");
});
