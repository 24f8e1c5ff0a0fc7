//! Headless CPU exporter for egui paint code.
//!
//! [`render_to_image`] runs arbitrary paint code in a headless [`egui::Context`],
//! tessellates the resulting shapes and rasterises the meshes on the CPU into an
//! [`image::RgbaImage`]. No GPU, window or display is needed.
//!
//! The rasteriser mimics what `egui-wgpu`/`egui_glow` do on a gamma-space
//! framebuffer:
//! * vertex colours and texels are premultiplied sRGB, multiplied in gamma space,
//! * blending is `ONE, ONE_MINUS_SRC_ALPHA` in gamma space (no linear conversion),
//! * anti-aliasing comes only from egui's feathering; the rasteriser samples each
//!   pixel once at its centre with a top-left fill rule (no double-blended seams),
//! * textures are sampled bilinearly (or nearest, per [`egui::TextureOptions`]).
//!
//! The final image is un-premultiplied (straight alpha), as PNG expects.

// Cast lints: pixel coordinates are converted between f32/f64 and integer pixel
// indices all over the rasteriser. Every such value is clamped to the image
// (at most `MAX_SIDE` = 16384 px per side) or is a colour channel in 0..=255
// before the cast, so truncation, sign loss and precision loss cannot happen in
// a way that matters; float-to-int `as` casts also saturate by definition.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::cast_possible_wrap
)]

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use egui::epaint::{
    ClippedPrimitive, ClippedShape, Color32, ColorImage, ImageData, ImageDelta, Primitive, Shape,
    TessellationOptions, Tessellator, TextureId, Vertex, emath::TSTransform,
};
use egui::{
    Pos2, Rect, TextureFilter, TextureOptions, TextureWrapMode, TexturesDelta, ViewportId,
    ViewportInfo,
};

/// Largest allowed image side in pixels.
pub const MAX_SIDE: u32 = 16384;

/// `max_texture_side` reported to egui (limits the font atlas size).
const MAX_TEXTURE_SIDE: usize = 8192;

/// Sub-pixel precision of the fixed-point vertex grid (8 bits, like GPUs).
const SUBPIXEL: f64 = 256.0;

/// Target size of one work unit (a band of rows). Threads take bands
/// dynamically, which balances scenes whose content is concentrated in one part
/// of the canvas. About 2 MiB per band means that concurrent first-touch page
/// faults of different threads rarely hit the same page-table page (whose lock
/// otherwise serialises them), while a band still fits in L2.
const BAND_BYTES: usize = 2 << 20;

/// Key of the per-context texture store in `egui::Memory` temp data.
const STORE_ID: &str = "waymark::raster::texture_store";

mod png_bands;
mod sprites;

/// How a render tessellates its shapes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Everything up front, as egui does for a window, every triangle drawn as one: the
    /// reference the tests compare to.
    AtOnce,
    /// Band by band as the bands are drawn (see [`Scene`]), glyphs copied from the font
    /// atlas (see [`GlyphQuad`]); the tests compare it with [`Mode::AtOnce`].
    #[cfg(test)]
    PerBand,
    /// Band by band, with recurring rounded rectangles stamped from sprites (see
    /// [`sprites`]): what exports use.
    Sprites,
}

/// Options for one offscreen render.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenderOptions {
    /// Size of the canvas in points (logical units).
    pub size_points: egui::Vec2,
    /// Pixels per point (1.0 ..= 4.0 typically); the image is `size_points * scale` pixels, rounded.
    pub pixels_per_point: f32,
    /// Background colour painted before anything else; `Color32::TRANSPARENT` gives a transparent PNG.
    pub background: egui::Color32,
}

/// Errors returned by [`render_to_image`] and [`encode_png`].
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    /// `pixels_per_point` was not a finite, positive number.
    #[error("{}", crate::t!("err-raster-pixels-per-point", value = .0.to_string()))]
    InvalidScale(f32),
    /// `size_points` was not finite or was negative.
    #[error("{}", crate::t!("err-raster-canvas", width = width.to_string(), height = height.to_string()))]
    InvalidSize {
        /// Requested width in points.
        width: f32,
        /// Requested height in points.
        height: f32,
    },
    /// The image would be empty (a side rounds to 0 pixels).
    #[error("{}", crate::t!("err-raster-too-small", width = width.to_string(), height = height.to_string()))]
    ZeroSize {
        /// Width in pixels after rounding.
        width: u32,
        /// Height in pixels after rounding.
        height: u32,
    },
    /// The image would exceed [`MAX_SIDE`] pixels on a side.
    #[error("{}", crate::t!("err-raster-too-large", width = width.to_string(), height = height.to_string(), max_side = max_side.to_string()))]
    TooLarge {
        /// Width in pixels after rounding.
        width: u64,
        /// Height in pixels after rounding.
        height: u64,
        /// The maximum allowed side in pixels.
        max_side: u32,
    },
    /// Internal error: the pixel buffer did not match the image size.
    #[error("{}", crate::t!("err-raster-buffer", width = width.to_string(), height = height.to_string()))]
    Buffer {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// PNG encoding failed.
    #[error("{}", crate::t!("err-raster-png", error = .0.to_string()))]
    Png(#[from] image::ImageError),
}

/// The input of one headless pass over a canvas of `size_points` at `ppp` pixels per
/// point (the vector exporters run their passes with the same input).
pub(crate) fn pass_input(ctx: &egui::Context, size_points: egui::Vec2, ppp: f32) -> egui::RawInput {
    let screen_rect = Rect::from_min_size(Pos2::ZERO, size_points);
    // egui's pixels_per_point is zoom_factor * native_pixels_per_point; honour a
    // zoom factor the caller may have set so the output scale is exactly `ppp`.
    let zoom = ctx.zoom_factor();
    let native_ppp = if zoom.is_finite() && zoom > 0.0 {
        ppp / zoom
    } else {
        ppp
    };
    egui::RawInput {
        screen_rect: Some(screen_rect),
        max_texture_side: Some(MAX_TEXTURE_SIDE),
        viewports: std::iter::once((
            ViewportId::ROOT,
            ViewportInfo {
                native_pixels_per_point: Some(native_ppp),
                inner_rect: Some(screen_rect),
                focused: Some(true),
                ..Default::default()
            },
        ))
        .collect(),
        ..Default::default()
    }
}

/// Runs `paint` in a fresh headless context (or a given one) and returns the rasterised image (straight, un-premultiplied RGBA8).
///
/// `paint` is called (at least twice, so that fonts and layout settle) with the
/// root [`egui::Ui`], which covers the whole canvas (`0,0` to `size_points`)
/// with no margin and no background; paint with `ui.painter()` or widgets.
///
/// `ctx` may be a brand-new `egui::Context::default()`, or a context whose
/// fonts/style were configured beforehand. Use a context dedicated to
/// exporting: the texture deltas of the passes run here are consumed by this
/// function, so a context that also drives a live window would lose them.
/// Textures uploaded through `ctx` (e.g. `ctx.load_texture`) are remembered in
/// the context's temp memory across calls until egui frees them.
///
/// # Errors
/// Returns an error if the options are invalid, the image would be empty, or a
/// side would exceed [`MAX_SIDE`] pixels.
pub fn render_to_image(
    ctx: &egui::Context,
    options: &RenderOptions,
    mut paint: impl FnMut(&egui::Ui),
) -> Result<image::RgbaImage, RasterError> {
    render_to_image_with(ctx, options, &mut paint, Mode::Sprites)
}

/// [`render_to_image`], tessellating as `mode` says.
fn render_to_image_with(
    ctx: &egui::Context,
    options: &RenderOptions,
    paint: &mut impl FnMut(&egui::Ui),
    mode: Mode,
) -> Result<image::RgbaImage, RasterError> {
    let (width, height) = image_size(options)?;

    let pixels = render_with(ctx, options, (width, height), mode, paint, |scene| {
        rasterize(scene, width, height, options.background.to_array())
    });

    let (w, h) = (width as u32, height as u32);
    image::RgbaImage::from_raw(w, h, pixels.into_flattened()).ok_or(RasterError::Buffer {
        width: w,
        height: h,
    })
}

/// Runs `paint` twice in `ctx` (see [`render_to_image`]) and hands the shapes of the
/// second pass, binned by band of rows, to `raster`, tessellated as `mode` says.
fn render_with<R>(
    ctx: &egui::Context,
    options: &RenderOptions,
    (width, height): (usize, usize),
    mode: Mode,
    paint: &mut impl FnMut(&egui::Ui),
    raster: impl FnOnce(&Scene<'_>) -> R,
) -> R {
    let ppp = options.pixels_per_point;
    let make_input = || pass_input(ctx, options.size_points, ppp);

    let shared = ctx.data_mut(|data| {
        data.get_temp_mut_or_default::<SharedStore>(egui::Id::unique(STORE_ID))
            .clone()
    });
    let mut store = shared.0.lock().unwrap_or_else(PoisonError::into_inner);

    // Pass 1: lets fonts and layout settle. Its output is not painted, so its
    // frees can be applied right away.
    let mut first = ctx.run_ui(make_input(), |ui| paint(ui));
    store.apply_set(&mut first.textures_delta);
    store.apply_free(&mut first.textures_delta);
    drop(first);

    // Pass 2: the one we paint.
    let mut second = ctx.run_ui(make_input(), |ui| paint(ui));
    store.apply_set(&mut second.textures_delta);
    // The font atlas is authoritative in the context itself. Refreshing it
    // keeps text correct even if some atlas deltas were consumed elsewhere
    // (e.g. the caller ran a pass on this context before).
    let (atlas, font_tex_size) = ctx.fonts(|fonts| (fonts.image(), fonts.font_image_size()));
    store.refresh_font_atlas(atlas);

    let shapes = std::mem::take(&mut second.shapes);
    let tessellation = ctx.tessellation_options(|o| *o);
    let scene = Scene::new(
        &shapes,
        &store,
        (ctx, second.pixels_per_point, tessellation, font_tex_size),
        (width, height, ppp),
        mode,
    );
    let result = raster(&scene);
    drop(scene);
    store.apply_free(&mut second.textures_delta);
    drop(store);

    result
}

/// Encodes `img` as a PNG file in memory, as the exports write it (see [`png_bands`]):
/// one piece, on this thread.
///
/// # Errors
/// Returns [`RasterError::Png`] if the encoder fails.
pub fn encode_png(img: &image::RgbaImage) -> Result<Vec<u8>, RasterError> {
    let io_error = |e| RasterError::Png(image::ImageError::IoError(e));
    let mut bytes = Vec::new();
    let mut png =
        png_bands::PngWriter::new(&mut bytes, img.width(), img.height()).map_err(io_error)?;
    let (pixels, _) = img.as_raw().as_chunks::<4>();
    let piece = png_bands::BandEncoder::new()
        .encode(pixels, img.width() as usize, true)
        .map_err(io_error)?;
    png.piece(&piece, true).map_err(io_error)?;
    Ok(bytes)
}

/// Validates `options` and returns the image size in pixels.
fn image_size(options: &RenderOptions) -> Result<(usize, usize), RasterError> {
    let ppp = options.pixels_per_point;
    if !ppp.is_finite() || ppp <= 0.0 {
        return Err(RasterError::InvalidScale(ppp));
    }
    let size = options.size_points;
    if !size.x.is_finite() || !size.y.is_finite() || size.x < 0.0 || size.y < 0.0 {
        return Err(RasterError::InvalidSize {
            width: size.x,
            height: size.y,
        });
    }
    let w = (f64::from(size.x) * f64::from(ppp)).round();
    let h = (f64::from(size.y) * f64::from(ppp)).round();
    let max = f64::from(MAX_SIDE);
    if w > max || h > max {
        return Err(RasterError::TooLarge {
            width: w as u64,
            height: h as u64,
            max_side: MAX_SIDE,
        });
    }
    if w < 1.0 || h < 1.0 {
        return Err(RasterError::ZeroSize {
            width: w as u32,
            height: h as u32,
        });
    }
    Ok((w as usize, h as usize))
}

// ---------------------------------------------------------------------------
// Texture store

/// Textures uploaded by egui, kept in the context's temp memory so that
/// textures created in an earlier call stay available in later calls.
#[derive(Clone, Default)]
struct SharedStore(Arc<Mutex<TextureStore>>);

#[derive(Default)]
struct TextureStore {
    textures: HashMap<TextureId, StoredTexture>,
}

struct StoredTexture {
    image: Arc<ColorImage>,
    options: TextureOptions,
}

impl TextureStore {
    /// Applies (and consumes) the uploads of `delta`, in order per texture.
    fn apply_set(&mut self, delta: &mut TexturesDelta) {
        for (id, deltas) in delta.set.drain() {
            for image_delta in &deltas {
                self.apply_one(id, image_delta);
            }
        }
    }

    /// Applies (and consumes) the frees of `delta`.
    fn apply_free(&mut self, delta: &mut TexturesDelta) {
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    fn apply_one(&mut self, id: TextureId, delta: &ImageDelta) {
        let ImageData::Color(patch) = &delta.image;
        if patch.pixels.len() < patch.size[0] * patch.size[1] {
            return; // Malformed image.
        }
        match delta.pos {
            None => {
                self.textures.insert(
                    id,
                    StoredTexture {
                        image: Arc::clone(patch),
                        options: delta.options,
                    },
                );
            }
            Some([x, y]) => {
                // A patch for a texture we never saw (e.g. its full upload went
                // elsewhere) cannot be applied; ignore it.
                let Some(texture) = self.textures.get_mut(&id) else {
                    return;
                };
                texture.options = delta.options;
                let target = Arc::make_mut(&mut texture.image);
                let [tw, th] = target.size;
                let [pw, ph] = patch.size;
                if x >= tw || pw == 0 || target.pixels.len() < tw * th {
                    return;
                }
                let n = pw.min(tw - x);
                for row in 0..ph.min(th.saturating_sub(y)) {
                    let src = &patch.pixels[row * pw..row * pw + n];
                    let start = (y + row) * tw + x;
                    target.pixels[start..start + n].copy_from_slice(src);
                }
            }
        }
    }

    fn refresh_font_atlas(&mut self, atlas: ColorImage) {
        let id = TextureId::default();
        let options = self
            .textures
            .get(&id)
            .map_or(TextureOptions::LINEAR, |t| t.options);
        self.textures.insert(
            id,
            StoredTexture {
                image: Arc::new(atlas),
                options,
            },
        );
    }

    fn sampler(&self, id: TextureId) -> Option<Sampler<'_>> {
        let texture = self.textures.get(&id)?;
        let [w, h] = texture.image.size;
        if w == 0 || h == 0 || texture.image.pixels.len() < w * h {
            return None;
        }
        Some(Sampler {
            pixels: &texture.image.pixels,
            width: w as i32,
            height: h as i32,
            magnification: texture.options.magnification,
            minification: texture.options.minification,
            wrap: texture.options.wrap_mode,
        })
    }
}

/// Read-only view of one texture.
#[derive(Clone, Copy)]
struct Sampler<'a> {
    pixels: &'a [Color32],
    width: i32,
    height: i32,
    magnification: TextureFilter,
    minification: TextureFilter,
    wrap: TextureWrapMode,
}

impl Sampler<'_> {
    /// Samples at texel-space coordinates (`u * width`, `v * height`).
    #[inline]
    fn sample(&self, u: f32, v: f32, filter: TextureFilter) -> [f32; 4] {
        match filter {
            TextureFilter::Nearest => {
                let x = wrap(floor_i32(u), self.width, self.wrap);
                let y = wrap(floor_i32(v), self.height, self.wrap);
                self.texel(x, y)
            }
            TextureFilter::Linear => {
                // Texel centres are at +0.5.
                let (u, v) = (u - 0.5, v - 0.5);
                let (xf, yf) = (floor_i32(u), floor_i32(v));
                let (fx, fy) = (u - xf as f32, v - yf as f32);
                let x0 = wrap(xf, self.width, self.wrap);
                let x1 = wrap(xf.saturating_add(1), self.width, self.wrap);
                let y0 = wrap(yf, self.height, self.wrap);
                let y1 = wrap(yf.saturating_add(1), self.height, self.wrap);
                let (c00, c10) = (self.texel(x0, y0), self.texel(x1, y0));
                let (c01, c11) = (self.texel(x0, y1), self.texel(x1, y1));
                std::array::from_fn(|i| {
                    let top = c00[i] + (c10[i] - c00[i]) * fx;
                    let bottom = c01[i] + (c11[i] - c01[i]) * fx;
                    top + (bottom - top) * fy
                })
            }
        }
    }

    #[inline]
    fn texel(&self, x: usize, y: usize) -> [f32; 4] {
        let c = self.pixels[y * self.width as usize + x].to_array();
        c.map(f32::from)
    }
}

#[inline]
fn floor_i32(x: f32) -> i32 {
    // `as` saturates (NaN -> 0); avoids a libm call without SSE4.1.
    let i = x as i32;
    if (i as f32) > x { i - 1 } else { i }
}

#[inline]
fn wrap(i: i32, n: i32, mode: TextureWrapMode) -> usize {
    let i = match mode {
        TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
        TextureWrapMode::Repeat => i.rem_euclid(n),
        TextureWrapMode::MirroredRepeat => {
            let m = i.rem_euclid(2 * n);
            if m >= n { 2 * n - 1 - m } else { m }
        }
    };
    i as usize
}

// ---------------------------------------------------------------------------
// Triangle setup

/// One edge function in fixed-point units (1/256 px, integer valued).
///
/// `E(P) = dx * (P.y - y0) - dy * (P.x - x0) + bias`; a pixel is inside when
/// `E >= 0` at its centre for all three edges of a positively oriented triangle.
#[derive(Clone, Copy)]
struct Edge {
    dx: f64,
    dy: f64,
    x0: f64,
    y0: f64,
    /// 0 for top/left edges (owned: `E == 0` is inside), -1 otherwise, so that
    /// an edge shared by two triangles covers each pixel centre exactly once.
    bias: f64,
}

impl Edge {
    fn new(a: [f64; 2], b: [f64; 2]) -> Self {
        let dx = b[0] - a[0];
        let dy = b[1] - a[1];
        // With positive orientation (y down), left edges go up and top edges go right.
        let top_left = dy < 0.0 || (dy == 0.0 && dx > 0.0);
        Self {
            dx,
            dy,
            x0: a[0],
            y0: a[1],
            bias: if top_left { 0.0 } else { -1.0 },
        }
    }

    /// `E` at the centre of pixel `(0, y)` is `k0 + dk * y`; one pixel step in
    /// x adds `-dy * 256`.
    fn k0_dk(&self) -> (f64, f64) {
        let half = SUBPIXEL / 2.0;
        (
            self.dx * (half - self.y0) - self.dy * (half - self.x0) + self.bias,
            self.dx * SUBPIXEL,
        )
    }
}

/// Triangles whose pixel box is at most this many pixels are filled by testing each
/// pixel of the box rather than by walking their edges.
const SMALL_TRIANGLE_PX: i64 = 96;

/// Largest fixed-point coordinate magnitude (2^21 px) for which the integer
/// edge walker cannot overflow `i64` (products stay below 2^62).
const EXACT_LIMIT: f64 = (1_u64 << 29) as f64;

/// Which side of the span an edge bounds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// `dy < 0`: pixels right of the edge are inside; bounds `lo`.
    Left,
    /// `dy > 0`: pixels left of the edge are inside; bounds `hi`.
    Right,
    /// `dy == 0`: the whole row is inside or outside.
    Flat,
}

/// An [`Edge`] in exact integer form.
#[derive(Clone, Copy)]
struct IntEdge {
    k0: i64,
    dk: i64,
    /// `256 * |dy|`.
    div: i64,
    side: Side,
}

impl IntEdge {
    fn new(e: &Edge) -> Self {
        let (k0, dk) = e.k0_dk();
        let side = if e.dy < 0.0 {
            Side::Left
        } else if e.dy > 0.0 {
            Side::Right
        } else {
            Side::Flat
        };
        Self {
            k0: k0 as i64,
            dk: dk as i64,
            div: (e.dy.abs() * SUBPIXEL) as i64,
            side,
        }
    }

    /// Starts walking down the edge at row `y`.
    fn walker(&self, y: i32) -> Walker {
        let k = self.k0 + self.dk * i64::from(y);
        if self.side == Side::Flat {
            // `q` is `E` itself; `div = MAX` keeps the carry from firing.
            return Walker {
                q: k,
                r: 0,
                dq: self.dk,
                dr: 0,
                div: i64::MAX,
                side: self.side,
            };
        }
        Walker {
            q: k.div_euclid(self.div),
            r: k.rem_euclid(self.div),
            dq: self.dk.div_euclid(self.div),
            dr: self.dk.rem_euclid(self.div),
            div: self.div,
            side: self.side,
        }
    }
}

/// Incremental, exact `floor(E(0, y) / (256 * |dy|))` (a DDA with remainder),
/// i.e. the last/first covered column of an edge, with no division per row.
#[derive(Clone, Copy)]
struct Walker {
    q: i64,
    r: i64,
    dq: i64,
    dr: i64,
    div: i64,
    side: Side,
}

impl Walker {
    #[inline]
    fn step(&mut self) {
        self.q += self.dq;
        self.r += self.dr;
        if self.r >= self.div {
            self.r -= self.div;
            self.q += 1;
        }
    }
}

/// The edge functions of a triangle.
enum Edges {
    /// Exact integer edge walking; used when all vertices are within 2^21 px.
    Exact([IntEdge; 3]),
    /// Per-row f64 evaluation for triangles with vertices very far away (exact
    /// up to ~32768 px, within float rounding beyond).
    Far([Edge; 3]),
}

/// An attribute (or N of them) as an affine function of the pixel position,
/// relative to the triangle's first vertex for precision.
#[derive(Clone, Copy)]
struct Plane<const N: usize> {
    base: [f32; N],
    ddx: [f32; N],
    ddy: [f32; N],
}

impl<const N: usize> Plane<N> {
    #[inline]
    fn at(&self, x: f32, y: f32) -> [f32; N] {
        std::array::from_fn(|i| self.base[i] + self.ddx[i] * x + self.ddy[i] * y)
    }
}

/// Plane gradients for one attribute given vertex deltas and `1 / det`.
struct Gradients {
    ex1: f64,
    ey1: f64,
    ex2: f64,
    ey2: f64,
    inv_det: f64,
}

impl Gradients {
    fn plane<const N: usize>(&self, values: [[f32; N]; 3]) -> Plane<N> {
        let mut ddx = [0.0; N];
        let mut ddy = [0.0; N];
        for i in 0..N {
            let a0 = f64::from(values[0][i]);
            let d1 = f64::from(values[1][i]) - a0;
            let d2 = f64::from(values[2][i]) - a0;
            ddx[i] = ((d1 * self.ey2 - d2 * self.ey1) * self.inv_det) as f32;
            ddy[i] = ((d2 * self.ex1 - d1 * self.ex2) * self.inv_det) as f32;
        }
        Plane {
            base: values[0],
            ddx,
            ddy,
        }
    }
}

#[derive(Clone, Copy)]
enum Shade<'a> {
    /// Constant premultiplied colour.
    Flat([u8; 4]),
    /// Interpolated premultiplied colour (feathering ramps).
    Gouraud(Plane<4>),
    /// Interpolated colour times a texture sample (text, images).
    Textured {
        color: Plane<4>,
        /// Texel-space coordinates (`u * width`, `v * height`).
        uv: Plane<2>,
        sampler: Sampler<'a>,
        filter: TextureFilter,
    },
}

struct Triangle<'a> {
    edges: Edges,
    /// Pixel rows `y0..y1` and columns `x0..x1` that may be covered (clipped).
    x0: i32,
    x1: i32,
    y0: i32,
    y1: i32,
    /// Origin of the attribute planes, in pixels.
    ox: f32,
    oy: f32,
    shade: Shade<'a>,
}

/// Integer pixel clip rectangle `[x0, x1) x [y0, y1)`.
#[derive(Clone, Copy)]
struct Clip {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

fn pixel_clip(rect: Rect, ppp: f32, width: usize, height: usize) -> Clip {
    let (w, h) = (width as f32, height as f32);
    let x0 = (rect.min.x * ppp).round().clamp(0.0, w) as i32;
    let y0 = (rect.min.y * ppp).round().clamp(0.0, h) as i32;
    let x1 = (rect.max.x * ppp).round().clamp(0.0, w) as i32;
    let y1 = (rect.max.y * ppp).round().clamp(0.0, h) as i32;
    Clip { x0, y0, x1, y1 }
}

/// One mesh to rasterise, with everything triangle setup needs.
struct MeshJob<'a> {
    mesh: &'a egui::Mesh,
    clip: Clip,
    sampler: Sampler<'a>,
    ppp: f32,
    /// The texel at `WHITE_UV` (0, 0), used by all untextured shapes.
    white: [f32; 4],
}

/// Chooses how to shade a triangle (flat, interpolated or textured).
/// Returns `None` when it cannot change any pixel.
fn make_shade<'a>(
    v: [&Vertex; 3],
    job: &MeshJob<'a>,
    gradients: &Gradients,
    origin: [f32; 2],
) -> Option<Shade<'a>> {
    let sampler = job.sampler;
    let tex_size = [sampler.width as f32, sampler.height as f32];
    let uv = v.map(|vertex| [vertex.uv.x * tex_size[0], vertex.uv.y * tex_size[1]]);
    let mut colors = v.map(|vertex| vertex.color.to_array());

    // Exact comparison on purpose: this detects vertices sharing one uv.
    let same = |a: [f32; 2], b: [f32; 2]| a.map(f32::to_bits) == b.map(f32::to_bits);
    let shade = if same(uv[0], uv[1]) && same(uv[0], uv[2]) {
        // Constant texel (e.g. WHITE_UV for untextured shapes): fold it into the colours.
        let texel = if uv[0] == [0.0, 0.0] {
            job.white
        } else {
            sampler.sample(uv[0][0], uv[0][1], sampler.magnification)
        };
        for color in &mut colors {
            for (c, t) in color.iter_mut().zip(texel) {
                *c = (f32::from(*c) * t / 255.0 + 0.5) as u8;
            }
        }
        if colors.iter().all(|c| *c == [0; 4]) {
            return None;
        }
        if colors[0] == colors[1] && colors[0] == colors[2] {
            Shade::Flat(colors[0])
        } else {
            Shade::Gouraud(gradients.plane(colors.map(|c| c.map(f32::from))))
        }
    } else {
        if colors.iter().all(|c| *c == [0; 4]) {
            return None;
        }
        let uv = gradients.plane(uv);
        // Affine mapping: the texel footprint is constant over the triangle.
        let rho2 =
            (uv.ddx[0].powi(2) + uv.ddx[1].powi(2)).max(uv.ddy[0].powi(2) + uv.ddy[1].powi(2));
        let mut filter = if rho2 > 1.0001 {
            sampler.minification
        } else {
            sampler.magnification
        };
        // Text: glyph quads map texels 1:1 onto pixels with texel centres on
        // pixel centres, where bilinear filtering equals a (cheaper) nearest fetch.
        let offset = [
            uv.base[0] - origin[0].fract(),
            uv.base[1] - origin[1].fract(),
        ];
        if texels_on_pixels(uv.ddx, uv.ddy, offset) {
            filter = TextureFilter::Nearest;
        }
        Shade::Textured {
            color: gradients.plane(colors.map(|c| c.map(f32::from))),
            uv,
            sampler,
            filter,
        }
    };
    Some(shade)
}

/// Whether a texture mapped with texel steps `ddx` and `ddy` per pixel (x and y) lays its
/// texels one to one onto pixels, texel edges on pixel edges (`offset`, texels at a
/// pixel edge, whole), all to within 1/1000: there the nearest texel is exact.
fn texels_on_pixels(ddx: [f32; 2], ddy: [f32; 2], offset: [f32; 2]) -> bool {
    let near = |a: f32, b: f32| (a - b).abs() < 1e-3;
    near(ddx[0], 1.0)
        && near(ddx[1], 0.0)
        && near(ddy[0], 0.0)
        && near(ddy[1], 1.0)
        && offset.iter().all(|o| near(*o, o.round()))
}

fn setup_triangle<'a>(v: [&Vertex; 3], job: &MeshJob<'a>) -> Option<Triangle<'a>> {
    let clip = job.clip;
    // Snap to the fixed-point grid.
    let scale = f64::from(job.ppp) * SUBPIXEL;
    let snap = |p: Pos2| {
        [
            floor_f64(f64::from(p.x) * scale + 0.5),
            floor_f64(f64::from(p.y) * scale + 0.5),
        ]
    };
    if !v.iter().all(|v| v.pos.x.is_finite() && v.pos.y.is_finite()) {
        return None;
    }
    let mut p = [snap(v[0].pos), snap(v[1].pos), snap(v[2].pos)];

    // Rows/columns whose pixel centre (i * 256 + 128) lies within the bounding box.
    // Rows first: most triangles a band skips lie above or below it.
    let lo = |a: f64, b: f64, c: f64| -floor_f64((128.0 - a.min(b).min(c)) / SUBPIXEL);
    let hi = |a: f64, b: f64, c: f64| floor_f64((a.max(b).max(c) - 128.0) / SUBPIXEL) + 1.0;
    let y0 = lo(p[0][1], p[1][1], p[2][1]).max(f64::from(clip.y0)) as i32;
    let y1 = hi(p[0][1], p[1][1], p[2][1]).min(f64::from(clip.y1)) as i32;
    if y0 >= y1 {
        return None;
    }
    let x0 = lo(p[0][0], p[1][0], p[2][0]).max(f64::from(clip.x0)) as i32;
    let x1 = hi(p[0][0], p[1][0], p[2][0]).min(f64::from(clip.x1)) as i32;
    if x0 >= x1 {
        return None;
    }

    let mut v = v;
    let area =
        (p[1][0] - p[0][0]) * (p[2][1] - p[0][1]) - (p[1][1] - p[0][1]) * (p[2][0] - p[0][0]);
    if area == 0.0 {
        return None;
    }
    if area < 0.0 {
        // egui's winding order is not consistent; normalise it.
        p.swap(1, 2);
        v.swap(1, 2);
    }

    let edges = [
        Edge::new(p[0], p[1]),
        Edge::new(p[1], p[2]),
        Edge::new(p[2], p[0]),
    ];
    let edges = if p.iter().flatten().all(|c| c.abs() <= EXACT_LIMIT) {
        Edges::Exact(edges.map(|e| IntEdge::new(&e)))
    } else {
        Edges::Far(edges)
    };

    // Attribute planes from the snapped positions (in pixels), so that they are
    // consistent with the coverage and never degenerate.
    let px = p.map(|q| [q[0] / SUBPIXEL, q[1] / SUBPIXEL]);
    let (ex1, ey1) = (px[1][0] - px[0][0], px[1][1] - px[0][1]);
    let (ex2, ey2) = (px[2][0] - px[0][0], px[2][1] - px[0][1]);
    let gradients = Gradients {
        ex1,
        ey1,
        ex2,
        ey2,
        inv_det: 1.0 / (ex1 * ey2 - ex2 * ey1),
    };

    let shade = make_shade(v, job, &gradients, [px[0][0] as f32, px[0][1] as f32])?;

    Some(Triangle {
        edges,
        x0,
        x1,
        y0,
        y1,
        ox: px[0][0] as f32,
        oy: px[0][1] as f32,
        shade,
    })
}

impl Triangle<'_> {
    /// Rasterises rows `y0..y1` into `band`, `width` pixels a row, whose first pixel is
    /// pixel `(band_x0, band_y0)` of the image (the triangle lies within it).
    fn draw_rows(
        &self,
        band: &mut [[u8; 4]],
        width: usize,
        (band_x0, band_y0): (i32, i32),
        y0: i32,
        y1: i32,
    ) {
        let (x0, x1) = (i64::from(self.x0), i64::from(self.x1));
        let mut emit = |y: i32, lo: i64, hi: i64| {
            if lo < hi {
                let start = (y - band_y0) as usize * width;
                let row = &mut band[start..start + width];
                self.shade_span(row, band_x0, y, lo as usize, hi as usize);
            }
        };
        match &self.edges {
            Edges::Exact(edges) if (x1 - x0) * i64::from(y1 - y0) <= SMALL_TRIANGLE_PX => {
                // Most triangles of a map are feathering slivers of a few pixels: testing
                // each pixel of the box costs less than setting up the walkers (two
                // 64-bit divisions an edge). The same edge functions, so the same pixels.
                let step = edges.map(|e| match e.side {
                    Side::Left => e.div,
                    Side::Right => -e.div,
                    Side::Flat => 0,
                });
                let mut row = edges.map(|e| e.k0 + e.dk * i64::from(y0));
                for (i, k) in row.iter_mut().enumerate() {
                    *k += step[i] * x0;
                }
                for y in y0..y1 {
                    let mut e = row;
                    let mut x = x0;
                    while x < x1 && !(e[0] >= 0 && e[1] >= 0 && e[2] >= 0) {
                        x += 1;
                        for (k, d) in e.iter_mut().zip(step) {
                            *k += d;
                        }
                    }
                    let lo = x;
                    while x < x1 && e[0] >= 0 && e[1] >= 0 && e[2] >= 0 {
                        x += 1;
                        for (k, d) in e.iter_mut().zip(step) {
                            *k += d;
                        }
                    }
                    emit(y, lo, x);
                    for (k, e) in row.iter_mut().zip(edges) {
                        *k += e.dk;
                    }
                }
            }
            Edges::Exact(edges) => {
                let mut walkers = edges.map(|e| e.walker(y0));
                for y in y0..y1 {
                    let (mut lo, mut hi) = (x0, x1);
                    for w in &walkers {
                        match w.side {
                            Side::Left => lo = lo.max(-w.q),
                            Side::Right => hi = hi.min(w.q + 1),
                            Side::Flat => {
                                if w.q < 0 {
                                    hi = lo;
                                }
                            }
                        }
                    }
                    emit(y, lo, hi);
                    for w in &mut walkers {
                        w.step();
                    }
                }
            }
            Edges::Far(edges) => {
                for y in y0..y1 {
                    let (mut lo, mut hi) = (x0 as f64, x1 as f64);
                    for e in edges {
                        let (k0, dk) = e.k0_dk();
                        let k = k0 + dk * f64::from(y);
                        let div = e.dy.abs() * SUBPIXEL;
                        if e.dy < 0.0 {
                            lo = lo.max(-floor_f64(k / div));
                        } else if e.dy > 0.0 {
                            hi = hi.min(floor_f64(k / div) + 1.0);
                        } else if k < 0.0 {
                            hi = lo;
                        }
                    }
                    emit(y, lo as i64, hi as i64);
                }
            }
        }
    }

    /// Shades pixels `lo..hi` of `row` (which is pixel row `y`).
    #[inline]
    /// `row` starts at pixel column `row_x0`.
    fn shade_span(&self, row: &mut [[u8; 4]], row_x0: i32, row_y: i32, lo: usize, hi: usize) {
        let pixels = &mut row[lo - row_x0 as usize..hi - row_x0 as usize];
        let fx = lo as f32 + 0.5 - self.ox;
        let fy = row_y as f32 + 0.5 - self.oy;
        match &self.shade {
            Shade::Flat(color) => {
                if color[3] == 255 {
                    pixels.fill(*color);
                } else {
                    blend_span(pixels, *color);
                }
            }
            Shade::Gouraud(plane) => {
                let mut rgba = plane.at(fx, fy);
                for px in pixels {
                    blend(px, rgba.map(to_u8));
                    for (ci, d) in rgba.iter_mut().zip(plane.ddx) {
                        *ci += d;
                    }
                }
            }
            Shade::Textured {
                color,
                uv,
                sampler,
                filter,
            } => {
                let mut rgba = color.at(fx, fy);
                let [mut tu, mut tv] = uv.at(fx, fy);
                for px in pixels {
                    let texel = sampler.sample(tu, tv, *filter);
                    if texel.iter().any(|&t| t > 0.0) {
                        let src =
                            std::array::from_fn(|i| to_u8(rgba[i] * texel[i] * (1.0 / 255.0)));
                        blend(px, src);
                    }
                    for (ci, d) in rgba.iter_mut().zip(color.ddx) {
                        *ci += d;
                    }
                    tu += uv.ddx[0];
                    tv += uv.ddx[1];
                }
            }
        }
    }
}

#[inline]
fn to_u8(x: f32) -> u8 {
    // Saturating cast; negative values and NaN become 0.
    (x + 0.5) as u8
}

/// `floor` without a libm call (x86-64 baseline has no SSE4.1 `roundsd`).
/// Values beyond the `i64` range saturate, which is fine for span limits.
#[inline]
fn floor_f64(x: f64) -> f64 {
    let f = (x as i64) as f64;
    if f > x { f - 1.0 } else { f }
}

/// `s + round(d * inv / 255)`, saturating. Exact for `d, inv <= 255`.
#[inline]
fn blend_channel(d: u8, s: u8, inv: u16) -> u8 {
    let x = u16::from(d) * inv + 128;
    // `saturating_add` guards against additive colours (alpha 0, colour > 0).
    s.saturating_add(((x + (x >> 8)) >> 8) as u8)
}

/// Premultiplied `ONE, ONE_MINUS_SRC_ALPHA` blending in gamma space.
#[inline]
fn blend(dst: &mut [u8; 4], src: [u8; 4]) {
    let inv = 255 - u16::from(src[3]);
    for (d, s) in dst.iter_mut().zip(src) {
        *d = blend_channel(*d, s, inv);
    }
}

/// [`blend`] of one colour over a span, written so that it auto-vectorises
/// (16 bytes = 4 pixels per step with SSE2).
fn blend_span(pixels: &mut [[u8; 4]], src: [u8; 4]) {
    let inv = 255 - u16::from(src[3]);
    let pattern: [u8; 16] = std::array::from_fn(|i| src[i % 4]);
    let (chunks, rest) = pixels.as_flattened_mut().as_chunks_mut::<16>();
    for chunk in chunks {
        *chunk = std::array::from_fn(|i| blend_channel(chunk[i], pattern[i], inv));
    }
    for (d, s) in rest.iter_mut().zip(pattern) {
        *d = blend_channel(*d, s, inv);
    }
}

#[inline]
fn unpremultiply(px: &mut [u8; 4]) {
    match px[3] {
        255 => {}
        0 => *px = [0; 4],
        a => {
            let a = u32::from(a);
            for c in &mut px[..3] {
                *c = ((u32::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Rasterisation

/// Something to draw in a band, in paint order.
#[derive(Clone, Copy)]
enum Item {
    /// A shape (index into [`Scene::shapes`]) that the band tessellates for itself.
    Shape(u32),
    /// A shape tessellated up front (index into [`Scene::meshes`]).
    Mesh(u32),
}

/// The painted shapes of an image, binned by band of `band_rows` rows.
///
/// Tessellating every shape of a large map at once holds all its triangles in memory
/// (over 20 MiB for a 500-task journey) and does it on one thread. Instead, the shapes
/// whose extent is known before tessellation (text, rectangles, circles, line segments:
/// nearly everything on a map) are tessellated by each band that they reach, as that
/// band is drawn, on the thread that draws it. Only their row ranges are worked out up
/// front, from their bounds with a margin for feathering and pixel rounding. Circles are
/// tessellated by egui itself (a small filled one is a quad of one of the font atlas's
/// prepared discs, which only the context has). The other shapes (paths, meshes...) are
/// few: egui tessellates them up front, one by one, and their meshes' rows are measured
/// exactly. Each shape's triangles are the same either way, and a band draws them in
/// paint order, so the pixels are those of tessellating everything at once.
struct Scene<'a> {
    shapes: &'a [ClippedShape],
    meshes: Vec<ClippedPrimitive>,
    bins: Vec<Vec<Item>>,
    band_rows: usize,
    /// Set up as `egui::Context::tessellate` does, cloned by each band.
    tessellator: Tessellator,
    /// The context, which tessellates circles.
    ctx: &'a egui::Context,
    /// Pixels per point of the painting pass.
    pass_ppp: f32,
    store: &'a TextureStore,
    ppp: f32,
    width: usize,
    height: usize,
    /// Sprites of recurring rectangles, when the scene stamps them.
    sprites: Option<sprites::Sprites>,
    /// Whether glyphs are copied from the font atlas rather than drawn as two triangles
    /// each (the same pixels, faster).
    copy_glyphs: bool,
    rounding: sprites::Rounding,
}

/// The pixel rows a shape covers, as far as can be told before tessellating it.
enum Extent {
    /// Rows `y0..y1` at most.
    Rows(usize, usize),
    /// None: it is clipped away.
    Nothing,
    /// Only tessellating it can tell.
    Unknown,
}

/// Margin in pixels around a shape's visual bounding rectangle, beyond its feathering:
/// pixel rounding of text and rectangles moves them by at most half a pixel.
const SHAPE_MARGIN_PX: f32 = 2.0;

/// Further margin in pixels around a circle: a small filled circle is drawn as a quad of
/// a prepared disc, whose texels reach up to 1.5 px beyond the circle.
const CIRCLE_MARGIN_PX: f32 = 2.0;

impl<'a> Scene<'a> {
    /// Bins `shapes` by band. Shapes whose extent is known only once tessellated (and,
    /// without `per_band`, all of them at once) are tessellated by `ctx` up front.
    fn new(
        shapes: &'a [ClippedShape],
        store: &'a TextureStore,
        (ctx, pass_ppp, tessellation, font_tex_size): (
            &'a egui::Context,
            f32,
            TessellationOptions,
            [usize; 2],
        ),
        (width, height, ppp): (usize, usize, f32),
        mode: Mode,
    ) -> Self {
        // What `egui::Context::tessellate` sets up, less the font atlas's prepared discs:
        // only filled circles use them, and egui tessellates circles itself.
        let tessellator = Tessellator::new(pass_ppp, tessellation, font_tex_size, Vec::new());
        let band_rows = (BAND_BYTES / (width * 4)).clamp(1, height);
        let n_bands = height.div_ceil(band_rows);
        let mut scene = Self {
            shapes,
            meshes: Vec::new(),
            bins: vec![Vec::new(); n_bands],
            band_rows,
            tessellator,
            ctx,
            pass_ppp,
            store,
            ppp,
            width,
            height,
            sprites: (mode == Mode::Sprites).then(sprites::Sprites::default),
            copy_glyphs: mode != Mode::AtOnce,
            rounding: sprites::Rounding {
                ppp,
                feathering: if tessellation.feathering {
                    tessellation.feathering_size_in_pixels / pass_ppp
                } else {
                    0.0
                },
                round_rects: tessellation.round_rects_to_pixels,
            },
        };
        if mode == Mode::AtOnce {
            for primitive in ctx.tessellate(shapes.to_vec(), pass_ppp) {
                scene.add_mesh(primitive);
            }
            return scene;
        }
        let feathering = if tessellation.feathering {
            tessellation.feathering_size_in_pixels.max(0.0)
        } else {
            0.0
        };
        let margin = SHAPE_MARGIN_PX + feathering;
        for (i, shape) in shapes.iter().enumerate() {
            match scene.shape_rows(shape, margin) {
                Extent::Rows(y0, y1) => scene.add(y0, y1, Item::Shape(i as u32)),
                Extent::Nothing => {}
                Extent::Unknown => {
                    for mut primitive in ctx.tessellate(vec![shape.clone()], pass_ppp) {
                        // Tessellation grows the buffers by doubling; many small
                        // meshes are kept until drawn.
                        if let Primitive::Mesh(mesh) = &mut primitive.primitive {
                            mesh.vertices.shrink_to_fit();
                            mesh.indices.shrink_to_fit();
                        }
                        scene.add_mesh(primitive);
                    }
                }
            }
        }
        scene
    }

    /// Adds `item` to the bands of pixel rows `y0..y1` (within the image).
    fn add(&mut self, y0: usize, y1: usize, item: Item) {
        let (first, last) = (y0 / self.band_rows, (y1 - 1) / self.band_rows);
        for bin in &mut self.bins[first..=last] {
            bin.push(item);
        }
    }

    /// Adds a tessellated primitive to the bands its vertices reach.
    fn add_mesh(&mut self, primitive: ClippedPrimitive) {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            return; // Paint callbacks need a GPU; they are skipped.
        };
        let clip = pixel_clip(primitive.clip_rect, self.ppp, self.width, self.height);
        let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
        for v in &mesh.vertices {
            if v.pos.x.is_finite() && v.pos.y.is_finite() {
                lo = lo.min(v.pos.y);
                hi = hi.max(v.pos.y);
            }
        }
        let Some((y0, y1)) = self.rows(lo, hi, 1.0, clip) else {
            return;
        };
        let index = self.meshes.len() as u32;
        self.meshes.push(primitive);
        self.add(y0, y1, Item::Mesh(index));
    }

    /// The pixel rows a shape may cover, if its extent is known before tessellation.
    fn shape_rows(&self, shape: &ClippedShape, margin: f32) -> Extent {
        if shape.transform_after_tessellation != TSTransform::IDENTITY {
            return Extent::Unknown;
        }
        let (known, bounds) = match &shape.shape {
            Shape::Text(text) => (
                text.underline.is_empty(),
                shape.shape.visual_bounding_rect(),
            ),
            Shape::Rect(rect) => (
                rect.angle == 0.0 && rect.blur_width == 0.0,
                shape.shape.visual_bounding_rect(),
            ),
            // egui strokes a circle outside its radius, and a prepared disc's quad
            // reaches a little beyond the circle (see `CIRCLE_MARGIN_PX`).
            Shape::Circle(circle) => (
                true,
                Rect::from_center_size(
                    circle.center,
                    egui::Vec2::splat(2.0 * (circle.radius + circle.stroke.width.max(0.0))),
                )
                .expand(CIRCLE_MARGIN_PX / self.ppp),
            ),
            // A stroked segment gets a cap a pixel wide at each end, and egui culls it
            // by this rectangle.
            Shape::LineSegment { points, stroke } => (
                !stroke.is_empty(),
                Rect::from_two_pos(points[0], points[1]).expand(stroke.width),
            ),
            _ => (false, Rect::NOTHING),
        };
        if !known || !bounds.is_positive() || !bounds.is_finite() {
            return Extent::Unknown;
        }
        if !shape.clip_rect.is_positive() {
            return Extent::Nothing; // egui skips it.
        }
        let clip = pixel_clip(shape.clip_rect, self.ppp, self.width, self.height);
        self.rows(bounds.min.y, bounds.max.y, margin, clip)
            .map_or(Extent::Nothing, |(y0, y1)| Extent::Rows(y0, y1))
    }

    /// Pixel rows `y0..y1` from `lo` to `hi` (points) widened by `margin` pixels, within
    /// `clip` and the image; `None` when empty.
    fn rows(&self, lo: f32, hi: f32, margin: f32, clip: Clip) -> Option<(usize, usize)> {
        if lo > hi {
            return None;
        }
        let y0 = (f64::from(lo) * f64::from(self.ppp) - f64::from(margin)).floor();
        let y1 = (f64::from(hi) * f64::from(self.ppp) + f64::from(margin)).ceil();
        let y0 = y0.max(f64::from(clip.y0)).max(0.0);
        let y1 = y1.min(f64::from(clip.y1)).min(self.height as f64);
        (y0 < y1 && clip.x0 < clip.x1).then_some((y0 as usize, y1 as usize))
    }

    /// The sprite that draws `shape` and where, if the scene stamps sprites and the
    /// shape is a rectangle or circle one can draw.
    fn sprite(
        &self,
        shape: &ClippedShape,
        tessellator: &mut Tessellator,
    ) -> Option<(Arc<sprites::Sprite>, [i32; 2])> {
        let sprites = self.sprites.as_ref()?;
        let stamp = sprites::stamp_of(shape, self.rounding)?;
        // As the band tessellates: circles by egui itself (see `render_band`).
        let tessellate = |clipped: ClippedShape| {
            if let Shape::Circle(_) = clipped.shape {
                self.ctx.tessellate(vec![clipped], self.pass_ppp)
            } else {
                let mut out = Vec::new();
                tessellator.tessellate_clipped_shape(clipped, &mut out);
                out
            }
        };
        let sprite = sprites.get(stamp, shape, tessellate, (self.store, self.rounding))?;
        Some((sprite, stamp.anchor()))
    }

    /// Draws the primitive's mesh into the band of pixel rows `band_y0..band_y1`.
    fn draw(
        &self,
        band: &mut [[u8; 4]],
        (band_y0, band_y1): (i32, i32),
        primitive: &ClippedPrimitive,
    ) {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            return;
        };
        let mut clip = pixel_clip(primitive.clip_rect, self.ppp, self.width, self.height);
        clip.y0 = clip.y0.max(band_y0);
        clip.y1 = clip.y1.min(band_y1);
        if clip.x0 >= clip.x1 || clip.y0 >= clip.y1 {
            return;
        }
        // Like the GPU backends, skip meshes whose texture is unknown.
        let Some(sampler) = self.store.sampler(mesh.texture_id) else {
            return;
        };
        let job = MeshJob {
            mesh,
            clip,
            sampler,
            ppp: self.ppp,
            white: sampler.sample(0.0, 0.0, sampler.magnification),
        };
        let indices = &mesh.indices;
        let mut i = 0;
        while i + 3 <= indices.len() {
            let quad = indices.get(i..i + 6).filter(|_| self.copy_glyphs);
            if let Some(quad) = quad.and_then(|q| glyph_quad(&job, q)) {
                quad.draw(band, self.width, band_y0, &sampler);
                i += 6;
                continue;
            }
            if let Some(v) = triangle_vertices(&job, &indices[i..i + 3])
                && let Some(t) = setup_triangle(v, &job)
            {
                t.draw_rows(band, self.width, (0, band_y0), t.y0, t.y1);
            }
            i += 3;
        }
    }
}

/// A textured rectangle whose texels map one to one onto pixels: a glyph of text, as
/// egui lays it out (the quad `a, a+1, a+2; a+2, a+1, a+3` of corners left top, right
/// top, left bottom, right bottom) at a whole-pixel offset in the font atlas.
struct GlyphQuad {
    /// Pixels `x0..x1` by `y0..y1`, within the clip.
    x0: i32,
    x1: i32,
    y0: i32,
    y1: i32,
    /// The texel of pixel `(x, y)` is `(x + tx, y + ty)`.
    tx: i32,
    ty: i32,
    color: [u8; 4],
}

/// The quad of `idx` (six indices) if it is a glyph that can be copied from the atlas:
/// the pixels are those its two triangles draw with nearest sampling, which is what they
/// are given (see [`make_shade`]).
fn glyph_quad(job: &MeshJob<'_>, idx: &[u32]) -> Option<GlyphQuad> {
    let a = idx[0];
    if idx != [a, a + 1, a + 2, a + 2, a + 1, a + 3] {
        return None;
    }
    let v = job.mesh.vertices.get(a as usize..a as usize + 4)?;
    let (lt, rt, lb, rb) = (&v[0], &v[1], &v[2], &v[3]);
    let color = lt.color;
    if rt.color != color || lb.color != color || rb.color != color || color == Color32::TRANSPARENT
    {
        return None;
    }
    let (pos, uv) = ([lt.pos, rb.pos], [lt.uv, rb.uv]);
    if rt.pos != Pos2::new(rb.pos.x, lt.pos.y)
        || lb.pos != Pos2::new(lt.pos.x, rb.pos.y)
        || rt.uv != Pos2::new(rb.uv.x, lt.uv.y)
        || lb.uv != Pos2::new(lt.uv.x, rb.uv.y)
        || !pos.iter().all(|p| p.x.is_finite() && p.y.is_finite())
    {
        return None;
    }
    // Snapped as triangle setup snaps, in 1/256 px.
    let scale = f64::from(job.ppp) * SUBPIXEL;
    let snap = |c: f32| floor_f64(f64::from(c) * scale + 0.5);
    let (left, right) = (snap(pos[0].x), snap(pos[1].x));
    let (top, bottom) = (snap(pos[0].y), snap(pos[1].y));
    if left >= right || top >= bottom || left.abs().max(right.abs()) > EXACT_LIMIT {
        return None;
    }
    // Texels per pixel and where the first texel's edge falls, as `make_shade` checks
    // them before it samples the nearest texel.
    let sampler = job.sampler;
    let u = [
        uv[0].x * sampler.width as f32,
        uv[1].x * sampler.width as f32,
    ];
    let v = [
        uv[0].y * sampler.height as f32,
        uv[1].y * sampler.height as f32,
    ];
    let (left_px, top_px) = ((left / SUBPIXEL) as f32, (top / SUBPIXEL) as f32);
    let du = (u[1] - u[0]) / ((right - left) / SUBPIXEL) as f32;
    let dv = (v[1] - v[0]) / ((bottom - top) / SUBPIXEL) as f32;
    let (ou, ov) = (u[0] - left_px, v[0] - top_px);
    if !texels_on_pixels([du, 0.0], [0.0, dv], [ou, ov]) {
        return None;
    }
    // Pixel centres `i * 256 + 128` in `[left, right) x [top, bottom)`: the top-left rule.
    let first = |edge: f64| (-floor_f64((128.0 - edge) / SUBPIXEL)) as i32;
    let clip = job.clip;
    let quad = GlyphQuad {
        x0: first(left).max(clip.x0),
        x1: first(right).min(clip.x1),
        y0: first(top).max(clip.y0),
        y1: first(bottom).min(clip.y1),
        tx: ou.round() as i32,
        ty: ov.round() as i32,
        color: color.to_array(),
    };
    Some(quad)
}

impl GlyphQuad {
    fn draw(&self, band: &mut [[u8; 4]], width: usize, band_y0: i32, sampler: &Sampler<'_>) {
        let c = self.color.map(f32::from);
        for y in self.y0..self.y1 {
            let row = &mut band[(y - band_y0) as usize * width..][..width];
            let ty = wrap(y + self.ty, sampler.height, sampler.wrap);
            for x in self.x0..self.x1 {
                let tx = wrap(x + self.tx, sampler.width, sampler.wrap);
                let texel = sampler.texel(tx, ty);
                if texel.iter().any(|&t| t > 0.0) {
                    let src = std::array::from_fn(|i| to_u8(c[i] * texel[i] * (1.0 / 255.0)));
                    blend(&mut row[x as usize], src);
                }
            }
        }
    }
}

/// The vertices of triangle `idx` of a mesh, if its indices are valid.
fn triangle_vertices<'a>(job: &MeshJob<'a>, idx: &[u32]) -> Option<[&'a Vertex; 3]> {
    let vertex = |i: u32| job.mesh.vertices.get(i as usize);
    Some([vertex(idx[0])?, vertex(idx[1])?, vertex(idx[2])?])
}

/// Renders every band into one image buffer (bands taken by threads dynamically).
fn rasterize(scene: &Scene<'_>, width: usize, height: usize, background: [u8; 4]) -> Vec<[u8; 4]> {
    let (n_bands, band_rows) = (scene.bins.len(), scene.band_rows);
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    // Allocated lazily (calloc); each band's pages are first touched by the
    // thread that renders it, so page faults happen in parallel.
    let mut pixels = vec![[0_u8; 4]; width * height];
    let threads = threads.min(n_bands).max(1);
    let work = Mutex::new(pixels.chunks_mut(band_rows * width).enumerate());
    let render = || {
        loop {
            let next = work.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((band_index, band)) = next else {
                break;
            };
            render_band(band, band_index, scene, background);
        }
    };
    std::thread::scope(|scope| {
        for i in 1..threads {
            // A helper that cannot start leaves its bands to the others: the work
            // queue is shared and this thread renders too.
            if std::thread::Builder::new()
                .name(format!("waymark-raster-{i}"))
                .spawn_scoped(scope, render)
                .is_err()
            {
                break;
            }
        }
        render();
    });
    pixels
}

/// Renders the bands and writes them to `png` in order, each band filtered and deflated
/// by the thread that drew it (see [`png_bands`]): the whole image never exists at once.
/// Helper threads draw and compress ahead of the writing here by at most a few bands.
fn rasterize_png<W: std::io::Write>(
    scene: &Scene<'_>,
    (width, height): (usize, usize),
    background: [u8; 4],
    png: &mut png_bands::PngWriter<W>,
) -> std::io::Result<()> {
    let (n_bands, band_rows) = (scene.bins.len(), scene.band_rows);
    let band_len = |band: usize| band_rows.min(height - band * band_rows) * width;
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(n_bands);
    let sequential = |png: &mut png_bands::PngWriter<W>| {
        let mut buffer = vec![[0_u8; 4]; band_rows * width];
        let mut encoder = png_bands::BandEncoder::new();
        for band in 0..n_bands {
            let pixels = &mut buffer[..band_len(band)];
            render_band(pixels, band, scene, background);
            let last = band + 1 == n_bands;
            png.piece(&encoder.encode(pixels, width, last)?, last)?;
        }
        Ok(())
    };
    if threads <= 1 {
        return sequential(png);
    }
    // A helper takes a ticket before it claims a band, and each band written gives one
    // back: the pieces waiting to be written stay few (each at most a band's bytes).
    let (ticket_tx, ticket_rx) = mpsc::channel::<()>();
    for _ in 0..threads + 2 {
        let _ = ticket_tx.send(());
    }
    let ticket_rx = Mutex::new(ticket_rx);
    let next = AtomicUsize::new(0);
    let (done_tx, done_rx) = mpsc::channel::<(usize, std::io::Result<png_bands::Piece>)>();
    std::thread::scope(|scope| {
        let mut helpers = 0;
        for i in 0..threads {
            let done_tx = done_tx.clone();
            let (ticket_rx, next) = (&ticket_rx, &next);
            let helper = move || {
                let mut buffer = vec![[0_u8; 4]; band_rows * width];
                let mut encoder = png_bands::BandEncoder::new();
                loop {
                    let ticket = ticket_rx
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    if ticket.is_err() {
                        break;
                    }
                    let band = next.fetch_add(1, Ordering::Relaxed);
                    if band >= n_bands {
                        break;
                    }
                    let pixels = &mut buffer[..band_len(band)];
                    render_band(pixels, band, scene, background);
                    let piece = encoder.encode(pixels, width, band + 1 == n_bands);
                    if done_tx.send((band, piece)).is_err() {
                        break;
                    }
                }
            };
            if std::thread::Builder::new()
                .name(format!("waymark-raster-{i}"))
                .spawn_scoped(scope, helper)
                .is_err()
            {
                break;
            }
            helpers += 1;
        }
        drop(done_tx);
        if helpers == 0 {
            // No thread could start (resource limits): render here, only slower.
            return sequential(png);
        }
        let mut ticket_tx = Some(ticket_tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut wanted = 0;
        let mut result = Ok(());
        for (band, piece) in done_rx {
            waiting.insert(band, piece);
            while let Some(piece) = waiting.remove(&wanted) {
                if result.is_ok() {
                    let last = wanted + 1 == n_bands;
                    result = piece.and_then(|piece| png.piece(&piece, last));
                    if result.is_err() {
                        // Stop the helpers: no band after this one is needed.
                        next.store(n_bands, Ordering::Relaxed);
                        ticket_tx = None;
                    }
                }
                wanted += 1;
                if let Some(tickets) = &ticket_tx {
                    let _ = tickets.send(());
                }
            }
        }
        result
    })
}

/// Runs `paint` like [`render_to_image`] and writes the image as a PNG to `out`
/// (straight RGBA8, the same pixels), band by band: only a few bands of pixels are in
/// memory at once, whatever the image's size. Returns the width and height in pixels.
///
/// # Errors
/// Returns an error if the options are invalid (see [`render_to_image`]) or if
/// encoding or writing fails.
pub fn render_to_png<W: std::io::Write>(
    ctx: &egui::Context,
    options: &RenderOptions,
    mut paint: impl FnMut(&egui::Ui),
    out: W,
) -> Result<(u32, u32), RasterError> {
    let (width, height) = image_size(options)?;
    let io_error = |e| RasterError::Png(image::ImageError::IoError(e));
    let mut png = png_bands::PngWriter::new(out, width as u32, height as u32).map_err(io_error)?;
    render_with(
        ctx,
        options,
        (width, height),
        Mode::Sprites,
        &mut paint,
        |scene| {
            rasterize_png(
                scene,
                (width, height),
                options.background.to_array(),
                &mut png,
            )
        },
    )
    .map_err(io_error)?;
    Ok((width as u32, height as u32))
}

/// Renders band number `band_index` (its pixels `band`): tessellates the shapes binned
/// to it and draws them, in paint order, with the meshes tessellated up front.
fn render_band(band: &mut [[u8; 4]], band_index: usize, scene: &Scene<'_>, background: [u8; 4]) {
    band.fill(background);
    let band_y0 = (band_index * scene.band_rows) as i32;
    let rows = (band_y0, band_y0 + (band.len() / scene.width) as i32);
    let mut tessellator = scene.tessellator.clone();
    // Consecutive shapes of one clip rectangle and texture share a mesh, as in egui.
    let mut pending = Vec::new();
    for &item in &scene.bins[band_index] {
        match item {
            Item::Shape(i) => {
                let shape = &scene.shapes[i as usize];
                if let Some((sprite, anchor)) = scene.sprite(shape, &mut tessellator) {
                    for primitive in pending.drain(..) {
                        scene.draw(band, rows, &primitive);
                    }
                    let clip = pixel_clip(shape.clip_rect, scene.ppp, scene.width, scene.height);
                    sprite.stamp(band, scene.width, rows, clip, anchor);
                } else if let Shape::Circle(_) = shape.shape {
                    pending.extend(scene.ctx.tessellate(vec![shape.clone()], scene.pass_ppp));
                } else {
                    tessellator.tessellate_clipped_shape(shape.clone(), &mut pending);
                }
            }
            Item::Mesh(i) => {
                for primitive in pending.drain(..) {
                    scene.draw(band, rows, &primitive);
                }
                scene.draw(band, rows, &scene.meshes[i as usize]);
            }
        }
    }
    for primitive in &pending {
        scene.draw(band, rows, primitive);
    }
    // Over an opaque background every pixel stays opaque: nothing to undo.
    if background[3] != 255 {
        for chunk in band.chunks_mut(16) {
            // Branch-free AND of the alphas (vectorises) to skip opaque runs.
            if chunk.iter().fold(255, |a, px| a & px[3]) != 255 {
                chunk.iter_mut().for_each(unpremultiply);
            }
        }
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
#[allow(
    clippy::disallowed_methods,
    reason = "test scenes use literal colours to check the rasteriser's arithmetic"
)]
mod tests {
    use super::*;
    use egui::{Color32, FontId, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

    fn opts(w: f32, h: f32, ppp: f32, background: Color32) -> RenderOptions {
        RenderOptions {
            size_points: vec2(w, h),
            pixels_per_point: ppp,
            background,
        }
    }

    fn px(img: &image::RgbaImage, x: u32, y: u32) -> [u8; 4] {
        img.get_pixel(x, y).0
    }

    /// The streamed PNG has exactly the pixels of the in-memory image, over several
    /// bands, with text, on white and on a transparent background.
    /// A disk that fills up in the middle of the image: the error comes back (the
    /// threads drawing later bands stop), nothing hangs or panics.
    #[test]
    fn a_write_failing_midway_is_an_error() {
        struct FullDisk(usize);
        impl std::io::Write for FullDisk {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if self.0 < buf.len() {
                    return Err(std::io::Error::other("no space left on device"));
                }
                self.0 -= buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let options = opts(1200.0, 2000.0, 1.0, Color32::WHITE);
        let paint = |ui: &egui::Ui| {
            for i in 0..200 {
                ui.painter().text(
                    pos2(10.0, i as f32 * 10.0),
                    egui::Align2::LEFT_TOP,
                    format!("Row {i}"),
                    FontId::proportional(9.0),
                    Color32::BLACK,
                );
            }
        };
        for room in [0, 100, 3000] {
            let err = render_to_png(&egui::Context::default(), &options, paint, FullDisk(room))
                .unwrap_err();
            assert!(err.to_string().contains("no space left"), "{err}");
        }
    }

    #[test]
    fn streamed_png_has_the_pixels_of_the_image() {
        for background in [Color32::WHITE, Color32::TRANSPARENT] {
            // 1200 px wide at scale 2: about 436 rows per band, so three bands.
            let options = opts(600.0, 560.0, 2.0, background);
            let paint = |ui: &egui::Ui| {
                let painter = ui.painter();
                for i in 0..40 {
                    let y = i as f32 * 14.0;
                    painter.circle_filled(
                        pos2(20.0 + y, 10.0 + y),
                        9.0,
                        Color32::from_rgba_unmultiplied(200, 40, 90, 160),
                    );
                    painter.text(
                        pos2(40.0, y),
                        egui::Align2::LEFT_TOP,
                        format!("Step {i} compare plans"),
                        FontId::proportional(12.0),
                        Color32::from_rgb(20, 30, 60),
                    );
                }
            };
            let image = render_to_image(&egui::Context::default(), &options, paint).unwrap();
            let mut bytes = Vec::new();
            let size =
                render_to_png(&egui::Context::default(), &options, paint, &mut bytes).unwrap();
            assert_eq!(size, (1200, 1120));
            let decoded = image::load_from_memory(&bytes).unwrap().to_rgba8();
            assert_eq!(decoded.dimensions(), image.dimensions());
            assert!(decoded.as_raw() == image.as_raw(), "pixels differ");
        }
    }

    /// Rectangles with strokes of each kind and rounded corners at sub-pixel positions
    /// across band boundaries, recurring chips, text, circles, recurring dots, thin
    /// rectangles, line segments and a path with sharp corners.
    fn busy_scene(ui: &egui::Ui) {
        let painter = ui.painter();
        for i in 0..60 {
            let f = i as f32;
            let y = f * 19.7 + 0.3;
            let kind = [StrokeKind::Inside, StrokeKind::Middle, StrokeKind::Outside][i % 3];
            painter.rect(
                Rect::from_min_size(pos2(10.0 + f * 0.37, y), vec2(180.0, 31.3)),
                f % 12.0,
                Color32::from_rgb(240, 244, 250),
                Stroke::new(1.0 + (f % 4.0) * 0.5, Color32::from_rgb(30, 60, 120)),
                kind,
            );
            painter.text(
                pos2(20.0, y + 4.6),
                egui::Align2::LEFT_TOP,
                format!("Step {i} compare plans\nand read reviews"),
                FontId::proportional(11.0 + f % 5.0),
                Color32::from_rgb(20, 30, 60),
            );
            painter.circle(
                pos2(260.0 + f * 3.1, y + 9.0),
                2.0 + f % 9.0,
                Color32::from_rgba_unmultiplied(40, 160, 90, 200),
                Stroke::new(1.0, Color32::DARK_GREEN),
            );
            painter.rect_filled(
                Rect::from_min_size(pos2(330.0 + f * 0.5, y), vec2(0.8, 40.0)),
                0.0,
                Color32::GRAY,
            );
        }
        for i in 0..40 {
            let f = i as f32;
            let stroke = Stroke::new(0.5 + f % 4.0, Color32::from_rgb(90, 40, 160));
            let (x, y) = (420.0 + f * 15.3, 10.0 + f * 29.1);
            painter.line_segment([pos2(x, y), pos2(x + 0.4 * f, y + 90.0)], stroke);
            painter.line_segment([pos2(x, y + 3.3), pos2(x + 12.0, y + 3.3)], stroke);
            painter.line_segment([pos2(x, y), pos2(x + 60.0, y + 37.0 - f)], stroke);
        }
        painter.extend(Shape::dashed_line(
            &[pos2(1050.5, 0.0), pos2(1050.5, 1200.0)],
            Stroke::new(1.0, Color32::DARK_GRAY),
            8.0,
            5.0,
        ));
        let zigzag = (0..80)
            .map(|i| {
                pos2(
                    400.0 + i as f32 * 8.0,
                    if i % 2 == 0 { 20.0 } else { 1180.0 },
                )
            })
            .collect();
        painter.add(Shape::line(
            zigzag,
            Stroke::new(2.5, Color32::from_rgb(200, 60, 40)),
        ));
        for i in 0..120 {
            let f = i as f32;
            let kind = [StrokeKind::Inside, StrokeKind::Middle, StrokeKind::Outside][i % 3];
            painter.rect(
                Rect::from_min_size(
                    pos2(700.0 + (i % 4) as f32 * 70.3, 30.0 + f * 9.37),
                    vec2(60.0 + (i % 2) as f32 * 0.4, 16.0),
                ),
                8.0,
                Color32::from_rgba_unmultiplied(250, 250, 240, 230),
                Stroke::new(1.0 + (i % 2) as f32, Color32::from_rgb(60, 60, 60)),
                kind,
            );
            // Dots of a curve: a few colours, at a few offsets within their pixels.
            painter.circle(
                pos2(980.0 + (i % 10) as f32 * 10.75, 15.0 + f * 9.9),
                6.0,
                [Color32::RED, Color32::GOLD, Color32::DARK_GREEN][i % 3],
                Stroke::new(1.5, Color32::WHITE),
            );
        }
    }

    /// Tessellating band by band and copying glyphs from the font atlas draws exactly what
    /// tessellating every shape at once and drawing every triangle (as egui does for a
    /// window) draws, at three scales, on white and transparent.
    #[test]
    fn tessellating_per_band_draws_what_tessellating_at_once_draws() {
        for ppp in [1.0_f32, 1.5, 2.0] {
            for background in [Color32::WHITE, Color32::TRANSPARENT] {
                // 1100 px or more wide: at most 476 rows per band, so three bands or more.
                let options = opts(1100.0, 1200.0, ppp, background);
                let ctx = egui::Context::default();
                let per_band =
                    render_to_image_with(&ctx, &options, &mut busy_scene, Mode::PerBand).unwrap();
                let ctx = egui::Context::default();
                let at_once =
                    render_to_image_with(&ctx, &options, &mut busy_scene, Mode::AtOnce).unwrap();
                assert!(
                    per_band.as_raw() == at_once.as_raw(),
                    "pixels differ at scale {ppp} on {background:?}"
                );
            }
        }
    }

    /// Stamping recurring rectangles and circles from sprites draws what drawing their
    /// triangles draws, to within 3 levels a channel (edge pixels are rounded twice, and
    /// a circle's centre is taken to the nearest 1/256 pixel), and the sprites are used:
    /// fewer sprites than shapes.
    #[test]
    fn stamped_shapes_match_drawn_ones() {
        for ppp in [1.0_f32, 1.5, 2.0] {
            for background in [Color32::WHITE, Color32::TRANSPARENT] {
                let options = opts(1100.0, 1200.0, ppp, background);
                let (width, height) = image_size(&options).unwrap();
                let ctx = egui::Context::default();
                let mut sprites = 0;
                let stamped = render_with(
                    &ctx,
                    &options,
                    (width, height),
                    Mode::Sprites,
                    &mut busy_scene,
                    |scene| {
                        let pixels = rasterize(scene, width, height, background.to_array());
                        sprites = scene.sprites.as_ref().unwrap().len();
                        pixels
                    },
                );
                let ctx = egui::Context::default();
                let drawn =
                    render_to_image_with(&ctx, &options, &mut busy_scene, Mode::AtOnce).unwrap();
                // 60 cards and 60 circles, nearly all different, 120 chips of a few kinds
                // at many sub-pixel offsets, and 120 dots: the chips and dots share
                // their sprites.
                assert!(
                    (40..=200).contains(&sprites),
                    "{sprites} sprites at scale {ppp}"
                );
                // Compared premultiplied: on a transparent background, un-premultiplying
                // magnifies a level of a faint edge pixel (alpha 20: 13 levels).
                let premultiplied = |px: &[u8]| -> [u16; 4] {
                    let a = u16::from(px[3]);
                    [0, 1, 2, 3].map(|i| {
                        if i == 3 {
                            a
                        } else {
                            u16::from(px[i]) * a / 255
                        }
                    })
                };
                let worst = stamped
                    .iter()
                    .zip(drawn.as_raw().chunks_exact(4))
                    .flat_map(|(a, b)| {
                        let (a, b) = (premultiplied(a), premultiplied(b));
                        (0..4).map(move |i| a[i].abs_diff(b[i]))
                    })
                    .max()
                    .unwrap();
                assert!(
                    worst <= 3,
                    "a channel differs by {worst} at scale {ppp} on {background:?}"
                );
            }
        }
    }

    #[test]
    fn red_rect_on_white() {
        for scale in [1.0_f32, 2.0] {
            let ctx = egui::Context::default();
            let img = render_to_image(&ctx, &opts(100.0, 80.0, scale, Color32::WHITE), |ui| {
                ui.painter().rect_filled(
                    Rect::from_min_max(pos2(20.0, 20.0), pos2(60.0, 50.0)),
                    0.0,
                    Color32::RED,
                );
            })
            .unwrap();
            let s = scale as u32;
            assert_eq!(img.dimensions(), (100 * s, 80 * s));
            assert_eq!(px(&img, 40 * s, 35 * s), [255, 0, 0, 255]);
            // Pixel-aligned edges are crisp: first/last inside pixels are pure red...
            assert_eq!(px(&img, 20 * s, 20 * s), [255, 0, 0, 255]);
            assert_eq!(px(&img, 60 * s - 1, 50 * s - 1), [255, 0, 0, 255]);
            // ...and the neighbours outside are pure white.
            assert_eq!(px(&img, 20 * s - 1, 35 * s), [255; 4]);
            assert_eq!(px(&img, 60 * s, 35 * s), [255; 4]);
            assert_eq!(px(&img, 40 * s, 50 * s), [255; 4]);
            assert_eq!(px(&img, 5, 5), [255; 4]);
            assert_eq!(px(&img, 99 * s, 79 * s), [255; 4]);
        }
    }

    #[test]
    fn transparent_background() {
        let ctx = egui::Context::default();
        let img = render_to_image(&ctx, &opts(64.0, 32.0, 1.5, Color32::TRANSPARENT), |ui| {
            ui.painter()
                .circle_filled(pos2(32.0, 16.0), 10.0, Color32::GREEN);
        })
        .unwrap();
        let (w, h) = img.dimensions();
        for (x, y) in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)] {
            assert_eq!(px(&img, x, y)[3], 0);
        }
        assert_eq!(px(&img, 48, 24), [0, 255, 0, 255]);
    }

    #[test]
    fn text_is_drawn() {
        let ctx = egui::Context::default();
        let img = render_to_image(&ctx, &opts(200.0, 60.0, 1.0, Color32::WHITE), |ui| {
            ui.painter().text(
                pos2(10.0, 10.0),
                egui::Align2::LEFT_TOP,
                "Hello Waymark",
                FontId::proportional(24.0),
                Color32::BLACK,
            );
        })
        .unwrap();
        let dark = img.pixels().filter(|p| p.0[0] < 80).count();
        assert!(dark > 100, "only {dark} dark pixels");
        // Nothing outside the text area.
        assert!((0..200).all(|x| px(&img, x, 55) == [255; 4]));
    }

    #[test]
    fn context_can_be_reused() {
        let ctx = egui::Context::default();
        for _ in 0..2 {
            let img = render_to_image(&ctx, &opts(120.0, 40.0, 1.0, Color32::WHITE), |ui| {
                ui.painter().text(
                    pos2(5.0, 5.0),
                    egui::Align2::LEFT_TOP,
                    "Again",
                    FontId::proportional(20.0),
                    Color32::BLACK,
                );
            })
            .unwrap();
            assert!(img.pixels().filter(|p| p.0[0] < 80).count() > 50);
        }
    }

    #[test]
    fn semi_transparent_blend() {
        let ctx = egui::Context::default();
        let fill = Color32::from_rgba_unmultiplied(200, 40, 0, 128);
        let bg = Color32::from_rgb(20, 100, 250);
        let img = render_to_image(&ctx, &opts(50.0, 50.0, 1.0, bg), |ui| {
            ui.painter().rect_filled(
                Rect::from_min_max(pos2(10.0, 10.0), pos2(40.0, 40.0)),
                0.0,
                fill,
            );
        })
        .unwrap();
        let s = fill.to_array().map(f32::from);
        let d = bg.to_array().map(f32::from);
        let got = px(&img, 25, 25);
        for i in 0..4 {
            let expected = s[i] + d[i] * (255.0 - s[3]) / 255.0;
            assert!(
                (f32::from(got[i]) - expected).abs() <= 2.0,
                "channel {i}: got {got:?}, expected {expected}"
            );
        }
    }

    #[test]
    fn too_large_and_invalid() {
        let ctx = egui::Context::default();
        let err = render_to_image(&ctx, &opts(20000.0, 10.0, 1.0, Color32::WHITE), |_| {});
        assert!(matches!(
            err,
            Err(RasterError::TooLarge { width: 20000, .. })
        ));
        let err = render_to_image(&ctx, &opts(10000.0, 10.0, 2.0, Color32::WHITE), |_| {});
        assert!(matches!(err, Err(RasterError::TooLarge { .. })));
        let err = render_to_image(&ctx, &opts(0.2, 10.0, 1.0, Color32::WHITE), |_| {});
        assert!(matches!(err, Err(RasterError::ZeroSize { .. })));
        let err = render_to_image(&ctx, &opts(10.0, 10.0, f32::NAN, Color32::WHITE), |_| {});
        assert!(matches!(err, Err(RasterError::InvalidScale(_))));
        assert!(render_to_image(&ctx, &opts(16384.0, 1.0, 1.0, Color32::WHITE), |_| {}).is_ok());
    }

    #[test]
    fn no_double_blended_seams() {
        let ctx = egui::Context::default();
        let half = Color32::from_black_alpha(128);
        let img = render_to_image(&ctx, &opts(100.0, 60.0, 1.0, Color32::WHITE), |ui| {
            let painter = ui.painter();
            // Two adjacent rects; each inner quad's diagonal passes exactly
            // through pixel centres.
            painter.rect_filled(
                Rect::from_min_max(pos2(10.0, 10.0), pos2(50.0, 50.0)),
                0.0,
                half,
            );
            painter.rect_filled(
                Rect::from_min_max(pos2(50.0, 10.0), pos2(90.0, 50.0)),
                0.0,
                half,
            );
        })
        .unwrap();
        let inside = px(&img, 30, 20);
        assert!(inside[0] > 120 && inside[0] < 135, "{inside:?}");
        for y in 10..50 {
            for x in 10..90 {
                assert_eq!(px(&img, x, y), inside, "at {x},{y}");
            }
        }
    }

    #[test]
    fn raw_mesh_fill_rule() {
        // Unfeathered triangles sharing edges through pixel centres: every pixel
        // is covered exactly once.
        let ctx = egui::Context::default();
        let color = Color32::from_black_alpha(100);
        let img = render_to_image(&ctx, &opts(40.0, 40.0, 1.0, Color32::WHITE), |ui| {
            let mut mesh = egui::Mesh::default();
            let pts = [
                pos2(0.5, 0.5),
                pos2(20.5, 0.5),
                pos2(40.0, 40.0),
                pos2(0.5, 39.5),
                pos2(20.5, 20.5),
            ];
            for p in pts {
                mesh.colored_vertex(p, color);
            }
            // A fan around point 4, covering the quad-ish polygon 0-1-2-3.
            mesh.add_triangle(4, 0, 1);
            mesh.add_triangle(4, 2, 1);
            mesh.add_triangle(4, 2, 3);
            mesh.add_triangle(4, 0, 3);
            ui.painter().add(Shape::mesh(mesh));
        })
        .unwrap();
        let once = px(&img, 10, 10);
        for (x, y) in [
            (20, 20),
            (10, 10),
            (20, 5),
            (5, 20),
            (0, 0),
            (0, 20),
            (30, 30),
        ] {
            assert_eq!(px(&img, x, y), once, "at {x},{y}");
        }
    }

    #[test]
    fn user_texture() {
        let ctx = egui::Context::default();
        let image = ColorImage::new([2, 1], vec![Color32::RED, Color32::BLUE]);
        let texture = ctx.load_texture("test", image, TextureOptions::NEAREST);
        // The second render must still find the texture uploaded during the first.
        for _ in 0..2 {
            let img = render_to_image(&ctx, &opts(40.0, 20.0, 1.0, Color32::WHITE), |ui| {
                ui.painter().image(
                    texture.id(),
                    Rect::from_min_size(Pos2::ZERO, vec2(40.0, 20.0)),
                    Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                    Color32::from_white_alpha(255),
                );
            })
            .unwrap();
            assert_eq!(px(&img, 5, 10), [255, 0, 0, 255]);
            assert_eq!(px(&img, 35, 10), [0, 0, 255, 255]);
        }
        // Linear filtering blends between texel centres (gamma space).
        let image = ColorImage::new([2, 1], vec![Color32::BLACK, Color32::WHITE]);
        let texture = ctx.load_texture("ramp", image, TextureOptions::LINEAR);
        let img = render_to_image(&ctx, &opts(40.0, 10.0, 1.0, Color32::WHITE), |ui| {
            ui.painter().image(
                texture.id(),
                Rect::from_min_size(Pos2::ZERO, vec2(40.0, 10.0)),
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        })
        .unwrap();
        let mid = px(&img, 20, 5)[0];
        assert!((120..=135).contains(&mid), "{mid}");
        assert_eq!(px(&img, 0, 5), [0, 0, 0, 255]);
    }

    #[test]
    fn many_bands() {
        // 2000 px wide: several bands, rendered by several threads.
        let ctx = egui::Context::default();
        let img = render_to_image(&ctx, &opts(2000.0, 1000.0, 1.0, Color32::WHITE), |ui| {
            ui.painter().rect_filled(
                Rect::from_min_max(pos2(100.0, 100.0), pos2(1900.0, 900.0)),
                0.0,
                Color32::RED,
            );
        })
        .unwrap();
        for y in 0..1000 {
            for x in (0..2000).step_by(7) {
                let inside = (100..1900).contains(&x) && (100..900).contains(&y);
                let expected = if inside { [255, 0, 0, 255] } else { [255; 4] };
                assert_eq!(px(&img, x, y), expected, "at {x},{y}");
            }
        }
    }

    #[test]
    fn far_away_vertices() {
        // Vertices millions of pixels away use the f64 edge path. The edge is
        // the line y = x + 0.25, so pixel (x, y) is covered iff y <= x.
        let ctx = egui::Context::default();
        let img = render_to_image(&ctx, &opts(40.0, 40.0, 1.0, Color32::WHITE), |ui| {
            let mut mesh = egui::Mesh::default();
            mesh.colored_vertex(pos2(-5.0e6, -5.0e6 + 0.25), Color32::BLUE);
            mesh.colored_vertex(pos2(40.0, 40.25), Color32::BLUE);
            mesh.colored_vertex(pos2(40.0, -5.0e6), Color32::BLUE);
            mesh.add_triangle(0, 1, 2);
            ui.painter().add(Shape::mesh(mesh));
        })
        .unwrap();
        for y in 0..40 {
            for x in 0..40 {
                let expected = if y <= x { [0, 0, 255, 255] } else { [255; 4] };
                assert_eq!(px(&img, x, y), expected, "at {x},{y}");
            }
        }
    }

    /// A mixed scene (shapes, translucency, text) written through the PNG export reads
    /// back as the same picture at the requested size.
    #[test]
    fn a_demo_scene_round_trips_through_a_png_file() {
        let ctx = egui::Context::default();
        let img = render_to_image(
            &ctx,
            &opts(400.0, 240.0, 2.0, Color32::from_gray(245)),
            |ui| {
                let painter = ui.painter();
                painter.rect(
                    Rect::from_min_size(pos2(20.0, 20.0), vec2(160.0, 90.0)),
                    12.0,
                    Color32::from_rgb(60, 120, 220),
                    Stroke::new(2.0, Color32::BLACK),
                    StrokeKind::Inside,
                );
                painter.circle(
                    pos2(280.0, 70.0),
                    50.0,
                    Color32::from_rgba_unmultiplied(220, 40, 40, 160),
                    Stroke::new(3.0, Color32::DARK_GREEN),
                );
                painter.line_segment(
                    [pos2(20.0, 200.0), pos2(380.0, 130.0)],
                    Stroke::new(4.0, Color32::from_rgb(240, 160, 0)),
                );
                painter.text(
                    pos2(20.0, 130.0),
                    egui::Align2::LEFT_TOP,
                    "Waymark CPU export — crisp text? 123",
                    FontId::proportional(16.0),
                    Color32::BLACK,
                );
                painter.text(
                    pos2(200.0, 225.0),
                    egui::Align2::CENTER_BOTTOM,
                    "small 10pt label",
                    FontId::monospace(10.0),
                    Color32::DARK_BLUE,
                );
                painter.rect_filled(
                    Rect::from_min_size(pos2(300.0, 150.0), Vec2::splat(60.0)),
                    0.0,
                    Color32::from_black_alpha(100),
                );
            },
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.png");
        crate::export::write_png(&img, &path).unwrap();
        let decoded = image::open(&path).unwrap();
        assert_eq!(decoded.color(), image::ColorType::Rgba8);
        let decoded = decoded.to_rgba8();
        // 400 x 240 points at 2 pixels per point.
        assert_eq!(decoded.dimensions(), (800, 480));
        assert!(
            decoded == img,
            "the PNG file differs from the rendered image"
        );
        // The blue card is where it was drawn, in its colour.
        assert_eq!(px(&decoded, 200, 100), [60, 120, 220, 255]);
    }
}
