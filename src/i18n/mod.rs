//! Every string a person reads comes from Project Fluent message files, one set per
//! language, embedded in the binary (`assets/i18n/<lang>/*.ftl`). The interface follows
//! the user's language ([`interface`], switchable at run time); the labels Waymark draws
//! on a map follow the map's own language (`Settings::language`), so an export reads in
//! the client's language whatever the consultant's interface is.
//!
//! Use [`t!`](crate::t) for the interface and [`tm!`](crate::tm) for a map's labels.
//! A message missing from a translation falls back to English, then to its id: never a
//! panic. A test checks that every language has every message with the same variables,
//! and that every id used in the code exists.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentValue;

pub mod labels;
pub mod problems;

pub use problems::problem_text;

/// A language of the interface and of maps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (mainland China, Singapore).
    ZhHans,
    /// Traditional Chinese (Taiwan, Hong Kong, Macau).
    ZhHant,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Self; 3] = [Self::En, Self::ZhHans, Self::ZhHant];

    /// The BCP 47 tag: `en`, `zh-Hans`, `zh-Hant` (also the folder of its messages and
    /// the suffix of template ids).
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhHans => "zh-Hans",
            Self::ZhHant => "zh-Hant",
        }
    }

    /// The language's own name, as shown in the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhHans => "简体中文",
            Self::ZhHant => "繁體中文",
        }
    }

    /// The language of a tag; `None` for one Waymark has no messages for.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The interface language for a system locale such as `zh_CN.UTF-8`, `zh-TW` or
    /// `en-GB`: mainland China and Singapore read Simplified Chinese, Taiwan, Hong Kong
    /// and Macau Traditional Chinese; everything else English.
    pub fn from_locale(locale: &str) -> Self {
        let locale = locale.split(['.', '@']).next().unwrap_or("");
        let mut parts = locale.split(['-', '_']).map(str::to_ascii_lowercase);
        if parts.next().as_deref() != Some("zh") {
            return Self::En;
        }
        for part in parts {
            match part.as_str() {
                "hant" | "tw" | "hk" | "mo" => return Self::ZhHant,
                "hans" | "cn" | "sg" => return Self::ZhHans,
                _ => {}
            }
        }
        Self::ZhHans
    }

    /// The system's language (from the platform's locale settings; `LANG` and friends on
    /// Linux).
    pub fn system() -> Self {
        sys_locale::get_locale().map_or(Self::En, |l| Self::from_locale(&l))
    }

    /// The language of a map: its project's
    /// [`Settings::language`](crate::model::Settings::language); English for a tag
    /// Waymark has no messages for (validation reports such a tag when it is loaded).
    pub fn of_map(project: &crate::model::Project) -> Self {
        Self::from_tag(&project.settings.language).unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::ZhHans => 1,
            Self::ZhHant => 2,
        }
    }
}

/// The message files, by language, in the same order for each.
macro_rules! resources {
    ($($file:literal),* $(,)?) => {
        /// The names of the message files.
        pub const FILES: &[&str] = &[$($file),*];
        const SOURCES: [&[&str]; 3] = [
            &[$(include_str!(concat!("../../assets/i18n/en/", $file, ".ftl"))),*],
            &[$(include_str!(concat!("../../assets/i18n/zh-Hans/", $file, ".ftl"))),*],
            &[$(include_str!(concat!("../../assets/i18n/zh-Hant/", $file, ".ftl"))),*],
        ];
    };
}

resources!(
    "app", "ui", "dialogs", "panels", "map", "canvas", "errors", "safety", "micro", "workshop"
);

/// The Fluent source of every message file of `language`, for the consistency tests.
pub fn sources(language: Language) -> &'static [&'static str] {
    SOURCES[language.index()]
}

static INTERFACE: AtomicU8 = AtomicU8::new(0);

/// The interface language.
pub fn interface() -> Language {
    match INTERFACE.load(Ordering::Relaxed) {
        1 => Language::ZhHans,
        2 => Language::ZhHant,
        _ => Language::En,
    }
}

/// Switches the interface language (takes effect on the next frame).
pub fn set_interface(language: Language) {
    INTERFACE.store(language.index() as u8, Ordering::Relaxed);
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 3] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.map(bundle))
}

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let tag: unic_langid::LanguageIdentifier = language
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around variables: fonts draw them as boxes.
    bundle.set_use_isolating(false);
    for source in sources(language) {
        // A message file with a syntax error keeps the messages that parse; the tests
        // make sure none has one.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        // Duplicate ids keep the first; the tests make sure there are none.
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// The message `id` in `language`, with `args`; English if the language lacks it, and
/// the id itself if no language has it.
pub fn message(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    for l in [language, Language::En] {
        let bundle = &bundles()[l.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_owned()
}

/// True if `language` has the message `id` (tests).
pub fn has_message(language: Language, id: &str) -> bool {
    bundles()[language.index()].has_message(id)
}

/// A message of the interface: `t!("menu-file")`, `t!("saved", path = p.display())`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($crate::i18n::interface(), $id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message($crate::i18n::interface(), $id, Some(&args))
    }};
}

/// A label drawn on a map, in the map's language: `tm!(lang, "legend")`.
#[macro_export]
macro_rules! tm {
    ($lang:expr, $id:literal) => {
        $crate::i18n::message($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message($lang, $id, Some(&args))
    }};
}

/// Arguments of a message.
pub type Args<'a> = FluentArgs<'a>;

/// A message argument: numbers stay numbers (for plural rules), everything else is
/// its text.
pub fn arg<'a>(value: impl IntoArg<'a>) -> FluentValue<'a> {
    value.into_arg()
}

/// Something that can be a message argument.
pub trait IntoArg<'a> {
    /// The Fluent value.
    fn into_arg(self) -> FluentValue<'a>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl<'a> IntoArg<'a> for $t {
            fn into_arg(self) -> FluentValue<'a> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64, f32, f64);

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.as_str())
    }
}

impl<'a> IntoArg<'a> for String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for std::path::Display<'_> {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.to_string())
    }
}

#[cfg(test)]
mod tests;
