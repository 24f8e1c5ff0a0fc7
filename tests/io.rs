//! Project files: round trips, bad inputs and failed saves.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use waymark::app::{AppState, Command, Message};
use waymark::io::{self, LoadError};
use waymark::model::*;

fn sample() -> Project {
    io::sample::sample_project()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn sample_is_valid_and_complete() {
    let p = sample();
    assert_eq!(p.validate(), vec![]);
    let j = &p.journeys[0];
    assert!(j.stages.len() >= 6);
    let kinds: Vec<_> = j.lanes.iter().map(|l| l.kind.clone()).collect();
    assert!(kinds.contains(&LaneKind::Touchpoints));
    assert!(kinds.contains(&LaneKind::Quotes));
    assert!(kinds.iter().any(|k| matches!(k, LaneKind::Emotion { .. })));
    assert!(kinds.iter().any(|k| matches!(k, LaneKind::Measures(_))));
    let kinds_of = |k| j.annotations.iter().filter(|a| a.kind == k).count();
    assert!(kinds_of(AnnotationKind::Accelerator) >= 1);
    assert!(kinds_of(AnnotationKind::Blocker) >= 1);
    assert_eq!(p.personas.len(), 1);
    let tps = j
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .filter_map(|c| c.touchpoint.as_ref());
    assert!(tps.clone().count() >= 6);
    assert!(tps.clone().all(|t| t.class.is_some()));
}

#[test]
fn save_load_save_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broadband.ron");
    io::save_file(&sample(), &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = io::load_file(&path).unwrap();
    assert_eq!(loaded, sample());
    let path2 = dir.path().join("again.ron");
    io::save_file(&loaded, &path2).unwrap();
    assert_eq!(first, std::fs::read(&path2).unwrap());
    let text = String::from_utf8(first).unwrap();
    assert!(
        text.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},")),
        "{}",
        &text[..40]
    );
}

#[test]
fn saving_keeps_a_backup_of_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = sample();
    io::save_file(&p, &path).unwrap();
    let v1 = std::fs::read(&path).unwrap();
    p.title = "Changed".into();
    io::save_file(&p, &path).unwrap();
    assert_eq!(std::fs::read(io::backup_path(&path)).unwrap(), v1);
    assert_eq!(io::load_file(&path).unwrap().title, "Changed");
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_failed_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    io::save_file(&sample(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut changed = sample();
    changed.title = "Changed".into();
    // No temporary file can be created: the folder is read-only. Permissions do not
    // bind root, so this part only runs where they do (found out by trying).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |m| std::fs::Permissions::from_mode(m);
        std::fs::set_permissions(dir.path(), mode(0o555)).unwrap();
        let enforced = std::fs::write(dir.path().join("probe"), b"").is_err();
        let result = io::save_file(&changed, &path);
        std::fs::set_permissions(dir.path(), mode(0o755)).unwrap();
        if enforced {
            let err = result.unwrap_err();
            assert!(err.to_string().contains("p.ron"), "{err}");
            assert_eq!(std::fs::read(&path).unwrap(), before);
        } else {
            println!("skipped the read-only folder case: permissions are not enforced here");
            io::save_file(&sample(), &path).unwrap();
            std::fs::remove_file(dir.path().join("probe")).unwrap();
        }
    }

    // The backup cannot be written: the save fails before the file is replaced.
    let backup = io::backup_path(&path);
    if backup.exists() {
        std::fs::remove_file(&backup).unwrap();
    }
    std::fs::create_dir(&backup).unwrap();
    let err = io::save_file(&changed, &path).unwrap_err();
    assert!(err.to_string().contains("backup"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Only the file and the folder in the backup's place: no temporary files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);

    // A folder that does not exist.
    let err = io::save_file(&changed, &dir.path().join("missing/p.ron")).unwrap_err();
    assert!(err.to_string().contains("missing"), "{err}");
}

/// Opens `path` in an app holding the sample and checks that the error is reported and
/// the open document is unchanged. Returns the error text.
fn open_fails(path: &Path) -> String {
    let mut state = AppState::new(sample(), None);
    state.apply(Command::Open(path.to_owned()), 0.0);
    assert_eq!(*state.project(), sample(), "the open document changed");
    assert_eq!(state.path, None);
    let errors: Vec<_> = state
        .messages
        .iter()
        .filter_map(|m| match m {
            Message::Error(e) => Some(e.clone()),
            Message::Info(_) | Message::Warning(_) => None,
        })
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", state.messages);
    // The error must also come from the loader itself.
    assert!(io::load_file(path).is_err());
    errors[0].clone()
}

#[test]
fn bad_files_give_clear_errors_and_leave_the_document_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let good = io::to_ron_string(&sample()).unwrap();

    let e = open_fails(&write(dir.path(), "empty.ron", b""));
    assert!(e.contains("empty.ron:1:1"), "{e}");

    let cut = &good[..good.len() / 2];
    let e = open_fails(&write(dir.path(), "truncated.ron", cut.as_bytes()));
    assert!(e.contains("truncated.ron:"), "{e}");
    // The error is where the text stops: on its last line with something on it, or the
    // line after.
    let line = cut.trim_end().lines().count();
    assert!(
        e.contains(&format!(":{line}:")) || e.contains(&format!(":{}:", line + 1)),
        "{e}"
    );

    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let e = open_fails(&write(dir.path(), "noise.ron", &noise));
    assert!(e.contains("noise.ron"), "{e}");

    let mut bad_utf8 = b"(\n    format_version: 1,\n    title: \"caf".to_vec();
    bad_utf8.extend_from_slice(&[0xC3, 0x28]);
    let e = open_fails(&write(dir.path(), "latin1.ron", &bad_utf8));
    assert!(e.contains("latin1.ron:3:") && e.contains("UTF-8"), "{e}");

    let wrong = good.replacen("width: 220.0", "width: \"wide\"", 1);
    let e = open_fails(&write(dir.path(), "wrong_type.ron", wrong.as_bytes()));
    let line = wrong.lines().position(|l| l.contains("\"wide\"")).unwrap() + 1;
    assert!(e.contains(&format!("wrong_type.ron:{line}:")), "{e}");

    let current = format!("format_version: {FORMAT_VERSION}");
    assert!(good.contains(&current));
    let newer = good.replacen(&current, "format_version: 7", 1);
    let e = open_fails(&write(dir.path(), "newer.ron", newer.as_bytes()));
    assert!(
        e.contains("made by a newer Waymark") && e.contains('7'),
        "{e}"
    );

    let mut dangling = sample();
    dangling.journeys[0].lanes[0].cards[0].stage = StageId(999_999);
    let text = io::to_ron_string(&dangling).unwrap();
    let e = open_fails(&write(dir.path(), "dangling.ron", text.as_bytes()));
    assert!(e.contains("stage 999999 does not exist"), "{e}");

    let mut dup = sample();
    let id = dup.journeys[0].stages[0].id;
    dup.journeys[0].stages[1].id = id;
    let text = io::to_ron_string(&dup).unwrap();
    let e = open_fails(&write(dir.path(), "dup.ron", text.as_bytes()));
    assert!(e.contains("duplicate id"), "{e}");

    let e = open_fails(&dir.path().join("does-not-exist.ron"));
    assert!(
        e.contains("does-not-exist.ron") && e.contains("cannot read"),
        "{e}"
    );
}

#[test]
fn a_project_saved_with_a_byte_order_mark_opens() {
    // Windows Notepad writes UTF-8 with a byte-order mark.
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.ron");
    io::save_file(&sample(), &plain).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&plain).unwrap());
    let bom = write(dir.path(), "notepad.ron", &bytes);
    assert_eq!(io::load_file(&bom).unwrap(), sample());
    // A syntax error still names the file's own line and column.
    let mut broken = b"\xEF\xBB\xBF".to_vec();
    broken.extend(b"(\n  format_version: 2,\n  title: 7,\n)");
    let broken = write(dir.path(), "broken.ron", &broken);
    let e = io::load_file(&broken).unwrap_err().to_string();
    assert!(e.contains("broken.ron:3:"), "{e}");
}

#[test]
fn oversize_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: no disk space is used.
    file.set_len(io::MAX_FILE_SIZE + 1).unwrap();
    let err = io::load_file(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    let e = open_fails(&path);
    assert!(e.contains("huge.ron") && e.contains("limit"), "{e}");
}

#[test]
fn validation_reports_each_kind_of_problem() {
    let mut p = sample();
    let j = &mut p.journeys[0];
    j.stages[0].width = -5.0;
    j.lanes[1].height = f32::NAN;
    j.lanes[3].cards[0].emotion = Some(42.0);
    j.persona = Some(PersonaId(4242));
    j.annotations[0].anchor = Anchor::Card(CardId(777));
    let problems = p.validate();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(has("width -5 must be a positive number"), "{text:?}");
    assert!(has("height NaN must be a positive number"), "{text:?}");
    assert!(has("emotion score 42 is off the scale -5..5"), "{text:?}");
    assert!(has("persona 4242 does not exist"), "{text:?}");
    assert!(has("anchor card 777 does not exist"), "{text:?}");
    assert_eq!(problems.len(), 5, "{text:?}");
}

/// A file kept as version 1 wrote it, in `tests/data/`.
fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn a_version_1_file_loads_as_the_current_version_in_the_language_of_its_text() {
    // The sample as version 1 wrote it: no map language.
    let v1 = std::fs::read_to_string(data("v1-sample.ron")).unwrap();
    assert!(v1.starts_with("(\n    format_version: 1,") && !v1.contains("language"));
    let english = io::load_file(&data("v1-sample.ron")).unwrap();
    assert_eq!(english.format_version, FORMAT_VERSION);
    assert_eq!(english.settings.language, "en");
    assert_eq!(english, sample(), "nothing else changes");

    // A Traditional Chinese map (Taiwan: LINE, 7-ELEVEN pickup, 街口支付).
    let hant = io::load_file(&data("v1-zh-hant.ron")).unwrap();
    assert_eq!(hant.format_version, FORMAT_VERSION);
    assert_eq!(hant.settings.language, "zh-Hant");
    assert_eq!(hant.journeys[0].title, "從下單到超商取貨");

    // Saved again, it is a current file that says its language.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("migrated.ron");
    io::save_file(&hant, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},")));
    assert!(text.contains("language: \"zh-Hant\""), "{text}");
    assert_eq!(io::load_file(&path).unwrap(), hant);

    // Opening a version 1 file in the app gives the migrated document.
    let mut state = AppState::new(sample(), None);
    state.apply(Command::Open(data("v1-zh-hant.ron")), 0.0);
    assert_eq!(state.project().settings.language, "zh-Hant");
}

#[test]
fn an_unknown_map_language_is_refused_with_a_clear_message() {
    let mut p = sample();
    p.settings.language = "fr".to_owned();
    let problems: Vec<String> = p.validate().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        vec![
            "settings: map language \"fr\" is not one Waymark has labels for; \
             use one of \"en\", \"zh-Hans\", \"zh-Hant\""
                .to_owned()
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let text = io::to_ron_string(&p).unwrap();
    let e = open_fails(&write(dir.path(), "french.ron", text.as_bytes()));
    assert!(
        e.contains("french.ron") && e.contains("map language \"fr\""),
        "{e}"
    );
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.!?'\"\\\\\n\t-]{0,40}",
        "[\\u{4e00}-\\u{9fff}\\u{3040}-\\u{30ff}\\u{ac00}-\\u{d7af} ]{0,12}",
        Just(String::new()),
    ]
}

prop_compose! {
    fn journey_strategy(base: u64)(
        n_stages in 1usize..6,
        lanes in prop::collection::vec(
            (text(), 0u8..6, 40.0f32..400.0, any::<bool>(),
             prop::collection::vec((text(), 0usize..6, -5i8..=5, any::<bool>(), -100.0f64..100.0), 0..6)),
            0..5),
        title in text(),
        description in text(),
        accessible in (text(), text()),
        widths in prop::collection::vec(80.0f32..600.0, 6),
        names in prop::collection::vec(text(), 6),
    ) -> Journey {
        let mut next = base;
        let mut id = || { next += 1; next };
        let stages: Vec<Stage> = (0..n_stages).map(|i| Stage {
            id: StageId(id()), name: names[i].clone(), description: String::new(), width: widths[i],
        }).collect();
        let lanes = lanes.into_iter().map(|(title, kind, height, collapsed, cards)| {
            let kind = match kind {
                0 => LaneKind::Text(TextRole::Thoughts),
                1 => LaneKind::Touchpoints,
                2 => LaneKind::Emotion { persona: None, compare: Vec::new() },
                3 => LaneKind::Quotes,
                4 => LaneKind::Measures(MeasureKind::Nps),
                _ => LaneKind::Department("Sales".into()),
            };
            let lane_id = LaneId(id());
            let cards = cards.into_iter().map(|(text, stage, score, flag, value)| {
                let mut c = Card::new(CardId(id()), stages[stage % stages.len()].id, text);
                match kind {
                    LaneKind::Touchpoints => {
                        c.touchpoint = Some(Touchpoint {
                            channel: if flag { Some(Channel::Other("Kiosk".into())) } else { (score % 2 == 0).then_some(Channel::Phone) },
                            class: flag.then_some(TouchpointClass::Hygiene),
                            owner: "Ops".into(),
                        });
                        if flag { c.actors = vec!["Me".into(), c.text.clone()]; }
                    }
                    LaneKind::Emotion { .. } => {
                        c.emotion = Some(f32::from(score));
                        c.mermaid_score = flag.then_some(value);
                    }
                    LaneKind::Quotes => c.sentiment = Some(if flag { Sentiment::Positive } else { Sentiment::Negative }),
                    LaneKind::Measures(_) => c.measure = Some(MeasureValue::Number(value)),
                    _ => c.color = if flag { ColorToken::Purple } else { ColorToken::Auto },
                }
                c
            }).collect();
            Lane { id: lane_id, title, kind, height, collapsed, cards }
        }).collect();
        Journey {
            id: JourneyId(id()),
            title,
            description,
            persona: None,
            parent: None,
            stages,
            lanes,
            annotations: Vec::new(),
            survey_mappings: Vec::new(),
            acc_title: accessible.0,
            acc_descr: accessible.1,
        }
    }
}

prop_compose! {
    fn project_strategy()(
        title in text(),
        journeys in prop::collection::vec(0u8..1, 1..3),
        j0 in journey_strategy(1_000),
        j1 in journey_strategy(2_000),
        persona_name in text(),
        age in prop::option::of(0u32..120),
        brands in prop::collection::vec(text(), 0..4),
        language in prop::sample::select(MAP_LANGUAGES.to_vec()),
    ) -> Project {
        let mut p = Project::empty(title);
        language.clone_into(&mut p.settings.language);
        p.personas.push(Persona {
            id: PersonaId(1),
            name: persona_name,
            age,
            favourite_brands: brands,
            channel_preferences: vec![Channel::Chat, Channel::Other("WeChat".into())],
            ..Persona::default()
        });
        p.journeys.push(j0);
        if journeys.len() > 1 {
            p.journeys.push(j1);
        }
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_valid_project_round_trips_byte_identically(project in project_strategy()) {
        prop_assert_eq!(project.validate(), vec![]);
        let text = io::to_ron_string(&project).unwrap();
        let back = io::from_ron_str(&text, Path::new("gen.ron")).unwrap();
        prop_assert_eq!(&back, &project);
        prop_assert_eq!(io::to_ron_string(&back).unwrap(), text);
    }

    #[test]
    fn loading_arbitrary_text_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = io::from_ron_str(&text, Path::new("fuzz.ron"));
    }
}
