//! The report PDF (`--all`, or "All journeys" in the export dialog): a cover with the
//! project's title, one page per journey (each macro journey followed by its micro
//! journeys), then one page per persona.

use std::path::Path;

use egui::{Pos2, Rect};

use super::pdf::PdfPage;
use super::{ExportError, ExportOptions, Exporter};
use crate::i18n::Language;
use crate::model::{Journey, Project};
use crate::render::report;

/// The title of a project's report: its own title, else its first journey's.
pub fn project_title(project: &Project) -> String {
    if project.title.trim().is_empty() {
        project
            .journeys
            .first()
            .map(|j| j.title.clone())
            .unwrap_or_default()
    } else {
        project.title.clone()
    }
}

/// The journeys in report order: each macro journey, then its micro journeys; micro
/// journeys whose macro journey is gone come last. With their outline level.
pub fn journeys_in_order(project: &Project) -> Vec<(&Journey, u8)> {
    let mut out: Vec<(&Journey, u8)> = Vec::new();
    for j in project.journeys.iter().filter(|j| j.parent.is_none()) {
        out.push((j, 0));
        for m in project
            .journeys
            .iter()
            .filter(|m| m.parent.as_ref().is_some_and(|p| p.journey == j.id))
        {
            out.push((m, 1));
        }
    }
    for j in &project.journeys {
        if !out.iter().any(|(o, _)| o.id == j.id) {
            out.push((j, 0));
        }
    }
    out
}

/// Every page of the report of `project`.
pub fn report_pages(
    exporter: &Exporter,
    project: &Project,
    options: &ExportOptions,
    project_file: Option<&Path>,
) -> Result<Vec<PdfPage>, ExportError> {
    if project.journeys.is_empty() {
        return Err(ExportError::NoJourney);
    }
    let title = project_title(project);
    let lang = Language::of_map(project);
    let mut pages = Vec::new();
    exporter.warm_up(1.0);
    let size = report::cover_size(&exporter.ctx, project);
    let scene = exporter.scene_of(size, options.scale, None, options.background, |p, _| {
        report::paint_cover(p, project, &title, Rect::from_min_size(Pos2::ZERO, size));
    });
    pages.push(PdfPage {
        scene,
        bookmark: title.clone(),
        level: 0,
    });
    for (journey, level) in journeys_in_order(project) {
        pages.push(PdfPage {
            scene: exporter.scene(project, journey, options, project_file)?,
            bookmark: journey.title.clone(),
            level,
        });
    }
    for persona in &project.personas {
        let avatar = persona
            .avatar
            .as_deref()
            .and_then(|a| crate::io::persona_file::load_stored_avatar(a, project_file).ok());
        exporter.warm_up(1.0);
        let size = report::persona_size(&exporter.ctx, persona, lang);
        let scene = exporter.scene_of(size, options.scale, avatar, options.background, |p, a| {
            report::paint_persona(p, persona, lang, a, Rect::from_min_size(Pos2::ZERO, size));
        });
        pages.push(PdfPage {
            scene,
            bookmark: persona.name.clone(),
            level: 0,
        });
    }
    Ok(pages)
}
