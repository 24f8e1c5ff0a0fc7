//! The vector exporters' half of the one paint path: runs the same paint code as the
//! canvas and the PNG exporter ([`crate::render::paint_map`]) in the exporter's headless
//! egui context, takes the [`egui::Shape`]s it produced *before tessellation*, and turns
//! each into a neutral vector item: a path (rectangles, rounded rectangles, lines,
//! dashed lines, polylines, curves, circles), a run of positioned glyphs of one font
//! face (the face egui itself chose for those characters), or an image. The PDF
//! ([`super::pdf`]) and SVG ([`super::svg`]) writers only translate these items.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{
    CircleShape, ClippedShape, ColorMode, CornerRadius, PathShape, PathStroke, RectShape, TextShape,
};
use egui::{Color32, Pos2, Rect, Shape, StrokeKind, TextureId, Vec2, pos2, vec2};
use skrifa::MetadataProvider;

use super::{Background, ExportError, ExportOptions, Exporter};
use crate::model::{Journey, Project};
use crate::render::{self, PaintOptions};

/// The shared bytes of a font file, as egui holds them.
pub type FontBlob = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// One element of a path outline, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PathEl {
    /// Starts a sub-path.
    Move(Pos2),
    /// A straight line to the point.
    Line(Pos2),
    /// A cubic Bézier curve: two control points and the end.
    Cubic(Pos2, Pos2, Pos2),
    /// A quadratic Bézier curve: control point and end.
    Quad(Pos2, Pos2),
    /// Closes the sub-path.
    Close,
}

/// How an area or a line is coloured.
#[derive(Clone, Debug, PartialEq)]
pub enum Paint {
    /// One colour (premultiplied, as egui keeps it).
    Solid(Color32),
    /// A colour that changes from top (`y0`) to bottom (`y1`): the emotion curve, whose
    /// colour follows its height. Stops are (0..=1 along y0..y1, colour).
    Vertical {
        /// Top of the gradient, in points.
        y0: f32,
        /// Bottom of the gradient, in points.
        y1: f32,
        /// The colour stops.
        stops: Vec<(f32, Color32)>,
    },
}

/// A stroke of a path.
#[derive(Clone, Debug, PartialEq)]
pub struct StrokeStyle {
    /// Line width in points.
    pub width: f32,
    /// Its colour.
    pub paint: Paint,
}

/// One glyph of a [`Item::Text`] run.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphPos {
    /// Glyph id in the font.
    pub id: u16,
    /// Baseline origin of the glyph, in points.
    pub pos: Pos2,
    /// Byte range in the run's text of the character(s) it shows.
    pub text: Range<usize>,
}

/// A drawing primitive of a vector export.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A filled and/or stroked outline.
    Path {
        /// The outline.
        path: Vec<PathEl>,
        /// Fill, if any.
        fill: Option<Paint>,
        /// Stroke, if any.
        stroke: Option<StrokeStyle>,
        /// Clip rectangle, when the item reaches outside it.
        clip: Option<Rect>,
    },
    /// A run of glyphs of one font face, size and colour.
    Text {
        /// Index into [`Scene::fonts`].
        font: usize,
        /// Font size in points.
        size: f32,
        /// Colour (premultiplied).
        color: Color32,
        /// The characters shown, for selection, search and copy.
        text: String,
        /// The glyphs, each at its own position.
        glyphs: Vec<GlyphPos>,
        /// Clip rectangle, when the item reaches outside it.
        clip: Option<Rect>,
    },
    /// An image (the persona's avatar) in a rectangle with rounded corners.
    Image {
        /// Where, in points.
        rect: Rect,
        /// Corner radius in points (a circle when half the side).
        radius: f32,
        /// The pixels.
        image: Arc<image::RgbaImage>,
    },
}

/// A font face used by a scene.
#[derive(Clone)]
pub struct SceneFont {
    /// egui's name of the font (e.g. `Ubuntu-Light`, `system:Noto Sans CJK SC:...`).
    pub name: String,
    /// The family name stored in the font itself (e.g. `Ubuntu Light`).
    pub family: String,
    /// Its typographic family name, when it has one (e.g. `Ubuntu`).
    pub typographic: Option<String>,
    /// The font file's bytes (shared with egui: not copied).
    pub data: FontBlob,
    /// Which face of a collection.
    pub index: u32,
}

impl std::fmt::Debug for SceneFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SceneFont")
            .field("name", &self.name)
            .field("family", &self.family)
            .field("typographic", &self.typographic)
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

/// What one page of a vector export shows: its size and items in paint order.
#[derive(Clone, Debug)]
pub struct Scene {
    /// Size in points.
    pub size: Vec2,
    /// The items, back to front.
    pub items: Vec<Item>,
    /// The fonts the text items use.
    pub fonts: Vec<SceneFont>,
    /// Whether the background is transparent (no paper painted).
    pub transparent: bool,
}

impl Exporter {
    /// The vector scene of one journey: the very shapes [`render::paint_map`] paints
    /// for the PNG exporter, before tessellation. `options.scale` is the grid text is
    /// positioned on (as in the PNG of that scale); the geometry does not depend on it.
    pub fn scene(
        &self,
        project: &Project,
        journey: &Journey,
        options: &ExportOptions,
        project_file: Option<&Path>,
    ) -> Result<Scene, ExportError> {
        let map = self.layout(project, journey, options)?;
        let avatar =
            super::journey_avatar(project, journey, options, project_file).and_then(Result::ok);
        let paint_background = options.background == Background::White;
        Ok(self.scene_of(
            map.size,
            options.scale,
            avatar,
            options.background,
            |painter, avatar| {
                render::paint_map(
                    painter,
                    project,
                    journey,
                    &map,
                    TSTransform::IDENTITY,
                    PaintOptions {
                        background: paint_background,
                        avatar,
                        votes: options.votes,
                        ..PaintOptions::default()
                    },
                );
            },
        ))
    }

    /// Runs `paint` (given the painter and the avatar's texture, if any) in the headless
    /// context at `pixels_per_point` and turns its shapes into a [`Scene`] of `size`.
    pub(crate) fn scene_of(
        &self,
        size: Vec2,
        pixels_per_point: f32,
        avatar: Option<image::RgbaImage>,
        background: Background,
        mut paint: impl FnMut(&egui::Painter, Option<TextureId>),
    ) -> Scene {
        let texture = avatar.as_ref().map(|img| {
            let px = [img.width() as usize, img.height() as usize];
            let color = egui::ColorImage::from_rgba_unmultiplied(px, img.as_raw());
            self.ctx
                .load_texture("export-avatar", color, egui::TextureOptions::LINEAR)
        });
        let texture_id = texture.as_ref().map(egui::TextureHandle::id);
        let input = || super::raster::pass_input(&self.ctx, size, pixels_per_point);
        // Two passes, like the PNG exporter: the first lets fonts and layout settle.
        let mut first = self
            .ctx
            .run_ui(input(), |ui| paint(ui.painter(), texture_id));
        first.textures_delta.clear();
        let mut second = self
            .ctx
            .run_ui(input(), |ui| paint(ui.painter(), texture_id));
        second.textures_delta.clear();
        let images: HashMap<TextureId, Arc<image::RgbaImage>> = texture_id
            .zip(avatar)
            .map(|(id, img)| (id, Arc::new(img)))
            .into_iter()
            .collect();
        let mut builder = SceneBuilder {
            ctx: &self.ctx,
            items: Vec::new(),
            fonts: Vec::new(),
            font_index: HashMap::new(),
            images,
        };
        for ClippedShape {
            clip_rect, shape, ..
        } in second.shapes
        {
            builder.shape(&shape, clip_rect);
        }
        drop(texture);
        Scene {
            size,
            items: builder.items,
            fonts: builder.fonts.into_iter().map(|f| f.font).collect(),
            transparent: background == Background::Transparent,
        }
    }
}

/// A font of the scene being built, with its character map cache.
struct FontEntry {
    font: SceneFont,
    glyphs: HashMap<char, u16>,
}

impl FontEntry {
    fn glyph(&mut self, c: char) -> u16 {
        if let Some(id) = self.glyphs.get(&c) {
            return *id;
        }
        let id = skrifa::FontRef::from_index((*self.font.data).as_ref(), self.font.index)
            .ok()
            .and_then(|f| f.charmap().map(c))
            .map_or(0, |g| u16::try_from(g.to_u32()).unwrap_or(0));
        self.glyphs.insert(c, id);
        id
    }

    /// The advance of glyph `id` at `size` points.
    fn advance(&self, id: u16, size: f32) -> f32 {
        skrifa::FontRef::from_index((*self.font.data).as_ref(), self.font.index)
            .ok()
            .and_then(|f| {
                f.glyph_metrics(
                    skrifa::instance::Size::new(size),
                    skrifa::instance::LocationRef::default(),
                )
                .advance_width(skrifa::GlyphId::new(u32::from(id)))
            })
            .unwrap_or(0.0)
    }
}

struct SceneBuilder<'a> {
    ctx: &'a egui::Context,
    items: Vec<Item>,
    fonts: Vec<FontEntry>,
    font_index: HashMap<String, usize>,
    images: HashMap<TextureId, Arc<image::RgbaImage>>,
}

/// The clip to keep for an item with `bounds`: none when it lies inside `clip`.
fn clip_for(bounds: Rect, clip: Rect) -> Option<Rect> {
    (!clip.contains_rect(bounds)).then_some(clip)
}

fn visible(c: Color32) -> bool {
    c.a() > 0
}

impl SceneBuilder<'_> {
    fn shape(&mut self, shape: &Shape, clip: Rect) {
        let bounds = shape.visual_bounding_rect();
        if !bounds.is_finite() || !bounds.intersects(clip) {
            return;
        }
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => {
                for s in shapes {
                    self.shape(s, clip);
                }
            }
            Shape::Circle(c) => self.circle(c, clip_for(bounds, clip)),
            Shape::Ellipse(e) => {
                let path = ellipse_path(e.center, e.radius);
                self.push_path(
                    path,
                    e.fill,
                    e.stroke.width,
                    &ColorMode::Solid(e.stroke.color),
                    clip_for(bounds, clip),
                );
            }
            Shape::LineSegment { points, stroke } => {
                self.push_path(
                    vec![PathEl::Move(points[0]), PathEl::Line(points[1])],
                    Color32::TRANSPARENT,
                    stroke.width,
                    &ColorMode::Solid(stroke.color),
                    clip_for(bounds, clip),
                );
            }
            Shape::Path(p) => self.path(p, clip_for(bounds, clip)),
            Shape::Rect(r) => self.rect(r, clip_for(bounds, clip)),
            Shape::Text(t) => self.text(t, clip_for(bounds, clip)),
            Shape::Mesh(mesh) => self.mesh(mesh, clip_for(bounds, clip)),
            Shape::QuadraticBezier(q) => {
                let [a, b, c] = q.points;
                let mut path = vec![PathEl::Move(a), PathEl::Quad(b, c)];
                if q.closed {
                    path.push(PathEl::Close);
                }
                self.push_stroked(path, q.fill, &q.stroke, clip_for(bounds, clip));
            }
            Shape::CubicBezier(cb) => {
                let [a, b, c, d] = cb.points;
                let mut path = vec![PathEl::Move(a), PathEl::Cubic(b, c, d)];
                if cb.closed {
                    path.push(PathEl::Close);
                }
                self.push_stroked(path, cb.fill, &cb.stroke, clip_for(bounds, clip));
            }
            Shape::Band(_) => {
                // Not painted by Waymark's render code; tessellate it so that nothing
                // painted is ever lost.
                let mesh = tessellate_one(self.ctx, shape.clone(), clip);
                self.mesh(&mesh, clip_for(bounds, clip));
            }
        }
    }

    fn circle(&mut self, c: &CircleShape, clip: Option<Rect>) {
        let path = ellipse_path(c.center, Vec2::splat(c.radius));
        self.push_path(
            path,
            c.fill,
            c.stroke.width,
            &ColorMode::Solid(c.stroke.color),
            clip,
        );
    }

    fn path(&mut self, p: &PathShape, clip: Option<Rect>) {
        let Some((first, rest)) = p.points.split_first() else {
            return;
        };
        let mut path = vec![PathEl::Move(*first)];
        path.extend(rest.iter().map(|q| PathEl::Line(*q)));
        if p.closed {
            path.push(PathEl::Close);
        }
        self.push_stroked(path, p.fill, &p.stroke, clip);
    }

    fn push_stroked(
        &mut self,
        path: Vec<PathEl>,
        fill: Color32,
        stroke: &PathStroke,
        clip: Option<Rect>,
    ) {
        self.push_path(path, fill, stroke.width, &stroke.color, clip);
    }

    fn push_path(
        &mut self,
        path: Vec<PathEl>,
        fill: Color32,
        width: f32,
        color: &ColorMode,
        clip: Option<Rect>,
    ) {
        let fill = visible(fill).then_some(Paint::Solid(fill));
        let stroke = (width > 0.0)
            .then(|| paint_of(color, &path))
            .flatten()
            .map(|paint| StrokeStyle { width, paint });
        if fill.is_none() && stroke.is_none() {
            return;
        }
        self.items.push(Item::Path {
            path,
            fill,
            stroke,
            clip,
        });
    }

    fn rect(&mut self, r: &RectShape, clip: Option<Rect>) {
        if let Some(brush) = &r.brush
            && let Some(image) = self.images.get(&brush.fill_texture_id)
        {
            let radius = f32::from(r.corner_radius.nw).min(r.rect.size().min_elem() / 2.0);
            self.items.push(Item::Image {
                rect: r.rect,
                radius,
                image: Arc::clone(image),
            });
            return;
        }
        if visible(r.fill) {
            self.items.push(Item::Path {
                path: rounded_rect_path(r.rect, r.corner_radius, 0.0),
                fill: Some(Paint::Solid(r.fill)),
                stroke: None,
                clip,
            });
        }
        let w = r.stroke.width;
        if w > 0.0 && visible(r.stroke.color) {
            // egui strokes inside, on or outside the rectangle's edge.
            let grow = match r.stroke_kind {
                StrokeKind::Inside => -w / 2.0,
                StrokeKind::Middle => 0.0,
                StrokeKind::Outside => w / 2.0,
            };
            self.items.push(Item::Path {
                path: rounded_rect_path(r.rect.expand(grow), r.corner_radius, grow),
                fill: None,
                stroke: Some(StrokeStyle {
                    width: w,
                    paint: Paint::Solid(r.stroke.color),
                }),
                clip,
            });
        }
    }

    /// A mesh (not painted by Waymark's render code) as flat triangles.
    fn mesh(&mut self, mesh: &egui::Mesh, clip: Option<Rect>) {
        for tri in mesh.indices.chunks_exact(3) {
            let v = |i: u32| mesh.vertices.get(i as usize);
            let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) else {
                continue;
            };
            if !visible(a.color) {
                continue;
            }
            self.items.push(Item::Path {
                path: vec![
                    PathEl::Move(a.pos),
                    PathEl::Line(b.pos),
                    PathEl::Line(c.pos),
                    PathEl::Close,
                ],
                fill: Some(Paint::Solid(a.color)),
                stroke: None,
                clip,
            });
        }
    }

    /// The index of the font egui calls `name`, adding it on first use.
    fn font(&mut self, name: &str) -> Option<usize> {
        if let Some(i) = self.font_index.get(name) {
            return Some(*i);
        }
        let data = self.ctx.fonts(|f| {
            f.definitions()
                .font_data
                .get(name)
                .map(|d| (d.font.clone(), d.index))
                .or_else(|| {
                    f.discovered_fonts()
                        .iter()
                        .find(|d| d.name == name)
                        .map(|d| (d.data.font.clone(), d.data.index))
                })
        });
        let (data, index) = data?;
        let name_of = |id: skrifa::string::StringId| {
            skrifa::FontRef::from_index((*data).as_ref(), index)
                .ok()
                .and_then(|f| {
                    f.localized_strings(id)
                        .english_or_first()
                        .map(|s| s.chars().collect::<String>())
                })
        };
        let family =
            name_of(skrifa::string::StringId::FAMILY_NAME).unwrap_or_else(|| name.to_owned());
        let typographic = name_of(skrifa::string::StringId::TYPOGRAPHIC_FAMILY_NAME);
        let i = self.fonts.len();
        self.fonts.push(FontEntry {
            font: SceneFont {
                name: name.to_owned(),
                family,
                typographic,
                data,
                index,
            },
            glyphs: HashMap::new(),
        });
        self.font_index.insert(name.to_owned(), i);
        Some(i)
    }

    fn text(&mut self, t: &TextShape, clip: Option<Rect>) {
        let galley = &t.galley;
        let Some(section) = galley.job.sections.first() else {
            return;
        };
        let format = &section.format;
        let mut color = if format.color == Color32::PLACEHOLDER {
            t.fallback_color
        } else {
            format.color
        };
        if let Some(c) = t.override_text_color {
            color = c;
        }
        if t.opacity_factor < 1.0 {
            color = color.gamma_multiply(t.opacity_factor);
        }
        if !visible(color) {
            return;
        }
        let family = format.font_id.family.clone();
        let size = format.font_id.size;
        // The face egui chose for each character: the first of the family's fallback
        // chain that has it (what `Family::resolve` does), else the primary's .notdef.
        let faces: Vec<Vec<Option<String>>> = self.ctx.fonts_mut(|f| {
            let primary = f
                .definitions()
                .families
                .get(&family)
                .and_then(|names| names.first())
                .cloned();
            let chars = f.characters(&family);
            galley
                .rows
                .iter()
                .map(|row| {
                    row.row
                        .glyphs
                        .iter()
                        .map(|g| {
                            chars
                                .get(&g.chr)
                                .and_then(|names| names.first())
                                .cloned()
                                .or_else(|| primary.clone())
                        })
                        .collect()
                })
                .collect()
        });
        for (placed, faces) in galley.rows.iter().zip(faces) {
            let origin = t.pos + placed.pos.to_vec2();
            let mut run: Option<(usize, Item)> = None;
            let glyphs = &placed.row.glyphs;
            let mut i = 0;
            while i < glyphs.len() {
                let g = &glyphs[i];
                // A cluster: a glyph and the zero-width continuation glyphs egui adds
                // after it for the other characters it shows (e.g. the "i" of an "fi"
                // ligature). Each character is drawn with its own glyph, one after the
                // other, from the cluster's position.
                let mut end = i + 1;
                while end < glyphs.len()
                    && glyphs[end].advance_width == 0.0
                    && glyphs[end].uv_rect.is_nothing()
                {
                    end += 1;
                }
                let Some(font) = faces[i].as_deref().and_then(|name| self.font(name)) else {
                    i = end;
                    continue;
                };
                let baseline = origin + g.pos.to_vec2();
                if let Some((f, Item::Text { glyphs: gs, .. })) = &run
                    && (*f != font
                        || gs
                            .first()
                            .is_some_and(|first| (first.pos.y - baseline.y).abs() > 0.01))
                {
                    self.flush_run(run.take());
                }
                let (_, item) = run.get_or_insert_with(|| {
                    (
                        font,
                        Item::Text {
                            font,
                            size,
                            color,
                            text: String::new(),
                            glyphs: Vec::new(),
                            clip,
                        },
                    )
                });
                let Item::Text {
                    text, glyphs: gs, ..
                } = item
                else {
                    break;
                };
                let mut x = baseline.x;
                for c in glyphs[i..end].iter().map(|g| g.chr) {
                    let entry = &mut self.fonts[font];
                    let id = entry.glyph(c);
                    let start = text.len();
                    text.push(c);
                    if !c.is_whitespace() || c == ' ' {
                        gs.push(GlyphPos {
                            id,
                            pos: pos2(x, baseline.y),
                            text: start..text.len(),
                        });
                    }
                    x += entry.advance(id, size);
                }
                i = end;
            }
            self.flush_run(run.take());
        }
    }

    fn flush_run(&mut self, run: Option<(usize, Item)>) {
        if let Some((_, item)) = run
            && let Item::Text { glyphs, .. } = &item
            && !glyphs.is_empty()
        {
            self.items.push(item);
        }
    }
}

/// Colour stops sampled along a gradient.
const STOPS: usize = 24;

/// The paint of a stroke's colour mode; a colour computed per point (the emotion
/// curve) becomes a vertical gradient sampled from the same function.
fn paint_of(color: &ColorMode, path: &[PathEl]) -> Option<Paint> {
    match color {
        ColorMode::Solid(c) => visible(*c).then_some(Paint::Solid(*c)),
        ColorMode::UV(f) => {
            let points: Vec<Pos2> = path
                .iter()
                .filter_map(|el| match el {
                    PathEl::Move(p) | PathEl::Line(p) => Some(*p),
                    _ => None,
                })
                .collect();
            let bbox = Rect::from_points(&points);
            if !bbox.is_finite() {
                return None;
            }
            if bbox.height() < 1e-3 {
                return Some(Paint::Solid(f(bbox, bbox.center())));
            }
            let stops = (0..=STOPS)
                .map(|i| {
                    let t = i as f32 / STOPS as f32;
                    let y = bbox.top() + t * bbox.height();
                    (t, f(bbox, pos2(bbox.center().x, y)))
                })
                .collect();
            Some(Paint::Vertical {
                y0: bbox.top(),
                y1: bbox.bottom(),
                stops,
            })
        }
    }
}

/// Tessellates one shape into a mesh (for shapes Waymark never paints itself).
fn tessellate_one(ctx: &egui::Context, shape: Shape, clip: Rect) -> egui::Mesh {
    let primitives = ctx.tessellate(vec![ClippedShape::new(clip, shape)], 1.0);
    let mut mesh = egui::Mesh::default();
    for p in primitives {
        if let egui::epaint::Primitive::Mesh(m) = p.primitive {
            mesh.append(m);
        }
    }
    mesh
}

/// Kappa: the control-point distance of a cubic quarter circle of radius 1.
const KAPPA: f32 = 0.552_284_8;

/// An ellipse (or circle) as four cubic curves.
fn ellipse_path(c: Pos2, r: Vec2) -> Vec<PathEl> {
    let (kx, ky) = (r.x * KAPPA, r.y * KAPPA);
    vec![
        PathEl::Move(pos2(c.x + r.x, c.y)),
        PathEl::Cubic(
            pos2(c.x + r.x, c.y + ky),
            pos2(c.x + kx, c.y + r.y),
            pos2(c.x, c.y + r.y),
        ),
        PathEl::Cubic(
            pos2(c.x - kx, c.y + r.y),
            pos2(c.x - r.x, c.y + ky),
            pos2(c.x - r.x, c.y),
        ),
        PathEl::Cubic(
            pos2(c.x - r.x, c.y - ky),
            pos2(c.x - kx, c.y - r.y),
            pos2(c.x, c.y - r.y),
        ),
        PathEl::Cubic(
            pos2(c.x + kx, c.y - r.y),
            pos2(c.x + r.x, c.y - ky),
            pos2(c.x + r.x, c.y),
        ),
        PathEl::Close,
    ]
}

/// A rectangle with egui's per-corner radii (grown by `grow`, as its stroke is).
fn rounded_rect_path(r: Rect, radius: CornerRadius, grow: f32) -> Vec<PathEl> {
    let rad = |v: u8| f32::from(v) + grow;
    corners_path(
        r,
        [
            rad(radius.nw),
            rad(radius.ne),
            rad(radius.sw),
            rad(radius.se),
        ],
    )
}

/// A rectangle with the same radius at every corner.
pub fn rounded_path(r: Rect, radius: f32) -> Vec<PathEl> {
    corners_path(r, [radius; 4])
}

/// A rectangle with radii (north-west, north-east, south-west, south-east).
fn corners_path(r: Rect, radii: [f32; 4]) -> Vec<PathEl> {
    let max = (r.size().min_elem() / 2.0).max(0.0);
    let [nw, ne, sw, se] = radii.map(|v| v.clamp(0.0, max));
    let mut path = vec![PathEl::Move(pos2(r.left() + nw, r.top()))];
    let corner = |path: &mut Vec<PathEl>, from: Pos2, corner: Pos2, to: Pos2| {
        if from == to {
            return;
        }
        let c1 = from + (corner - from) * KAPPA;
        let c2 = to + (corner - to) * KAPPA;
        path.push(PathEl::Cubic(c1, c2, to));
    };
    path.push(PathEl::Line(pos2(r.right() - ne, r.top())));
    corner(
        &mut path,
        pos2(r.right() - ne, r.top()),
        r.right_top(),
        pos2(r.right(), r.top() + ne),
    );
    path.push(PathEl::Line(pos2(r.right(), r.bottom() - se)));
    corner(
        &mut path,
        pos2(r.right(), r.bottom() - se),
        r.right_bottom(),
        pos2(r.right() - se, r.bottom()),
    );
    path.push(PathEl::Line(pos2(r.left() + sw, r.bottom())));
    corner(
        &mut path,
        pos2(r.left() + sw, r.bottom()),
        r.left_bottom(),
        pos2(r.left(), r.bottom() - sw),
    );
    path.push(PathEl::Line(pos2(r.left(), r.top() + nw)));
    corner(
        &mut path,
        pos2(r.left(), r.top() + nw),
        r.left_top(),
        pos2(r.left() + nw, r.top()),
    );
    path.push(PathEl::Close);
    path
}

/// The bounding box of a whole scene's size, for writers that need one.
pub fn page_rect(scene: &Scene) -> Rect {
    Rect::from_min_size(Pos2::ZERO, vec2(scene.size.x, scene.size.y))
}
