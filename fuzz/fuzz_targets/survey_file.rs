//! Any bytes as a survey file, as File > Import survey… reads it: decoding (UTF-8,
//! UTF-16, GB18030) or a workbook (xlsx, xls, ods), finding the columns, reading the
//! answers. Never panics or hangs; every answer is on its scale and on a row of the
//! file; importing the answers into the sample journey gives a valid journey.

#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark::app::import::plan_import;
use waymark::io;
use waymark::io::survey::{columns, table};

fuzz_target!(|bytes: &[u8]| {
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
        assert!((1..=last).contains(&a.line), "answer on row {}", a.line);
        let (lo, hi) = io::survey::scale_of(a.measure).unwrap_or((f64::NAN, f64::NAN));
        assert!((lo..=hi).contains(&a.score), "{a:?}");
    }
    for b in &bad {
        assert!((1..=last).contains(&b.line), "bad row on row {}", b.line);
    }
    let plan = plan_import(&project, &project.journeys[0], &answers, bad);
    project.journeys[0] = plan.journey;
    assert_eq!(project.validate(), vec![], "an imported journey is valid");
});
