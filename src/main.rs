//! The `waymark` binary: the desktop app, and a command line for scripts.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use waymark::app::{AppState, summary_line};
use waymark::ui::{FileDialogs, WaymarkApp};
use waymark::{export, io};

/// Waymark: a journey-map designer.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A project file to open in the window (default: the embedded sample project).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Writes the sample project (or a template) to a new file.
    New {
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
        /// Make the project from this template (see `waymark templates`).
        #[arg(long)]
        template: Option<String>,
    },
    /// Lists the templates: id, name and language.
    Templates,
    /// Loads and validates a project (or a Mermaid journey, `.mmd`) and prints a one-line
    /// summary.
    Check {
        /// The project file, or a Mermaid journey file (`.mmd`).
        file: PathBuf,
    },
    /// Imports a Mermaid `journey` diagram (`.mmd`; several diagrams become several
    /// journeys) into a new project file.
    Import {
        /// The Mermaid file.
        file: PathBuf,
        /// The project file to write (`.ron`).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Exports a journey of a project as a PNG image, a PDF document, an SVG drawing (no
    /// display or GPU needed) or a Mermaid `journey` diagram, chosen by the output's
    /// extension or `--format`; or, when the output ends in `.csv`, every computed
    /// measure (of every journey, or of `--journey`) as a CSV table for a spreadsheet
    /// (UTF-8 with a byte-order mark). The input may be a Mermaid journey (`.mmd`).
    /// A micro journey is exported like any other (`--journey` with its title or id).
    /// With `--all`: `-o report.pdf --all` writes the whole project as one PDF report;
    /// `-o all.mmd --all` every journey as one diagram after another; `-o DIR --all`
    /// (an existing folder, or a path without extension) writes every journey, macro
    /// and micro, as one file each named after its title (PNG, or `--format`).
    Export {
        /// The project file, or a Mermaid journey file (`.mmd`).
        file: PathBuf,
        /// The file to write: `.png`, `.pdf` or `.svg` for the map, `.mmd` for Mermaid,
        /// `.csv` for the measures; with `--all`, a `.pdf` report, a `.mmd` or a folder
        /// (not needed with `--slides`).
        #[arg(short, long, required_unless_present = "slides")]
        output: Option<PathBuf>,
        /// Write slides instead: one PNG per step of the workshop presentation (the
        /// overview, then each stage in the spotlight) into this folder.
        #[arg(long, conflicts_with = "output")]
        slides: Option<PathBuf>,
        /// Slides: the size of each slide in pixels, width x height (e.g. 1920x1080).
        #[arg(long, default_value = "1920x1080", requires = "slides")]
        size: String,
        /// Slides: reveal the emotion curve, quotes and measures one stage at a time.
        #[arg(long, requires = "slides")]
        reveal: bool,
        /// Leave out the dot votes on cards.
        #[arg(long)]
        no_votes: bool,
        /// The format, whatever the output's extension: png, pdf, svg or mermaid.
        #[arg(long)]
        format: Option<String>,
        /// With a `.pdf` output: the whole project as a report (cover, every journey,
        /// every persona). With a `.mmd` output: every journey, one diagram after
        /// another. With a folder as output: every journey (macro and micro), one file
        /// each, named after its title.
        #[arg(long)]
        all: bool,
        /// PDF page: fit (the map's size), or a4, a3, a2, a1, a0 with -landscape or
        /// -portrait (e.g. a3-landscape); the map is scaled to fit inside margins.
        #[arg(long, default_value = "fit")]
        page: String,
        /// Pixels per point, 1 to 4 (1 = the canvas at 100%).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// The journey to export, by title or id (default: the first).
        #[arg(long)]
        journey: Option<String>,
        /// White or transparent background.
        #[arg(long, value_enum, default_value_t = BackgroundArg::White)]
        background: BackgroundArg,
        /// Leave out the title block.
        #[arg(long)]
        no_title: bool,
        /// Leave out the persona card.
        #[arg(long)]
        no_persona: bool,
        /// Leave out the legend.
        #[arg(long)]
        no_legend: bool,
        /// Leave out accelerator and blocker annotations.
        #[arg(long)]
        no_annotations: bool,
        /// Show the notes of accelerators and blockers under their titles.
        #[arg(long)]
        notes: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum BackgroundArg {
    White,
    Transparent,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Cmd::New { output, template }) => cmd_new(&output, template.as_deref()),
        Some(Cmd::Templates) => {
            cmd_templates();
            Ok(())
        }
        Some(Cmd::Check { file }) => cmd_check(&file),
        Some(Cmd::Import { file, output }) => cmd_import(&file, &output),
        Some(Cmd::Export {
            file,
            output,
            format,
            all,
            page,
            scale,
            journey,
            background,
            no_title,
            no_persona,
            no_legend,
            no_annotations,
            notes,
            slides,
            size,
            reveal,
            no_votes,
        }) => {
            if let Some(dir) = slides {
                return finish(cmd_slides(
                    &file,
                    &dir,
                    &size,
                    journey.as_deref(),
                    reveal,
                    !no_votes,
                ));
            }
            let Some(output) = output else {
                eprintln!("waymark: --output is needed (or --slides)");
                return ExitCode::FAILURE;
            };
            let Some(page) = export::PageSize::parse(&page) else {
                eprintln!(
                    "waymark: unknown page size \"{page}\"; use fit, or a4, a3, a2, a1 or a0 \
                     with -landscape or -portrait (e.g. a3-landscape)"
                );
                return ExitCode::FAILURE;
            };
            let options = export::ExportOptions {
                scale,
                background: match background {
                    BackgroundArg::White => export::Background::White,
                    BackgroundArg::Transparent => export::Background::Transparent,
                },
                title: !no_title,
                persona: !no_persona,
                legend: !no_legend,
                annotations: !no_annotations,
                notes,
                pdf: export::PdfOptions {
                    page,
                    all_journeys: all,
                },
                votes: !no_votes,
            };
            cmd_export(
                &file,
                &output,
                format.as_deref(),
                journey.as_deref(),
                options,
            )
        }
        None => run_window(cli.file.as_ref()),
    };
    finish(result)
}

fn finish(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waymark: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, `a: b: c`, leaving out a cause whose words the
/// message already says (Waymark's errors name their cause in the sentence, which
/// `{:#}` would then print a second time).
fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

fn cmd_slides(
    file: &std::path::Path,
    dir: &std::path::Path,
    size: &str,
    journey: Option<&str>,
    reveal: bool,
    votes: bool,
) -> anyhow::Result<()> {
    let Some((width, height)) = export::slides::parse_size(size) else {
        anyhow::bail!("bad slide size \"{size}\"; write it as WIDTHxHEIGHT, e.g. 1920x1080");
    };
    let project = io::load_any(file)?;
    let journey = export::find_journey(&project, journey)?;
    let exporter = export::Exporter::new();
    for script in exporter.missing_scripts(&project, journey) {
        eprintln!(
            "waymark: warning: no installed font has {script} characters; they will show \
             as boxes (install a CJK font such as Noto Sans CJK)"
        );
    }
    let options = export::slides::SlideOptions {
        width,
        height,
        reveal,
        votes,
    };
    let written = export::slides::write_slides(&exporter, &project, journey, dir, &options)?;
    for path in &written {
        println!("wrote {}", path.display());
    }
    println!(
        "{} slides of {width}x{height} in {}",
        written.len(),
        dir.display()
    );
    Ok(())
}

fn cmd_new(output: &std::path::Path, template: Option<&str>) -> anyhow::Result<()> {
    let project = match template {
        None => io::sample::sample_project(),
        Some(id) => {
            let (templates, _) = io::templates::all();
            let Some(t) = io::templates::find(&templates, id) else {
                let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
                anyhow::bail!(
                    "unknown template \"{id}\"; the templates are: {}",
                    ids.join(", ")
                );
            };
            t.project.clone()
        }
    };
    if output.exists() {
        anyhow::bail!(
            "{}: already exists; choose another name or delete it first",
            output.display()
        );
    }
    io::save_file(&project, output)?;
    println!("wrote {}", output.display());
    Ok(())
}

fn cmd_templates() {
    let (templates, errors) = io::templates::all();
    for t in &templates {
        println!("{}\t{}\t{}", t.id, t.name, t.language);
    }
    for e in errors {
        eprintln!("waymark: warning: {e}");
    }
}

fn cmd_check(file: &std::path::Path) -> anyhow::Result<()> {
    let project = io::load_any(file)?;
    println!(
        "{}: ok: {}",
        file.display(),
        summary_line(&project, waymark::i18n::Language::En)
    );
    Ok(())
}

fn cmd_import(file: &std::path::Path, output: &std::path::Path) -> anyhow::Result<()> {
    let diagrams = io::load_mermaid(file)?;
    if output.exists() {
        anyhow::bail!(
            "{}: already exists; choose another name or delete it first",
            output.display()
        );
    }
    let project = io::mermaid_project(&diagrams, file);
    io::save_file(&project, output)?;
    let tasks: usize = diagrams.iter().map(io::mermaid::Diagram::task_count).sum();
    let journeys = project.journeys.len();
    let noun = if journeys == 1 { "journey" } else { "journeys" };
    println!(
        "wrote {} ({journeys} {noun}, {tasks} tasks)",
        output.display()
    );
    Ok(())
}

fn cmd_export(
    file: &std::path::Path,
    output: &std::path::Path,
    format: Option<&str>,
    journey: Option<&str>,
    options: export::ExportOptions,
) -> anyhow::Result<()> {
    let format = match format {
        Some(name) => Some(export::ExportFormat::from_name(name).ok_or_else(|| {
            anyhow::anyhow!("unknown format \"{name}\"; the formats are png, pdf, svg and mermaid")
        })?),
        None => None,
    };
    let project = io::load_any(file)?;
    if options.pdf.all_journeys && is_folder(output) {
        return cmd_export_all(
            file,
            &project,
            output,
            format.unwrap_or(export::ExportFormat::Png),
            options,
        );
    }
    if format.is_none() && export::measures::is_csv(output) {
        let chosen = journey
            .map(|q| export::find_journey(&project, Some(q)))
            .transpose()?;
        let only: Vec<&waymark::model::Journey> = chosen.into_iter().collect();
        export::measures::write_measures_csv(
            &project,
            (!only.is_empty()).then_some(only.as_slice()),
            output,
        )?;
        println!("wrote {}", output.display());
        return Ok(());
    }
    let Some(format) = format.or_else(|| export::ExportFormat::from_path(output)) else {
        return Err(export::ExportError::UnknownFormat(output.display().to_string()).into());
    };
    if format == export::ExportFormat::Mermaid {
        let journeys: Vec<&waymark::model::Journey> = if options.pdf.all_journeys {
            project.journeys.iter().collect()
        } else {
            vec![export::find_journey(&project, journey)?]
        };
        export::write_mermaid(&project, &journeys, output)?;
        println!("wrote {}", output.display());
        return Ok(());
    }
    let journey = export::find_journey(&project, journey)?;
    let exporter = export::Exporter::new();
    for script in exporter.missing_scripts(&project, journey) {
        eprintln!(
            "waymark: warning: no installed font has {script} characters; they will show \
             as boxes (install a CJK font such as Noto Sans CJK)"
        );
    }
    if let Some(Err(e)) = export::journey_avatar(&project, journey, &options, Some(file)) {
        eprintln!("waymark: warning: the persona's avatar is left out: {e}");
    }
    match format {
        export::ExportFormat::Png => {
            let (width, height) =
                exporter.write_png_in(&project, journey, &options, Some(file), output)?;
            println!("wrote {} ({} x {} px)", output.display(), width, height);
        }
        export::ExportFormat::Pdf => {
            let pages =
                export::write_pdf(&exporter, &project, journey, &options, Some(file), output)?;
            let noun = if pages == 1 { "page" } else { "pages" };
            println!("wrote {} ({pages} {noun})", output.display());
        }
        export::ExportFormat::Svg => {
            export::write_svg(&exporter, &project, journey, &options, Some(file), output)?;
            println!("wrote {}", output.display());
        }
        export::ExportFormat::Mermaid => {}
    }
    Ok(())
}

/// True if `path` names a folder: an existing one, or a path with no extension.
fn is_folder(path: &std::path::Path) -> bool {
    path.is_dir() || (!path.exists() && path.extension().is_none())
}

/// `waymark export --all -o DIR`: every journey, macro and micro, one file each.
fn cmd_export_all(
    file: &std::path::Path,
    project: &waymark::model::Project,
    dir: &std::path::Path,
    format: export::ExportFormat,
    mut options: export::ExportOptions,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    // Each file is one journey, never the report.
    options.pdf.all_journeys = false;
    let exporter = export::Exporter::new();
    let names = export::journey_file_names(project, format.extension());
    let mut warned = Vec::new();
    for (id, name) in names {
        let Some(journey) = project.journey(id) else {
            continue;
        };
        for script in exporter.missing_scripts(project, journey) {
            if !warned.contains(&script) {
                eprintln!(
                    "waymark: warning: no installed font has {script} characters; they will \
                     show as boxes (install a CJK font such as Noto Sans CJK)"
                );
                warned.push(script);
            }
        }
        let path = dir.join(&name);
        match format {
            export::ExportFormat::Png => {
                let (width, height) =
                    exporter.write_png_in(project, journey, &options, Some(file), &path)?;
                println!("wrote {} ({} x {} px)", path.display(), width, height);
            }
            export::ExportFormat::Pdf => {
                export::write_pdf(&exporter, project, journey, &options, Some(file), &path)?;
                println!("wrote {}", path.display());
            }
            export::ExportFormat::Svg => {
                export::write_svg(&exporter, project, journey, &options, Some(file), &path)?;
                println!("wrote {}", path.display());
            }
            export::ExportFormat::Mermaid => {
                export::write_mermaid(project, &[journey], &path)?;
                println!("wrote {}", path.display());
            }
        }
    }
    Ok(())
}

fn run_window(file: Option<&PathBuf>) -> anyhow::Result<()> {
    let mut state = match file {
        None => AppState::new(io::sample::sample_project(), None),
        // A Mermaid journey opens as a new, unsaved project (saving asks for a `.ron`).
        Some(path) if io::is_mermaid(path) => match io::load_any(path) {
            Ok(project) => AppState::new(project, None),
            Err(e) => {
                let mut state = AppState::new(io::sample::blank_project(), None);
                state
                    .messages
                    .push(waymark::app::Message::Error(e.to_string()));
                state
            }
        },
        Some(path) => match io::load_file(path) {
            Ok(project) => AppState::new(project, Some(path.to_owned())),
            Err(e) => {
                // Open the window anyway, with the error shown in it.
                let mut state = AppState::new(io::sample::blank_project(), None);
                state
                    .messages
                    .push(waymark::app::Message::Error(e.to_string()));
                state
            }
        },
    };
    // The interface language: the one chosen in View > Language, else the system's.
    let config_dir = io::templates::config_dir();
    let language = config_dir
        .as_deref()
        .and_then(waymark::app::files::load_language)
        .unwrap_or_else(waymark::i18n::Language::system);
    waymark::i18n::set_interface(language);
    state.set_config_dir(config_dir);
    state
        .messages
        .push(waymark::app::Message::Info(waymark::t!("status-ready")));
    let dialogs = if std::env::var_os("WAYMARK_INAPP_DIALOGS").is_some() {
        FileDialogs::InApp
    } else {
        FileDialogs::Native
    };
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = app_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Waymark")
            .with_inner_size([1480.0, 920.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let first_launch = first_launch();
    eframe::run_native(
        "Waymark",
        options,
        Box::new(move |_cc| {
            let mut app = WaymarkApp::new(state, dialogs);
            if first_launch {
                app.show_gallery();
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")
}

/// True the first time Waymark opens a window on this machine (for this user): the
/// template gallery is shown then. Remembered by a marker file in the config folder.
fn first_launch() -> bool {
    let Some(dir) = io::templates::config_dir() else {
        return false;
    };
    let marker = dir.join("launched");
    if marker.exists() {
        return false;
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("waymark: could not create {}: {e}", dir.display());
    } else if let Err(e) = io::atomic_write(&marker, b"1\n") {
        eprintln!("waymark: {e}");
    }
    true
}

/// The window icon, embedded from `assets/icon.png` (an emotion curve on a map tile).
fn app_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory(include_bytes!("../assets/icon.png")).ok()?;
    let rgba = image.to_rgba8();
    Some(egui::IconData {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}
