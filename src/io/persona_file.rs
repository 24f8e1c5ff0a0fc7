//! Personas on their own: `.persona.ron` files to reuse a persona in another project,
//! and avatar images, decoded with limits so that a huge or hostile file is refused.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{LoadError, SaveError, atomic_write};
use crate::model::{FORMAT_VERSION, Persona};

/// What a `.persona.ron` file holds.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonaFile {
    format_version: u32,
    persona: Persona,
}

/// Writes a persona to a `.persona.ron` file (atomically, like a project).
pub fn save_persona(persona: &Persona, path: &Path) -> Result<(), SaveError> {
    let file = PersonaFile {
        format_version: FORMAT_VERSION,
        persona: persona.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    let text = ron::ser::to_string_pretty(&file, config).map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    atomic_write(path, (text + "\n").as_bytes())?;
    Ok(())
}

/// Reads a persona from a `.persona.ron` file. Its id is the one it had in its project;
/// adding it to another project gives it a fresh one. Persona files share the project
/// [`FORMAT_VERSION`]; a persona is the same in every version so far (version 2 only
/// added the project's map language), so any older version loads as it is and only a
/// newer one is refused.
pub fn load_persona(path: &Path) -> Result<Persona, LoadError> {
    let meta = std::fs::metadata(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    if meta.len() > 1024 * 1024 {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: 1024 * 1024,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    persona_from_bytes(&bytes, path)
}

/// Parses a persona file's bytes, exactly as [`load_persona`] does once it has read
/// them (a UTF-8 byte-order mark is accepted, as in a project file). `path` is only
/// used in messages. The fuzz target `load_persona` feeds arbitrary bytes in here.
pub fn persona_from_bytes(bytes: &[u8], path: &Path) -> Result<Persona, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::NotUtf8 {
        path: path.to_owned(),
        line: 1,
        column: 1,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: PersonaFile = ron::from_str(text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if file.format_version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: file.format_version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(file.persona)
}

/// Why an avatar image was refused.
#[derive(Debug, thiserror::Error)]
pub enum AvatarError {
    /// The file could not be read.
    #[error("{}", crate::t!("err-avatar-io", path = path.display(), error = source.to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is too big to be a portrait.
    #[error("{}", crate::t!("err-avatar-too-large", path = path.display(), size = *size, limit = *limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not a PNG or JPEG, damaged, or larger than the pixel limits.
    #[error("{}", crate::t!("err-avatar-decode", path = path.display(), message = message))]
    Decode {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        message: String,
    },
}

/// Avatar files larger than this are refused before decoding.
pub const MAX_AVATAR_BYTES: u64 = 20 * 1024 * 1024;
/// Images wider or taller than this are refused by the decoder.
pub const MAX_AVATAR_SIDE: u32 = 8192;
/// Side of the square an avatar is scaled to fit.
pub const AVATAR_SIZE: u32 = 256;

/// Loads a PNG or JPEG avatar with decoding limits (file size, pixel size, memory) and
/// scales it to fit [`AVATAR_SIZE`], so a huge or hostile image gives a clear error
/// instead of eating memory.
pub fn load_avatar(path: &Path) -> Result<image::RgbaImage, AvatarError> {
    let meta = std::fs::metadata(path).map_err(|source| AvatarError::Io {
        path: path.to_owned(),
        source,
    })?;
    if meta.len() > MAX_AVATAR_BYTES {
        return Err(AvatarError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: MAX_AVATAR_BYTES,
        });
    }
    let decode = |message: String| AvatarError::Decode {
        path: path.to_owned(),
        message,
    };
    let mut reader = image::ImageReader::open(path)
        .map_err(|source| AvatarError::Io {
            path: path.to_owned(),
            source,
        })?
        .with_guessed_format()
        .map_err(|e| decode(e.to_string()))?;
    if !matches!(
        reader.format(),
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)
    ) {
        return Err(decode("only PNG and JPEG images can be avatars".to_owned()));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_AVATAR_SIDE);
    limits.max_image_height = Some(MAX_AVATAR_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| decode(e.to_string()))?;
    Ok(image.thumbnail(AVATAR_SIZE, AVATAR_SIZE).to_rgba8())
}

/// Resolves an avatar path stored in a persona: relative to the project file's folder.
pub fn avatar_path(avatar: &str, project_file: Option<&Path>) -> PathBuf {
    let p = Path::new(avatar);
    if p.is_absolute() {
        return p.to_owned();
    }
    project_file
        .and_then(Path::parent)
        .map_or_else(|| p.to_owned(), |dir| dir.join(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persona_round_trips_through_its_own_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("priya.persona.ron");
        let persona = crate::io::sample::sample_project().personas[0].clone();
        save_persona(&persona, &path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            load_persona(&path).unwrap_or_else(|e| panic!("{e}")),
            persona
        );
    }

    #[test]
    fn persona_files_of_every_known_version_load_and_newer_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("mei.persona.ron");
        let persona = crate::io::sample::sample_project().personas[0].clone();
        save_persona(&persona, &path).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let current = format!("format_version: {FORMAT_VERSION},");
        assert!(text.contains(&current), "{text}");
        for version in 1..=FORMAT_VERSION {
            let older = text.replace(&current, &format!("format_version: {version},"));
            std::fs::write(&path, older).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                load_persona(&path).unwrap_or_else(|e| panic!("{e}")),
                persona
            );
        }
        let newer = text.replace(
            &current,
            &format!("format_version: {},", FORMAT_VERSION + 1),
        );
        std::fs::write(&path, newer).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            load_persona(&path),
            Err(LoadError::NewerVersion { .. })
        ));
    }

    #[test]
    fn a_persona_file_with_a_byte_order_mark_loads() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("bom.persona.ron");
        let persona = crate::io::sample::sample_project().personas[0].clone();
        save_persona(&persona, &path).unwrap_or_else(|e| panic!("{e}"));
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(std::fs::read(&path).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(
            persona_from_bytes(&bytes, &path).unwrap_or_else(|e| panic!("{e}")),
            persona
        );
        assert!(matches!(
            persona_from_bytes(b"\xFF(", &path),
            Err(LoadError::NotUtf8 { .. })
        ));
    }

    #[test]
    fn hostile_avatars_are_refused_with_a_clear_error() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // A PNG header claiming 100,000 x 100,000 pixels.
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        png.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R']);
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        let bomb = dir.path().join("bomb.png");
        std::fs::write(&bomb, &png).unwrap_or_else(|e| panic!("{e}"));
        let e = load_avatar(&bomb)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("bomb.png") && e.contains("not a usable"), "{e}");

        let text = dir.path().join("notes.png");
        std::fs::write(&text, "just text").unwrap_or_else(|e| panic!("{e}"));
        assert!(load_avatar(&text).is_err());

        let big = dir.path().join("big.jpg");
        let f = std::fs::File::create(&big).unwrap_or_else(|e| panic!("{e}"));
        f.set_len(MAX_AVATAR_BYTES + 1)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            load_avatar(&big),
            Err(AvatarError::TooLarge { .. })
        ));

        // A real image is scaled to fit.
        let ok = dir.path().join("ok.png");
        image::RgbaImage::from_pixel(600, 300, image::Rgba([200, 30, 30, 255]))
            .save(&ok)
            .unwrap_or_else(|e| panic!("{e}"));
        let img = load_avatar(&ok).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((img.width(), img.height()), (256, 128));
    }
}
