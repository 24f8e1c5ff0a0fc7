//! Exports (PNG, PDF, SVG) run on a background thread, so the window stays responsive
//! while a poster-sized image is rasterised and encoded or a report is written.

use crate::t;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use crate::export::{self, ExportFormat, ExportOptions, Exporter};
use crate::model::{JourneyId, Project};

/// A finished export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDone {
    /// The file written.
    pub path: PathBuf,
    /// The format written.
    pub format: ExportFormat,
    /// Image width in pixels (PNG).
    pub width: u32,
    /// Image height in pixels (PNG).
    pub height: u32,
    /// Number of pages (PDF).
    pub pages: usize,
    /// Scripts that no installed font could show.
    pub missing_scripts: Vec<&'static str>,
    /// Slides written (a slides export: `path` is their folder); 0 otherwise.
    pub slides: usize,
}

/// An export in progress.
pub struct ExportJob {
    /// Where the image is going.
    pub path: PathBuf,
    /// When it started, for the progress display.
    pub started: Instant,
    receiver: Receiver<Result<ExportDone, String>>,
}

/// The exporter is shared between jobs (font discovery happens once) but used by one
/// job at a time.
pub type SharedExporter = Arc<Mutex<Option<Exporter>>>;

impl ExportJob {
    /// Starts exporting `journey` of a snapshot of the project to `path` as `format`.
    pub fn start(
        exporter: &SharedExporter,
        project: Project,
        journey: JourneyId,
        options: ExportOptions,
        format: ExportFormat,
        path: PathBuf,
        project_file: Option<PathBuf>,
    ) -> Self {
        let target = path.clone();
        Self::spawn(exporter, path, move |exporter| {
            run(
                exporter,
                &project,
                journey,
                options,
                format,
                &target,
                project_file.as_deref(),
            )
        })
    }

    /// Starts writing the slides of `journey` (one PNG per presentation step) into the
    /// folder `dir`.
    pub fn start_slides(
        exporter: &SharedExporter,
        project: Project,
        journey: JourneyId,
        options: export::slides::SlideOptions,
        dir: PathBuf,
    ) -> Self {
        let target = dir.clone();
        Self::spawn(exporter, dir, move |exporter| {
            let journey = project
                .journey(journey)
                .ok_or_else(|| t!("error-export-journey-gone"))?;
            let missing_scripts = exporter.missing_scripts(&project, journey);
            let written =
                export::slides::write_slides(exporter, &project, journey, &target, &options)
                    .map_err(|e| e.to_string())?;
            Ok(ExportDone {
                path: target,
                format: ExportFormat::Png,
                width: options.width,
                height: options.height,
                pages: 0,
                missing_scripts,
                slides: written.len(),
            })
        })
    }

    /// Runs `work` with the shared exporter on a background thread.
    fn spawn(
        exporter: &SharedExporter,
        path: PathBuf,
        work: impl FnOnce(&Exporter) -> Result<ExportDone, String> + Send + 'static,
    ) -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        let exporter = Arc::clone(exporter);
        let target = path.clone();
        let on_spawn_error = sender.clone();
        let spawned = std::thread::Builder::new()
            .name("waymark-export".into())
            .spawn(move || {
                let mut guard = exporter.lock().unwrap_or_else(PoisonError::into_inner);
                let exporter = guard.get_or_insert_with(Exporter::new);
                let result = work(exporter);
                // The receiver is gone only if the app closed; nobody is left to tell.
                if sender.send(result).is_err() {
                    eprintln!(
                        "waymark: {}",
                        t!("export-after-close", path = target.display())
                    );
                }
            });
        if let Err(e) = spawned {
            // Reported through the job's own channel, like any export error.
            let message = t!(
                "error-export-not-started",
                path = path.display(),
                error = e.to_string()
            );
            if on_spawn_error.send(Err(message.clone())).is_err() {
                // Unreachable while `receiver` is alive; keep the message anyway.
                eprintln!("waymark: {message}");
            }
        }
        Self {
            path,
            started: Instant::now(),
            receiver,
        }
    }

    /// The result, once the export has finished.
    pub fn poll(&self) -> Option<Result<ExportDone, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err(t!("error-export-stopped", path = self.path.display())))
            }
        }
    }
}

fn run(
    exporter: &Exporter,
    project: &Project,
    journey: JourneyId,
    options: ExportOptions,
    format: ExportFormat,
    path: &std::path::Path,
    project_file: Option<&std::path::Path>,
) -> Result<ExportDone, String> {
    let journey = project
        .journey(journey)
        .ok_or_else(|| t!("error-export-journey-gone"))?;
    let missing_scripts = exporter.missing_scripts(project, journey);
    let mut done = ExportDone {
        path: path.to_owned(),
        format,
        width: 0,
        height: 0,
        pages: 1,
        missing_scripts,
        slides: 0,
    };
    match format {
        ExportFormat::Png => {
            // Streamed band by band into the file: a poster-sized map never holds its
            // whole image (or PNG) in memory.
            let (width, height) = exporter
                .write_png_in(project, journey, &options, project_file, path)
                .map_err(|e| e.to_string())?;
            done.width = width;
            done.height = height;
        }
        ExportFormat::Pdf => {
            done.pages =
                export::write_pdf(exporter, project, journey, &options, project_file, path)
                    .map_err(|e| e.to_string())?;
        }
        ExportFormat::Svg => {
            export::write_svg(exporter, project, journey, &options, project_file, path)
                .map_err(|e| e.to_string())?;
        }
        ExportFormat::Mermaid => {
            export::write_mermaid(project, &[journey], path).map_err(|e| e.to_string())?;
        }
    }
    Ok(done)
}
