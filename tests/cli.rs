//! The command line: `new`, `check`, and its error paths.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

mod common;

fn waymark(args: &[&str]) -> (i32, String, String) {
    common::waymark(args, &[])
}

#[test]
fn new_then_check_prints_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.ron");
    let file = file.to_str().unwrap();
    let (code, _, err) = waymark(&["new", "-o", file]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = waymark(&["check", file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    let p = waymark::io::sample::sample_project();
    let c = p.counts();
    assert!(out.contains(&format!("{} stages", c.stages)), "{out}");
    assert!(out.contains(&format!("{} cards", c.cards)), "{out}");
    assert!(
        out.contains(&waymark::app::summary_line(&p, waymark::i18n::Language::En)),
        "{out}"
    );
    // `new` refuses to overwrite.
    let (code, _, err) = waymark(&["new", "-o", file]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn check_reports_bad_files_on_one_line_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.ron", b"", "empty.ron:1:1"),
        (
            "syntax.ron",
            b"(\n  format_version: 1,\n  title: oops\n)",
            "syntax.ron:3:",
        ),
        ("binary.ron", &[0xff, 0xfe, 0x00, 0x41], "binary.ron:1:1"),
        (
            "newer.ron",
            b"(format_version: 99, title: \"x\")",
            "newer Waymark",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = waymark(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {out}{err}");
        assert_eq!(err.trim().lines().count(), 1, "{name}: {err}");
        assert!(err.contains(expect), "{name}: {err}");
    }
    let missing = dir.path().join("nonexistent/project.ron");
    let missing = missing.to_str().unwrap();
    let (code, _, err) = waymark(&["check", missing]);
    assert_eq!(code, 1);
    assert!(err.contains(missing), "{err}");
}

#[test]
fn new_into_an_unwritable_place_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nonexistent-dir/x.ron");
    let target = target.to_str().unwrap();
    let (code, _, err) = waymark(&["new", "-o", target]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(target), "{err}");
    assert!(!dir.path().join("nonexistent-dir").exists());
}

#[test]
fn export_to_a_csv_file_writes_every_measure_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.ron");
    let mut project = waymark::io::sample::sample_project();
    project.journeys[0].title = "宽带安装".to_owned();
    waymark::io::save_file(&project, &file).unwrap();
    let csv = dir.path().join("measures.CSV");
    let (code, out, err) = waymark(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("measures.CSV"), "{out}");
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("Journey,Stage,Touchpoint,Measure,Value,n,RAG,Class,Priority rank,Reason,Low base")
    );
    // The sample's stage-level NPS 32 "Post-order survey", in the renamed journey.
    assert!(
        text.lines()
            .any(|l| l.starts_with("宽带安装,") && l.contains(",NPS,32,")),
        "{text}"
    );
    // The same as the library writes.
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        waymark::export::measures::measures_csv(&project, None).unwrap()
    );
    // An unknown journey is an error naming the journeys.
    let (code, _, err) = waymark(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
        "--journey",
        "nope",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("nope"), "{err}");
}

#[test]
fn export_names_an_avatar_from_outside_the_project_folder_and_never_reads_it() {
    let home = tempfile::tempdir().unwrap();
    let mine = home.path().join("me.png");
    image::RgbaImage::from_pixel(64, 64, image::Rgba([200, 40, 160, 255]))
        .save(&mine)
        .unwrap();
    let folder = home.path().join("downloads");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("stranger.ron");
    let png = folder.join("stranger.png");
    for stored in [mine.to_str().unwrap(), "../me.png"] {
        let mut p = waymark::io::sample::sample_project();
        p.personas[0].avatar = Some(stored.to_owned());
        waymark::io::save_file(&p, &file).unwrap();
        let (code, _, err) = waymark(&[
            "export",
            file.to_str().unwrap(),
            "-o",
            png.to_str().unwrap(),
        ]);
        // The map is still exported, with initials instead of the picture, and the
        // refusal is named on stderr.
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains(stored) && err.contains("outside the project's folder"),
            "{err}"
        );
        let image = image::open(&png).unwrap().to_rgba8();
        let pink = image
            .pixels()
            .filter(|p| p.0[0] == 200 && p.0[1] == 40 && p.0[2] == 160)
            .count();
        assert_eq!(pink, 0, "the picture outside the folder was drawn");
    }
}

#[test]
fn slides_export_writes_one_png_per_step_at_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("classic.ron");
    let file = file.to_str().unwrap();
    let (code, _, err) = waymark(&["new", "-o", file, "--template", "classic-journey.en"]);
    assert_eq!(code, 0, "{err}");
    let stages = waymark::io::load_file(std::path::Path::new(file))
        .unwrap()
        .journeys[0]
        .stages
        .clone();
    // The default size: 1920 x 1080, the overview then each stage, in pages where it is
    // too tall for 24 px text on one screen (this template's are).
    let slides = dir.path().join("slides");
    let (code, out, err) = waymark(&["export", file, "--slides", slides.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&slides)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() > stages.len() + 1, "{names:?}");
    assert_eq!(names[0], "00-overview.png");
    assert_eq!(names[1], "01-awareness-p1.png", "{names:?}");
    assert_eq!(names[2], "01-awareness-p2.png", "{names:?}");
    for i in 1..=stages.len() {
        assert!(
            names.iter().any(|n| n.starts_with(&format!("{i:02}-"))),
            "stage {i}: {names:?}"
        );
    }
    for name in &names {
        let img = image::open(slides.join(name)).unwrap();
        assert_eq!((img.width(), img.height()), (1920, 1080), "{name}");
    }
    assert!(
        out.contains(&format!("{} slides of 1920x1080", names.len())),
        "{out}"
    );
    // A chosen size, with the curve revealed stage by stage.
    let small = dir.path().join("small");
    let (code, _, err) = waymark(&[
        "export",
        file,
        "--slides",
        small.to_str().unwrap(),
        "--size",
        "800x450",
        "--reveal",
    ]);
    assert_eq!(code, 0, "{err}");
    let img = image::open(small.join("00-overview.png")).unwrap();
    assert_eq!((img.width(), img.height()), (800, 450));
    assert!(std::fs::read_dir(&small).unwrap().count() > stages.len());
    // A bad size is refused with a clear message, and nothing is written.
    let bad = dir.path().join("bad");
    let (code, _, err) = waymark(&[
        "export",
        file,
        "--slides",
        bad.to_str().unwrap(),
        "--size",
        "10x10",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("320 to 7680"), "{err}");
    assert!(!bad.exists());
    let (code, _, err) = waymark(&[
        "export",
        file,
        "--slides",
        bad.to_str().unwrap(),
        "--size",
        "wide",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("WIDTHxHEIGHT"), "{err}");
}
