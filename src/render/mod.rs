//! Paints a laid-out journey into an [`egui::Painter`]. This is the only code that
//! draws a map: the canvas, the PNG exporter and thumbnails all call [`paint_map`].
//!
//! Geometry comes from [`crate::layout`] in document units; `to_screen` maps it to the
//! painter's coordinates. Text is laid out at the final size (not scaled afterwards),
//! so it stays crisp at every zoom level.

pub mod report;

use egui::emath::TSTransform;
use egui::epaint::PathStroke;
use egui::text::LayoutJob;
use egui::text::TextWrapping;
use egui::{
    Align2, Color32, CornerRadius, FontFamily, FontId, Painter, Pos2, Rect, Shape, Stroke,
    StrokeKind, pos2, vec2,
};

use crate::analysis;
use crate::i18n::{Language, labels};
use crate::layout::{MapLayout, TextMeasure};
use crate::model::{
    AnnotationKind, Journey, LaneKind, MeasureKind, MeasureValue, Project, Rag, Sentiment,
    TouchpointClass,
};
use crate::theme::{self, color, font, size};
use crate::tm;

/// Measures text with egui's own fonts, so layout matches what is painted.
pub struct EguiText<'a>(pub &'a egui::Context);

impl TextMeasure for EguiText<'_> {
    fn text_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        let job = text_job(
            text,
            FontId::proportional(font_size),
            wrap_width,
            usize::MAX,
            egui::Align::Min,
        );
        self.0.fonts_mut(|f| f.layout_job(job).size().y)
    }
}

/// The layout of a text box, as measured and as painted: the same job, so the galley the
/// layout measured is the one painted (egui caches galleys by job). The colour is a
/// placeholder filled in when painted, and the wrap width is rounded to 1/64 point, so
/// that a width computed twice (a rectangle's `max - min`) is the same width.
fn text_job(
    text: &str,
    font: FontId,
    wrap_width: f32,
    max_rows: usize,
    halign: egui::Align,
) -> LayoutJob {
    let max_width = ((wrap_width * 64.0).round() / 64.0).max(1.0);
    let mut job = LayoutJob::simple(text.to_owned(), font, Color32::PLACEHOLDER, max_width);
    job.wrap = TextWrapping {
        max_width,
        max_rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    job.halign = halign;
    job
}

/// How to paint a map. Which parts exist (title, persona card, legend) is decided by
/// the layout, so that the canvas and an export agree on the map's size. The canvas,
/// the exports and the projector differ only by these options.
#[derive(Clone, Copy, Debug)]
pub struct PaintOptions {
    /// Paint the background colour over the whole map (off for a transparent export).
    pub background: bool,
    /// The persona's avatar, already loaded as a texture; initials are shown without.
    pub avatar: Option<egui::TextureId>,
    /// Paper, text and rule colours: the editor's or the projector's.
    pub palette: theme::Palette,
    /// Draw the cards' dot votes.
    pub votes: bool,
    /// The stage in the spotlight (by index): the others are veiled, still visible.
    pub spotlight: Option<usize>,
    /// How many stages (from the left) show their emotion curve, quotes and measures;
    /// `None`: all of them. A workshop reveals them one stage at a time.
    pub reveal: Option<usize>,
    /// Level of detail, for the canvas: text too small to read (under
    /// [`LOD_TEXT_PX`] on screen) is drawn as grey lines where its rows would be, a
    /// simplified label instead of illegible glyphs. Exports keep real text.
    pub lod: bool,
}

/// On-screen font size under which the canvas draws text as simplified lines.
pub const LOD_TEXT_PX: f32 = 5.0;

/// Cards smaller than this on screen (pixels, either side) are drawn as their fill
/// alone when level of detail is on ([`PaintOptions::lod`]).
pub const LOD_CARD_PX: f32 = 6.0;

/// Dashes repeating more often than this many pixels are drawn as a solid line.
const MIN_DASH_PERIOD: f32 = 3.0;

impl Default for PaintOptions {
    fn default() -> Self {
        Self {
            background: true,
            avatar: None,
            palette: theme::STANDARD,
            votes: true,
            spotlight: None,
            reveal: None,
            lod: false,
        }
    }
}

/// The right edge (document units) of what `reveal` shows of a journey laid out as
/// `layout`: curves and their points right of it are not painted.
fn reveal_edge(layout: &MapLayout, reveal: Option<usize>) -> f32 {
    match reveal {
        None => f32::INFINITY,
        Some(0) => f32::NEG_INFINITY,
        Some(n) => layout
            .stages
            .get(n - 1)
            .map_or(f32::INFINITY, |s| s.column.right()),
    }
}

/// Paints `journey` (laid out as `layout`) with `painter`; `to_screen` maps document
/// units to the painter's points. Items outside the painter's clip rectangle are skipped,
/// so the cost of a frame follows what is visible, not the size of the map. Every label
/// Waymark adds (legend, captions, badges, channel names...) is in the map's own
/// language ([`Language::of_map`]), whatever the interface language is.
pub fn paint_map(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    to_screen: TSTransform,
    options: PaintOptions,
) {
    let p = MapPainter {
        painter,
        xf: to_screen,
        zoom: to_screen.scaling,
        clip: painter.clip_rect(),
        lang: Language::of_map(project),
        pal: options.palette,
        votes: options.votes,
        reveal: options.reveal.unwrap_or(usize::MAX),
        reveal_x: reveal_edge(layout, options.reveal),
        lod: options.lod,
    };
    if options.background {
        p.rect(layout.bounds(), 0.0, p.pal.background);
    } else {
        // A transparent export lands on any slide, dark ones too: the title block and
        // the legend, whose text sits on the paper, keep a panel of paper behind them so
        // they stay readable (cards, headers and lane bands are opaque already).
        for r in [layout.title, layout.legend] {
            if r.is_positive() {
                p.rect(r.expand(8.0), 6.0, p.pal.background);
            }
        }
    }
    p.title_block(project, journey, layout, options.avatar);
    p.grid(project, journey, layout);
    p.cards(project, journey, layout);
    p.curves(project, journey, layout);
    p.annotations(journey, layout);
    p.legend(journey, layout);
    if let Some(spot) = options.spotlight {
        p.veil_except(layout, spot);
    }
}

/// Paints one step of a workshop presentation on `screen`: the screen filled with the
/// palette's paper, the map under the step's transform (clipped to the step's body)
/// with the other stages veiled, and for a stage step the lane titles pinned on the
/// left and, on a page of a stage, the stage headers pinned on top. The projector and the
/// slides export both paint through here.
pub fn paint_step(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    view: &crate::layout::spotlight::StepView,
    screen: Rect,
    options: PaintOptions,
) {
    painter.rect_filled(screen, 0.0, options.palette.background);
    let options = PaintOptions {
        spotlight: view.spotlight,
        ..options
    };
    let clip = painter.clip_rect();
    if view.strips.is_empty() {
        let body = painter.with_clip_rect(view.body.intersect(clip));
        paint_map(&body, project, journey, layout, view.transform, options);
        if let Some((band, xf)) = view.lane_band {
            let band_painter = painter.with_clip_rect(band.intersect(clip));
            paint_headers_with(
                &band_painter,
                project,
                journey,
                layout,
                xf,
                Headers::Lanes,
                &options,
            );
        }
    }
    // A page of a stage: each lane through its own transform, into its own band, its
    // pinned title beside it (the lane band's transform is then the shift from the
    // strip's), a rule under each.
    let edge = Stroke::new(1.0, options.palette.grid);
    for strip in &view.strips {
        let rect = strip.rect.intersect(view.body).intersect(clip);
        let body = painter.with_clip_rect(strip.map.intersect(rect));
        paint_map(&body, project, journey, layout, strip.transform, options);
        // A lane shown in part: its neighbours' cells are veiled paper.
        for side in [
            Rect::from_min_max(rect.min, pos2(strip.map.left(), rect.bottom())),
            Rect::from_min_max(pos2(strip.map.right(), rect.top()), rect.max),
        ] {
            if side.width() > 0.0 {
                painter.rect_filled(side, 0.0, options.palette.dim);
            }
        }
        if let Some((band, shift)) = view.lane_band {
            let xf = TSTransform::new(
                strip.transform.translation + shift.translation,
                strip.transform.scaling,
            );
            let band_painter = painter.with_clip_rect(band.intersect(rect));
            paint_headers_with(
                &band_painter,
                project,
                journey,
                layout,
                xf,
                Headers::Lanes,
                &options,
            );
        }
        painter.line_segment([rect.left_bottom(), rect.right_bottom()], edge);
    }
    if let Some((band, xf)) = view.stage_band {
        let band_painter = painter.with_clip_rect(band.intersect(clip));
        paint_headers_with(
            &band_painter,
            project,
            journey,
            layout,
            xf,
            Headers::Stages,
            &options,
        );
    }
}

/// A row or column of a map's headers, for [`paint_headers`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Headers {
    /// The stage headers, in a row above the grid.
    Stages,
    /// The lane titles, in a column left of the grid.
    Lanes,
}

/// Paints one row (or column) of headers again over a map already painted: the canvas
/// keeps them in view, like frozen panes, while a zoomed map scrolls under them. The
/// painter's clip rectangle is the band they occupy on screen: it is filled with the
/// map's background first and edged with a grid line on the side facing the map; the
/// headers are painted by the same code as in [`paint_map`], with `to_screen` placing
/// them in the band.
pub fn paint_headers(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    to_screen: TSTransform,
    which: Headers,
) {
    paint_headers_with(
        painter,
        project,
        journey,
        layout,
        to_screen,
        which,
        &PaintOptions::default(),
    );
}

/// [`paint_headers`] with the palette (and the rest) of `options`: the projector pins
/// the lane titles beside the stage in the spotlight in its own colours.
pub fn paint_headers_with(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    to_screen: TSTransform,
    which: Headers,
    options: &PaintOptions,
) {
    let p = MapPainter {
        painter,
        xf: to_screen,
        zoom: to_screen.scaling,
        clip: painter.clip_rect(),
        lang: Language::of_map(project),
        pal: options.palette,
        votes: options.votes,
        reveal: options.reveal.unwrap_or(usize::MAX),
        reveal_x: reveal_edge(layout, options.reveal),
        lod: options.lod,
    };
    let band = p.clip;
    painter.rect_filled(band, 0.0, p.pal.background);
    let edge = Stroke::new(1.0, p.pal.grid);
    match which {
        Headers::Stages => {
            for (i, (stage, geom)) in journey.stages.iter().zip(&layout.stages).enumerate() {
                if p.visible(geom.header) {
                    p.stage_header(stage, geom.header);
                    p.micro_summary(project, layout, i);
                }
            }
            if let Some(spot) = options.spotlight {
                for (i, geom) in layout.stages.iter().enumerate() {
                    if i != spot && p.visible(geom.header) {
                        p.rect(geom.header, 0.0, p.pal.dim);
                    }
                }
            }
            painter.line_segment([band.left_bottom(), band.right_bottom()], edge);
        }
        Headers::Lanes => {
            for geom in &layout.lanes {
                if p.visible(geom.header) {
                    p.lane_title(&journey.lanes[geom.index], geom.header);
                }
            }
            painter.line_segment([band.right_top(), band.right_bottom()], edge);
        }
    }
}

struct MapPainter<'a> {
    painter: &'a Painter,
    xf: TSTransform,
    zoom: f32,
    clip: Rect,
    /// The map's language, for every label Waymark adds.
    lang: Language,
    /// Paper, text and rule colours.
    pal: theme::Palette,
    /// Draw dot votes.
    votes: bool,
    /// Stages from this index on hide their quotes and measures.
    reveal: usize,
    /// Curves are painted up to this x (document units).
    reveal_x: f32,
    /// Draw text too small to read as simplified lines ([`PaintOptions::lod`]).
    lod: bool,
}

impl MapPainter<'_> {
    fn visible(&self, doc_rect: Rect) -> bool {
        self.clip.intersects(self.xf.mul_rect(doc_rect))
    }

    fn pos(&self, p: Pos2) -> Pos2 {
        self.xf.mul_pos(p)
    }

    fn rect(&self, r: Rect, rounding: f32, fill: Color32) {
        self.painter.rect_filled(
            self.xf.mul_rect(r),
            CornerRadius::same((rounding * self.zoom).round().clamp(0.0, 255.0) as u8),
            fill,
        );
    }

    fn rect_stroke(&self, r: Rect, rounding: f32, width: f32, c: Color32) {
        self.painter.rect_stroke(
            self.xf.mul_rect(r),
            CornerRadius::same((rounding * self.zoom).round().clamp(0.0, 255.0) as u8),
            Stroke::new(width * self.zoom.sqrt().max(0.5), c),
            StrokeKind::Inside,
        );
    }

    /// A horizontal dashed line from `a` to `b` (screen points), cut to the visible
    /// part with the dash pattern kept in phase: a dashed line across a 1,000-stage map
    /// costs what is on screen.
    fn hdashed(&self, a: Pos2, b: Pos2, stroke: Stroke, dash: f32, gap: f32) {
        let period = (dash + gap).max(0.5);
        let mut start = a.x;
        if start < self.clip.left() - period {
            start += ((self.clip.left() - start) / period).floor() * period;
        }
        let end = b.x.min(self.clip.right() + period);
        if end <= start {
            return;
        }
        if period < MIN_DASH_PERIOD {
            // Dashes finer than the eye can tell apart (a zoomed-out map): one solid
            // line of the same average tone, not thousands of sub-pixel dashes.
            let tone = stroke.color.gamma_multiply(dash / period);
            self.painter.line_segment(
                [pos2(start, a.y), pos2(end, b.y)],
                Stroke::new(stroke.width, tone),
            );
            return;
        }
        self.painter.extend(Shape::dashed_line(
            &[pos2(start, a.y), pos2(end, b.y)],
            stroke,
            dash,
            gap,
        ));
    }

    fn line(&self, a: Pos2, b: Pos2, width: f32, c: Color32) {
        self.painter.line_segment(
            [self.pos(a), self.pos(b)],
            Stroke::new(width * self.zoom.sqrt().max(0.5), c),
        );
    }

    /// Paints text wrapped to `rect`'s width, at most `max_rows` rows (0: no limit),
    /// anchored at `align` within the rect. Text too small to read is skipped. Returns
    /// the height of the text painted, in document units (0 when skipped).
    #[allow(clippy::too_many_arguments)] // Reason: a text box really has all of these.
    fn text(
        &self,
        rect: Rect,
        text: &str,
        size: f32,
        c: Color32,
        max_rows: usize,
        align: Align2,
        family: FontFamily,
    ) -> f32 {
        let px = size * self.zoom;
        if text.is_empty() {
            return 0.0;
        }
        if self.lod && px < LOD_TEXT_PX {
            return self.simplified_text(rect, text, px, c, max_rows, align);
        }
        if px < 3.0 {
            return 0.0;
        }
        let screen = self.xf.mul_rect(rect);
        let max_rows = if max_rows == 0 { usize::MAX } else { max_rows };
        let job = text_job(
            text,
            FontId::new(px, family),
            screen.width(),
            max_rows,
            align.x(),
        );
        let galley = self.painter.layout_job(job);
        let anchor = align.pos_in_rect(&screen);
        let size = galley.size();
        let y = match align.y() {
            egui::Align::Min => anchor.y,
            egui::Align::Center => anchor.y - size.y / 2.0,
            egui::Align::Max => anchor.y - size.y,
        };
        self.painter
            .with_clip_rect(screen.expand(2.0).intersect(self.clip))
            .galley(pos2(anchor.x, y), galley, c);
        size.y / self.zoom
    }

    /// Text too small to read, as the canvas shows it at a low zoom: one thin line per
    /// row the text would take (estimated from its length), in a faint tint of its
    /// colour, so a card still shows how much it holds without illegible glyphs.
    fn simplified_text(
        &self,
        rect: Rect,
        text: &str,
        px: f32,
        c: Color32,
        max_rows: usize,
        align: Align2,
    ) -> f32 {
        let screen = self.xf.mul_rect(rect);
        // Under a few pixels a box shows no rows at all: its colour says enough.
        if !screen.intersects(self.clip) || screen.width() < 2.0 || screen.height() < 3.0 {
            return 0.0;
        }
        let row = (px * 1.3).max(1.5);
        let chars = text.chars().count() as f32;
        let per_row = (screen.width() / (px * 0.55).max(0.1)).max(1.0);
        let mut rows = (chars / per_row).ceil().max(1.0) as usize;
        if max_rows > 0 {
            rows = rows.min(max_rows);
        }
        rows = rows.min(((screen.height() / row).floor() as usize).max(1));
        let height = rows as f32 * row;
        let top = match align.y() {
            egui::Align::Min => screen.top(),
            egui::Align::Center => screen.center().y - height / 2.0,
            egui::Align::Max => screen.bottom() - height,
        };
        let tint = c.gamma_multiply(0.35);
        let painter = self.painter.with_clip_rect(screen.intersect(self.clip));
        for i in 0..rows {
            // The last row of a longer text is shorter, like a paragraph's.
            let last = i + 1 == rows && rows > 1;
            let width = screen.width() * if last { 0.6 } else { 0.95 };
            let y = top + i as f32 * row + row * 0.3;
            let x = match align.x() {
                egui::Align::Min => screen.left(),
                egui::Align::Center => screen.center().x - width / 2.0,
                egui::Align::Max => screen.right() - width,
            };
            let bar = Rect::from_min_size(pos2(x, y), vec2(width, (px * 0.45).max(1.0)));
            painter.rect_filled(bar, 0.0, tint);
        }
        height / self.zoom
    }

    fn title_block(
        &self,
        project: &Project,
        journey: &Journey,
        layout: &MapLayout,
        avatar: Option<egui::TextureId>,
    ) {
        let r = layout.title;
        if !r.is_positive() || !self.visible(r) {
            return;
        }
        let persona = journey
            .persona
            .and_then(|id| project.persona(id))
            .filter(|_| layout.show_persona);
        let persona_w = if persona.is_some() { 300.0 } else { 0.0 };
        let text_r = Rect::from_min_max(r.min, pos2(r.right() - persona_w - 16.0, r.bottom()));
        if layout.show_title {
            self.title_text(journey, text_r);
        }
        if let Some(persona) = persona {
            self.persona_card(
                persona,
                Rect::from_min_max(pos2(r.right() - persona_w, r.top()), r.max),
                avatar,
            );
        }
    }

    fn title_text(&self, journey: &Journey, text_r: Rect) {
        self.text(
            Rect::from_min_size(text_r.min, vec2(text_r.width(), 30.0)),
            &journey.title,
            font::TITLE,
            self.pal.text,
            1,
            Align2::LEFT_TOP,
            FontFamily::Proportional,
        );
        self.text(
            Rect::from_min_max(text_r.min + vec2(0.0, 32.0), text_r.max),
            &journey.description,
            font::SUBTITLE,
            self.pal.text_muted,
            2,
            Align2::LEFT_TOP,
            FontFamily::Proportional,
        );
    }

    fn persona_card(
        &self,
        persona: &crate::model::Persona,
        card: Rect,
        avatar: Option<egui::TextureId>,
    ) {
        {
            self.rect(card, 8.0, color::PERSONA_CARD);
            self.rect_stroke(card, 8.0, 1.0, self.pal.grid);
            let avatar_c = card.left_center() + vec2(28.0, 0.0);
            if let Some(texture) = avatar {
                // The portrait, in a rounded square (the image is scaled to fit 256 px).
                let r = self
                    .xf
                    .mul_rect(Rect::from_center_size(avatar_c, vec2(40.0, 40.0)));
                let rounding =
                    CornerRadius::same((20.0 * self.zoom).round().clamp(0.0, 255.0) as u8);
                self.painter.add(
                    egui::epaint::RectShape::filled(r, rounding, Color32::WHITE)
                        .with_texture(texture, Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0))),
                );
            } else {
                self.painter.circle_filled(
                    self.pos(avatar_c),
                    20.0 * self.zoom,
                    self.pal.stage_header,
                );
                let initials: String = persona
                    .name
                    .split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .take(2)
                    .collect();
                self.text(
                    Rect::from_center_size(avatar_c, vec2(40.0, 40.0)),
                    &initials,
                    font::STAGE,
                    self.pal.stage_text,
                    1,
                    Align2::CENTER_CENTER,
                    FontFamily::Proportional,
                );
            }
            let info = Rect::from_min_max(card.min + vec2(58.0, 8.0), card.max - vec2(8.0, 6.0));
            let name = match persona.age {
                Some(age) => tm!(
                    self.lang,
                    "map-persona-name-age",
                    name = &persona.name,
                    age = age
                ),
                None => persona.name.clone(),
            };
            self.text(
                Rect::from_min_size(info.min, vec2(info.width(), 18.0)),
                &name,
                font::STAGE,
                self.pal.text,
                1,
                Align2::LEFT_TOP,
                FontFamily::Proportional,
            );
            let facts = [persona.location.as_str(), persona.segment.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · ");
            self.text(
                Rect::from_min_max(info.min + vec2(0.0, 21.0), info.max),
                &facts,
                font::SMALL,
                self.pal.text_muted,
                3,
                Align2::LEFT_TOP,
                FontFamily::Proportional,
            );
        }
    }

    fn grid(&self, project: &Project, journey: &Journey, layout: &MapLayout) {
        // Lane rows and headers.
        for (i, lane_geom) in layout.lanes.iter().enumerate() {
            let full = lane_geom.header.union(lane_geom.row);
            if !self.visible(full) {
                continue;
            }
            if i % 2 == 1 {
                self.rect(lane_geom.row, 0.0, self.pal.row_tint);
            }
            self.lane_title(&journey.lanes[lane_geom.index], lane_geom.header);
            self.line(
                lane_geom.row.left_bottom(),
                lane_geom.row.right_bottom(),
                1.0,
                self.pal.grid,
            );
        }
        // Stage headers and column lines.
        for (i, (stage, geom)) in journey.stages.iter().zip(&layout.stages).enumerate() {
            if !self.visible(geom.header.union(geom.column)) {
                continue;
            }
            self.stage_header(stage, geom.header);
            self.micro_summary(project, layout, i);
            self.line(
                geom.column.right_top(),
                geom.column.right_bottom(),
                1.0,
                self.pal.grid,
            );
        }
        // Lines of visibility.
        if let (Some(first), Some(last)) = (layout.stages.first(), layout.stages.last()) {
            for &y in &layout.visibility_lines {
                let a = self.pos(pos2(size::MARGIN, y));
                let b = self.pos(pos2(last.column.right(), y));
                if !self.clip.intersects(Rect::from_two_pos(a, b).expand(20.0)) {
                    continue;
                }
                let stroke = Stroke::new(2.0 * self.zoom.sqrt(), color::VISIBILITY_LINE);
                self.hdashed(a, b, stroke, 8.0 * self.zoom, 5.0 * self.zoom);
                self.text(
                    Rect::from_min_size(
                        pos2(first.column.left() + 6.0, y - 15.0),
                        vec2(200.0, 14.0),
                    ),
                    &tm!(self.lang, "map-visibility-line"),
                    font::SMALL,
                    color::VISIBILITY_LINE,
                    1,
                    Align2::LEFT_TOP,
                    FontFamily::Proportional,
                );
            }
        }
    }

    /// A lane's title box: its title (with a mark when collapsed) and, when there is
    /// room, what kind of lane it is.
    fn lane_title(&self, lane: &crate::model::Lane, header: Rect) {
        self.rect(header.shrink(1.0), 4.0, self.pal.lane_header);
        let inner = header.shrink2(vec2(10.0, 6.0));
        let mark = if lane.collapsed { "▸ " } else { "" };
        let title_h = self.text(
            Rect::from_min_size(inner.min, vec2(inner.width(), inner.height().max(20.0))),
            &format!("{mark}{}", lane.title),
            font::LANE,
            self.pal.text,
            if lane.collapsed { 1 } else { 2 },
            Align2::LEFT_TOP,
            FontFamily::Proportional,
        );
        // The caption goes under the title as wrapped (a long title takes two rows).
        let caption_top = title_h.max(20.0) + 2.0;
        let kind_label = labels::lane_kind(self.lang, &lane.kind);
        if !lane.collapsed && inner.height() > caption_top + 18.0 && kind_label != lane.title {
            self.text(
                Rect::from_min_max(inner.min + vec2(0.0, caption_top), inner.max),
                &kind_label,
                font::SMALL,
                self.pal.text_muted,
                2,
                Align2::LEFT_TOP,
                FontFamily::Proportional,
            );
        }
    }

    /// A stage's header box with its name (`header` is the stage's whole header area).
    fn stage_header(&self, stage: &crate::model::Stage, header: Rect) {
        let header = Rect::from_min_size(
            header.min + vec2(2.0, 0.0),
            vec2(header.width() - 4.0, size::STAGE_HEADER - 6.0),
        );
        self.rect(header, 6.0, self.pal.stage_header);
        self.text(
            header.shrink2(vec2(8.0, 4.0)),
            &stage.name,
            font::STAGE,
            self.pal.stage_text,
            2,
            Align2::CENTER_CENTER,
            FontFamily::Proportional,
        );
    }

    /// A stage's micro journeys: the badge counting them in the header's corner, and
    /// their roll-up under the stage name (lowest emotion point and where, accelerators
    /// and blockers, worst RAG status).
    fn micro_summary(&self, project: &Project, layout: &MapLayout, stage: usize) {
        let (Some(geom), Some(Some(rollup))) =
            (layout.stages.get(stage), layout.rollups.get(stage))
        else {
            return;
        };
        if let Some(badge) = geom.badge {
            self.rect(badge, badge.height() / 2.0, color::MICRO_BADGE);
            // A "zoom into" arrow (drawn: not every font has ↳), then the count.
            let stroke = Stroke::new(1.4 * self.zoom, color::MICRO_BADGE_TEXT);
            let x = badge.left() + 8.0;
            let (top, mid) = (badge.top() + 4.5, badge.center().y + 1.5);
            let corner = self.pos(pos2(x, mid));
            let tip = self.pos(pos2(x + 6.0, mid));
            self.painter
                .line_segment([self.pos(pos2(x, top)), corner], stroke);
            self.painter.line_segment([corner, tip], stroke);
            self.painter.add(Shape::convex_polygon(
                vec![
                    self.pos(pos2(x + 8.5, mid)),
                    self.pos(pos2(x + 5.0, mid - 3.0)),
                    self.pos(pos2(x + 5.0, mid + 3.0)),
                ],
                color::MICRO_BADGE_TEXT,
                Stroke::NONE,
            ));
            self.text(
                Rect::from_min_max(pos2(x + 9.0, badge.top()), badge.max),
                &rollup.micro.len().to_string(),
                font::SMALL,
                color::MICRO_BADGE_TEXT,
                1,
                Align2::CENTER_CENTER,
                FontFamily::Proportional,
            );
        }
        let Some(r) = geom.rollup else {
            return;
        };
        self.rect(r, 4.0, color::ROLLUP_FILL);
        let stripe = rollup
            .worst_rag
            .map_or(color::ROLLUP_STROKE, theme::rag_color);
        self.rect(
            Rect::from_min_size(r.min, vec2(4.0, r.height())),
            2.0,
            stripe,
        );
        self.rect_stroke(r, 4.0, 1.0, color::ROLLUP_STROKE);
        let inner = r.shrink2(vec2(8.0, 3.0));
        let line = (inner.height() / 2.0).floor();
        let first = Rect::from_min_size(inner.min, vec2(inner.width(), line));
        let lowest = match &rollup.lowest {
            Some(low) => {
                let place = project
                    .journey(low.journey)
                    .and_then(|j| j.stage(low.stage))
                    .map_or_else(String::new, |s| s.name.clone());
                tm!(
                    self.lang,
                    "map-rollup-lowest",
                    score = crate::analysis::format_signed(f64::from(low.score)),
                    stage = place
                )
            }
            None => tm!(self.lang, "map-rollup-no-emotion"),
        };
        self.text(
            first,
            &lowest,
            font::SMALL,
            color::TEXT,
            1,
            Align2::LEFT_CENTER,
            FontFamily::Proportional,
        );
        // Second line: accelerators and blockers with their markers, then the worst RAG.
        let cy = inner.top() + line * 1.5;
        let mut x = inner.left() + 5.0;
        for (kind, count) in [
            (AnnotationKind::Accelerator, rollup.accelerators),
            (AnnotationKind::Blocker, rollup.blockers),
        ] {
            self.marker(kind, pos2(x, cy), 5.0);
            let label = count.to_string();
            let w = self
                .painter
                .layout_no_wrap(
                    label.clone(),
                    FontId::proportional(font::SMALL),
                    color::TEXT,
                )
                .size()
                .x
                / self.zoom.max(f32::EPSILON);
            self.text(
                Rect::from_min_size(pos2(x + 8.0, cy - line / 2.0), vec2(w + 4.0, line)),
                &label,
                font::SMALL,
                color::TEXT,
                1,
                Align2::LEFT_CENTER,
                FontFamily::Proportional,
            );
            x += 8.0 + w.max(6.0) + 12.0;
        }
        if let Some(rag) = rollup.worst_rag {
            let label = tm!(
                self.lang,
                "map-rollup-worst",
                rag = labels::rag(self.lang, rag)
            );
            let rest = Rect::from_min_max(
                pos2(x, cy - line / 2.0),
                pos2(inner.right(), cy + line / 2.0),
            );
            self.text(
                rest,
                &label,
                font::SMALL,
                theme::rag_color(rag),
                1,
                Align2::RIGHT_CENTER,
                FontFamily::Proportional,
            );
        }
    }

    fn cards(&self, project: &Project, journey: &Journey, layout: &MapLayout) {
        for g in &layout.cards {
            if !self.visible(g.rect) {
                continue;
            }
            let lane = &journey.lanes[g.lane];
            let card = &lane.cards[g.card];
            if g.stage >= self.reveal
                && matches!(lane.kind, LaneKind::Quotes | LaneKind::Measures(_))
            {
                continue;
            }
            let fill = theme::card_fill(card.color, &lane.kind);
            self.rect(g.rect, size::CARD_ROUNDING, fill);
            if self.lod && self.xf.mul_rect(g.rect).size().min_elem() < LOD_CARD_PX {
                // A card a few pixels across shows its colour only: its outline, chips
                // and text would be sub-pixel shapes, thousands of them on a far map.
                continue;
            }
            self.rect_stroke(g.rect, size::CARD_ROUNDING, 1.0, self.pal.card_stroke);
            let top_row = Rect::from_min_size(
                g.rect.min + vec2(size::CARD_PAD, size::CARD_PAD),
                vec2(g.text.width(), size::CHIP_ROW - 3.0),
            );
            match &lane.kind {
                LaneKind::Touchpoints => {
                    if let Some(tp) = &card.touchpoint {
                        // No chip for a touchpoint whose channel nobody chose.
                        if let Some(channel) = &tp.channel {
                            let channel = labels::channel(self.lang, channel);
                            self.chip(top_row, &channel, self.pal.text_muted, false);
                        }
                        if let Some(class) = tp.class {
                            let label = labels::class_badge(self.lang, class);
                            let w = self.badge_width(&label);
                            let badge = Rect::from_min_size(
                                pos2(top_row.right() - w, top_row.top()),
                                vec2(w, top_row.height()),
                            );
                            self.chip(badge, &label, theme::class_color(class), true);
                        }
                    }
                }
                LaneKind::Measures(kind) => {
                    if let Some(value) = card.measure {
                        self.measure_value(project, *kind, value, g.rect, top_row);
                        // A value on fewer answers than the project's minimum says so,
                        // with its n, beside the traffic-light dot.
                        if analysis::is_low_base(&project.settings, card)
                            && let Some(n) = analysis::base(card)
                        {
                            let label = tm!(self.lang, "measure-low-base-n", n = n);
                            self.low_base_mark(&label, top_row);
                        }
                    }
                }
                LaneKind::Quotes => {
                    let bar = Rect::from_min_size(g.rect.min, vec2(4.0, g.rect.height()));
                    let c = card.sentiment.map_or(self.pal.grid, theme::sentiment_color);
                    self.rect(bar, 2.0, c);
                }
                _ => {}
            }
            self.text(
                g.text,
                &card.text,
                font::CARD,
                self.pal.text,
                0,
                Align2::LEFT_TOP,
                FontFamily::Proportional,
            );
            if self.votes && card.votes > 0 {
                self.vote_dots(g.rect, card.votes);
            }
            if !card.actors.is_empty() {
                let row = Rect::from_min_size(
                    pos2(g.text.left(), g.text.bottom() + 3.0),
                    vec2(g.text.width(), size::CHIP_ROW - 3.0),
                );
                self.actor_chips(&card.actors, row);
            }
        }
    }

    /// Veils every stage but `spot` (header and column) with the palette's dim colour:
    /// the room sees them, the spotlight stands out.
    fn veil_except(&self, layout: &MapLayout, spot: usize) {
        for (i, geom) in layout.stages.iter().enumerate() {
            if i == spot {
                continue;
            }
            let r = geom.header.union(geom.column);
            if self.visible(r) {
                self.rect(r, 0.0, self.pal.dim);
            }
        }
    }

    /// A card's dot votes: stickers along its top edge from the right, one per vote up
    /// to ten, then the count beside them ("12").
    fn vote_dots(&self, card: Rect, votes: u32) {
        const R: f32 = 5.0;
        const SHOWN: u32 = 10;
        let step = 2.0 * R + 3.0;
        let room = ((card.width() - 2.0 * size::CARD_PAD) / step)
            .floor()
            .max(1.0) as u32;
        let shown = votes.min(SHOWN).min(room);
        let mut x = card.right() - size::CARD_PAD - R;
        for _ in 0..shown {
            let c = self.pos(pos2(x, card.top()));
            self.painter
                .circle_filled(c, (R + 1.5) * self.zoom, theme::workshop::VOTE_RING);
            self.painter
                .circle_filled(c, R * self.zoom, theme::workshop::VOTE);
            x -= step;
        }
        if votes > shown {
            let label = votes.to_string();
            self.text(
                Rect::from_min_max(
                    pos2(x - 40.0, card.top() - 8.0),
                    pos2(x + R, card.top() + 8.0),
                ),
                &label,
                font::SMALL,
                theme::workshop::VOTE,
                1,
                Align2::RIGHT_CENTER,
                FontFamily::Proportional,
            );
        }
    }

    /// A card's actors as a row of chips, in order; those that do not fit are counted
    /// in a last "+N" chip.
    fn actor_chips(&self, actors: &[String], row: Rect) {
        const GAP: f32 = 4.0;
        let width = |label: &str| {
            self.painter
                .layout_no_wrap(
                    label.to_owned(),
                    FontId::proportional(font::SMALL),
                    color::TEXT,
                )
                .size()
                .x
                + 14.0
        };
        let mut x = row.left();
        for (i, actor) in actors.iter().enumerate() {
            let w = width(actor);
            let left = actors.len() - i - 1;
            let more = if left > 0 {
                width(&format!("+{left}")) + GAP
            } else {
                0.0
            };
            if i > 0 && x + w + more > row.right() {
                let label = format!("+{}", actors.len() - i);
                let r = Rect::from_min_max(pos2(x, row.top()), row.max);
                self.chip(r, &label, color::TEXT_MUTED, false);
                return;
            }
            let r = Rect::from_min_max(pos2(x, row.top()), row.max);
            self.chip(r, actor, color::TEXT, false);
            x += w.min(r.width() * 0.6) + GAP;
        }
    }

    /// The "low base, n=12" mark of a measure card: an outlined chip as wide as its
    /// text, right-aligned left of the traffic-light dot.
    fn low_base_mark(&self, label: &str, top_row: Rect) {
        let c = self.pal.text_muted;
        let text_w = self
            .painter
            .layout_no_wrap(label.to_owned(), FontId::proportional(font::SMALL), c)
            .size()
            .x;
        let w = (text_w + 12.0).min(top_row.width() - 18.0).max(0.0);
        let r = Rect::from_min_size(
            pos2(top_row.right() - 18.0 - w, top_row.top()),
            vec2(w, top_row.height()),
        );
        self.rect_stroke(r, 8.0, 1.0, c);
        self.text(
            r,
            label,
            font::SMALL,
            c,
            1,
            Align2::CENTER_CENTER,
            FontFamily::Proportional,
        );
    }

    /// The width of a class badge: room for its label in any script, measured in
    /// document units (a Chinese character is about twice as wide as a Latin letter),
    /// and never narrower than the classic 18 + 7 per letter.
    fn badge_width(&self, label: &str) -> f32 {
        let text_w = self
            .painter
            .layout_no_wrap(
                label.to_owned(),
                FontId::proportional(font::SMALL),
                Color32::WHITE,
            )
            .size()
            .x;
        (18.0 + 7.0 * label.chars().count() as f32).max(text_w + 12.0)
    }

    fn chip(&self, r: Rect, label: &str, c: Color32, filled: bool) {
        if filled {
            self.rect(r, 8.0, c);
            self.text(
                r,
                label,
                font::SMALL,
                Color32::WHITE,
                1,
                Align2::CENTER_CENTER,
                FontFamily::Proportional,
            );
        } else {
            // Measured in document units, so the chip fits its label in any script (a
            // CJK character is twice as wide as a Latin one) and at every zoom.
            let text_w = self
                .painter
                .layout_no_wrap(label.to_owned(), FontId::proportional(font::SMALL), c)
                .size()
                .x;
            let w = (text_w + 14.0).min(r.width() * 0.6);
            let r = Rect::from_min_size(r.min, vec2(w, r.height()));
            self.rect_stroke(r, 8.0, 1.0, c);
            self.text(
                r,
                label,
                font::SMALL,
                c,
                1,
                Align2::CENTER_CENTER,
                FontFamily::Proportional,
            );
        }
    }

    fn measure_value(
        &self,
        project: &Project,
        kind: MeasureKind,
        value: MeasureValue,
        card: Rect,
        top_row: Rect,
    ) {
        let rag = analysis::rag_for_measure(&project.settings, kind, value);
        if let Some(rag) = rag {
            let c = theme::rag_color(rag);
            let bar = Rect::from_min_size(card.min, vec2(card.width(), 4.0));
            self.rect(bar, 2.0, c);
            let dot = pos2(top_row.right() - 7.0, top_row.top() + 10.0);
            self.painter
                .circle_filled(self.pos(dot), 6.0 * self.zoom, c);
        }
        let label = match value {
            MeasureValue::Number(v) => analysis::format_measure_with_unit(kind, v),
            MeasureValue::Status(r) => labels::rag(self.lang, r),
        };
        self.text(
            Rect::from_min_size(top_row.min, vec2(top_row.width(), size::MEASURE_VALUE)),
            &label,
            font::MEASURE,
            self.pal.text,
            1,
            Align2::LEFT_TOP,
            FontFamily::Proportional,
        );
    }

    fn curves(&self, project: &Project, journey: &Journey, layout: &MapLayout) {
        // Compared curves go under the lane's own curve.
        let mut order: Vec<&crate::layout::CurveGeom> = layout.curves.iter().collect();
        order.sort_by_key(|c| std::cmp::Reverse(c.series));
        for curve in order {
            let lane = &layout.lanes[curve.lane];
            let cards = &journey.lanes[curve.source].cards;
            if !self.visible(lane.row) {
                continue;
            }
            if curve.series > 0 {
                self.compared_curve(curve);
                continue;
            }
            self.curve_legend(project, journey, layout, curve.lane);
            // The neutral line.
            let a = self.pos(pos2(lane.row.left(), curve.neutral_y));
            let b = self.pos(pos2(lane.row.right(), curve.neutral_y));
            self.hdashed(
                a,
                b,
                Stroke::new(1.0, color::EMOTION_BASELINE),
                6.0 * self.zoom,
                4.0 * self.zoom,
            );
            let (top, bottom) = (
                self.pos(pos2(0.0, curve.y_range.0)).y,
                self.pos(pos2(0.0, curve.y_range.1)).y,
            );
            // Only the part of the curve near the visible area is tessellated: a long
            // journey's curve costs what is on screen.
            let (x0, x1) = (self.clip.left() - 40.0, self.clip.right() + 40.0);
            let first = curve
                .path
                .partition_point(|p| self.pos(*p).x < x0)
                .saturating_sub(1);
            let last =
                (curve.path.partition_point(|p| self.pos(*p).x <= x1) + 1).min(curve.path.len());
            let mut visible_path: Vec<Pos2> = Vec::with_capacity(last.saturating_sub(first));
            for p in curve.path[first..last.max(first)]
                .iter()
                .filter(|p| p.x <= self.reveal_x)
            {
                let p = self.pos(*p);
                // Points closer than a pixel to the last one kept add nothing to the
                // line but tessellation (a zoomed-out map has thousands on screen).
                let kept = visible_path.len();
                match visible_path.last_mut() {
                    Some(prev) if kept >= 2 && (p - *prev).length() < 1.0 => *prev = p,
                    _ => visible_path.push(p),
                }
            }
            if visible_path.len() >= 2 {
                let stroke = PathStroke::new_uv(3.0 * self.zoom.sqrt(), move |_, p| {
                    let t = if (bottom - top).abs() < 1e-3 {
                        0.5
                    } else {
                        (bottom - p.y) / (bottom - top)
                    };
                    theme::emotion_color(t)
                });
                self.painter.add(Shape::line(visible_path, stroke));
            }
            for (i, point) in curve.points.iter().enumerate() {
                let c = self.pos(point.pos);
                if !self.clip.expand(60.0 * self.zoom).contains(c) || point.pos.x > self.reveal_x {
                    continue;
                }
                let fill = theme::emotion_color(point.t);
                if point.lowest {
                    self.painter.circle_stroke(
                        c,
                        (size::EMOTION_POINT + 5.0) * self.zoom,
                        Stroke::new(2.0 * self.zoom.sqrt(), color::EMOTION_NEGATIVE),
                    );
                }
                // A white ring round the dot, painted as a white disc under it: two of
                // egui's prepared discs (a quad each) instead of a stroked circle of about
                // 130 triangles, which a 500-point curve paid 500 times.
                self.painter.circle_filled(
                    c,
                    size::EMOTION_POINT * self.zoom + 1.5 * self.zoom.sqrt(),
                    Color32::WHITE,
                );
                self.painter
                    .circle_filled(c, size::EMOTION_POINT * self.zoom, fill);
                // The label goes on the side away from the curve's extreme.
                let below = point.t > 0.5;
                let dy = if below { 10.0 } else { -26.0 };
                let score = if point.score.fract() == 0.0 {
                    format!("{:+.0}", point.score)
                } else {
                    format!("{:+.1}", point.score)
                };
                // Points closer than a label's width (many in one stage) get the score
                // alone, within the room to their neighbours, or no label where even
                // that would overlap: the cards above carry the names.
                let gap = curve_gap(&curve.points, i);
                let (width, text) = if gap >= CURVE_LABEL_CROWDED {
                    (120.0, format!("{}  {score}", cards[point.card].text))
                } else if gap >= CURVE_LABEL_MIN {
                    (gap, score)
                } else {
                    continue;
                };
                self.text(
                    Rect::from_min_size(point.pos + vec2(-width / 2.0, dy), vec2(width, 16.0)),
                    &text,
                    font::SMALL,
                    self.pal.text_muted,
                    1,
                    Align2::CENTER_TOP,
                    FontFamily::Proportional,
                );
            }
        }
    }

    /// A compared persona's curve: one colour per series, smaller points, no labels.
    fn compared_curve(&self, curve: &crate::layout::CurveGeom) {
        let c = theme::series_color(curve.series);
        let path: Vec<Pos2> = curve
            .path
            .iter()
            .filter(|p| p.x <= self.reveal_x)
            .map(|p| self.pos(*p))
            .collect();
        if path.len() >= 2 {
            self.painter
                .add(Shape::line(path, Stroke::new(2.5 * self.zoom.sqrt(), c)));
        }
        for point in curve.points.iter().filter(|p| p.pos.x <= self.reveal_x) {
            self.painter.circle_filled(
                self.pos(point.pos),
                (size::EMOTION_POINT - 1.5) * self.zoom,
                c,
            );
        }
    }

    /// When a lane shows several personas' curves, a legend in its top-right corner names
    /// them: the lane's own persona (red to green) and each compared one in its colour.
    fn curve_legend(&self, project: &Project, journey: &Journey, layout: &MapLayout, lane: usize) {
        let series: Vec<&crate::layout::CurveGeom> =
            layout.curves.iter().filter(|c| c.lane == lane).collect();
        if series.len() < 2 {
            return;
        }
        let name = |source: usize| {
            let l = &journey.lanes[source];
            match l.kind {
                LaneKind::Emotion {
                    persona: Some(p), ..
                } => project
                    .persona(p)
                    .map_or(l.title.clone(), |p| p.name.clone()),
                _ => l.title.clone(),
            }
        };
        let row = layout.lanes[lane].row;
        let width = 170.0;
        let height = 6.0 + 16.0 * series.len() as f32;
        let r = Rect::from_min_size(
            pos2(row.right() - width - 6.0, row.top() + 4.0),
            vec2(width, height),
        );
        self.rect(r, 4.0, color::LEGEND_FILL);
        self.rect_stroke(r, 4.0, 1.0, self.pal.grid);
        let mut sorted = series.clone();
        sorted.sort_by_key(|c| c.series);
        for (i, c) in sorted.iter().enumerate() {
            let y = r.top() + 11.0 + 16.0 * i as f32;
            let swatch = if c.series == 0 {
                theme::emotion_color(0.75)
            } else {
                theme::series_color(c.series)
            };
            self.line(
                pos2(r.left() + 6.0, y),
                pos2(r.left() + 24.0, y),
                3.0,
                swatch,
            );
            self.text(
                Rect::from_min_size(pos2(r.left() + 30.0, y - 8.0), vec2(width - 34.0, 16.0)),
                &name(c.source),
                font::SMALL,
                self.pal.text,
                1,
                Align2::LEFT_CENTER,
                FontFamily::Proportional,
            );
        }
    }

    fn annotations(&self, journey: &Journey, layout: &MapLayout) {
        for g in &layout.annotations {
            if !self.visible(g.rect) {
                continue;
            }
            let a = &journey.annotations[g.index];
            let c = theme::annotation_color(a.kind);
            self.rect(g.rect, 10.0, Color32::WHITE);
            self.rect_stroke(g.rect, 10.0, 1.5, c);
            // The marker sits beside the first line of the title.
            let centre = pos2(
                g.rect.left() + 10.0,
                g.title.top() + (font::SMALL * 1.3).min(g.title.height()) / 2.0,
            );
            self.marker(a.kind, centre, 7.0);
            // The measured change first, then the whole title, wrapped: nothing typed is
            // cut off (the layout made the pill tall enough).
            self.text(
                g.title,
                &crate::layout::annotation_label(self.lang, a),
                font::SMALL,
                c,
                0,
                Align2::LEFT_TOP,
                FontFamily::Proportional,
            );
            if let Some(note) = g.note {
                self.text(
                    note,
                    &a.note,
                    font::SMALL,
                    self.pal.text_muted,
                    0,
                    Align2::LEFT_TOP,
                    FontFamily::Proportional,
                );
            }
        }
    }

    /// The legend: one entry per kind of mark the map actually uses.
    fn legend(&self, journey: &Journey, layout: &MapLayout) {
        let r = layout.legend;
        if !r.is_positive() || !self.visible(r) {
            return;
        }
        self.rect(r, 6.0, self.pal.lane_header);
        let cy = r.center().y;
        let mut x = r.left() + 12.0;
        let lang = self.lang;
        x = self.legend_text(x, cy, &tm!(lang, "map-legend"), self.pal.text) + 14.0;

        let cards = || {
            journey
                .lanes
                .iter()
                .flat_map(|l| l.cards.iter().map(move |c| (l, c)))
        };
        let has_class = |class| {
            cards().any(|(_, c)| {
                c.touchpoint
                    .as_ref()
                    .is_some_and(|t| t.class == Some(class))
            })
        };
        for class in TouchpointClass::ALL {
            if has_class(class) {
                let label = labels::class_badge(lang, class);
                let w = self.badge_width(&label);
                let badge = Rect::from_center_size(pos2(x + w / 2.0, cy), vec2(w, 15.0));
                self.chip(badge, &label, theme::class_color(class), true);
                let name = labels::touchpoint_class(lang, class);
                x = self.legend_text(x + w + 5.0, cy, &name, self.pal.text_muted) + 14.0;
            }
        }
        if journey
            .lanes
            .iter()
            .any(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        {
            let bar = Rect::from_min_size(pos2(x, cy - 4.0), vec2(60.0, 8.0));
            let steps = 12;
            for i in 0..steps {
                let t = i as f32 / (steps - 1) as f32;
                let seg = Rect::from_min_size(
                    pos2(
                        bar.left() + bar.width() * i as f32 / steps as f32,
                        bar.top(),
                    ),
                    vec2(bar.width() / steps as f32 + 0.5, bar.height()),
                );
                self.rect(seg, 0.0, theme::emotion_color(t));
            }
            x = self.legend_text(
                bar.right() + 5.0,
                cy,
                &tm!(lang, "map-legend-emotion"),
                self.pal.text_muted,
            ) + 10.0;
            let c = self.pos(pos2(x + 7.0, cy));
            self.painter.circle_stroke(
                c,
                6.0 * self.zoom,
                Stroke::new(2.0 * self.zoom.sqrt(), color::EMOTION_NEGATIVE),
            );
            let lowest = tm!(lang, "map-legend-lowest-point");
            x = self.legend_text(x + 18.0, cy, &lowest, self.pal.text_muted) + 14.0;
        }
        if cards().any(|(l, c)| l.kind == LaneKind::Quotes && c.sentiment.is_some()) {
            for (s, label) in [
                (Sentiment::Positive, tm!(lang, "map-legend-positive-quote")),
                (Sentiment::Negative, tm!(lang, "map-legend-negative-quote")),
            ] {
                self.rect(
                    Rect::from_min_size(pos2(x, cy - 7.0), vec2(4.0, 14.0)),
                    2.0,
                    theme::sentiment_color(s),
                );
                x = self.legend_text(x + 9.0, cy, &label, self.pal.text_muted) + 12.0;
            }
            x += 2.0;
        }
        if journey
            .lanes
            .iter()
            .any(|l| matches!(l.kind, LaneKind::Measures(_)))
        {
            for rag in [Rag::Green, Rag::Amber, Rag::Red] {
                let label = labels::rag(lang, rag);
                self.painter.circle_filled(
                    self.pos(pos2(x + 5.0, cy)),
                    5.0 * self.zoom,
                    theme::rag_color(rag),
                );
                x = self.legend_text(x + 14.0, cy, &label, self.pal.text_muted) + 10.0;
            }
            x += 4.0;
        }
        if !layout.visibility_lines.is_empty() {
            let stroke = Stroke::new(2.0 * self.zoom.sqrt(), color::VISIBILITY_LINE);
            self.painter.extend(Shape::dashed_line(
                &[self.pos(pos2(x, cy)), self.pos(pos2(x + 28.0, cy))],
                stroke,
                6.0 * self.zoom,
                4.0 * self.zoom,
            ));
            let label = tm!(lang, "map-legend-visibility");
            x = self.legend_text(x + 34.0, cy, &label, self.pal.text_muted) + 14.0;
        }
        for kind in [AnnotationKind::Accelerator, AnnotationKind::Blocker] {
            if journey.annotations.iter().any(|a| a.kind == kind) {
                self.marker(kind, pos2(x + 7.0, cy), 7.0);
                let label = labels::annotation_kind(lang, kind);
                x = self.legend_text(x + 18.0, cy, &label, self.pal.text_muted) + 14.0;
            }
        }
    }

    /// Paints one legend label starting at `x`, vertically centred on `cy`; returns the
    /// x where it ends, in document units.
    fn legend_text(&self, x: f32, cy: f32, text: &str, c: Color32) -> f32 {
        let px = font::SMALL * self.zoom;
        if px < 3.0 {
            return x + text.chars().count() as f32 * font::SMALL * 0.55;
        }
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), FontId::proportional(px), c);
        let size = galley.size();
        let at = self.pos(pos2(x, cy)) - vec2(0.0, size.y / 2.0);
        self.painter.galley(at, galley, c);
        x + size.x / self.zoom
    }

    /// An accelerator is a green upward triangle; a blocker a red octagon with a bar:
    /// told apart by shape as well as colour.
    fn marker(&self, kind: AnnotationKind, centre: Pos2, r: f32) {
        let c = theme::annotation_color(kind);
        let at = |dx: f32, dy: f32| self.pos(centre + vec2(dx, dy) * r);
        match kind {
            AnnotationKind::Accelerator => {
                let pts = vec![at(0.0, -1.0), at(0.95, 0.8), at(-0.95, 0.8)];
                self.painter
                    .add(Shape::convex_polygon(pts, c, Stroke::NONE));
            }
            AnnotationKind::Blocker => {
                let pts: Vec<Pos2> = (0..8)
                    .map(|i| {
                        let angle = std::f32::consts::TAU * (i as f32 + 0.5) / 8.0;
                        at(angle.cos(), angle.sin())
                    })
                    .collect();
                self.painter
                    .add(Shape::convex_polygon(pts, c, Stroke::NONE));
                self.painter.line_segment(
                    [at(-0.55, 0.0), at(0.55, 0.0)],
                    Stroke::new(2.0 * self.zoom.sqrt(), Color32::WHITE),
                );
            }
        }
    }
}

/// Below this distance to a neighbouring point (document units), a curve point's label
/// is the score alone.
const CURVE_LABEL_CROWDED: f32 = 50.0;
/// Below this distance, a curve point has no label at all.
const CURVE_LABEL_MIN: f32 = 16.0;

/// The horizontal distance from a curve point to its nearest neighbour (the points are
/// in x order); infinite for a lone point.
fn curve_gap(points: &[crate::layout::CurvePoint], i: usize) -> f32 {
    let x = points[i].pos.x;
    let left = i
        .checked_sub(1)
        .and_then(|j| points.get(j))
        .map_or(f32::INFINITY, |p| x - p.pos.x);
    let right = points.get(i + 1).map_or(f32::INFINITY, |p| p.pos.x - x);
    left.min(right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutOptions, layout_journey_with};

    /// Lays out and paints the sample's first journey with egui's own fonts, as the
    /// canvas and the exporter do; returns the layout and every text painted, with the
    /// rectangle it covers.
    fn paint_sample(project: &Project, options: LayoutOptions) -> (MapLayout, Vec<(String, Rect)>) {
        let ctx = egui::Context::default();
        let mut map = MapLayout::default();
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(4000.0, 3000.0))),
            ..Default::default()
        };
        // The first pass loads the fonts; the second paints.
        for _ in 0..2 {
            let mut output = ctx.run_ui(input.clone(), |ui| {
                let journey = &project.journeys[0];
                map = layout_journey_with(project, journey, &EguiText(ui.ctx()), &options);
                paint_map(
                    ui.painter(),
                    project,
                    journey,
                    &map,
                    TSTransform::IDENTITY,
                    PaintOptions::default(),
                );
            });
            output.textures_delta.clear();
            let mut texts = Vec::new();
            for clipped in &output.shapes {
                if let Shape::Text(t) = &clipped.shape {
                    texts.push((t.galley.text().to_owned(), t.visual_bounding_rect()));
                }
            }
            if !texts.is_empty() {
                return (map, texts);
            }
        }
        (map, Vec::new())
    }

    #[test]
    fn annotation_titles_and_notes_are_painted_whole_inside_their_pills() {
        let mut project = crate::io::sample::sample_project();
        let long = "Instant virtual card in the app the moment the account opens, so the \
                    customer can pay the same day";
        long.clone_into(&mut project.journeys[0].annotations[0].title);
        let options = LayoutOptions {
            notes: true,
            ..LayoutOptions::default()
        };
        let (map, texts) = paint_sample(&project, options);
        for g in &map.annotations {
            let a = &project.journeys[0].annotations[g.index];
            for (wanted, rect) in [
                (
                    crate::layout::annotation_label(Language::En, a),
                    Some(g.title),
                ),
                (a.note.clone(), g.note),
            ] {
                let rect = rect.unwrap();
                let (_, painted) = texts
                    .iter()
                    .find(|(t, _)| *t == wanted)
                    .unwrap_or_else(|| panic!("{wanted:?} is not painted whole: {texts:?}"));
                assert!(
                    rect.expand(1.0).contains_rect(*painted)
                        && g.rect.expand(0.5).contains_rect(*painted),
                    "{wanted:?} at {painted:?} spills out of its pill {:?}",
                    g.rect
                );
            }
        }
        // Without the option, no note is painted.
        let (_, texts) = paint_sample(&project, LayoutOptions::default());
        let note = &project.journeys[0].annotations[0].note;
        assert!(!texts.iter().any(|(t, _)| t == note));
    }

    use crate::io::sample::sample_project;
    use crate::layout::layout_journey;

    /// Every piece of text a headless paint of the project's first journey draws.
    /// Every text painted for the map: its text and its screen rectangle.
    fn painted_text_rects(project: &Project) -> Vec<(String, Rect)> {
        let ctx = egui::Context::default();
        let journey = &project.journeys[0];
        let input = || egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(8000.0, 6000.0))),
            ..Default::default()
        };
        let mut texts = Vec::new();
        for _ in 0..2 {
            let mut output = ctx.run_ui(input(), |ui| {
                let map = layout_journey(project, journey, &EguiText(ui.ctx()));
                paint_map(
                    ui.painter(),
                    project,
                    journey,
                    &map,
                    TSTransform::IDENTITY,
                    PaintOptions::default(),
                );
            });
            output.textures_delta.clear();
            texts = output
                .shapes
                .iter()
                .filter_map(|c| match &c.shape {
                    Shape::Text(t) => Some((t.galley.text().to_owned(), t.visual_bounding_rect())),
                    _ => None,
                })
                .collect();
        }
        texts
    }

    #[test]
    fn a_long_lane_title_wraps_above_its_kind_caption_without_overlapping_it() {
        let mut project = crate::io::sample::sample_project();
        let lane = &mut project.journeys[0].lanes[0];
        lane.title = "Customer actions in every channel, online and in the shop".into();
        lane.height = 120.0;
        let texts = painted_text_rects(&project);
        let find = |prefix: &str| {
            texts
                .iter()
                .find(|(t, _)| t.starts_with(prefix))
                .map_or_else(|| panic!("{prefix} not painted: {texts:?}"), |(_, r)| *r)
        };
        let title = find("Customer actions in every");
        // Two rows of the title (one row of its font is under 20 px high).
        assert!(title.height() > 24.0, "{title:?}");
        let caption = find("Actions");
        assert!(
            caption.top() >= title.bottom(),
            "caption {caption:?} overlaps title {title:?}"
        );
    }

    fn painted_texts(project: &Project) -> Vec<String> {
        let ctx = egui::Context::default();
        let journey = &project.journeys[0];
        let input = || egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(8000.0, 6000.0))),
            ..Default::default()
        };
        // The first pass creates the fonts; the second paints with them.
        let mut texts = Vec::new();
        for _ in 0..2 {
            let mut output = ctx.run_ui(input(), |ui| {
                let map = layout_journey(project, journey, &EguiText(ui.ctx()));
                paint_map(
                    ui.painter(),
                    project,
                    journey,
                    &map,
                    TSTransform::IDENTITY,
                    PaintOptions::default(),
                );
            });
            output.textures_delta.clear();
            texts = output
                .shapes
                .iter()
                .filter_map(|c| match &c.shape {
                    Shape::Text(t) => Some(t.galley.text().to_owned()),
                    _ => None,
                })
                .collect();
        }
        texts
    }

    #[test]
    fn a_stage_with_micro_journeys_shows_its_badge_and_roll_up_in_the_map_language() {
        let mut p = crate::io::sample::sample_project();
        let texts = painted_texts(&p);
        assert!(!texts.iter().any(|t| t.starts_with("Lowest -")));
        // A micro journey of "Fault reported": the sample's own journey, linked, with a
        // red NPS (-38) and its lowest point (-5) in "Fault reported".
        let edit = crate::app::Edit::ZoomIntoStage {
            journey: p.journeys[0].id,
            stage: p.journeys[0].stages[5].id,
            template: Box::new(p.journeys[0].clone()),
        };
        crate::app::apply_edit(&mut p, &edit);
        assert_eq!(p.validate(), vec![]);
        let texts = painted_texts(&p);
        assert_painted(&texts, &["Lowest -5 · Fault reported", "Worst: Red"]);
        p.settings.language = "zh-Hans".into();
        let texts = painted_texts(&p);
        assert_painted(&texts, &["最低 -5 · Fault reported", "最差：红灯"]);
    }

    fn in_language(tag: &str) -> Project {
        let mut project = sample_project();
        project.settings.language = tag.to_owned();
        project
    }

    /// Asserts that each label was painted as one text of its own.
    fn assert_painted(texts: &[String], labels: &[&str]) {
        for label in labels {
            assert!(
                texts.iter().any(|t| t == label),
                "\"{label}\" is not painted; painted: {texts:?}"
            );
        }
    }

    #[test]
    fn the_legend_lists_only_what_the_map_uses() {
        let mut project = sample_project();
        let journey = &mut project.journeys[0];
        // No quotes, no moments of truth, no blockers on this map.
        journey.lanes.retain(|l| l.kind != LaneKind::Quotes);
        for lane in &mut journey.lanes {
            for card in &mut lane.cards {
                if let Some(tp) = &mut card.touchpoint
                    && tp.class == Some(TouchpointClass::MomentOfTruth)
                {
                    tp.class = Some(TouchpointClass::Core);
                }
            }
        }
        journey
            .annotations
            .retain(|a| a.kind != crate::model::AnnotationKind::Blocker);
        let texts = painted_texts(&project);
        assert_painted(&texts, &["Legend", "Core interaction", "Accelerator"]);
        for unused in [
            "Positive quote",
            "Negative quote",
            "Moment of truth",
            "Blocker",
        ] {
            assert!(
                !texts.iter().any(|t| t == unused),
                "{unused} is in the legend"
            );
        }
    }

    #[test]
    fn an_english_map_has_english_labels() {
        let texts = painted_texts(&in_language("en"));
        assert_painted(
            &texts,
            &[
                "Legend",
                "MoT",
                "Moment of truth",
                "Hygiene factor",
                "Emotion, negative to positive",
                "Lowest point",
                "Positive quote",
                "Green",
                "Line of visibility",
                "line of visibility",
                "Accelerator",
                "Blocker",
                "Measure: NPS",
                "Actions",
                "Phone",
                "In person",
                "Amber",
                "Priya Shah, 38",
                "NEV +30, CES -1.2, NPS +13 · Engineer texts 30 min before arrival",
            ],
        );
        let han = |t: &String| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(!texts.iter().any(han), "{texts:?}");
    }

    #[test]
    fn a_chinese_map_has_chinese_labels_whatever_the_interface_language() {
        // The interface stays English: the map follows its own language.
        assert_eq!(crate::i18n::interface(), Language::En);
        let texts = painted_texts(&in_language("zh-Hans"));
        assert_painted(
            &texts,
            &[
                "图例",
                "关",
                "关键时刻",
                "卫生因素",
                "情绪：从负面到正面",
                "最低点",
                "正面原话",
                "绿灯",
                "黄灯",
                "可视线",
                "加速器",
                "阻碍器",
                "指标：净推荐值 (NPS)",
                "行为",
                "接触点",
                "前台",
                "后台",
                "电话",
                "面对面",
                "Priya Shah，38 岁",
                "NEV +30，CES -1.2，NPS +13 · Engineer texts 30 min before arrival",
            ],
        );
        for english in [
            "Legend",
            "Moment of truth",
            "MoT",
            "Line of visibility",
            "line of visibility",
            "Measure: NPS",
            "Phone",
            "Amber",
        ] {
            assert!(!texts.iter().any(|t| t == english), "{english} is painted");
        }

        let texts = painted_texts(&in_language("zh-Hant"));
        assert_painted(
            &texts,
            &[
                "圖例",
                "關",
                "關鍵時刻",
                "核心互動",
                "可視線",
                "阻礙器",
                "後台",
                "電話",
            ],
        );
    }

    #[test]
    fn badges_are_as_wide_as_their_label_in_every_script() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let p = MapPainter {
                painter: ui.painter(),
                xf: TSTransform::IDENTITY,
                zoom: 1.0,
                clip: ui.clip_rect(),
                lang: Language::En,
                pal: theme::STANDARD,
                votes: true,
                reveal: usize::MAX,
                reveal_x: f32::INFINITY,
                lod: false,
            };
            // The classic widths stay as they were for English maps.
            assert!((p.badge_width("MoT") - 39.0).abs() < 1e-3);
            assert!((p.badge_width("H") - 25.0).abs() < 1e-3);
            for label in ["关", "關", "衛", "MoT + 关键时刻"] {
                let text = ui
                    .painter()
                    .layout_no_wrap(
                        label.to_owned(),
                        FontId::proportional(font::SMALL),
                        color::TEXT,
                    )
                    .size()
                    .x;
                assert!(p.badge_width(label) >= text + 12.0, "{label}");
            }
        });
        output.textures_delta.clear();
    }
}
