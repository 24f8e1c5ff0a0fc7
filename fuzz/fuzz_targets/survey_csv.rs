//! Any bytes as a survey CSV: parsing never panics or hangs, every row is either an
//! answer or a bad row with a line number inside the file, and importing the answers
//! into the sample journey gives a valid journey.

#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark::app::import::plan_import;
use waymark::io;

fuzz_target!(|bytes: &[u8]| {
    // The app refuses a survey that is not UTF-8 before parsing it.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let (answers, bad) = io::survey::parse(text);
    let lines = text.lines().count().max(1);
    for a in &answers {
        assert!(
            (1..=lines).contains(&a.line),
            "answer on line {} of {lines}",
            a.line
        );
        assert!(a.score.is_finite());
    }
    for b in &bad {
        assert!(
            (1..=lines).contains(&b.line),
            "bad row on line {} of {lines}",
            b.line
        );
    }
    let mut project = io::sample::sample_project();
    let plan = plan_import(&project, &project.journeys[0], &answers, bad);
    project.journeys[0] = plan.journey;
    assert_eq!(project.validate(), vec![], "an imported journey is valid");
});
