//! Personas on their own: `.persona.ron` files to reuse a persona in another project,
//! and avatar images, decoded with limits so that a huge or hostile file is refused.

use std::path::{Component, Path, PathBuf};

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
    /// The path names something that is not a regular file (a folder, a device).
    #[error("{}", crate::t!("err-avatar-not-a-file", path = path.display()))]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The path stored in the project leads out of the project's folder (absolute, or
    /// `..` past it, or a link to elsewhere): a project from someone else must not pull
    /// one of your own pictures into a map or an export.
    #[error("{}", crate::t!("err-avatar-outside", avatar = avatar.as_str()))]
    OutsideFolder {
        /// The path as stored in the project.
        avatar: String,
    },
    /// The project has not been saved, so it has no folder to hold its avatar.
    #[error("{}", crate::t!("err-avatar-unsaved"))]
    Unsaved,
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
    if !meta.is_file() {
        return Err(AvatarError::NotAFile {
            path: path.to_owned(),
        });
    }
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

/// Resolves an avatar path stored in a persona. Avatars live in the project's folder
/// (or below it) and are stored relative to it: an absolute path, a `..` that climbs
/// out of the folder, or a link that points out of it is refused, so opening a
/// stranger's project can never read a file of yours elsewhere on the disk.
pub fn avatar_path(avatar: &str, project_file: Option<&Path>) -> Result<PathBuf, AvatarError> {
    let outside = || AvatarError::OutsideFolder {
        avatar: avatar.to_owned(),
    };
    // Lexically first: no root, no drive, no climbing above the folder.
    let mut depth = 0usize;
    let mut relative = PathBuf::new();
    for part in Path::new(avatar).components() {
        match part {
            Component::Normal(name) => {
                depth += 1;
                relative.push(name);
            }
            Component::CurDir => {}
            Component::ParentDir => {
                depth = depth.checked_sub(1).ok_or_else(outside)?;
                relative.pop();
            }
            Component::RootDir | Component::Prefix(_) => return Err(outside()),
        }
    }
    if depth == 0 {
        return Err(outside());
    }
    let dir = project_file
        .and_then(Path::parent)
        .ok_or(AvatarError::Unsaved)?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let full = dir.join(&relative);
    // Then on disk: a link inside the folder must not lead out of it.
    if let (Ok(real_dir), Ok(real)) = (dir.canonicalize(), full.canonicalize())
        && !real.starts_with(&real_dir)
    {
        return Err(outside());
    }
    Ok(full)
}

/// Loads the avatar stored as `stored` in the project saved at `project_file`: the
/// path is checked by [`avatar_path`], the image by [`load_avatar`].
pub fn load_stored_avatar(
    stored: &str,
    project_file: Option<&Path>,
) -> Result<image::RgbaImage, AvatarError> {
    load_avatar(&avatar_path(stored, project_file)?)
}

/// Copies the avatar image at `source` (chosen by the user) into the `avatars` folder
/// beside `project_file`, unless it is already in the project's folder, and returns the
/// path to store in the persona, relative to the project's folder. The image is checked
/// first, so nothing is copied that would be refused.
pub fn adopt_avatar(source: &Path, project_file: &Path) -> Result<String, AvatarError> {
    load_avatar(source)?;
    let dir = match project_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let io_error = |path: &Path, source: std::io::Error| AvatarError::Io {
        path: path.to_owned(),
        source,
    };
    let real_dir = dir.canonicalize().map_err(|e| io_error(&dir, e))?;
    let real_source = source.canonicalize().map_err(|e| io_error(source, e))?;
    if let Ok(rel) = real_source.strip_prefix(&real_dir) {
        return Ok(portable(rel));
    }
    let bytes = std::fs::read(source).map_err(|e| io_error(source, e))?;
    let name = source
        .file_name()
        .map_or_else(|| "avatar.png".into(), |n| n.to_string_lossy().into_owned());
    let folder = dir.join("avatars");
    std::fs::create_dir_all(&folder).map_err(|e| io_error(&folder, e))?;
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_owned(), format!(".{e}")),
        _ => (name.clone(), String::new()),
    };
    for n in 1u32.. {
        let file = if n == 1 {
            name.clone()
        } else {
            format!("{stem}-{n}{ext}")
        };
        let target = folder.join(&file);
        match std::fs::read(&target) {
            // The same picture is already there: share it.
            Ok(existing) if existing == bytes => return Ok(format!("avatars/{file}")),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                atomic_write(&target, &bytes).map_err(|e| io_error(&e.path, e.source))?;
                return Ok(format!("avatars/{file}"));
            }
            Err(e) => return Err(io_error(&target, e)),
        }
    }
    Err(io_error(&folder, std::io::ErrorKind::AlreadyExists.into()))
}

/// Copies the avatar `stored` (relative to the folder of `from`) to the same place
/// beside `to`, when a project is saved into another folder, so the map keeps its
/// pictures. A file already at the target is left alone.
pub fn carry_avatar(stored: &str, from: &Path, to: &Path) -> Result<(), AvatarError> {
    let source = avatar_path(stored, Some(from))?;
    let target = avatar_path(stored, Some(to))?;
    if target.exists() {
        return Ok(());
    }
    load_avatar(&source)?;
    let bytes = std::fs::read(&source).map_err(|e| AvatarError::Io {
        path: source.clone(),
        source: e,
    })?;
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder).map_err(|e| AvatarError::Io {
            path: folder.to_owned(),
            source: e,
        })?;
    }
    atomic_write(&target, &bytes).map_err(|e| AvatarError::Io {
        path: e.path,
        source: e.source,
    })
}

/// A relative path written with `/` on every system, so a project moves between them.
fn portable(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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

    #[test]
    fn avatar_paths_stay_inside_the_project_folder() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("map.ron");
        let inside = |stored: &str| avatar_path(stored, Some(&file)).ok();
        assert_eq!(inside("face.png"), Some(dir.path().join("face.png")));
        assert_eq!(
            inside("avatars/./face.png"),
            Some(dir.path().join("avatars/face.png"))
        );
        assert_eq!(
            inside("pics/../face.png"),
            Some(dir.path().join("face.png"))
        );
        let outside = dir.path().join("x.png");
        for hostile in [
            "../face.png",
            "avatars/../../face.png",
            "..",
            "",
            ".",
            outside.to_str().unwrap_or_default(),
        ] {
            assert!(
                matches!(
                    avatar_path(hostile, Some(&file)),
                    Err(AvatarError::OutsideFolder { .. })
                ),
                "{hostile:?} must be refused"
            );
        }
        // An untitled project has no folder to find a relative avatar in.
        assert!(matches!(
            avatar_path("face.png", None),
            Err(AvatarError::Unsaved)
        ));
        let message = avatar_path("../../me.png", Some(&file))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.contains("../../me.png") && message.contains("outside the project's folder"),
            "{message}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_project_folder_is_refused() {
        let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let secret = home.path().join("secret.png");
        image::RgbaImage::from_pixel(8, 8, image::Rgba([1, 2, 3, 255]))
            .save(&secret)
            .unwrap_or_else(|e| panic!("{e}"));
        let folder = home.path().join("project");
        std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&secret, folder.join("face.png"))
            .unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(home.path(), folder.join("up"))
            .unwrap_or_else(|e| panic!("{e}"));
        let file = folder.join("map.ron");
        for stored in ["face.png", "up/secret.png"] {
            assert!(
                matches!(
                    avatar_path(stored, Some(&file)),
                    Err(AvatarError::OutsideFolder { .. })
                ),
                "{stored}"
            );
        }
    }

    #[test]
    fn a_folder_is_not_an_avatar() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = dir.path().join("face.png");
        std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
        let e = load_avatar(&folder)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("face.png") && e.contains("not a file"), "{e}");
    }

    #[test]
    fn a_30000_pixel_square_bomb_is_refused_before_decoding() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // A PNG header claiming 30,000 x 30,000 pixels (3.6 GB decoded) in a few bytes.
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        png.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R']);
        png.extend_from_slice(&30_000u32.to_be_bytes());
        png.extend_from_slice(&30_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        let bomb = dir.path().join("bomb.png");
        std::fs::write(&bomb, &png).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            load_avatar(&bomb),
            Err(AvatarError::Decode { .. })
        ));
    }

    #[test]
    fn a_chosen_picture_is_copied_beside_the_project_once() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("map.ron");
        let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let red = elsewhere.path().join("face.png");
        image::RgbaImage::from_pixel(8, 8, image::Rgba([200, 0, 0, 255]))
            .save(&red)
            .unwrap_or_else(|e| panic!("{e}"));
        let adopt = |source: &Path| adopt_avatar(source, &file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(adopt(&red), "avatars/face.png");
        // The same picture again is shared, not copied twice.
        assert_eq!(adopt(&red), "avatars/face.png");
        // Another picture of the same name does not overwrite the first.
        let other = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let blue = other.path().join("face.png");
        image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 200, 255]))
            .save(&blue)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(adopt(&blue), "avatars/face-2.png");
        // A picture already in the project's folder stays where it is.
        let local = dir.path().join("pics").join("me.png");
        std::fs::create_dir_all(dir.path().join("pics")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(&red, &local).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(adopt(&local), "pics/me.png");
        // Not an image: nothing is copied.
        let text = elsewhere.path().join("notes.png");
        std::fs::write(&text, "text").unwrap_or_else(|e| panic!("{e}"));
        assert!(adopt_avatar(&text, &file).is_err());
        assert!(!dir.path().join("avatars/notes.png").exists());

        // Saving the project into another folder takes the picture along.
        let moved = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let to = moved.path().join("map.ron");
        carry_avatar("avatars/face-2.png", &file, &to).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            std::fs::read(moved.path().join("avatars/face-2.png")).ok(),
            std::fs::read(&blue).ok()
        );
    }
}
