//! Slides: one PNG per step of a workshop presentation (the overview, then every page
//! of every stage in the spotlight), painted by [`render::paint_step`] in the projector's
//! palette, for a consultant's deck.

use std::path::{Path, PathBuf};

use egui::{Rect, pos2, vec2};

use super::{ExportError, Exporter, raster, write_png};
use crate::layout::{self, LayoutOptions, spotlight};
use crate::model::{Journey, Project};
use crate::render::{self, EguiText, PaintOptions};

/// The smallest and largest side of a slide, in pixels.
pub const SLIDE_SIDES: std::ops::RangeInclusive<u32> = 320..=7680;

/// How to make the slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlideOptions {
    /// Width of each slide in pixels.
    pub width: u32,
    /// Height of each slide in pixels.
    pub height: u32,
    /// Reveal the emotion curve, quotes and measures up to each slide's stage only.
    pub reveal: bool,
    /// Draw the cards' dot votes.
    pub votes: bool,
}

impl Default for SlideOptions {
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            reveal: false,
            votes: true,
        }
    }
}

/// Reads a slide size written as `WIDTHxHEIGHT` ("1920x1080"; `X` and `×` work too).
pub fn parse_size(text: &str) -> Option<(u32, u32)> {
    let lower = text.trim().to_lowercase().replace('×', "x");
    let (w, h) = lower.split_once('x')?;
    Some((w.trim().parse().ok()?, h.trim().parse().ok()?))
}

/// The file name of each slide of `journey` made of `steps`: `00-overview.png`, then
/// the stage's number and name (letters and digits of any script kept, the rest turned
/// into `-`), with `-p2`... for the pages of a stage shown in several: `01-discover.png`,
/// `02-order-p1.png`, `02-order-p2.png`. Sorted by name, they are in the order shown.
pub fn slide_names(journey: &Journey, steps: &[spotlight::Step]) -> Vec<String> {
    let mut names = Vec::with_capacity(steps.len());
    for step in steps {
        let Some((i, stage)) = step
            .stage
            .and_then(|i| journey.stages.get(i).map(|s| (i, s)))
        else {
            names.push("00-overview.png".to_owned());
            continue;
        };
        let mut slug = String::new();
        for c in stage.name.chars() {
            if c.is_alphanumeric() {
                slug.extend(c.to_lowercase());
            } else if !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_matches('-').chars().take(40).collect();
        let slug = if slug.is_empty() {
            "stage".to_owned()
        } else {
            slug
        };
        if step.pages > 1 {
            let width = step.pages.to_string().len();
            names.push(format!(
                "{:02}-{slug}-p{:0width$}.png",
                i + 1,
                step.page + 1
            ));
        } else {
            names.push(format!("{:02}-{slug}.png", i + 1));
        }
    }
    names
}

impl Exporter {
    /// Renders every step of `journey`'s presentation at the options' size, each with
    /// its file name.
    pub fn render_slides(
        &self,
        project: &Project,
        journey: &Journey,
        options: &SlideOptions,
    ) -> Result<Vec<(String, image::RgbaImage)>, ExportError> {
        if !SLIDE_SIDES.contains(&options.width) || !SLIDE_SIDES.contains(&options.height) {
            return Err(ExportError::BadSlideSize {
                width: options.width,
                height: options.height,
            });
        }
        self.warm_up(1.0);
        let map = layout::layout_journey_with(
            project,
            journey,
            &EguiText(&self.ctx),
            &LayoutOptions::default(),
        );
        let size = vec2(options.width as f32, options.height as f32);
        let screen = Rect::from_min_size(pos2(0.0, 0.0), size);
        let raster_options = raster::RenderOptions {
            size_points: size,
            pixels_per_point: 1.0,
            background: crate::theme::PROJECTOR.background,
        };
        let steps = spotlight::plan(project, journey, &map, size);
        let names = slide_names(journey, &steps);
        let mut images = Vec::with_capacity(steps.len());
        for (step, name) in steps.iter().zip(names) {
            let view = spotlight::step_view(&map, step, screen);
            let paint = PaintOptions {
                palette: crate::theme::PROJECTOR,
                votes: options.votes,
                reveal: options.reveal.then_some(step.reveal()),
                ..PaintOptions::default()
            };
            let image = raster::render_to_image(&self.ctx, &raster_options, |ui| {
                render::paint_step(ui.painter(), project, journey, &map, &view, screen, paint);
            })?;
            images.push((name, image));
        }
        Ok(images)
    }
}

/// Writes the slides of `journey` into `dir` (made if missing), one PNG per step, each
/// written atomically. Returns the files written.
pub fn write_slides(
    exporter: &Exporter,
    project: &Project,
    journey: &Journey,
    dir: &Path,
    options: &SlideOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let images = exporter.render_slides(project, journey, options)?;
    std::fs::create_dir_all(dir).map_err(|e| ExportError::SlidesDir {
        path: dir.display().to_string(),
        error: e.to_string(),
    })?;
    let mut written = Vec::with_capacity(images.len());
    for (name, image) in &images {
        let path = dir.join(name);
        write_png(image, &path)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_names() {
        assert_eq!(parse_size("1920x1080"), Some((1920, 1080)));
        assert_eq!(parse_size(" 1280 X 720 "), Some((1280, 720)));
        assert_eq!(parse_size("800×600"), Some((800, 600)));
        assert_eq!(parse_size("big"), None);
        assert_eq!(parse_size("-3x10"), None);
        let mut project = crate::io::sample::sample_project();
        let journey = &mut project.journeys[0];
        journey.stages[0].name = "Pay & go!".into();
        journey.stages[1].name = "售后 服务".into();
        journey.stages[2].name = "***".into();
        let step = |stage, page, pages| spotlight::Step {
            stage,
            page,
            pages,
            lanes: 0..1,
            heights: Vec::new(),
            scale: 1.0,
            smallest_px: 24.0,
        };
        let steps = [
            step(None, 0, 1),
            step(Some(0), 0, 1),
            step(Some(1), 0, 2),
            step(Some(1), 1, 2),
            step(Some(2), 0, 1),
        ];
        let names = slide_names(journey, &steps);
        assert_eq!(
            names,
            [
                "00-overview.png",
                "01-pay-go.png",
                "02-售后-服务-p1.png",
                "02-售后-服务-p2.png",
                "03-stage.png"
            ]
        );
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(sorted, names);
    }
}
