//! A PNG written band by band, each band compressed by the thread that drew it.
//!
//! A PNG's pixels are one zlib stream. Deflating it on one thread took about as long as
//! drawing the image on the others, and the drawing threads waited for it. Instead each
//! band's rows are filtered and deflated by the thread that drew the band, as a piece of
//! raw deflate ending on a byte boundary (a sync flush, as `pigz` does). The pieces
//! written one after another are one valid deflate stream; the zlib stream's Adler-32
//! checksum is combined from the pieces' own. The writing thread only writes the pieces
//! in order, with the chunk framing and CRCs.
//!
//! Each band's first row is filtered with `Sub` (the band before's last row is another
//! thread's), the others with `Up`, as before. The pixels are the same; the file is about
//! as large (each piece starts without the previous one's dictionary).

use std::io::Write;

use zlib_rs::{DeflateFlush, Status};

/// zlib's level 2: fast, and maps compress to a fraction of the raw size.
const LEVEL: i32 = 2;

/// PNG row filter types.
const FILTER_SUB: u8 = 1;
const FILTER_UP: u8 = 2;

/// One band's rows, filtered and deflated.
pub(super) struct Piece {
    bytes: Vec<u8>,
    /// Adler-32 of the filtered rows, and how many bytes they are.
    adler: u32,
    len: u64,
}

/// What a thread keeps to compress the bands it draws.
pub(super) struct BandEncoder {
    deflate: zlib_rs::Deflate,
    row: Vec<u8>,
    scratch: Vec<u8>,
}

impl BandEncoder {
    pub(super) fn new() -> Self {
        Self {
            // Raw deflate (no zlib header) with a 32 KiB window, as the header says.
            deflate: zlib_rs::Deflate::new(LEVEL, false, 15),
            row: Vec::new(),
            scratch: vec![0; 64 << 10],
        }
    }

    /// Filters and deflates `pixels` (straight RGBA rows of `width` pixels), ending the
    /// deflate stream if `last`, else on a byte boundary.
    pub(super) fn encode(
        &mut self,
        pixels: &[[u8; 4]],
        width: usize,
        last: bool,
    ) -> std::io::Result<Piece> {
        self.deflate.reset();
        let row_bytes = width * 4;
        let mut piece = Piece {
            bytes: Vec::with_capacity(64 << 10),
            adler: 1,
            len: 0,
        };
        let mut previous: Option<&[u8]> = None;
        for raw in pixels.as_flattened().chunks_exact(row_bytes.max(1)) {
            self.row.clear();
            if let Some(above) = previous {
                self.row.push(FILTER_UP);
                self.row
                    .extend(raw.iter().zip(above).map(|(x, b)| x.wrapping_sub(*b)));
            } else {
                self.row.push(FILTER_SUB);
                self.row.extend_from_slice(&raw[..4.min(raw.len())]);
                self.row
                    .extend(raw[4..].iter().zip(raw).map(|(x, a)| x.wrapping_sub(*a)));
            }
            previous = Some(raw);
            piece.adler = zlib_rs::adler32::adler32(piece.adler, &self.row);
            piece.len += self.row.len() as u64;
            let buffers = (self.scratch.as_mut_slice(), &mut piece.bytes);
            deflate_into(&mut self.deflate, &self.row, DeflateFlush::NoFlush, buffers)?;
        }
        // End the piece on a byte boundary, or the stream if it is the last.
        let flush = if last {
            DeflateFlush::Finish
        } else {
            DeflateFlush::SyncFlush
        };
        let buffers = (self.scratch.as_mut_slice(), &mut piece.bytes);
        deflate_into(&mut self.deflate, &[], flush, buffers)?;
        Ok(piece)
    }
}

/// Feeds all of `input` to `deflate` with `flush`, appending its output to `out` by way
/// of `scratch`.
fn deflate_into(
    deflate: &mut zlib_rs::Deflate,
    mut input: &[u8],
    flush: DeflateFlush,
    (scratch, out): (&mut [u8], &mut Vec<u8>),
) -> std::io::Result<()> {
    loop {
        let (in_before, out_before) = (deflate.total_in(), deflate.total_out());
        let status = deflate
            .compress(input, scratch, flush)
            .map_err(|e| std::io::Error::other(format!("deflate: {}", e.as_str())))?;
        let wrote = (deflate.total_out() - out_before) as usize;
        out.extend_from_slice(&scratch[..wrote]);
        input = &input[(deflate.total_in() - in_before) as usize..];
        let done = match flush {
            DeflateFlush::Finish => status == Status::StreamEnd,
            // All input taken, and room left over: the flush is complete.
            _ => input.is_empty() && wrote < scratch.len(),
        };
        if done {
            return Ok(());
        }
    }
}

/// Writes the PNG: signature and header now, then the pieces in order (see [`Self::piece`]).
pub(super) struct PngWriter<W: Write> {
    out: W,
    adler: u32,
    first: bool,
}

impl<W: Write> PngWriter<W> {
    pub(super) fn new(mut out: W, width: u32, height: u32) -> std::io::Result<Self> {
        out.write_all(b"\x89PNG\r\n\x1a\n")?;
        let mut header = Vec::with_capacity(13);
        header.extend_from_slice(&width.to_be_bytes());
        header.extend_from_slice(&height.to_be_bytes());
        // 8 bits a channel, RGBA, deflate, adaptive filtering, not interlaced.
        header.extend_from_slice(&[8, 6, 0, 0, 0]);
        write_chunk(&mut out, *b"IHDR", &[&header])?;
        Ok(Self {
            out,
            adler: 1,
            first: true,
        })
    }

    /// Writes the next band's piece, and after the last one the checksum and the end.
    pub(super) fn piece(&mut self, piece: &Piece, last: bool) -> std::io::Result<()> {
        // zlib header: deflate with a 32 KiB window, "fast" level, no dictionary.
        let head: &[u8] = if self.first { &[0x78, 0x5E] } else { &[] };
        self.first = false;
        // The checksum of nothing is 1, so the first piece's combines to its own.
        self.adler = zlib_rs::adler32::adler32_combine(self.adler, piece.adler, piece.len);
        let tail = self.adler.to_be_bytes();
        let tail: &[u8] = if last { &tail } else { &[] };
        write_chunk(&mut self.out, *b"IDAT", &[head, &piece.bytes, tail])?;
        if last {
            write_chunk(&mut self.out, *b"IEND", &[])?;
        }
        Ok(())
    }
}

/// Writes one chunk whose data is `parts` one after another.
fn write_chunk<W: Write>(out: &mut W, kind: [u8; 4], parts: &[&[u8]]) -> std::io::Result<()> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let len = u32::try_from(len).map_err(|_| std::io::Error::other("PNG chunk over 4 GiB"))?;
    out.write_all(&len.to_be_bytes())?;
    out.write_all(&kind)?;
    let mut crc = crc32fast::Hasher::new();
    crc.update(&kind);
    for part in parts {
        out.write_all(part)?;
        crc.update(part);
    }
    out.write_all(&crc.finalize().to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An image of `bands` bands, each encoded on its own, written as one PNG: the zlib
    /// stream inflates (checksum included) to the filtered rows, and a decoder gives back
    /// the pixels.
    #[test]
    fn pieces_make_one_valid_png() {
        let (width, band_rows, bands) = (37_usize, 5_usize, 4_usize);
        let pixels: Vec<[u8; 4]> = (0..width * band_rows * bands)
            .map(|i| {
                let i = i as u32;
                [
                    (i * 7) as u8,
                    (i / 3) as u8,
                    (i * i % 251) as u8,
                    255 - (i % 5) as u8,
                ]
            })
            .collect();
        let mut file = Vec::new();
        let mut writer =
            PngWriter::new(&mut file, width as u32, (band_rows * bands) as u32).unwrap();
        let mut encoder = BandEncoder::new();
        for (i, band) in pixels.chunks(width * band_rows).enumerate() {
            let last = i + 1 == bands;
            let piece = encoder.encode(band, width, last).unwrap();
            writer.piece(&piece, last).unwrap();
        }

        // A strict inflate: the zlib stream is whole and its Adler-32 right.
        let mut idat = Vec::new();
        let mut at = 8;
        while at < file.len() {
            let len = u32::from_be_bytes(file[at..at + 4].try_into().unwrap()) as usize;
            let data = &file[at + 8..at + 8 + len];
            let crc = u32::from_be_bytes(file[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(
                crc,
                crc32fast::hash(&file[at + 4..at + 8 + len]),
                "chunk CRC"
            );
            if &file[at + 4..at + 8] == b"IDAT" {
                idat.extend_from_slice(data);
            }
            at += 12 + len;
        }
        let mut inflated = vec![0; (1 + width * 4) * band_rows * bands];
        let (out, status) =
            zlib_rs::decompress_slice(&mut inflated, &idat, zlib_rs::InflateConfig::default());
        assert_eq!(status, zlib_rs::ReturnCode::Ok);
        assert_eq!(out.len(), (1 + width * 4) * band_rows * bands);

        let decoded = image::load_from_memory(&file).unwrap().to_rgba8();
        assert_eq!(decoded.as_raw(), pixels.as_flattened());
    }
}
