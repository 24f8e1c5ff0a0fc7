//! Rounded rectangles and circles drawn once and stamped wherever they recur.
//!
//! A map is mostly rounded rectangles of a few sizes: every card of a column, every
//! "Customer" chip; and a long emotion curve has hundreds of dots of a few colours. egui
//! tessellates each into up to 250 triangles (the corner arcs, feathered on both sides
//! of a stroke), and setting those up was most of the rasteriser's time on a large map.
//! Two rectangles with the same size, corners, colours and stroke, whose pixel rounding
//! puts them at the same sub-pixel offset, tessellate to the same triangles moved by a
//! whole number of pixels; so do two circles of one radius and colours whose centres sit
//! at the same offset within their pixel (to 1/256 of a pixel, the grid the rasteriser
//! snaps vertices to). So the first is drawn by the triangle rasteriser into a small
//! premultiplied image, a sprite, and every one of them is then stamped from it: fully
//! covered pixels copied, edge pixels blended.
//!
//! The pixels are those of drawing the triangles directly, to within a level of rounding
//! on edge pixels (blending a triangle's ramp onto the sprite and the sprite onto the map
//! rounds twice where drawing directly rounds once).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use egui::emath::GuiRounding as _;
use egui::epaint::{ClippedPrimitive, ClippedShape, Color32, Primitive, Shape, StrokeKind};
use egui::{Rect, Stroke};

use super::{Clip, MeshJob, TextureStore, blend, setup_triangle, triangle_vertices};

/// At most this many bytes of sprites per image; beyond it rectangles are drawn directly.
const BUDGET_BYTES: usize = 4 << 20;

/// A rectangle whose box exceeds this many pixels is drawn directly: its triangles are
/// few for its pixels, and a sprite of it would hold much memory.
const MAX_PIXELS: usize = 64 * 1024;

/// What determines a shape's pixels, up to a move by whole pixels.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Rect(RectKey),
    Circle(CircleKey),
}

/// What determines a circle's pixels, up to a move by whole pixels.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct CircleKey {
    /// Radius (bits).
    radius: u32,
    /// The centre's offset within its pixel, in 1/256 pixel.
    offset: [i32; 2],
    fill: Color32,
    stroke: (u32, Color32),
}

/// What determines a rectangle's pixels, up to a move by whole pixels.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct RectKey {
    /// The rectangle's size as given (bits), on which egui's special cases depend.
    size: [u32; 2],
    /// The rectangle as egui rounds it, in 1/256 pixel: its offset within its first
    /// pixel and its size.
    offset: [i32; 2],
    rounded: [i32; 2],
    corner_radius: [u8; 4],
    fill: Color32,
    stroke: (u32, Color32),
    kind: u8,
}

/// Where a rectangle is stamped: its sprite's key and the whole pixel its rounded
/// rectangle starts in.
#[derive(Clone, Copy)]
pub(super) struct Stamp {
    key: Key,
    anchor: [i32; 2],
}

impl Stamp {
    /// The whole pixel the rounded rectangle starts in.
    pub(super) fn anchor(self) -> [i32; 2] {
        self.anchor
    }
}

/// How the scene tessellates, which decides whether egui rounds and feathers a rectangle.
#[derive(Clone, Copy)]
pub(super) struct Rounding {
    /// Pixels per point.
    pub ppp: f32,
    /// egui's feathering, in points.
    pub feathering: f32,
    /// `TessellationOptions::round_rects_to_pixels`.
    pub round_rects: bool,
}

/// The stamp of `shape` if it is a rectangle or circle a sprite can draw: not
/// transformed, not too big (see [`rect_stamp`] and [`circle_stamp`]).
pub(super) fn stamp_of(shape: &ClippedShape, r: Rounding) -> Option<Stamp> {
    if shape.transform_after_tessellation != egui::epaint::emath::TSTransform::IDENTITY {
        return None;
    }
    match &shape.shape {
        Shape::Rect(rect_shape) => rect_stamp(rect_shape, r),
        Shape::Circle(circle) => circle_stamp(circle, r.ppp),
        _ => None,
    }
}

/// A circle's stamp: its centre's pixel, and its offset within it to 1/256 pixel.
fn circle_stamp(circle: &egui::epaint::CircleShape, ppp: f32) -> Option<Stamp> {
    let reach = (circle.radius + circle.stroke.width.max(0.0)) * ppp;
    let centre = circle.center * ppp;
    if !(circle.radius > 0.0 && centre.x.is_finite() && centre.y.is_finite())
        || centre.x.abs().max(centre.y.abs()) > 1e6
        || (2.0 * reach + 4.0).powi(2) > MAX_PIXELS as f32
    {
        return None;
    }
    // Rounded to the 1/256 pixel grid of the vertices; an offset rounding up to a whole
    // pixel is the next pixel's offset 0.
    let split = |v: f32| {
        let whole = v.floor();
        let sub = ((v - whole) * 256.0).round() as i32;
        if sub == 256 {
            (whole as i32 + 1, 0)
        } else {
            (whole as i32, sub)
        }
    };
    let ((ax, ox), (ay, oy)) = (split(centre.x), split(centre.y));
    Some(Stamp {
        key: Key::Circle(CircleKey {
            radius: circle.radius.to_bits(),
            offset: [ox, oy],
            fill: circle.fill,
            stroke: (circle.stroke.width.to_bits(), circle.stroke.color),
        }),
        anchor: [ax, ay],
    })
}

/// A rectangle's stamp, if a sprite can draw it: no rotation, blur or texture, and not so
/// thin that egui draws it as a line.
fn rect_stamp(rect_shape: &egui::epaint::RectShape, r: Rounding) -> Option<Stamp> {
    if rect_shape.angle != 0.0 || rect_shape.blur_width > 0.0 || rect_shape.brush.is_some() {
        return None;
    }
    let mut rect = rect_shape.rect;
    if !rect.is_finite() || !rect.is_positive() {
        return None;
    }
    // What `Tessellator::tessellate_rect` does before it builds the path.
    let mut stroke = rect_shape.stroke;
    if stroke.width == 0.0 {
        stroke.color = Color32::TRANSPARENT;
    }
    let kind = rect_shape.stroke_kind;
    if !stroke.is_empty() {
        let with_stroke = match kind {
            StrokeKind::Inside => rect,
            StrokeKind::Middle => rect.expand(stroke.width * 0.5),
            StrokeKind::Outside => rect.expand(stroke.width),
        };
        if with_stroke.size().min_elem() <= 2.0 * stroke.width + 0.5 * r.feathering {
            rect = with_stroke;
            stroke = Stroke::NONE;
        }
    }
    if stroke.is_empty() && rect.size().min_elem() <= 2.0 * r.feathering {
        return None; // egui draws it as a line segment.
    }
    // A rectangle egui does not round to pixels has any offset within its pixel: it is
    // drawn directly.
    if !rect_shape.round_to_pixels.unwrap_or(r.round_rects) {
        return None;
    }
    rect = match kind {
        StrokeKind::Inside | StrokeKind::Outside => rect.round_to_pixels(r.ppp),
        StrokeKind::Middle => round_middle(rect, stroke, r.ppp),
    };
    let (min, size) = (rect.min * r.ppp, rect.size() * r.ppp);
    if size.x * size.y > MAX_PIXELS as f32 || min.x.abs() > 1e6 || min.y.abs() > 1e6 {
        return None;
    }
    let anchor = [min.x.floor() as i32, min.y.floor() as i32];
    let sub = |v: f32| (v * 256.0).round() as i32;
    let cr = rect_shape.corner_radius;
    Some(Stamp {
        key: Key::Rect(RectKey {
            size: [
                rect_shape.rect.width().to_bits(),
                rect_shape.rect.height().to_bits(),
            ],
            offset: [sub(min.x - min.x.floor()), sub(min.y - min.y.floor())],
            rounded: [sub(size.x), sub(size.y)],
            corner_radius: [cr.nw, cr.ne, cr.sw, cr.se],
            fill: rect_shape.fill,
            stroke: (rect_shape.stroke.width.to_bits(), rect_shape.stroke.color),
            kind: kind as u8,
        }),
        anchor,
    })
}

/// `Stroke::round_rect_to_pixel` (private to epaint): odd-width strokes on pixel centres.
fn round_middle(rect: Rect, stroke: Stroke, ppp: f32) -> Rect {
    let width = stroke.width;
    let odd = (ppp * width * 0.5 + 0.25).fract() > 0.5;
    if width <= 0.0 {
        rect.round_to_pixels(ppp)
    } else if width <= 1.0 / ppp || odd {
        rect.round_to_pixel_center(ppp)
    } else {
        rect.round_to_pixels(ppp)
    }
}

/// A run of a sprite's row: `len` pixels from column `x`, all opaque (copied) or not
/// (blended), whose colours start at `at` in [`Sprite::pixels`].
struct Run {
    x: i32,
    len: u32,
    at: u32,
    opaque: bool,
}

/// A rectangle drawn once: its covered pixels as runs, row by row.
pub(super) struct Sprite {
    /// Its first row and column relative to the anchor of the stamp that drew it.
    origin: [i32; 2],
    /// Runs of row `y` are `runs[row_start[y]..row_start[y + 1]]`.
    row_start: Vec<u32>,
    runs: Vec<Run>,
    pixels: Vec<[u8; 4]>,
}

impl Sprite {
    fn bytes(&self) -> usize {
        self.pixels.len() * 4 + self.runs.len() * size_of::<Run>() + self.row_start.len() * 4
    }

    /// Blends the sprite into `band` (`width` pixels a row, image rows `rows.0..rows.1`)
    /// at `anchor`, within `clip`.
    pub(super) fn stamp(
        &self,
        band: &mut [[u8; 4]],
        width: usize,
        rows: (i32, i32),
        clip: Clip,
        anchor: [i32; 2],
    ) {
        let (ox, oy) = (anchor[0] + self.origin[0], anchor[1] + self.origin[1]);
        let h = self.row_start.len() as i32 - 1;
        let y_lo = clip.y0.max(rows.0).max(oy);
        let y_hi = clip.y1.min(rows.1).min(oy + h);
        for y in y_lo..y_hi {
            let sy = (y - oy) as usize;
            let runs = &self.runs[self.row_start[sy] as usize..self.row_start[sy + 1] as usize];
            let row = &mut band[(y - rows.0) as usize * width..][..width];
            for run in runs {
                let x0 = ox + run.x;
                let lo = x0.max(clip.x0);
                let hi = (x0 + run.len as i32).min(clip.x1);
                if lo >= hi {
                    continue;
                }
                let src =
                    &self.pixels[run.at as usize + (lo - x0) as usize..][..(hi - lo) as usize];
                let dst = &mut row[lo as usize..hi as usize];
                if run.opaque {
                    dst.copy_from_slice(src);
                } else {
                    for (d, s) in dst.iter_mut().zip(src) {
                        blend(d, *s);
                    }
                }
            }
        }
    }
}

/// The sprites of one image, shared by the threads that draw its bands.
#[derive(Default)]
pub(super) struct Sprites {
    map: Mutex<HashMap<Key, Arc<Sprite>>>,
    bytes: AtomicUsize,
}

impl Sprites {
    /// The sprite of `stamp`, drawing it from `shape` the first time; `None` when the
    /// budget is spent or the rectangle cannot be drawn (the caller then draws it).
    pub(super) fn get(
        &self,
        stamp: Stamp,
        shape: &ClippedShape,
        tessellate: impl FnOnce(ClippedShape) -> Vec<ClippedPrimitive>,
        (store, rounding): (&TextureStore, Rounding),
    ) -> Option<Arc<Sprite>> {
        if let Some(sprite) = self.lock().get(&stamp.key) {
            return Some(Arc::clone(sprite));
        }
        if self.bytes.load(Ordering::Relaxed) > BUDGET_BYTES {
            return None;
        }
        let sprite = Arc::new(draw(stamp, shape, tessellate, store, rounding)?);
        self.bytes.fetch_add(sprite.bytes(), Ordering::Relaxed);
        Some(Arc::clone(self.lock().entry(stamp.key).or_insert(sprite)))
    }

    /// How many sprites have been drawn.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Arc<Sprite>>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Draws `shape` (at its own place, unclipped, tessellated by `tessellate`) into a
/// sprite anchored at `stamp`.
fn draw(
    stamp: Stamp,
    shape: &ClippedShape,
    tessellate: impl FnOnce(ClippedShape) -> Vec<ClippedPrimitive>,
    store: &TextureStore,
    rounding: Rounding,
) -> Option<Sprite> {
    let ppp = rounding.ppp;
    // Unclipped, so that the sprite serves every place the shape recurs.
    let primitives = tessellate(ClippedShape {
        clip_rect: Rect::EVERYTHING,
        shape: canonical(stamp, &shape.shape, rounding)?,
        transform_after_tessellation: shape.transform_after_tessellation,
    });
    let (mut lo, mut hi) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for primitive in &primitives {
        if let Primitive::Mesh(mesh) = &primitive.primitive {
            for v in &mesh.vertices {
                lo = [lo[0].min(v.pos.x), lo[1].min(v.pos.y)];
                hi = [hi[0].max(v.pos.x), hi[1].max(v.pos.y)];
            }
        }
    }
    if !(lo[0] <= hi[0] && lo[1] <= hi[1]) {
        return None;
    }
    let x0 = (lo[0] * ppp).floor() as i32 - 1;
    let y0 = (lo[1] * ppp).floor() as i32 - 1;
    let x1 = (hi[0] * ppp).ceil() as i32 + 1;
    let y1 = (hi[1] * ppp).ceil() as i32 + 1;
    if x0 < 0 || y0 < 0 {
        return None;
    }
    let (w, h) = ((x1 - x0) as usize, (y1 - y0) as usize);
    if w * h > 2 * MAX_PIXELS + 4 * (w + h) {
        return None;
    }
    let mut buffer = vec![[0_u8; 4]; w * h];
    let clip = Clip { x0, y0, x1, y1 };
    for primitive in &primitives {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        let sampler = store.sampler(mesh.texture_id)?;
        let job = MeshJob {
            mesh,
            clip,
            sampler,
            ppp,
            white: sampler.sample(0.0, 0.0, sampler.magnification),
        };
        for idx in mesh.indices.chunks_exact(3) {
            let Some(v) = triangle_vertices(&job, idx) else {
                continue;
            };
            if let Some(t) = setup_triangle(v, &job) {
                t.draw_rows(&mut buffer, w, (x0, y0), t.y0, t.y1);
            }
        }
    }
    Some(runs_of(
        &buffer,
        w,
        [x0 - CANONICAL_ANCHOR, y0 - CANONICAL_ANCHOR],
    ))
}

/// Where a sprite's shape is drawn: its anchor at this pixel (both ways), far enough
/// from the origin for any shape a sprite may hold.
const CANONICAL_ANCHOR: i32 = 512;

/// `shape` moved to where its sprite is drawn: its anchor at [`CANONICAL_ANCHOR`], and a
/// circle's centre exactly at its key's offset. So a sprite depends on its key alone, not
/// on which of the shapes sharing it a band met first (bands are drawn in parallel), and
/// an export gives the same bytes every time. `None` when the moved rectangle would not
/// round to its key (a move by whole pixels is not exact in points at every scale): the
/// shape is then drawn directly.
fn canonical(stamp: Stamp, shape: &Shape, rounding: Rounding) -> Option<Shape> {
    let (anchor, ppp) = (CANONICAL_ANCHOR as f32, rounding.ppp);
    match (shape, stamp.key) {
        (Shape::Circle(circle), Key::Circle(key)) => {
            let at = |offset: i32| (anchor + offset as f32 / 256.0) / ppp;
            let mut circle = *circle;
            circle.center = egui::pos2(at(key.offset[0]), at(key.offset[1]));
            Some(Shape::Circle(circle))
        }
        (Shape::Rect(rect), Key::Rect(_)) => {
            // A whole number of pixels, which egui's rounding of the rectangle keeps.
            let shift = egui::vec2(
                (CANONICAL_ANCHOR - stamp.anchor[0]) as f32,
                (CANONICAL_ANCHOR - stamp.anchor[1]) as f32,
            ) / ppp;
            let mut rect = rect.clone();
            rect.rect = rect.rect.translate(shift);
            let moved = rect_stamp(&rect, rounding)?;
            (moved.key == stamp.key && moved.anchor == [CANONICAL_ANCHOR; 2])
                .then_some(Shape::Rect(rect))
        }
        _ => None,
    }
}

/// The runs of a drawn sprite of `w` pixels a row.
fn runs_of(buffer: &[[u8; 4]], w: usize, origin: [i32; 2]) -> Sprite {
    let mut sprite = Sprite {
        origin,
        row_start: vec![0],
        runs: Vec::new(),
        pixels: Vec::new(),
    };
    for row in buffer.chunks_exact(w) {
        let mut x = 0;
        while x < w {
            if row[x] == [0; 4] {
                x += 1;
                continue;
            }
            let opaque = row[x][3] == 255;
            let start = x;
            while x < w && row[x] != [0; 4] && (row[x][3] == 255) == opaque {
                x += 1;
            }
            sprite.runs.push(Run {
                x: start as i32,
                len: (x - start) as u32,
                at: sprite.pixels.len() as u32,
                opaque,
            });
            sprite.pixels.extend_from_slice(&row[start..x]);
        }
        sprite.row_start.push(sprite.runs.len() as u32);
    }
    sprite
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_opaque_from_translucent_and_skip_transparent() {
        let row = [
            [0; 4],
            [9, 9, 9, 255],
            [9, 9, 9, 255],
            [4, 4, 4, 128],
            [0; 4],
            [1, 1, 1, 255],
        ];
        let sprite = runs_of(&row, 6, [0, 0]);
        let runs: Vec<_> = sprite.runs.iter().map(|r| (r.x, r.len, r.opaque)).collect();
        assert_eq!(runs, [(1, 2, true), (3, 1, false), (5, 1, true)]);
        assert_eq!(sprite.pixels.len(), 4);
    }
}
