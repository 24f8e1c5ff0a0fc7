//! PDF export with [`krilla`]: each [`Scene`] item becomes a vector path, a run of real
//! text in the font egui used (embedded, subset, with a Unicode map so it can be
//! selected, searched and copied) or an embedded image.

use std::collections::HashMap;

use egui::{Color32, Rect};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{
    Fill, FillRule, LineCap, LineJoin, LinearGradient, SpreadMethod, Stop, Stroke,
};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::vector::{Item, Paint, PathEl, Scene};

/// The paper a PDF page is printed on.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PageSize {
    /// The page is exactly the map's size (1 point of the map = 1 pt).
    #[default]
    Fit,
    /// A paper size; the map is scaled to fit inside the margins, centred.
    Paper {
        /// Which paper.
        paper: Paper,
        /// Wider than tall.
        landscape: bool,
    },
}

/// ISO 216 A-series paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    /// 210 x 297 mm.
    A4,
    /// 297 x 420 mm.
    A3,
    /// 420 x 594 mm.
    A2,
    /// 594 x 841 mm.
    A1,
    /// 841 x 1189 mm.
    A0,
}

impl Paper {
    /// Every paper size, smallest first.
    pub const ALL: [Paper; 5] = [Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0];

    /// Portrait width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::A2 => (420.0, 594.0),
            Paper::A1 => (594.0, 841.0),
            Paper::A0 => (841.0, 1189.0),
        }
    }

    /// Its name, e.g. "A4".
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A2 => "A2",
            Paper::A1 => "A1",
            Paper::A0 => "A0",
        }
    }
}

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// The margin around a map on paper: 10 mm.
const MARGIN_MM: f32 = 10.0;

impl PageSize {
    /// Parses "fit", "a4", "a3-landscape", "A0 portrait"... (portrait by default, as
    /// paper is named).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        if s == "fit" {
            return Some(Self::Fit);
        }
        let (name, orientation) = s
            .split_once(['-', ' ', '_'])
            .map_or((s.as_str(), "portrait"), |(a, b)| (a, b));
        let paper = Paper::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))?;
        let landscape = match orientation {
            "landscape" => true,
            "portrait" => false,
            _ => return None,
        };
        Some(Self::Paper { paper, landscape })
    }

    /// The page size in points for content of `content` points, and the transform
    /// placing the content on it.
    fn layout(self, content: egui::Vec2) -> (f32, f32, f32, egui::Vec2) {
        match self {
            PageSize::Fit => (content.x, content.y, 1.0, egui::Vec2::ZERO),
            PageSize::Paper { paper, landscape } => {
                let (w, h) = paper.size_mm();
                let (w, h) = if landscape { (h, w) } else { (w, h) };
                let (w, h) = (w * PT_PER_MM, h * PT_PER_MM);
                let margin = MARGIN_MM * PT_PER_MM;
                let scale = ((w - 2.0 * margin) / content.x)
                    .min((h - 2.0 * margin) / content.y)
                    .max(1e-3);
                let offset =
                    egui::vec2((w - content.x * scale) / 2.0, (h - content.y * scale) / 2.0);
                (w, h, scale, offset)
            }
        }
    }
}

/// One page of a PDF: a scene and its bookmark title.
pub struct PdfPage {
    /// What the page shows.
    pub scene: Scene,
    /// Its entry in the document outline (bookmarks).
    pub bookmark: String,
    /// Nesting level in the outline: 0 top level, 1 under the previous level-0 page.
    pub level: u8,
}

/// Why writing a PDF failed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// krilla refused the document.
    #[error("{}", crate::t!("err-pdf", error = .0.clone()))]
    Krilla(String),
}

/// Writes `pages` as one PDF document titled `title`.
pub fn write_pdf(pages: &[PdfPage], page_size: PageSize, title: &str) -> Result<Vec<u8>, PdfError> {
    let mut document = krilla::Document::new();
    let mut outline = Outline::new();
    let mut fonts: HashMap<(String, u32), Option<Font>> = HashMap::new();
    let mut parent: Option<OutlineNode> = None;
    for (index, page) in pages.iter().enumerate() {
        let scene = &page.scene;
        let (w, h, scale, offset) = page_size.layout(scene.size);
        let Some(settings) = PageSettings::from_wh(w.max(1.0), h.max(1.0)) else {
            return Err(PdfError::Krilla(format!("bad page size {w} x {h}")));
        };
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        surface.push_transform(&Transform::from_row(
            scale, 0.0, 0.0, scale, offset.x, offset.y,
        ));
        let scene_fonts: Vec<Option<Font>> = scene
            .fonts
            .iter()
            .map(|f| {
                fonts
                    .entry((f.name.clone(), f.index))
                    .or_insert_with(|| Font::new(krilla::Data::from(f.data.clone()), f.index))
                    .clone()
            })
            .collect();
        for item in &scene.items {
            draw_item(&mut surface, item, &scene_fonts);
        }
        surface.pop();
        surface.finish();
        pdf_page.finish();
        let node = OutlineNode::new(
            page.bookmark.clone(),
            XyzDestination::new(index, Point::from_xy(0.0, 0.0)),
        );
        if page.level == 0 {
            if let Some(done) = parent.take() {
                outline.push_child(done);
            }
            parent = Some(node);
        } else if let Some(p) = parent.as_mut() {
            p.push_child(node);
        } else {
            outline.push_child(node);
        }
    }
    if let Some(done) = parent.take() {
        outline.push_child(done);
    }
    document.set_outline(outline);
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator(format!("Waymark {}", env!("CARGO_PKG_VERSION"))),
    );
    document
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

fn build_path(path: &[PathEl]) -> Option<krilla::geom::Path> {
    let mut b = PathBuilder::new();
    for el in path {
        match *el {
            PathEl::Move(p) => b.move_to(p.x, p.y),
            PathEl::Line(p) => b.line_to(p.x, p.y),
            PathEl::Cubic(a, c, p) => b.cubic_to(a.x, a.y, c.x, c.y, p.x, p.y),
            PathEl::Quad(a, p) => b.quad_to(a.x, a.y, p.x, p.y),
            PathEl::Close => b.close(),
        }
    }
    b.finish()
}

/// Straight (un-premultiplied) sRGB and opacity of an egui colour.
fn rgb_of(c: Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    (
        rgb::Color::new(r, g, b),
        NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

fn paint(p: &Paint) -> (krilla::paint::Paint, NormalizedF32) {
    match p {
        Paint::Solid(c) => {
            let (color, opacity) = rgb_of(*c);
            (color.into(), opacity)
        }
        Paint::Vertical { y0, y1, stops } => {
            let gradient = LinearGradient {
                x1: 0.0,
                y1: *y0,
                x2: 0.0,
                y2: *y1,
                transform: Transform::identity(),
                spread_method: SpreadMethod::Pad,
                stops: stops
                    .iter()
                    .map(|(t, c)| {
                        let (color, opacity) = rgb_of(*c);
                        Stop {
                            offset: NormalizedF32::new(*t).unwrap_or(NormalizedF32::ZERO),
                            color: color.into(),
                            opacity,
                        }
                    })
                    .collect(),
                anti_alias: true,
            };
            (gradient.into(), NormalizedF32::ONE)
        }
    }
}

fn push_clip(surface: &mut Surface<'_>, clip: Option<Rect>) -> bool {
    let Some(clip) = clip else {
        return false;
    };
    let Some(rect) =
        krilla::geom::Rect::from_ltrb(clip.left(), clip.top(), clip.right(), clip.bottom())
    else {
        return false;
    };
    let mut b = PathBuilder::new();
    b.push_rect(rect);
    let Some(path) = b.finish() else {
        return false;
    };
    surface.push_clip_path(&path, &FillRule::NonZero);
    true
}

fn draw_item(surface: &mut Surface<'_>, item: &Item, fonts: &[Option<Font>]) {
    match item {
        Item::Path {
            path,
            fill,
            stroke,
            clip,
        } => {
            let Some(p) = build_path(path) else {
                return;
            };
            let clipped = push_clip(surface, *clip);
            surface.set_fill(fill.as_ref().map(|f| {
                let (paint, opacity) = paint(f);
                Fill {
                    paint,
                    opacity,
                    rule: FillRule::NonZero,
                }
            }));
            surface.set_stroke(stroke.as_ref().map(|s| {
                let (paint, opacity) = paint(&s.paint);
                Stroke {
                    paint,
                    width: s.width,
                    miter_limit: 4.0,
                    line_cap: LineCap::Butt,
                    line_join: LineJoin::Miter,
                    opacity,
                    dash: None,
                }
            }));
            surface.draw_path(&p);
            if clipped {
                surface.pop();
            }
        }
        Item::Text {
            font,
            size,
            color,
            text,
            glyphs,
            clip,
        } => {
            let (Some(Some(f)), Some(first)) = (fonts.get(*font), glyphs.first()) else {
                return;
            };
            let clipped = push_clip(surface, *clip);
            let (c, opacity) = rgb_of(*color);
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: c.into(),
                opacity,
                rule: FillRule::NonZero,
            }));
            // Positions are egui's: each glyph advances to where the next one is.
            let krilla_glyphs: Vec<KrillaGlyph> = glyphs
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let next = glyphs.get(i + 1).map_or(g.pos.x, |n| n.pos.x);
                    KrillaGlyph {
                        glyph_id: GlyphId::new(u32::from(g.id)),
                        text_range: g.text.clone(),
                        x_advance: (next - g.pos.x) / size,
                        x_offset: 0.0,
                        y_offset: 0.0,
                        y_advance: 0.0,
                        location: None,
                    }
                })
                .collect();
            surface.draw_glyphs(
                Point::from_xy(first.pos.x, first.pos.y),
                &krilla_glyphs,
                f.clone(),
                text,
                *size,
                false,
            );
            if clipped {
                surface.pop();
            }
        }
        Item::Image {
            rect,
            radius,
            image,
        } => {
            let Some(size) = Size::from_wh(rect.width(), rect.height()) else {
                return;
            };
            let clip_path = build_path(&super::vector::rounded_path(*rect, *radius));
            if let Some(p) = &clip_path {
                surface.push_clip_path(p, &FillRule::NonZero);
            }
            let img = Image::from_rgba8(image.as_raw().clone(), image.width(), image.height());
            surface.push_transform(&Transform::from_translate(rect.left(), rect.top()));
            surface.draw_image(img, size);
            surface.pop();
            if clip_path.is_some() {
                surface.pop();
            }
        }
    }
}
