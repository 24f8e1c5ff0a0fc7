//! PDF and SVG export: the same shapes as the PNG export, as vectors and real text.
//! Fidelity is checked against our own PNG of the same map at the same size, rendering
//! the PDF with poppler's `pdftoppm` and the SVG with `resvg`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::Path;
use std::process::Command;

use base64::Engine as _;
use egui_kittest::kittest::Queryable as _;
use waymark::export::{self, ExportOptions, Exporter, PageSize, Paper, PdfOptions};
use waymark::io;
use waymark::model::Project;

/// True if `program` runs. Missing: a notice and false outside CI, a failure under CI
/// (where `.ci/run` installs it).
fn have(program: &str) -> bool {
    if Command::new(program).arg("-v").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{program} is missing on this CI machine: .ci/run should install poppler-utils"
    );
    eprintln!("skipped: {program} is not installed (apt-get install poppler-utils)");
    false
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Page `page` (1-based) of the PDF at 72 dpi (1 pt = 1 px), as RGBA.
fn pdftoppm(pdf: &Path, page: usize, dpi: u32) -> image::RgbaImage {
    let dir = pdf.parent().unwrap();
    let prefix = dir.join(format!("page{page}"));
    let out = Command::new("pdftoppm")
        .args(["-png", "-singlefile", "-r", &dpi.to_string()])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    image::open(prefix.with_extension("png"))
        .unwrap()
        .to_rgba8()
}

/// The fonts embedded in an SVG's `@font-face` rules.
fn embedded_fonts(svg: &str) -> Vec<Vec<u8>> {
    svg.split("url(\"data:font/")
        .skip(1)
        .filter_map(|rest| {
            let data = rest.split_once("base64,")?.1;
            let end = data.find('"')?;
            base64::engine::general_purpose::STANDARD
                .decode(&data[..end])
                .ok()
        })
        .collect()
}

/// The SVG rendered by resvg with ONLY the fonts embedded in it (no system font).
fn render_svg(svg: &str, scale: f32) -> image::RgbaImage {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    let fonts = embedded_fonts(svg);
    assert!(!fonts.is_empty(), "the SVG embeds its fonts");
    {
        let db = options.fontdb_mut();
        for font in fonts {
            db.load_font_data(font);
        }
    }
    let tree = usvg::Tree::from_str(svg, &options).expect("valid SVG");
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).round() as u32,
        (size.height() * scale).round() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps premultiplied pixels; on white they are opaque anyway.
    image::RgbaImage::from_raw(w, h, pixmap.take()).unwrap()
}

/// Share of pixels that differ by more than `tolerance` (any channel, on white) from
/// every pixel of the other image within one pixel: differences of anti-aliasing at
/// edges (one pixel either way) are not counted.
fn mismatch(a: &image::RgbaImage, b: &image::RgbaImage, tolerance: u8) -> f64 {
    let w = a.width().min(b.width());
    let h = a.height().min(b.height());
    let on_white = |p: &image::Rgba<u8>| {
        let al = u32::from(p.0[3]);
        [0, 1, 2].map(|i| ((u32::from(p.0[i]) * al + 255 * (255 - al)) / 255) as i32)
    };
    let close = |p: [i32; 3], q: [i32; 3]| {
        (0..3).all(|i| (p[i] - q[i]).unsigned_abs() <= u32::from(tolerance))
    };
    let mut bad = 0u64;
    for y in 0..h {
        for x in 0..w {
            let pa = on_white(a.get_pixel(x, y));
            let near = |img: &image::RgbaImage, p: [i32; 3]| {
                (y.saturating_sub(1)..=(y + 1).min(h - 1)).any(|yy| {
                    (x.saturating_sub(1)..=(x + 1).min(w - 1))
                        .any(|xx| close(p, on_white(img.get_pixel(xx, yy))))
                })
            };
            if !near(b, pa) || !near(a, on_white(b.get_pixel(x, y))) {
                bad += 1;
            }
        }
    }
    bad as f64 / f64::from(w * h)
}

/// Saves `image` as `name` in the folder named by `WAYMARK_SAVE_RENDERS`, if set, so a
/// person can look at what the renderers made of our files.
fn save_render(image: &image::RgbaImage, name: &str) {
    if let Some(dir) = std::env::var_os("WAYMARK_SAVE_RENDERS") {
        image.save(Path::new(&dir).join(name)).unwrap();
    }
}

/// Every card's text of the first journey, one line each.
fn card_texts(project: &Project) -> Vec<String> {
    project.journeys[0]
        .lanes
        .iter()
        .filter(|l| !l.collapsed)
        .flat_map(|l| l.cards.iter().map(|c| c.text.clone()))
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// Whitespace-free text, so that words wrapped across lines still match.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_sample_pdf_has_every_card_as_real_text_and_is_small() {
    let project = io::sample::sample_project();
    let exporter = Exporter::new();
    let journey = &project.journeys[0];
    let (bytes, pages) = export::pdf_bytes(
        &exporter,
        &project,
        journey,
        &ExportOptions::default(),
        None,
    )
    .unwrap();
    assert_eq!(pages, 1);
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.len() < 1_000_000,
        "the sample's PDF is {} bytes, over 1 MB",
        bytes.len()
    );
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sample.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let text = squash(&pdftotext(&pdf));
    assert!(text.contains(&squash(&journey.title)), "{text}");
    for card in card_texts(&project) {
        // Long cards are cut with "…" on the map: their first words are there.
        let start: String = squash(&card).chars().take(12).collect();
        assert!(text.contains(&start), "{card:?} not found in:\n{text}");
    }
    for stage in &journey.stages {
        assert!(text.contains(&squash(&stage.name)), "{}", stage.name);
    }
}

#[test]
fn a_chinese_template_pdf_and_svg_carry_the_chinese_text() {
    if !common::cjk_font_available() {
        return;
    }
    let (templates, _) = io::templates::builtin();
    let template = io::templates::find(&templates, "classic-journey.zh-Hans").unwrap();
    let project = template.project.clone();
    let journey = &project.journeys[0];
    let exporter = Exporter::new();
    let (bytes, _) = export::pdf_bytes(
        &exporter,
        &project,
        journey,
        &ExportOptions::default(),
        None,
    )
    .unwrap();
    assert!(
        bytes.len() < 1_000_000,
        "with subset CJK fonts the PDF is {} bytes",
        bytes.len()
    );
    let svg = export::svg_string(
        &exporter,
        &project,
        journey,
        &ExportOptions::default(),
        None,
    )
    .unwrap();
    assert!(
        svg.contains(&journey.title),
        "the SVG has the title as text"
    );
    assert!(svg.len() < 2_000_000, "SVG of {} bytes", svg.len());
    // resvg draws the Chinese text with the embedded subset font alone.
    let rendered = render_svg(&svg, 1.0);
    save_render(&rendered, "zh-svg-resvg.png");
    let png = exporter
        .render(&project, journey, &ExportOptions::default())
        .unwrap();
    let share = mismatch(&png, &rendered, 80);
    eprintln!("Chinese SVG vs PNG: {:.3}% of pixels differ", share * 100.0);
    assert!(share < MAX_MISMATCH, "{:.3}% differ", share * 100.0);
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("zh.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let text = squash(&pdftotext(&pdf));
    assert!(text.contains(&squash(&journey.title)), "{text}");
    for stage in &journey.stages {
        assert!(
            text.contains(&squash(&stage.name)),
            "{} in {text}",
            stage.name
        );
    }
    let cards = card_texts(&project);
    assert!(!cards.is_empty());
    for card in cards {
        let start: String = squash(&card).chars().take(4).collect();
        assert!(text.contains(&start), "{card:?} not found in:\n{text}");
    }
}

/// The figure: at most 0.5% of pixels differ (by more than 80 of 255 on a channel)
/// from every pixel within one pixel in our PNG. Measured on the sample: 0.09% for the
/// PDF (poppler), 0.16% for the SVG (resvg); what remains is glyph rendering (their
/// anti-aliasing of text against egui's glyph atlas).
const MAX_MISMATCH: f64 = 0.005;

#[test]
fn the_pdf_looks_like_the_png() {
    if !have("pdftoppm") {
        return;
    }
    let project = io::sample::sample_project();
    let journey = &project.journeys[0];
    let exporter = Exporter::new();
    let options = ExportOptions::default();
    let png = exporter.render(&project, journey, &options).unwrap();
    let (bytes, _) = export::pdf_bytes(&exporter, &project, journey, &options, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sample.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let page = pdftoppm(&pdf, 1, 72);
    assert!(
        page.width().abs_diff(png.width()) <= 1 && page.height().abs_diff(png.height()) <= 1,
        "page {}x{} vs PNG {}x{}",
        page.width(),
        page.height(),
        png.width(),
        png.height()
    );
    let share = mismatch(&png, &page, 80);
    eprintln!("PDF vs PNG: {:.3}% of pixels differ", share * 100.0);
    assert!(share < MAX_MISMATCH, "{:.3}% differ", share * 100.0);
}

#[test]
fn the_svg_looks_like_the_png_with_only_its_embedded_fonts() {
    let project = io::sample::sample_project();
    let journey = &project.journeys[0];
    let exporter = Exporter::new();
    let options = ExportOptions::default();
    let png = exporter.render(&project, journey, &options).unwrap();
    let svg = export::svg_string(&exporter, &project, journey, &options, None).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains("version=\"1.1\""));
    assert!(svg.contains("<text"));
    assert!(svg.contains("@font-face"));
    let rendered = render_svg(&svg, 1.0);
    save_render(&rendered, "sample-svg-resvg.png");
    assert_eq!(
        (rendered.width(), rendered.height()),
        (png.width(), png.height())
    );
    let share = mismatch(&png, &rendered, 80);
    eprintln!("SVG vs PNG: {:.3}% of pixels differ", share * 100.0);
    assert!(share < MAX_MISMATCH, "{:.3}% differ", share * 100.0);
}

#[test]
fn the_report_has_a_cover_every_journey_and_every_persona() {
    let project = io::sample::sample_project();
    let exporter = Exporter::new();
    let options = ExportOptions {
        pdf: PdfOptions {
            page: PageSize::Paper {
                paper: Paper::A3,
                landscape: true,
            },
            all_journeys: true,
        },
        ..ExportOptions::default()
    };
    let (bytes, pages) =
        export::pdf_bytes(&exporter, &project, &project.journeys[0], &options, None).unwrap();
    assert_eq!(
        pages,
        1 + project.journeys.len() + project.personas.len(),
        "cover, journeys, personas"
    );
    // Bookmarks: one outline entry per page.
    let outline_entries = bytes
        .windows(b"/Dest".len())
        .filter(|w| w == b"/Dest")
        .count();
    assert!(
        outline_entries >= pages,
        "{outline_entries} outline entries"
    );
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let text = squash(&pdftotext(&pdf));
    for j in &project.journeys {
        assert!(text.contains(&squash(&j.title)), "{}", j.title);
    }
    for p in &project.personas {
        assert!(text.contains(&squash(&p.name)), "{}", p.name);
        for goal in &p.goals {
            assert!(text.contains(&squash(goal)), "{goal}");
        }
    }
    // A3 landscape: 420 x 297 mm at 72 dpi.
    let page = pdftoppm(&pdf, 2, 72);
    assert_eq!((page.width(), page.height()), (1191, 842));
}

#[test]
fn export_options_apply_to_vector_exports() {
    let project = io::sample::sample_project();
    let journey = &project.journeys[0];
    let exporter = Exporter::new();
    let full = exporter
        .scene(&project, journey, &ExportOptions::default(), None)
        .unwrap();
    let bare = exporter
        .scene(
            &project,
            journey,
            &ExportOptions {
                title: false,
                legend: false,
                persona: false,
                background: export::Background::Transparent,
                ..ExportOptions::default()
            },
            None,
        )
        .unwrap();
    assert!(bare.size.y < full.size.y, "no title block: a shorter map");
    assert!(bare.items.len() < full.items.len());
    let svg = export::svg::write_svg(&bare).unwrap();
    assert!(!svg.contains(&format!(">{}</text>", journey.title)));
}

/// Steps the app until the background export has finished (at most 60 s).
fn wait_for_export(h: &mut egui_kittest::Harness<'_, waymark::ui::WaymarkApp>) {
    let start = std::time::Instant::now();
    while h.state().state.export_job.is_some() {
        assert!(start.elapsed().as_secs() < 60, "the export did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn file_menu_exports_pdf_and_svg_through_the_export_dialog() {
    let dir = tempfile::tempdir().unwrap();
    for (item, title, file, magic) in [
        ("Export PDF…", "Export PDF", "map.pdf", &b"%PDF-"[..]),
        ("Export SVG…", "Export SVG", "map.svg", &b"<?xml"[..]),
    ] {
        let mut h = common::sample_app();
        h.get_by_label("File").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        h.get_by_label(title);
        // The suggested file has the format's extension.
        let suggested = h.get_by_label("Save to").value().unwrap_or_default();
        assert_eq!(
            Path::new(&suggested).extension(),
            Path::new(file).extension(),
            "{item} suggests {suggested:?}"
        );
        let path = dir.path().join(file);
        h.get_by_label("Save to").click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label("Save to").type_text(path.to_str().unwrap());
        h.run();
        h.get_by_label("Export").click();
        h.step();
        h.step();
        assert!(h.query_by_label(title).is_none(), "the dialog closes");
        wait_for_export(&mut h);
        h.get_by_label_contains("Exported");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{file} is a {title}");
        assert!(
            !h.state().state.is_dirty(),
            "an export leaves the document alone"
        );
    }
}

#[test]
fn the_export_dialog_switches_format_and_offers_pdf_pages_and_the_report() {
    let mut h = common::sample_app();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Export PNG");
    assert!(h.query_by_label_contains("All journeys").is_none());
    h.get_by_label("PDF").click();
    h.run();
    h.get_by_label("Export PDF");
    h.get_by_label_contains("All journeys");
    h.get_by_label("Page");
    let path = h.get_by_label("Save to").value().unwrap_or_default();
    assert_eq!(
        Path::new(&path).extension().and_then(|e| e.to_str()),
        Some("pdf"),
        "{path}"
    );
}

#[test]
fn cli_chooses_the_format_by_extension_or_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("s.ron");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let (code, _, err) = common::waymark(&["new", "-o", &s(&project)], &[]);
    assert_eq!(code, 0, "{err}");

    let pdf = dir.path().join("map.pdf");
    let (code, out, err) = common::waymark(&["export", &s(&project), "-o", &s(&pdf)], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(1 page)"), "{out}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let svg = dir.path().join("map.svg");
    let (code, _, err) = common::waymark(&["export", &s(&project), "-o", &s(&svg)], &[]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<?xml") && text.contains("<svg"));

    // An unknown extension: a clear error, nothing written.
    let odd = dir.path().join("map.docx");
    let (code, _, err) = common::waymark(&["export", &s(&project), "-o", &s(&odd)], &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("map.docx") && err.contains("--format"),
        "{err}"
    );
    assert!(!odd.exists());

    // --format wins over the extension.
    let named = dir.path().join("map.bin");
    let (code, _, err) = common::waymark(
        &["export", &s(&project), "-o", &s(&named), "--format", "svg"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&named).unwrap().contains("<svg"));
    let (code, _, err) = common::waymark(
        &["export", &s(&project), "-o", &s(&named), "--format", "tiff"],
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("tiff"), "{err}");

    // The report on A4 landscape, and a bad page size.
    let report = dir.path().join("report.pdf");
    let (code, out, err) = common::waymark(
        &[
            "export",
            &s(&project),
            "-o",
            &s(&report),
            "--all",
            "--page",
            "a4-landscape",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("pages"), "{out}");
    let (code, _, err) = common::waymark(
        &[
            "export",
            &s(&project),
            "-o",
            &s(&report),
            "--page",
            "letter",
        ],
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("letter"), "{err}");

    // An unwritable folder: the same clear error as for PNG.
    let (code, _, err) = common::waymark(
        &["export", &s(&project), "-o", "/nonexistent-folder/map.pdf"],
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent-folder/map.pdf"), "{err}");
}
