//! Map export: the same paint code as the canvas ([`crate::render::paint_map`]), run in
//! a headless egui context. PNG: its shapes tessellated and rasterised on the CPU by
//! [`raster`]. PDF and SVG: the same shapes, before tessellation, written as vector
//! primitives and real text by [`pdf`] and [`svg`] (via [`vector`]). No GPU, no display.

pub mod measures;
pub mod pdf;
pub mod raster;
pub mod report;
pub mod slides;
pub mod svg;
pub mod vector;

use std::path::Path;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{Color32, FontId};

use crate::io::{AtomicWriteError, atomic_write, atomic_write_with};
use crate::layout::{self, LayoutOptions};
use crate::model::{Journey, JourneyId, Project};
use crate::render::{self, EguiText, PaintOptions};

pub use pdf::{PageSize, Paper, PdfError};
pub use raster::{MAX_SIDE, RasterError};
pub use svg::SvgError;

/// The file format of a map export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A PNG image.
    #[default]
    Png,
    /// A PDF document (vector shapes, real text).
    Pdf,
    /// An SVG drawing (vector shapes, real text).
    Svg,
    /// A Mermaid `journey` diagram (text): stages, tasks, scores and actors only (see
    /// [`crate::io::mermaid::from_journey`]).
    Mermaid,
}

impl ExportFormat {
    /// Every format of the export dialog (the map as a picture), in menu order. Mermaid
    /// text has its own menu item and needs none of the dialog's options.
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Png, ExportFormat::Pdf, ExportFormat::Svg];

    /// The format a file name's extension asks for (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::from_name(&ext)
    }

    /// The format called `name` ("png", "pdf", "svg").
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "png" => Some(Self::Png),
            "pdf" => Some(Self::Pdf),
            "svg" => Some(Self::Svg),
            "mermaid" | "mmd" => Some(Self::Mermaid),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Pdf => "pdf",
            Self::Svg => "svg",
            Self::Mermaid => "mmd",
        }
    }
}

/// What a PDF export writes besides the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PdfOptions {
    /// Page size: the map's own size, or paper with the map scaled to fit.
    pub page: PageSize,
    /// A report of the whole project: cover, every journey, every persona.
    pub all_journeys: bool,
}

/// The background of an exported image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Background {
    /// The map's own white paper.
    #[default]
    White,
    /// No background: only the map's marks are opaque.
    Transparent,
}

/// What to export and how.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// Pixels per document unit: 1.0 is the canvas at 100% zoom; 1 to 4.
    pub scale: f32,
    /// White or transparent.
    pub background: Background,
    /// Include the title block (title and description).
    pub title: bool,
    /// Include the persona card.
    pub persona: bool,
    /// Include the legend.
    pub legend: bool,
    /// Include accelerator and blocker annotations.
    pub annotations: bool,
    /// Include the notes of accelerators and blockers under their titles.
    pub notes: bool,
    /// PDF only: page size, and whether to write the whole project as a report.
    pub pdf: PdfOptions,
    /// Draw the cards' dot votes (off: the map as it was before the workshop voted).
    pub votes: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            background: Background::White,
            title: true,
            persona: true,
            legend: true,
            annotations: true,
            notes: false,
            pdf: PdfOptions::default(),
            votes: true,
        }
    }
}

impl ExportOptions {
    /// The parts of the map these options lay out (the same options the canvas uses).
    pub fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            title: self.title,
            persona: self.persona,
            legend: self.legend,
            annotations: self.annotations,
            notes: self.notes,
        }
    }
}

/// Why an export failed. The document is never touched by an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The project has no journey to export.
    #[error("{}", crate::t!("err-export-no-journey"))]
    NoJourney,
    /// No journey matches the name or id given.
    #[error("{}", crate::t!("err-export-unknown-journey", query = query, available = available.join(", ")))]
    UnknownJourney {
        /// What was asked for.
        query: String,
        /// "id: title" of each journey.
        available: Vec<String>,
    },
    /// The scale is not between 1 and 4.
    #[error("{}", crate::t!("err-export-bad-scale", scale = .0.to_string()))]
    BadScale(f32),
    /// The image would be larger than the largest side allowed.
    #[error("{}", crate::t!("err-export-too-large", width = *width, height = *height, max_side = *max_side, max_scale = format!("{max_scale:.2}")))]
    TooLarge {
        /// Width in pixels.
        width: u64,
        /// Height in pixels.
        height: u64,
        /// The limit.
        max_side: u32,
        /// The largest scale that fits.
        max_scale: f32,
    },
    /// Rasterising or encoding failed.
    #[error("{0}")]
    Raster(#[from] RasterError),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// The SVG could not be made.
    #[error(transparent)]
    Svg(#[from] SvgError),
    /// The output's extension names no format Waymark writes.
    #[error("{}", crate::t!("err-export-unknown-format", path = .0.clone()))]
    UnknownFormat(String),
    /// The measures table could not be written as CSV.
    #[error("could not write the measures as CSV: {0}")]
    Csv(String),
    /// The file could not be written (the message names it).
    #[error(transparent)]
    Write(#[from] AtomicWriteError),
    /// A slide size outside 320 to 7680 pixels a side.
    #[error("{}", crate::t!("err-export-bad-slide-size", width = *width, height = *height))]
    BadSlideSize {
        /// Width asked for.
        width: u32,
        /// Height asked for.
        height: u32,
    },
    /// The folder for the slides could not be made.
    #[error("{}", crate::t!("err-export-slides-dir", path = path.clone(), error = error.clone()))]
    SlidesDir {
        /// The folder.
        path: String,
        /// Why.
        error: String,
    },
}

/// A headless egui context set up for exporting: default fonts plus the system's
/// fonts for scripts they lack (Chinese, Japanese, Korean...). Reuse one for many
/// exports: font discovery happens once.
pub struct Exporter {
    ctx: egui::Context,
}

/// The system's fonts, looked for only when a character first misses egui's own fonts.
/// Finding them is a scan of every installed font (a thread of its own, about 15 ms of
/// CPU time here), which a map in Latin script never needs.
struct LazySystemFonts(std::sync::OnceLock<egui_system_font_provider::SystemFontProvider>);

impl egui::epaint::text::FontProvider for LazySystemFonts {
    fn font_for(
        &self,
        request: &egui::epaint::text::FallbackRequest<'_>,
    ) -> Option<egui::epaint::text::FontInsert> {
        self.0
            .get_or_init(egui_system_font_provider::SystemFontProvider::new)
            .font_for(request)
    }
}

impl Default for Exporter {
    fn default() -> Self {
        Self::new()
    }
}

impl Exporter {
    /// An exporter that finds CJK and other fonts on the system.
    pub fn new() -> Self {
        let exporter = Self::without_system_fonts();
        exporter
            .ctx
            .add_font_provider(Arc::new(LazySystemFonts(std::sync::OnceLock::new())));
        exporter
    }

    /// An exporter with egui's built-in fonts only (for tests of the missing-font path).
    pub fn without_system_fonts() -> Self {
        let ctx = egui::Context::default();
        ctx.set_visuals(egui::Visuals::light());
        Self { ctx }
    }

    /// Runs an empty pass at `scale` so that fonts exist before layout measures text. Its
    /// input is that of the passes that paint (the same text options: a different
    /// `max_texture_side` would make egui drop the fonts' glyphs and every galley the
    /// layout measured when painting starts, and lay them all out again).
    fn warm_up(&self, scale: f32) {
        let input = raster::pass_input(&self.ctx, egui::Vec2::splat(1.0), scale);
        // The pass exists only to initialise fonts; its output has nothing to paint.
        // The font atlas is read afresh from the context when rasterising.
        let mut output = self.ctx.run_ui(input, |_| {});
        output.textures_delta.clear();
    }

    /// Renders one journey to an image (avatar paths resolved from the current folder).
    pub fn render(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
    ) -> Result<image::RgbaImage, ExportError> {
        self.render_in(project, journey, options, None)
    }

    /// Renders one journey of the project saved at `project_file` (whose folder avatar
    /// paths are relative to). An avatar that cannot be loaded is left out (initials are
    /// shown), never fatal.
    pub fn render_in(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
        project_file: Option<&Path>,
    ) -> Result<image::RgbaImage, ExportError> {
        self.paint_journey(
            project,
            journey,
            options,
            project_file,
            |raster_options, paint| Ok(raster::render_to_image(&self.ctx, raster_options, paint)?),
        )
    }

    /// Renders one journey of the project saved at `project_file` (see
    /// [`Self::render_in`]) and writes it as a PNG to `path`, atomically. The same
    /// pixels as [`write_png`] of [`Self::render_in`], but streamed band by band into
    /// the encoder: a large map never holds its whole image in memory.
    ///
    /// # Errors
    /// As [`Self::render_in`], and if the file cannot be written. Returns the image's
    /// width and height in pixels.
    pub fn write_png_in(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
        project_file: Option<&Path>,
        path: &Path,
    ) -> Result<(u32, u32), ExportError> {
        self.paint_journey(
            project,
            journey,
            options,
            project_file,
            |raster_options, paint| {
                atomic_write_with(path, |out| {
                    Ok(raster::render_to_png(
                        &self.ctx,
                        raster_options,
                        paint,
                        out,
                    )?)
                })
            },
        )
    }

    /// The size in pixels of the PNG [`Self::write_png_in`] would write: the same layout
    /// and the same rounding, so a dialog can show it exactly and refuse, before
    /// exporting, an image over the limit.
    ///
    /// # Errors
    /// [`ExportError::BadScale`] or [`ExportError::TooLarge`], as the export would.
    pub fn png_size(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
    ) -> Result<(u64, u64), ExportError> {
        let map = self.layout(project, journey, options)?;
        png_size(map.size, options.scale)
    }

    /// Checks the scale and lays out one journey for export. Geometry is measured at
    /// 100% so that every scale gives the same map, only sharper: the image at scale 2 is
    /// exactly twice the size of the one at 1.
    ///
    /// # Errors
    /// [`ExportError::BadScale`] for a scale outside 1 to 4.
    pub(crate) fn layout(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
    ) -> Result<layout::MapLayout, ExportError> {
        if !(options.scale.is_finite() && (1.0..=4.0).contains(&options.scale)) {
            return Err(ExportError::BadScale(options.scale));
        }
        self.warm_up(1.0);
        Ok(layout::layout_journey_with(
            project,
            journey,
            &EguiText(&self.ctx),
            &options.layout_options(),
        ))
    }

    /// Lays out one journey and hands the raster options and its paint code to `render`.
    fn paint_journey<R>(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
        project_file: Option<&Path>,
        render: impl FnOnce(&raster::RenderOptions, &dyn Fn(&egui::Ui)) -> Result<R, ExportError>,
    ) -> Result<R, ExportError> {
        let map = self.layout(project, journey, options)?;
        png_size(map.size, options.scale)?;
        // The persona's avatar, as a texture of this headless context while we paint.
        let avatar = journey_avatar(project, journey, options, project_file)
            .and_then(Result::ok)
            .map(|img| {
                let size = [img.width() as usize, img.height() as usize];
                let color = egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw());
                self.ctx
                    .load_texture("export-avatar", color, egui::TextureOptions::LINEAR)
            });
        let (background, paint_background) = match options.background {
            Background::White => (Color32::WHITE, true),
            Background::Transparent => (Color32::TRANSPARENT, false),
        };
        let raster_options = raster::RenderOptions {
            size_points: map.size,
            pixels_per_point: options.scale,
            background,
        };
        let result = render(&raster_options, &|ui: &egui::Ui| {
            render::paint_map(
                ui.painter(),
                project,
                journey,
                &map,
                TSTransform::IDENTITY,
                PaintOptions {
                    background: paint_background,
                    avatar: avatar.as_ref().map(egui::TextureHandle::id),
                    votes: options.votes,
                    ..PaintOptions::default()
                },
            );
        });
        drop(avatar);
        result
    }

    /// The scripts used in `journey` (and its persona) that no available font can show,
    /// e.g. `["Chinese/Japanese (Han)"]`. Empty when everything will render.
    pub fn missing_scripts(&self, project: &Project, journey: &Journey) -> Vec<&'static str> {
        self.warm_up(1.0);
        // The labels Waymark adds are in the map's language, whatever the cards' is.
        let map_label = crate::tm!(crate::i18n::Language::of_map(project), "map-legend");
        let mut texts = journey_texts(project, journey);
        texts.push(&map_label);
        missing_scripts_in(&self.ctx, texts)
    }
}

/// The size in pixels of a map of `map_size` points exported at `scale`: each side
/// rounded as the rasteriser rounds it.
///
/// # Errors
/// [`ExportError::TooLarge`] when a side would exceed [`MAX_SIDE`], with the largest
/// scale that fits (rounded down to a hundredth).
pub fn png_size(map_size: egui::Vec2, scale: f32) -> Result<(u64, u64), ExportError> {
    let side = |points: f32| (f64::from(points) * f64::from(scale)).round() as u64;
    let (width, height) = (side(map_size.x), side(map_size.y));
    if width > u64::from(MAX_SIDE) || height > u64::from(MAX_SIDE) {
        let max_scale = (MAX_SIDE as f32 / map_size.max_elem()).min(4.0);
        return Err(ExportError::TooLarge {
            width,
            height,
            max_side: MAX_SIDE,
            max_scale: (max_scale * 100.0).floor() / 100.0,
        });
    }
    Ok((width, height))
}

/// The avatar of `journey`'s persona for an export of the project saved at
/// `project_file`: `None` when there is none to show (no persona, no avatar, or the
/// persona card is left out), otherwise the image or why it was refused (a path out of
/// the project's folder, not an image), for the caller to report.
pub fn journey_avatar(
    project: &Project,
    journey: &Journey,
    options: &ExportOptions,
    project_file: Option<&Path>,
) -> Option<Result<image::RgbaImage, crate::io::persona_file::AvatarError>> {
    let stored = journey
        .persona
        .and_then(|id| project.persona(id))
        .filter(|_| options.persona)
        .and_then(|p| p.avatar.as_deref())?;
    Some(crate::io::persona_file::load_stored_avatar(
        stored,
        project_file,
    ))
}

/// The East Asian scripts used in `texts` that no font of `ctx` can show (the window
/// checks its own fonts with this, the exporter its own).
pub fn missing_scripts_in<'a>(
    ctx: &egui::Context,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let mut checked = Vec::new();
    let font = FontId::proportional(14.0);
    for text in texts {
        for c in text.chars() {
            let Some(script) = cjk_script(c) else {
                continue;
            };
            if checked.contains(&script) {
                continue;
            }
            checked.push(script);
            if !ctx.fonts_mut(|f| f.has_glyph(&font, c)) {
                missing.push(script);
            }
        }
    }
    missing
}

/// Every piece of text painted for a journey.
pub fn journey_texts<'a>(project: &'a Project, journey: &'a Journey) -> Vec<&'a str> {
    let mut texts = vec![journey.title.as_str(), journey.description.as_str()];
    texts.extend(journey.stages.iter().map(|s| s.name.as_str()));
    for lane in &journey.lanes {
        texts.push(&lane.title);
        texts.extend(lane.cards.iter().map(|c| c.text.as_str()));
    }
    texts.extend(journey.annotations.iter().map(|a| a.title.as_str()));
    if let Some(p) = journey.persona.and_then(|id| project.persona(id)) {
        texts.extend([p.name.as_str(), p.location.as_str(), p.segment.as_str()]);
    }
    texts
}

/// The East Asian script of a character, if it is one that needs a CJK font.
fn cjk_script(c: char) -> Option<&'static str> {
    match u32::from(c) {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
            Some("Chinese/Japanese (Han)")
        }
        0x3040..=0x30FF | 0x31F0..=0x31FF => Some("Japanese (kana)"),
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Some("Korean (Hangul)"),
        0x3000..=0x303F | 0xFF00..=0xFFEF => Some("CJK punctuation"),
        _ => None,
    }
}

/// Finds a journey by exact id or by title (exact, then case-insensitive). With no
/// query, the first journey.
pub fn find_journey<'a>(
    project: &'a Project,
    query: Option<&str>,
) -> Result<&'a Journey, ExportError> {
    let Some(query) = query else {
        return project.journeys.first().ok_or(ExportError::NoJourney);
    };
    let q = query.trim();
    project
        .journeys
        .iter()
        .find(|j| j.id.0.to_string() == q)
        .or_else(|| project.journeys.iter().find(|j| j.title == q))
        .or_else(|| {
            project
                .journeys
                .iter()
                .find(|j| j.title.to_lowercase() == q.to_lowercase())
        })
        .ok_or_else(|| ExportError::UnknownJourney {
            query: query.to_owned(),
            available: project
                .journeys
                .iter()
                .map(|j| format!("{}: {}", j.id, j.title))
                .collect(),
        })
}

/// A file name for every journey of `project` (macro and micro), in list order, for
/// `waymark export --all DIR`: the journey's title with the characters no file system
/// accepts (`/ \\ : * ? " < > |`, control characters) replaced by `_`, leading and
/// trailing dots and spaces removed, at most 100 characters, any script kept (a Chinese
/// title stays Chinese); `journey-<id>` when nothing is left; a number added when two
/// names would be the same (compared ignoring case, as on Windows and macOS), then
/// `.extension`.
pub fn journey_file_names(project: &Project, extension: &str) -> Vec<(JourneyId, String)> {
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(project.journeys.len());
    for j in &project.journeys {
        let cleaned: String = j
            .title
            .chars()
            .map(|c| {
                if c.is_control()
                    || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                {
                    '_'
                } else {
                    c
                }
            })
            .take(100)
            .collect();
        let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
        let base = if cleaned.is_empty() {
            format!("journey-{}", j.id)
        } else {
            cleaned.to_owned()
        };
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            name = format!("{base} ({n})");
            n += 1;
        }
        taken.push(name.to_lowercase());
        out.push((j.id, format!("{name}.{extension}")));
    }
    out
}

/// Encodes `image` as PNG and writes it atomically (see [`atomic_write`]), so a failed
/// export never leaves a half-written image in place of an old one.
pub fn write_png(image: &image::RgbaImage, path: &Path) -> Result<(), ExportError> {
    let bytes = raster::encode_png(image)?;
    atomic_write(path, &bytes)?;
    Ok(())
}

/// Writes journeys as Mermaid `journey` diagrams (one after another) to `path`,
/// atomically.
pub fn write_mermaid(
    project: &Project,
    journeys: &[&Journey],
    path: &Path,
) -> Result<(), ExportError> {
    let diagrams: Vec<crate::io::mermaid::Diagram> = journeys
        .iter()
        .map(|j| crate::io::mermaid::from_journey(j, project.settings.emotion_scale))
        .collect();
    atomic_write(path, crate::io::mermaid::write(&diagrams).as_bytes())?;
    Ok(())
}

/// Writes `journey` as a one-page PDF (or, with `options.pdf.all_journeys`, the whole
/// project as a report) to `path`, atomically. Returns the number of pages.
pub fn write_pdf(
    exporter: &Exporter,
    project: &Project,
    journey: &Journey,
    options: &ExportOptions,
    project_file: Option<&Path>,
    path: &Path,
) -> Result<usize, ExportError> {
    let bytes = pdf_bytes(exporter, project, journey, options, project_file)?;
    atomic_write(path, &bytes.0)?;
    Ok(bytes.1)
}

/// The PDF document of [`write_pdf`] and its number of pages.
pub fn pdf_bytes(
    exporter: &Exporter,
    project: &Project,
    journey: &Journey,
    options: &ExportOptions,
    project_file: Option<&Path>,
) -> Result<(Vec<u8>, usize), ExportError> {
    let pdf_options = options.pdf;
    let (pages, title) = if pdf_options.all_journeys {
        (
            report::report_pages(exporter, project, options, project_file)?,
            report::project_title(project),
        )
    } else {
        let scene = exporter.scene(project, journey, options, project_file)?;
        (
            vec![pdf::PdfPage {
                scene,
                bookmark: journey.title.clone(),
                level: 0,
            }],
            journey.title.clone(),
        )
    };
    let bytes = pdf::write_pdf(&pages, pdf_options.page, &title)?;
    Ok((bytes, pages.len()))
}

/// The SVG document of `journey`.
pub fn svg_string(
    exporter: &Exporter,
    project: &Project,
    journey: &Journey,
    options: &ExportOptions,
    project_file: Option<&Path>,
) -> Result<String, ExportError> {
    let scene = exporter.scene(project, journey, options, project_file)?;
    Ok(svg::write_svg(&scene)?)
}

/// Writes `journey` as an SVG drawing to `path`, atomically.
pub fn write_svg(
    exporter: &Exporter,
    project: &Project,
    journey: &Journey,
    options: &ExportOptions,
    project_file: Option<&Path>,
    path: &Path,
) -> Result<(), ExportError> {
    let svg = svg_string(exporter, project, journey, options, project_file)?;
    atomic_write(path, svg.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_journey_gets_a_safe_unique_file_name_in_its_own_script() {
        let mut p = crate::io::sample::sample_project();
        let base = p.journeys[0].clone();
        let titles = [
            "Broadband: from first search to a fixed fault",
            "投诉处理 / 电话",
            "broadband: FROM first search to a fixed fault",
            "  ..  ",
            "Fault\tfixed?",
        ];
        p.journeys.clear();
        for (i, title) in titles.iter().enumerate() {
            let mut j = base.clone();
            j.id = JourneyId(1000 + i as u64);
            (*title).clone_into(&mut j.title);
            p.journeys.push(j);
        }
        let names: Vec<String> = journey_file_names(&p, "png")
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(
            names,
            vec![
                "Broadband_ from first search to a fixed fault.png",
                "投诉处理 _ 电话.png",
                "broadband_ FROM first search to a fixed fault (2).png",
                "journey-1003.png",
                "Fault_fixed_.png",
            ]
        );
    }
}
