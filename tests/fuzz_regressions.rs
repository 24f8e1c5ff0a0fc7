//! The fuzz targets' checks (see `fuzz/fuzz_targets/`) on stable Rust, in `cargo test`:
//! over the committed seed corpora and over every input a fuzzer ever found a problem
//! with (`tests/data/fuzz/`, named after the target: `load_project-*`, `load_persona-*`,
//! `survey_csv-*`, `mermaid-*`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::path::{Path, PathBuf};

use waymark::app::import::plan_import;
use waymark::app::{AppState, Command, Edit};
use waymark::io;

/// `fuzz_targets/load_project.rs`: loading never panics; what loads is valid and saves
/// to text that loads back to the same text.
fn load_project(bytes: &[u8]) {
    let path = Path::new("fuzz.ron");
    let Ok(project) = io::from_bytes(bytes, path) else {
        return;
    };
    assert_eq!(project.validate(), vec![]);
    let text = io::to_ron_string(&project).unwrap();
    let back = io::from_ron_str(&text, path).unwrap();
    assert_eq!(text, io::to_ron_string(&back).unwrap());
}

/// `fuzz_targets/load_persona.rs`: reading never panics; a persona that loads can be
/// added to a project without breaking it.
fn load_persona(bytes: &[u8]) {
    let Ok(persona) = io::persona_file::persona_from_bytes(bytes, Path::new("fuzz.persona.ron"))
    else {
        return;
    };
    let mut state = AppState::new(io::sample::blank_project(), None);
    state.apply(
        Command::Edit {
            edit: Edit::AddPersona {
                persona: Box::new(persona),
            },
            gesture: None,
        },
        0.0,
    );
    assert_eq!(state.project().validate(), vec![]);
}

/// `fuzz_targets/survey_csv.rs`: parsing never panics; every row has a line number in
/// the file; importing into the sample journey gives a valid project.
fn survey_csv(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let (answers, bad) = io::survey::parse(text);
    let lines = text.lines().count().max(1);
    assert!(answers.iter().all(|a| (1..=lines).contains(&a.line)));
    assert!(answers.iter().all(|a| a.score.is_finite()));
    assert!(bad.iter().all(|b| (1..=lines).contains(&b.line)));
    let mut project = io::sample::sample_project();
    let plan = plan_import(&project, &project.journeys[0], &answers, bad);
    project.journeys[0] = plan.journey;
    assert_eq!(project.validate(), vec![]);
}

/// `fuzz_targets/survey_file.rs`: reading any bytes as a survey file never panics;
/// every answer is on its scale and a row of the file; importing gives a valid project.
fn survey_file(bytes: &[u8]) {
    use waymark::io::survey::{columns, scale_of, table};
    let Ok(table) = table::read(bytes, None) else {
        return;
    };
    let mut project = io::sample::sample_project();
    let names: Vec<String> = project.journeys[0]
        .touchpoints()
        .map(|c| c.text.clone())
        .collect();
    let Some(layout) = columns::detect(&table, &[], &names).layout else {
        return;
    };
    let (answers, bad) = columns::answers(&table, &layout);
    let last = table.records.last().map_or(1, |r| r.line);
    for a in &answers {
        assert!((1..=last).contains(&a.line));
        let (lo, hi) = scale_of(a.measure).unwrap();
        assert!((lo..=hi).contains(&a.score), "{a:?}");
    }
    assert!(bad.iter().all(|b| (1..=last).contains(&b.line)));
    let plan = plan_import(&project, &project.journeys[0], &answers, bad);
    project.journeys[0] = plan.journey;
    assert_eq!(project.validate(), vec![]);
}

/// `fuzz_targets/mermaid.rs`: parsing never panics; an error names a line of the text;
/// what parses becomes a valid project and writes back to the same diagrams.
fn mermaid(bytes: &[u8]) {
    use waymark::io::mermaid::{self, MermaidError};
    let diagrams = match mermaid::parse_bytes(bytes) {
        Ok(diagrams) => diagrams,
        Err(e) => {
            let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
            let line = match e {
                MermaidError::TooLarge { .. } => 1,
                MermaidError::Binary { line }
                | MermaidError::NotJourney { line }
                | MermaidError::BadScore { line, .. }
                | MermaidError::NoScore { line, .. }
                | MermaidError::Unterminated { line }
                | MermaidError::Unexpected { line, .. } => line,
            };
            assert!(
                (1..=lines).contains(&line),
                "error on line {line} of {lines}"
            );
            return;
        }
    };
    let project = mermaid::to_project(&diagrams, waymark::i18n::Language::En, "fuzz");
    assert_eq!(project.validate(), vec![]);
    let text = mermaid::write(&diagrams);
    assert_eq!(mermaid::parse(&text).ok(), Some(diagrams), "{text}");
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn check(target: &str, path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    println!("{target}: {}", path.display());
    match target {
        "load_project" => load_project(&bytes),
        "load_persona" => load_persona(&bytes),
        "survey_csv" => survey_csv(&bytes),
        "survey_file" => survey_file(&bytes),
        "mermaid" => mermaid(&bytes),
        other => panic!("no fuzz target {other} for {}", path.display()),
    }
}

#[test]
fn the_seed_corpora_pass_the_fuzz_targets_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut seen = 0;
    for target in [
        "load_project",
        "load_persona",
        "survey_csv",
        "survey_file",
        "mermaid",
    ] {
        let seeds: Vec<PathBuf> = files(&root.join(target))
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("seed-")
            })
            .collect();
        assert!(!seeds.is_empty(), "no seeds for {target}");
        for seed in seeds {
            check(target, &seed);
            seen += 1;
        }
    }
    assert!(seen >= 10);
    // The seeds do load: the fuzzers start from real files, not only from rejects.
    let sample = root.join("load_project/seed-v1-sample.ron");
    assert!(io::from_bytes(&std::fs::read(sample).unwrap(), Path::new("x")).is_ok());
    let journey = root.join("mermaid/seed-docs-example.mmd");
    assert!(waymark::io::mermaid::parse_bytes(&std::fs::read(journey).unwrap()).is_ok());
    let persona = root.join("load_persona/seed-0.persona.ron");
    let bytes = std::fs::read(persona).unwrap();
    assert!(io::persona_file::persona_from_bytes(&bytes, Path::new("x")).is_ok());
}

#[test]
fn inputs_the_fuzzers_found_problems_with_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    for path in files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let target = name.split('-').next().unwrap();
        check(target, &path);
    }
}
