//! The pages of a report PDF that are not a map: the cover (project title, its journeys
//! and personas) and a persona page (the persona card with every field). Painted with
//! an [`egui::Painter`] like the map, so the vector exporters write them the same way.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};

use crate::i18n::{Language, labels};
use crate::model::{Persona, Project};
use crate::theme::{color, font};
use crate::tm;

/// Width of a report page in points (A4 landscape).
pub const PAGE_WIDTH: f32 = 842.0;
/// Smallest height of a report page in points (A4 landscape).
pub const PAGE_HEIGHT: f32 = 595.0;
const MARGIN: f32 = 48.0;

/// One block of text on a page.
struct Line {
    text: String,
    size: f32,
    color: Color32,
    indent: f32,
    gap_before: f32,
}

fn line(text: String, size: f32, color: Color32, indent: f32, gap_before: f32) -> Line {
    Line {
        text,
        size,
        color,
        indent,
        gap_before,
    }
}

fn galley(ctx: &egui::Context, l: &Line, width: f32) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple(
        l.text.clone(),
        FontId::proportional(l.size),
        l.color,
        (width - l.indent).max(1.0),
    );
    job.wrap = TextWrapping {
        max_width: (width - l.indent).max(1.0),
        ..Default::default()
    };
    job.halign = Align::LEFT;
    ctx.fonts_mut(|f| f.layout_job(job))
}

/// Height needed by `lines` on a page (at least [`PAGE_HEIGHT`]).
fn height_of(ctx: &egui::Context, lines: &[Line], top: f32) -> f32 {
    let width = PAGE_WIDTH - 2.0 * MARGIN;
    let h: f32 = lines
        .iter()
        .map(|l| l.gap_before + galley(ctx, l, width).size().y)
        .sum();
    (top + h + MARGIN).max(PAGE_HEIGHT)
}

fn paint_lines(painter: &Painter, lines: &[Line], top: f32) {
    let width = PAGE_WIDTH - 2.0 * MARGIN;
    let mut y = top;
    for l in lines {
        y += l.gap_before;
        let g = galley(painter.ctx(), l, width);
        let h = g.size().y;
        painter.galley(pos2(MARGIN + l.indent, y), g, l.color);
        y += h;
    }
}

fn cover_lines(project: &Project) -> Vec<Line> {
    let lang = Language::of_map(project);
    let mut lines = vec![line(
        tm!(lang, "map-report-journeys"),
        font::STAGE,
        color::TEXT,
        0.0,
        0.0,
    )];
    for j in project.journeys.iter().filter(|j| j.parent.is_none()) {
        lines.push(line(j.title.clone(), font::LANE, color::TEXT, 0.0, 8.0));
        for micro in project
            .journeys
            .iter()
            .filter(|m| m.parent.as_ref().is_some_and(|p| p.journey == j.id))
        {
            lines.push(line(
                micro.title.clone(),
                font::CARD,
                color::TEXT_MUTED,
                24.0,
                4.0,
            ));
        }
    }
    if !project.personas.is_empty() {
        lines.push(line(
            tm!(lang, "map-report-personas"),
            font::STAGE,
            color::TEXT,
            0.0,
            20.0,
        ));
        for p in &project.personas {
            lines.push(line(p.name.clone(), font::LANE, color::TEXT, 0.0, 8.0));
        }
    }
    lines
}

/// Top of the cover's list, under the title.
const COVER_TOP: f32 = MARGIN + 110.0;

/// The size of the cover page of `project`.
pub fn cover_size(ctx: &egui::Context, project: &Project) -> egui::Vec2 {
    vec2(PAGE_WIDTH, height_of(ctx, &cover_lines(project), COVER_TOP))
}

/// Paints the cover: the project's title, then its journeys (micro journeys under
/// their macro journey) and personas.
pub fn paint_cover(painter: &Painter, project: &Project, title: &str, page: Rect) {
    painter.rect_filled(page, 0.0, color::BACKGROUND);
    painter.rect_filled(
        Rect::from_min_size(page.min, vec2(page.width(), 12.0)),
        0.0,
        color::STAGE_HEADER,
    );
    let heading = line(title.to_owned(), font::TITLE * 1.6, color::TEXT, 0.0, 0.0);
    let g = galley(painter.ctx(), &heading, PAGE_WIDTH - 2.0 * MARGIN);
    painter.galley(pos2(MARGIN, MARGIN + 10.0), g, color::TEXT);
    painter.line_segment(
        [
            pos2(MARGIN, COVER_TOP - 20.0),
            pos2(PAGE_WIDTH - MARGIN, COVER_TOP - 20.0),
        ],
        Stroke::new(1.0, color::GRID),
    );
    paint_lines(painter, &cover_lines(project), COVER_TOP);
}

fn join(items: &[String]) -> String {
    items.join(" · ")
}

fn persona_lines(persona: &Persona, lang: Language) -> Vec<Line> {
    let mut fields: Vec<(String, String)> = Vec::new();
    if let Some(age) = persona.age {
        fields.push((tm!(lang, "map-persona-age"), age.to_string()));
    }
    let text_fields = [
        (tm!(lang, "map-persona-location"), &persona.location),
        (tm!(lang, "map-persona-segment"), &persona.segment),
    ];
    for (label, value) in text_fields {
        if !value.is_empty() {
            fields.push((label, value.clone()));
        }
    }
    if !persona.quote.is_empty() {
        fields.push((
            tm!(lang, "map-persona-quote"),
            format!("“{}”", persona.quote),
        ));
    }
    let lists = [
        (
            tm!(lang, "map-persona-favourite-brands"),
            &persona.favourite_brands,
        ),
        (
            tm!(lang, "map-persona-brand-turn-ons"),
            &persona.brand_turn_ons,
        ),
        (
            tm!(lang, "map-persona-brand-turn-offs"),
            &persona.brand_turn_offs,
        ),
        (tm!(lang, "map-persona-behaviours"), &persona.behaviours),
        (tm!(lang, "map-persona-goals"), &persona.goals),
        (tm!(lang, "map-persona-needs"), &persona.needs),
        (
            tm!(lang, "map-persona-desired-feelings"),
            &persona.desired_feelings,
        ),
    ];
    for (label, items) in lists {
        if !items.is_empty() {
            fields.push((label, join(items)));
        }
    }
    if !persona.channel_preferences.is_empty() {
        let names: Vec<String> = persona
            .channel_preferences
            .iter()
            .map(|c| labels::channel(lang, c))
            .collect();
        fields.push((tm!(lang, "map-persona-channels"), join(&names)));
    }
    if !persona.devices.is_empty() {
        let devices: Vec<String> = persona
            .devices
            .iter()
            .map(|d| {
                if d.usage.is_empty() {
                    d.device.clone()
                } else {
                    format!("{}: {}", d.device, d.usage)
                }
            })
            .collect();
        fields.push((tm!(lang, "map-persona-devices"), join(&devices)));
    }
    let mut lines = Vec::new();
    for (label, value) in fields {
        lines.push(line(label, font::SMALL, color::TEXT_MUTED, 0.0, 12.0));
        lines.push(line(value, font::LANE, color::TEXT, 0.0, 2.0));
    }
    lines
}

/// Top of a persona page's fields, under the name.
const PERSONA_TOP: f32 = MARGIN + 70.0;

/// The size of the page of `persona`.
pub fn persona_size(ctx: &egui::Context, persona: &Persona, lang: Language) -> egui::Vec2 {
    vec2(
        PAGE_WIDTH,
        height_of(ctx, &persona_lines(persona, lang), PERSONA_TOP),
    )
}

/// Paints a persona page: avatar (or initials) and name, then every field that has a
/// value, labelled in the map's language `lang`.
pub fn paint_persona(
    painter: &Painter,
    persona: &Persona,
    lang: Language,
    avatar: Option<egui::TextureId>,
    page: Rect,
) {
    painter.rect_filled(page, 0.0, color::BACKGROUND);
    let card = page.shrink(MARGIN / 2.0);
    painter.rect_filled(card, 8.0, color::PERSONA_CARD);
    painter.rect_stroke(
        card,
        8.0,
        Stroke::new(1.0, color::GRID),
        egui::StrokeKind::Inside,
    );
    let avatar_c = pos2(MARGIN + 26.0, MARGIN + 26.0);
    if let Some(texture) = avatar {
        painter.add(
            egui::epaint::RectShape::filled(
                Rect::from_center_size(avatar_c, vec2(52.0, 52.0)),
                CornerRadius::same(26),
                Color32::WHITE,
            )
            .with_texture(texture, Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0))),
        );
    } else {
        painter.circle_filled(avatar_c, 26.0, color::STAGE_HEADER);
        let initials: String = persona
            .name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .take(2)
            .collect();
        painter.text(
            avatar_c,
            egui::Align2::CENTER_CENTER,
            initials,
            FontId::proportional(font::STAGE),
            color::STAGE_TEXT,
        );
    }
    let name = line(persona.name.clone(), font::TITLE, color::TEXT, 0.0, 0.0);
    let g = galley(painter.ctx(), &name, PAGE_WIDTH - 2.0 * MARGIN - 70.0);
    let h = g.size().y;
    painter.galley(pos2(MARGIN + 66.0, avatar_c.y - h / 2.0), g, color::TEXT);
    paint_lines(painter, &persona_lines(persona, lang), PERSONA_TOP);
}
