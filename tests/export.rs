//! PNG export through our own CPU rasteriser: golden images, size, transparency, CJK
//! text, and the command line's error paths.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::path::{Path, PathBuf};

use image::RgbaImage;

mod common;
use waymark::export::{Background, ExportError, ExportOptions, Exporter};
use waymark::io::sample::{generated_project, sample_project};
use waymark::layout::{self, ApproxText};
use waymark::model::Project;

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `image` with the golden PNG `name`. With `WAYMARK_BLESS=1` the golden is
/// (re)written instead. Tolerance: a pixel may differ by 2 levels per channel (float
/// rounding); at most 1 in 50,000 pixels may differ by more (a changed word does).
fn assert_matches_golden(image: &RgbaImage, name: &str) {
    let path = golden_path(name);
    if std::env::var_os("WAYMARK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        image.save(&path).unwrap();
        return;
    }
    let golden = image::open(&path)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with WAYMARK_BLESS=1 to create it)",
                path.display()
            )
        })
        .to_rgba8();
    assert_eq!(
        image.dimensions(),
        golden.dimensions(),
        "{name}: size differs"
    );
    let mut off = 0usize;
    for (a, b) in image.pixels().zip(golden.pixels()) {
        if a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 2) {
            off += 1;
        }
    }
    let total = (image.width() * image.height()) as usize;
    if off * 50_000 > total {
        // A fresh folder of this test's own, kept so the image can be inspected.
        let dir = tempfile::Builder::new()
            .prefix("waymark-golden-")
            .tempdir()
            .unwrap()
            .keep();
        let diff = dir.join(name);
        image.save(&diff).unwrap();
        panic!(
            "{name}: {off} of {total} pixels differ from the golden; the new image is at {}",
            diff.display()
        );
    }
}

fn export(exporter: &Exporter, project: &Project, options: ExportOptions) -> RgbaImage {
    exporter
        .render(project, &project.journeys[0], &options)
        .unwrap()
}

fn dense_project() -> Project {
    generated_project(8, 8, 160)
}

#[test]
fn the_sample_matches_its_golden_image() {
    let exporter = Exporter::without_system_fonts();
    let image = export(&exporter, &sample_project(), ExportOptions::default());
    assert_matches_golden(&image, "sample.png");
}

#[test]
fn a_dense_map_matches_its_golden_image() {
    let exporter = Exporter::without_system_fonts();
    let image = export(&exporter, &dense_project(), ExportOptions::default());
    assert_matches_golden(&image, "dense.png");
}

#[test]
fn the_sample_export_has_the_map_size_and_is_not_blank() {
    let exporter = Exporter::new();
    let project = sample_project();
    let image = export(&exporter, &project, ExportOptions::default());
    // The layout's size in points is the image size at scale 1 (within a pixel: text
    // measured by the real fonts can differ slightly from the estimate).
    let approx = layout::layout_journey(&project, &project.journeys[0], &ApproxText);
    assert!(
        (image.width() as f32 - approx.size.x).abs() <= 1.0,
        "{} vs {}",
        image.width(),
        approx.size.x
    );
    assert!(image.height() > 800, "{}", image.height());

    let not_white = image
        .pixels()
        .filter(|p| p.0 != [255, 255, 255, 255])
        .count();
    let share = not_white as f64 / f64::from(image.width() * image.height());
    assert!(share > 0.2, "only {share:.3} of the image is painted");
    let mut colours: Vec<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 500, "{} colours", colours.len());

    let double = export(
        &exporter,
        &project,
        ExportOptions {
            scale: 2.0,
            ..ExportOptions::default()
        },
    );
    assert_eq!(double.width(), image.width() * 2);
    assert_eq!(double.height(), image.height() * 2);
}

#[test]
fn a_transparent_background_is_transparent() {
    let exporter = Exporter::without_system_fonts();
    let project = sample_project();
    let options = ExportOptions {
        background: Background::Transparent,
        ..ExportOptions::default()
    };
    let image = export(&exporter, &project, options);
    let white = export(&exporter, &project, ExportOptions::default());
    assert_eq!(image.dimensions(), white.dimensions());
    // The margins are fully transparent; the stage headers stay opaque.
    assert_eq!(image.get_pixel(2, 2).0[3], 0);
    assert_eq!(
        image.get_pixel(image.width() - 3, image.height() - 3).0[3],
        0
    );
    let transparent = image.pixels().filter(|p| p.0[3] == 0).count();
    assert!(
        transparent * 10 > (image.width() * image.height()) as usize,
        "{transparent}"
    );
    let map = layout::layout_journey(&project, &project.journeys[0], &ApproxText);
    let header = map.stages[0].header.center();
    let px = image.get_pixel(header.x as u32, (header.y - 6.0) as u32);
    assert_eq!(px.0[3], 255, "{px:?}");
    // On a dark slide the title and the legend stay readable: their text sits on a
    // panel of paper, opaque, while the map around them lets the slide through.
    for r in [map.title, map.legend] {
        let c = r.center();
        let px = image.get_pixel(c.x as u32, c.y as u32);
        assert_eq!(px.0[3], 255, "{r:?}: {px:?}");
    }
    let above = image.get_pixel(map.title.center().x as u32, (map.title.top() - 12.0) as u32);
    assert_eq!(
        above.0[3], 0,
        "the margin above the title panel is the slide's"
    );
    // The white export is opaque everywhere.
    assert!(white.pixels().all(|p| p.0[3] == 255));
}

#[test]
fn title_persona_and_legend_can_be_left_out() {
    let exporter = Exporter::without_system_fonts();
    let project = sample_project();
    let full = export(&exporter, &project, ExportOptions::default());
    let bare = export(
        &exporter,
        &project,
        ExportOptions {
            title: false,
            persona: false,
            legend: false,
            ..ExportOptions::default()
        },
    );
    assert_eq!(full.width(), bare.width());
    assert!(
        bare.height() + 100 < full.height(),
        "{} vs {}",
        bare.height(),
        full.height()
    );
}

fn ink(image: &RgbaImage, x0: u32, y0: u32, w: u32, h: u32) -> usize {
    let mut n = 0;
    for y in y0..(y0 + h).min(image.height()) {
        for x in x0..(x0 + w).min(image.width()) {
            let p = image.get_pixel(x, y).0;
            if p[0] < 250 || p[1] < 250 || p[2] < 250 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn cjk_text_exports_with_real_glyphs() {
    if !common::cjk_font_available() {
        return;
    }
    let mut project = sample_project();
    let j = &mut project.journeys[0];
    j.title = "宽带安装旅程：从搜索到故障修复".to_owned();
    j.lanes[0].cards[0].text = "比较三家运营商的价格 料金を比較する 가격 비교".to_owned();
    let with_fonts = Exporter::new();
    let missing = with_fonts.missing_scripts(&project, &project.journeys[0]);
    assert!(
        missing.is_empty(),
        "this machine has no font for {missing:?}: install a CJK font (fonts-noto-cjk); .ci/run does"
    );
    let good = export(&with_fonts, &project, ExportOptions::default());
    let without = Exporter::without_system_fonts();
    assert_eq!(
        without.missing_scripts(&project, &project.journeys[0]),
        vec![
            "Chinese/Japanese (Han)",
            "CJK punctuation",
            "Japanese (kana)",
            "Korean (Hangul)"
        ]
    );
    let tofu = export(&without, &project, ExportOptions::default());
    // The title is painted with ink either way, but the glyphs differ from the
    // missing-glyph boxes.
    let title = (24, 24, 600, 30);
    let ink_good = ink(&good, title.0, title.1, title.2, title.3);
    assert!(ink_good > 500, "title has {ink_good} inked pixels");
    let mut differing = 0;
    for y in title.1..title.1 + title.3 {
        for x in title.0..title.0 + title.2 {
            if good.get_pixel(x, y) != tofu.get_pixel(x, y) {
                differing += 1;
            }
        }
    }
    assert!(
        differing > 500,
        "CJK glyphs look like missing-glyph boxes ({differing} px differ)"
    );
}

#[test]
fn a_map_too_large_for_the_scale_names_the_largest_scale_that_fits() {
    let exporter = Exporter::without_system_fonts();
    let project = generated_project(40, 2, 40);
    let err = exporter
        .render(
            &project,
            &project.journeys[0],
            &ExportOptions {
                scale: 4.0,
                ..ExportOptions::default()
            },
        )
        .unwrap_err();
    let ExportError::TooLarge { max_scale, .. } = err else {
        panic!("{err}");
    };
    assert!(err.to_string().contains("largest scale that fits"), "{err}");
    assert!(max_scale > 1.0 && max_scale < 4.0, "{max_scale}");
    // And that scale does fit.
    exporter
        .render(
            &project,
            &project.journeys[0],
            &ExportOptions {
                scale: max_scale,
                ..ExportOptions::default()
            },
        )
        .unwrap();
}

fn waymark(args: &[&str]) -> (i32, String, String) {
    common::waymark(args, &[])
}

#[test]
fn the_command_line_exports_a_png_and_reports_errors_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let project = project.to_str().unwrap();
    assert_eq!(waymark(&["new", "-o", project]).0, 0);
    let out = dir.path().join("map.png");
    let out_s = out.to_str().unwrap();
    let (code, stdout, err) = waymark(&[
        "export",
        project,
        "-o",
        out_s,
        "--scale",
        "2",
        "--background",
        "transparent",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("map.png"), "{stdout}");
    let png = image::open(&out).unwrap().to_rgba8();
    assert!(png.width() > 3000, "{}", png.width());
    assert_eq!(png.get_pixel(1, 1).0[3], 0);

    let journey = sample_project().journeys[0].id.to_string();
    assert_eq!(
        waymark(&["export", project, "-o", out_s, "--journey", &journey]).0,
        0
    );

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 1,").unwrap();
    let missing = dir.path().join("nonexistent/p.ron");
    let missing = missing.to_str().unwrap();
    let nowhere = dir.path().join("nonexistent-dir/map.png");
    let nowhere = nowhere.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["export", missing, "-o", out_s], missing),
        (
            &["export", bad.to_str().unwrap(), "-o", out_s],
            "bad.ron:1:",
        ),
        (&["export", project, "-o", nowhere], nowhere),
        (
            &["export", project, "-o", out_s, "--journey", "Nope"],
            "no journey is called",
        ),
        (
            &["export", project, "-o", out_s, "--scale", "9"],
            "scale 9 is out of range",
        ),
    ];
    for (args, expect) in cases {
        let (code, _, err) = waymark(args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: {err}");
        // The system's reason once, not again after the sentence that already says it.
        assert!(err.matches("(os error").count() <= 1, "{args:?}: {err}");
    }
}

#[test]
fn notes_of_accelerators_and_blockers_are_exported_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.ron");
    waymark::io::save_file(&sample_project(), &file).unwrap();
    let file = file.to_str().unwrap();
    let height = |extra: &[&str]| {
        let out = dir.path().join("map.png");
        let out_s = out.to_str().unwrap();
        let mut args = vec!["export", file, "-o", out_s];
        args.extend_from_slice(extra);
        let (code, _, err) = waymark(&args);
        assert_eq!(code, 0, "{err}");
        image::open(&out).unwrap().height()
    };
    // The notes go into the pills, under the titles: the map grows to hold them.
    let without = height(&[]);
    let with = height(&["--notes"]);
    assert!(with > without + 20, "{with} vs {without}");
    // The library's option does the same as the flag.
    let exporter = Exporter::without_system_fonts();
    let options = ExportOptions {
        notes: true,
        ..ExportOptions::default()
    };
    assert_eq!(export(&exporter, &sample_project(), options).height(), with);
}

#[test]
fn votes_are_drawn_as_dots_unless_left_out() {
    let exporter = waymark::export::Exporter::without_system_fonts();
    let plain = waymark::io::sample::sample_project();
    let mut voted = plain.clone();
    voted.journeys[0].lanes[0].cards[0].votes = 3;
    voted.journeys[0].lanes[1].cards[0].votes = 14;
    let options = ExportOptions::default();
    let render = |p: &waymark::model::Project, o: &ExportOptions| {
        exporter.render(p, &p.journeys[0], o).unwrap()
    };
    let without = render(&plain, &options);
    let with = render(&voted, &options);
    assert_eq!(with.dimensions(), without.dimensions());
    // The dots are the vote colour, which nothing else on the sample map uses.
    let vote = waymark::theme::workshop::VOTE;
    let dots = |img: &image::RgbaImage| {
        img.pixels()
            .filter(|p| p.0[..3] == [vote.r(), vote.g(), vote.b()])
            .count()
    };
    assert_eq!(dots(&without), 0);
    assert!(dots(&with) > 13 * 40, "{} vote pixels", dots(&with));
    // Left out, the map is exactly the map nobody voted on.
    let left_out = render(
        &voted,
        &ExportOptions {
            votes: false,
            ..ExportOptions::default()
        },
    );
    assert!(left_out.as_raw() == without.as_raw());
}
