//! Map templates: the ones built into Waymark (RON files in `templates/`, embedded in the
//! binary so the app works from any folder) and the user's own, saved in the platform's
//! configuration folder.
//!
//! A template is an ordinary project file with one journey: the project title is the
//! template's name, the journey's description is its description, and the language is
//! the last part of the file name (`emotion-map.zh-Hans.ron`), the same as the map
//! language in its settings (a test checks the built-in ones).

use std::path::{Path, PathBuf};

use super::{LoadError, SaveError, load_file, save_file};
use crate::model::{Journey, Project};

/// The built-in templates: (id, RON text).
const BUILTIN: &[(&str, &str)] = &[
    ("blank.en", include_str!("../../templates/blank.en.ron")),
    (
        "classic-journey.en",
        include_str!("../../templates/classic-journey.en.ron"),
    ),
    (
        "classic-journey.zh-Hans",
        include_str!("../../templates/classic-journey.zh-Hans.ron"),
    ),
    (
        "emotion-map.en",
        include_str!("../../templates/emotion-map.en.ron"),
    ),
    (
        "emotion-map.zh-Hans",
        include_str!("../../templates/emotion-map.zh-Hans.ron"),
    ),
    (
        "service-blueprint.en",
        include_str!("../../templates/service-blueprint.en.ron"),
    ),
    (
        "complaint-resolution.en",
        include_str!("../../templates/complaint-resolution.en.ron"),
    ),
    (
        "ecommerce-delivery.en",
        include_str!("../../templates/ecommerce-delivery.en.ron"),
    ),
    (
        "ecommerce-delivery.zh-Hans",
        include_str!("../../templates/ecommerce-delivery.zh-Hans.ron"),
    ),
    (
        "online-shopping-pickup.zh-Hant",
        include_str!("../../templates/online-shopping-pickup.zh-Hant.ron"),
    ),
    (
        "insurance-claim.zh-Hant",
        include_str!("../../templates/insurance-claim.zh-Hant.ron"),
    ),
    (
        "saas-trial.en",
        include_str!("../../templates/saas-trial.en.ron"),
    ),
    (
        "bank-account.en",
        include_str!("../../templates/bank-account.en.ron"),
    ),
];

/// Where a template comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Built into Waymark.
    Builtin,
    /// Saved by the user, in this file.
    User(PathBuf),
}

/// A template ready to use.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// Identifier: the file name without `.ron`, e.g. `emotion-map.zh-Hans`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it is for.
    pub description: String,
    /// Language tag: `en`, `zh-Hans`...
    pub language: String,
    /// Built in or the user's.
    pub source: Source,
    /// The project it makes.
    pub project: Project,
}

impl Template {
    fn from_project(id: &str, project: Project, source: Source) -> Self {
        let language = id.rsplit_once('.').map_or("en", |(_, l)| l).to_owned();
        let description = project
            .journeys
            .first()
            .map(|j| j.description.clone())
            .unwrap_or_default();
        Self {
            id: id.to_owned(),
            name: project.title.clone(),
            description,
            language,
            source,
            project,
        }
    }

    /// A human name for the language.
    pub fn language_name(&self) -> &str {
        language_name(&self.language)
    }
}

/// A human name for a language tag.
pub fn language_name(tag: &str) -> &str {
    match tag {
        "en" => "English",
        "zh-Hans" => "简体中文",
        "zh-Hant" => "繁體中文",
        "ja" => "日本語",
        "ko" => "한국어",
        other => other,
    }
}

/// The built-in templates, in a stable order. A template that fails to load is reported
/// in the second list (the tests make sure none does).
pub fn builtin() -> (Vec<Template>, Vec<LoadError>) {
    let mut templates = Vec::new();
    let mut errors = Vec::new();
    for (id, text) in BUILTIN {
        match super::from_ron_str(text, Path::new(&format!("templates/{id}.ron"))) {
            Ok(project) => templates.push(Template::from_project(id, project, Source::Builtin)),
            Err(e) => errors.push(e),
        }
    }
    (templates, errors)
}

/// The folder of the user's templates: `$WAYMARK_CONFIG_DIR/templates` if set, else the
/// platform's configuration folder (`~/.config/waymark/templates` on Linux,
/// `~/Library/Application Support/Waymark/templates` on macOS, `%APPDATA%\Waymark\templates`
/// on Windows).
pub fn user_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("templates"))
}

/// Waymark's configuration folder (see [`user_dir`]).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("WAYMARK_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    if cfg!(target_os = "windows") {
        return std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("Waymark"));
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(target_os = "macos") {
        return home.map(|h| h.join("Library/Application Support/Waymark"));
    }
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(".config")))
        .map(|d| d.join("waymark"))
}

/// The user's templates in `dir`, sorted by name, and the files that failed to load.
pub fn user_templates(dir: &Path) -> (Vec<Template>, Vec<LoadError>) {
    let mut templates = Vec::new();
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (templates, errors);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match load_file(&path) {
            Ok(project) => templates.push(Template::from_project(&id, project, Source::User(path))),
            Err(e) => errors.push(e),
        }
    }
    (templates, errors)
}

/// Every template: built-in first, then the user's.
pub fn all() -> (Vec<Template>, Vec<LoadError>) {
    let (mut templates, mut errors) = builtin();
    if let Some(dir) = user_dir() {
        let (user, user_errors) = user_templates(&dir);
        templates.extend(user);
        errors.extend(user_errors);
    }
    (templates, errors)
}

/// Finds a template by id; a bare name (`emotion-map`) means its English version.
pub fn find<'a>(templates: &'a [Template], id: &str) -> Option<&'a Template> {
    templates
        .iter()
        .find(|t| t.id == id)
        .or_else(|| templates.iter().find(|t| t.id == format!("{id}.en")))
}

/// The personas a journey refers to: its own and those of its emotion lanes (compared
/// lanes are lanes of the same journey, so theirs are included), in library order.
pub fn personas_of(project: &Project, journey: &Journey) -> Vec<crate::model::Persona> {
    let mut ids: Vec<crate::model::PersonaId> = journey.persona.into_iter().collect();
    for lane in &journey.lanes {
        if let crate::model::LaneKind::Emotion {
            persona: Some(p), ..
        } = lane.kind
        {
            ids.push(p);
        }
    }
    project
        .personas
        .iter()
        .filter(|p| ids.contains(&p.id))
        .cloned()
        .collect()
}

/// Saves one journey of a project, with every persona it refers to (see
/// [`personas_of`]), as a user template called `name` in `dir`, so that the template
/// loads. Returns the file written. Its language (the last part of the file name) is the
/// project's map language.
pub fn save_user_template(
    project: &Project,
    journey: &Journey,
    name: &str,
    dir: &Path,
) -> Result<PathBuf, SaveError> {
    let mut template = Project {
        title: name.to_owned(),
        settings: project.settings.clone(),
        personas: personas_of(project, journey),
        journeys: vec![journey.clone()],
        ..Project::empty(name)
    };
    template.journeys[0].parent = None;
    // The file name carries the map's language, like the built-in templates'.
    let language = &project.settings.language;
    let slug = super::slug(name);
    let slug = if slug.is_empty() {
        "template".to_owned()
    } else {
        slug
    };
    std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_owned(),
        step: "creating the templates folder",
        source,
    })?;
    let mut path = dir.join(format!("{slug}.{language}.ron"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{slug}-{n}.{language}.ron"));
        n += 1;
    }
    save_file(&template, &path)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Persona;

    /// Every piece of text a persona holds, field by field.
    fn persona_texts(p: &Persona) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("location", p.location.clone()),
            ("segment", p.segment.clone()),
            ("quote", p.quote.clone()),
        ];
        for (field, list) in [
            ("favourite brands", &p.favourite_brands),
            ("brand turn-ons", &p.brand_turn_ons),
            ("brand turn-offs", &p.brand_turn_offs),
            ("behaviours", &p.behaviours),
            ("goals", &p.goals),
            ("needs", &p.needs),
            ("feelings wanted", &p.desired_feelings),
        ] {
            out.extend(list.iter().map(|t| (field, t.clone())));
        }
        for d in &p.devices {
            out.push(("device", d.device.clone()));
            out.push(("usage", d.usage.clone()));
        }
        out
    }

    #[test]
    fn the_blank_maps_persona_holds_no_prompts_as_data() {
        let (templates, errors) = builtin();
        assert!(errors.is_empty(), "{errors:?}");
        let blank = find(&templates, "blank").unwrap();
        let mut personas = blank.project.personas.clone();
        personas.extend(crate::io::sample::blank_project().personas);
        assert!(!blank.project.personas.is_empty());
        for p in &personas {
            // A prompt ("Which brands do they love?") is hint text in an empty field,
            // never a value that would be saved, exported and shown on the map.
            let filled: Vec<_> = persona_texts(p)
                .into_iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .collect();
            assert!(filled.is_empty(), "{}: {filled:?}", p.name);
            assert!(p.channel_preferences.is_empty());
            assert_eq!(p.age, None);
        }
    }
}
