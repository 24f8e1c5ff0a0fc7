//! SVG 1.1 export: each [`Scene`] item becomes a `<path>`, a `<text>` (real, selectable
//! text, each character at egui's position) or an `<image>`. The fonts egui used are
//! embedded as `@font-face` rules with subset fonts (only the glyphs used, with a
//! character map so browsers can use them), so the file renders the same on a machine
//! without them.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use base64::Engine as _;
use egui::{Color32, Rect};

use super::vector::{FontBlob, Item, Paint, PathEl, Scene, rounded_path};

/// Why writing an SVG failed.
#[derive(Debug, thiserror::Error)]
pub enum SvgError {
    /// A font could not be subset for embedding.
    #[error("{}", crate::t!("err-svg-font", font = .0.clone()))]
    Font(String),
    /// The avatar could not be encoded.
    #[error("{0}")]
    Image(#[from] image::ImageError),
}

/// The SVG document of `scene`.
pub fn write_svg(scene: &Scene) -> Result<String, SvgError> {
    let mut w = Writer::default();
    let (width, height) = (num(scene.size.x), num(scene.size.y));
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         version=\"1.1\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    // Fonts: the characters each uses, then one subset font per face.
    let mut used: Vec<BTreeMap<char, u16>> = vec![BTreeMap::new(); scene.fonts.len()];
    for item in &scene.items {
        if let Item::Text {
            font, text, glyphs, ..
        } = item
            && let Some(map) = used.get_mut(*font)
        {
            for g in glyphs {
                if let Some(c) = text.get(g.text.clone()).and_then(|s| s.chars().next()) {
                    map.insert(c, g.id);
                }
            }
        }
    }
    let mut families: Vec<String> = Vec::new();
    let mut typographic: Vec<Option<String>> = Vec::new();
    let mut style = String::new();
    for (font, chars) in scene.fonts.iter().zip(&used) {
        let mut family = font.family.replace(['"', '\'', '\\', '<', '>', '&'], "");
        if families.contains(&family) {
            family = format!("{family} {}", families.len() + 1);
        }
        families.push(family.clone());
        typographic.push(
            font.typographic
                .as_ref()
                .map(|t| t.replace(['"', '\'', '\\', '<', '>', '&'], ""))
                .filter(|t| *t != family),
        );
        if chars.is_empty() {
            continue;
        }
        let (bytes, otf) = subset_with_cmap(&font.data, font.index, chars)
            .ok_or_else(|| SvgError::Font(font.name.clone()))?;
        let (mime, format) = if otf {
            ("font/otf", "opentype")
        } else {
            ("font/ttf", "truetype")
        };
        let _ = writeln!(
            style,
            "@font-face {{ font-family: \"{family}\"; src: url(\"data:{mime};base64,{}\") format(\"{format}\"); }}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        );
    }
    let mut body = String::with_capacity(64 * 1024);
    for item in &scene.items {
        w.item(&mut body, item, &families, &typographic)?;
    }
    out.push_str("<defs>\n");
    if !style.is_empty() {
        let _ = writeln!(
            out,
            "<style type=\"text/css\"><![CDATA[\n{style}]]></style>"
        );
    }
    out.push_str(&w.defs);
    out.push_str("</defs>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    Ok(out)
}

#[derive(Default)]
struct Writer {
    defs: String,
    clips: HashMap<[u32; 4], usize>,
    next_id: usize,
}

impl Writer {
    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    /// ` clip-path="url(#cN)"` for a clip rectangle (each defined once).
    fn clip_attr(&mut self, clip: Option<Rect>) -> String {
        let Some(r) = clip else {
            return String::new();
        };
        let key = [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
        let id = if let Some(id) = self.clips.get(&key) {
            *id
        } else {
            let id = self.id();
            let _ = writeln!(
                self.defs,
                "<clipPath id=\"c{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
                num(r.left()),
                num(r.top()),
                num(r.width()),
                num(r.height())
            );
            self.clips.insert(key, id);
            id
        };
        format!(" clip-path=\"url(#c{id})\"")
    }

    /// `fill="..."`-style attributes of a paint for `what` ("fill" or "stroke").
    fn paint_attr(&mut self, what: &str, paint: &Paint) -> String {
        match paint {
            Paint::Solid(c) => color_attr(what, *c),
            Paint::Vertical { y0, y1, stops } => {
                let id = self.id();
                let _ = write!(
                    self.defs,
                    "<linearGradient id=\"g{id}\" gradientUnits=\"userSpaceOnUse\" x1=\"0\" y1=\"{}\" x2=\"0\" y2=\"{}\">",
                    num(*y0),
                    num(*y1)
                );
                for (t, c) in stops {
                    let [r, g, b, a] = c.to_srgba_unmultiplied();
                    let _ = write!(
                        self.defs,
                        "<stop offset=\"{}\" stop-color=\"#{r:02x}{g:02x}{b:02x}\"{}/>",
                        num(*t),
                        if a == 255 {
                            String::new()
                        } else {
                            format!(" stop-opacity=\"{}\"", num(f32::from(a) / 255.0))
                        }
                    );
                }
                self.defs.push_str("</linearGradient>\n");
                format!(" {what}=\"url(#g{id})\"")
            }
        }
    }

    fn item(
        &mut self,
        out: &mut String,
        item: &Item,
        families: &[String],
        typographic: &[Option<String>],
    ) -> Result<(), SvgError> {
        match item {
            Item::Path {
                path,
                fill,
                stroke,
                clip,
            } => {
                let clip = self.clip_attr(*clip);
                let fill = fill.as_ref().map_or_else(
                    || " fill=\"none\"".to_owned(),
                    |f| self.paint_attr("fill", f),
                );
                let stroke = stroke.as_ref().map_or_else(String::new, |s| {
                    format!(
                        "{} stroke-width=\"{}\"",
                        self.paint_attr("stroke", &s.paint),
                        num(s.width)
                    )
                });
                let _ = writeln!(out, "<path d=\"{}\"{fill}{stroke}{clip}/>", path_data(path));
            }
            Item::Text {
                font,
                size,
                color,
                text,
                glyphs,
                clip,
            } => {
                let Some(first) = glyphs.first() else {
                    return Ok(());
                };
                let clip = self.clip_attr(*clip);
                // The embedded face's own name, then its typographic family (which
                // some renderers match on), then a generic family.
                let mut family = families
                    .get(*font)
                    .map_or_else(String::new, |f| format!("'{f}', "));
                if let Some(Some(t)) = typographic.get(*font) {
                    let _ = write!(family, "'{t}', ");
                }
                let mut xs = String::new();
                let mut content = String::new();
                for g in glyphs {
                    let Some(s) = text.get(g.text.clone()) else {
                        continue;
                    };
                    for c in s.chars() {
                        if !xs.is_empty() {
                            xs.push(' ');
                        }
                        xs.push_str(&num(g.pos.x));
                        escape_into(&mut content, c);
                    }
                }
                let _ = writeln!(
                    out,
                    "<text xml:space=\"preserve\" x=\"{xs}\" y=\"{}\" font-family=\"{family}sans-serif\" font-size=\"{}\"{}{clip}>{content}</text>",
                    num(first.pos.y),
                    num(*size),
                    color_attr("fill", *color)
                );
            }
            Item::Image {
                rect,
                radius,
                image,
            } => {
                let id = self.id();
                let _ = writeln!(
                    self.defs,
                    "<clipPath id=\"c{id}\"><path d=\"{}\"/></clipPath>",
                    path_data(&rounded_path(*rect, *radius))
                );
                let png = super::raster::encode_png(image).map_err(|e| match e {
                    super::RasterError::Png(e) => SvgError::Image(e),
                    other => SvgError::Font(other.to_string()),
                })?;
                let _ = writeln!(
                    out,
                    "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" clip-path=\"url(#c{id})\" xlink:href=\"data:image/png;base64,{}\"/>",
                    num(rect.left()),
                    num(rect.top()),
                    num(rect.width()),
                    num(rect.height()),
                    base64::engine::general_purpose::STANDARD.encode(png)
                );
            }
        }
        Ok(())
    }
}

fn color_attr(what: &str, c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    if a == 255 {
        format!(" {what}=\"#{r:02x}{g:02x}{b:02x}\"")
    } else {
        format!(
            " {what}=\"#{r:02x}{g:02x}{b:02x}\" {what}-opacity=\"{}\"",
            num(f32::from(a) / 255.0)
        )
    }
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '"' => out.push_str("&quot;"),
        // Not allowed in XML 1.0.
        c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
        c => out.push(c),
    }
}

/// A number with at most three decimals and no trailing zeros.
fn num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

fn path_data(path: &[PathEl]) -> String {
    let mut d = String::new();
    for el in path {
        match *el {
            PathEl::Move(p) => {
                let _ = write!(d, "M{} {}", num(p.x), num(p.y));
            }
            PathEl::Line(p) => {
                let _ = write!(d, "L{} {}", num(p.x), num(p.y));
            }
            PathEl::Cubic(a, b, p) => {
                let _ = write!(
                    d,
                    "C{} {} {} {} {} {}",
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y),
                    num(p.x),
                    num(p.y)
                );
            }
            PathEl::Quad(a, p) => {
                let _ = write!(d, "Q{} {} {} {}", num(a.x), num(a.y), num(p.x), num(p.y));
            }
            PathEl::Close => d.push('Z'),
        }
    }
    d
}

/// A subset of the font (face `index` of `data`) with only the glyphs of `chars`, and
/// a character map for them (the subsetter, made for PDF, leaves that out). Returns the
/// font and whether it has CFF outlines.
pub fn subset_with_cmap(
    data: &FontBlob,
    index: u32,
    chars: &BTreeMap<char, u16>,
) -> Option<(Vec<u8>, bool)> {
    let bytes: &[u8] = (**data).as_ref();
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut map: BTreeMap<u32, u16> = BTreeMap::new();
    for (c, gid) in chars {
        map.insert(u32::from(*c), remapper.remap(*gid));
    }
    let subset = subsetter::subset(bytes, index, &remapper).ok()?;
    let original = skrifa::FontRef::from_index(bytes, index).ok()?;
    let os2 = original
        .table_data(skrifa::Tag::new(b"OS/2"))
        .map(|d| d.as_bytes().to_vec());
    let mut tables = read_tables(&subset)?;
    tables.insert(*b"cmap", cmap_table(&map));
    if let Some(os2) = os2 {
        tables.entry(*b"OS/2").or_insert(os2);
    }
    let otf = tables.contains_key(b"CFF ");
    Some((write_sfnt(&tables, otf), otf))
}

/// The tables of a (non-collection) OpenType font, by tag.
fn read_tables(font: &[u8]) -> Option<BTreeMap<[u8; 4], Vec<u8>>> {
    let u16_at = |o: usize| font.get(o..o + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        font.get(o..o + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let count = usize::from(u16_at(4)?);
    let mut tables = BTreeMap::new();
    for i in 0..count {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let offset = u32_at(rec + 8)? as usize;
        let length = u32_at(rec + 12)? as usize;
        tables.insert(tag, font.get(offset..offset + length)?.to_vec());
    }
    Some(tables)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// An OpenType font file of `tables` (sorted by tag, as the format asks).
fn write_sfnt(tables: &BTreeMap<[u8; 4], Vec<u8>>, cff: bool) -> Vec<u8> {
    let count = tables.len() as u16;
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = (1u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(if cff { b"OTTO" } else { &[0, 1, 0, 0] });
    for v in [count, search_range, selector, count * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    let mut body = Vec::new();
    for (tag, data) in tables {
        let mut data = data.clone();
        if tag == b"head" && data.len() >= 12 {
            data[8..12].fill(0);
            head_at = Some(offset + 8);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(&data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let padded = data.len().div_ceil(4) * 4;
        body.extend_from_slice(&data);
        body.resize(body.len() + padded - data.len(), 0);
        offset += padded;
    }
    out.extend_from_slice(&body);
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// A `cmap` table with a format 4 subtable (Basic Multilingual Plane) and a format 12
/// one (all of Unicode) for `map` (code point to glyph id).
fn cmap_table(map: &BTreeMap<u32, u16>) -> Vec<u8> {
    // Format 4: one segment per character (the subsets are small), then the final one.
    let bmp: Vec<(u16, u16)> = map
        .iter()
        .filter_map(|(c, g)| {
            u16::try_from(*c)
                .ok()
                .filter(|c| *c != 0xFFFF)
                .map(|c| (c, *g))
        })
        .collect();
    let seg_count = bmp.len() + 1;
    let mut f4 = Vec::new();
    let push = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_be_bytes());
    let selector = 15 - (seg_count as u16).leading_zeros() as u16;
    let search_range = 2 * (1u16 << selector);
    push(&mut f4, 4);
    push(&mut f4, (16 + 8 * seg_count) as u16);
    push(&mut f4, 0);
    push(&mut f4, (seg_count * 2) as u16);
    push(&mut f4, search_range);
    push(&mut f4, selector);
    push(&mut f4, (seg_count * 2) as u16 - search_range);
    for (c, _) in &bmp {
        push(&mut f4, *c);
    }
    push(&mut f4, 0xFFFF);
    push(&mut f4, 0);
    for (c, _) in &bmp {
        push(&mut f4, *c);
    }
    push(&mut f4, 0xFFFF);
    for (c, g) in &bmp {
        push(&mut f4, g.wrapping_sub(*c));
    }
    push(&mut f4, 1);
    for _ in 0..seg_count {
        push(&mut f4, 0);
    }
    // Format 12: one group per character.
    let mut f12 = Vec::new();
    push(&mut f12, 12);
    push(&mut f12, 0);
    f12.extend_from_slice(&((16 + 12 * map.len()) as u32).to_be_bytes());
    f12.extend_from_slice(&0u32.to_be_bytes());
    f12.extend_from_slice(&(map.len() as u32).to_be_bytes());
    for (c, g) in map {
        f12.extend_from_slice(&c.to_be_bytes());
        f12.extend_from_slice(&c.to_be_bytes());
        f12.extend_from_slice(&u32::from(*g).to_be_bytes());
    }
    // Header: (3,1) format 4, (3,10) format 12.
    let mut cmap = Vec::new();
    push(&mut cmap, 0);
    push(&mut cmap, 2);
    let f4_at = 4 + 8 * 2;
    let f12_at = f4_at + f4.len();
    for (platform, encoding, at) in [(3u16, 1u16, f4_at), (3, 10, f12_at)] {
        push(&mut cmap, platform);
        push(&mut cmap, encoding);
        cmap.extend_from_slice(&(at as u32).to_be_bytes());
    }
    cmap.extend_from_slice(&f4);
    cmap.extend_from_slice(&f12);
    cmap
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::MetadataProvider as _;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.25), "1.25");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn a_subset_font_maps_its_characters() {
        let defs = egui::FontDefinitions::default();
        let data: FontBlob = defs.font_data["Ubuntu-Light"].font.clone();
        let font = skrifa::FontRef::new((*data).as_ref()).expect("font");
        let mut chars = BTreeMap::new();
        for c in ['W', 'a', 'y', ' '] {
            let gid = font.charmap().map(c).expect("glyph").to_u32() as u16;
            chars.insert(c, gid);
        }
        let (bytes, _otf) = subset_with_cmap(&data, 0, &chars).expect("subset");
        assert!(bytes.len() < 20_000, "{} bytes", bytes.len());
        let sub = skrifa::FontRef::new(&bytes).expect("the subset parses");
        for c in ['W', 'a', 'y', ' '] {
            assert!(sub.charmap().map(c).is_some(), "{c:?} is mapped");
        }
        assert!(sub.charmap().map('Z').is_none());
    }
}
