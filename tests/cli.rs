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
