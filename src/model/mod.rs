//! The document: plain data with serde, no GUI, no IO, no time.
//!
//! A [`Project`] holds personas and journeys; a [`Journey`] is a grid of [`Stage`]s
//! (columns) and [`Lane`]s (rows) whose [`Card`]s sit in cells. Everything is addressed
//! by typed ids (see [`ids`]) so that references survive reordering.

pub mod ids;
mod validate;

pub use ids::{AnnotationId, CardId, JourneyId, LaneId, PersonaId, StageId};
pub use validate::{Place, Problem, ProblemKind};

use serde::{Deserialize, Serialize};

/// The version of the file format this build writes. Older files are migrated on load;
/// newer ones are refused.
///
/// - 1: the first format.
/// - 2: `Settings::language`, the map's own language (version 1 files get one guessed
///   from their text when they are loaded).
/// - 3: measure cards bound to their touchpoint by id; survey answers; CSAT rule; min base.
/// - 4: the survey columns each journey remembers (`Journey::survey_mappings`).
/// - 5: dot votes on cards (`Card::votes`).
/// - 6: what a Mermaid `journey` diagram holds that the model lacked: a card's actors
///   (`Card::actors`), a journey's accessible title and description
///   (`Journey::acc_title`, `Journey::acc_descr`) and the Mermaid score an emotion card
///   was imported from (`Card::mermaid_score`). All default to empty, so a version 5
///   file reads unchanged.
pub const FORMAT_VERSION: u32 = 6;

/// The languages a map can be in, by BCP 47 tag: the labels Waymark draws on a map
/// (legend, lane captions, badges, channel names...) have messages in each of them.
pub const MAP_LANGUAGES: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// A whole Waymark project: what one `.ron` file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// File format version; always the first field so a reader can check it first.
    pub format_version: u32,
    /// Human title of the project (e.g. the client engagement).
    pub title: String,
    /// Project-wide settings: emotion scale and measure thresholds.
    #[serde(default)]
    pub settings: Settings,
    /// The persona library of this project.
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// The journeys (maps) of this project, in display order.
    #[serde(default)]
    pub journeys: Vec<Journey>,
}

/// Project-wide settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The map's own language, as a tag from [`MAP_LANGUAGES`] (`"en"`, `"zh-Hans"`,
    /// `"zh-Hant"`): every label Waymark draws on the map (legend, lane captions, class
    /// badges, channel names, traffic-light words...) is in this language, whatever the
    /// interface language is. A plain tag rather than an enum so that the file stays
    /// readable and a tag this build does not know is a validation problem with a clear
    /// message, not a syntax error. Added in format version 2; defaults to English.
    #[serde(default = "default_language")]
    pub language: String,
    /// The scale emotion scores are given on.
    pub emotion_scale: EmotionScale,
    /// How individual 1..10 ratings are classed for Net Emotional Value.
    pub nev: NevThresholds,
    /// Traffic-light thresholds, one rule per measure kind.
    pub rag: Vec<RagThreshold>,
    /// A CSAT answer (1..=5) at or above this counts as "satisfied" (format version 3;
    /// defaults to 4: "4 or 5").
    #[serde(default = "default_csat_satisfied")]
    pub csat_satisfied_at_least: u8,
    /// The fewest answers a measure needs to be well founded: a value computed from
    /// fewer is shown with its n and a "low base" mark and ranks below well-founded
    /// values (format version 3; defaults to [`DEFAULT_MIN_BASE`]).
    #[serde(default = "default_min_base")]
    pub min_base: u32,
}

/// How the columns of a survey file with a given header row become answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyMapping {
    /// The header row, as written (compared case-insensitively and trimmed).
    pub header: Vec<String>,
    /// Which columns hold what.
    pub layout: SurveyLayout,
}

/// The shape of a survey file, with the columns (0-based) that matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyLayout {
    /// One answer per row: a column names the touchpoint (or stage), one the measure
    /// and one the score. Other columns (respondent, wave, date) are ignored.
    Long {
        /// The column naming the touchpoint or stage.
        touchpoint: usize,
        /// The column naming the measure (nps, nev, ces, csat).
        measure: usize,
        /// The column with the answer.
        score: usize,
    },
    /// One row per respondent, a column per question, as survey tools export.
    Wide {
        /// The question columns used; every other column is ignored.
        questions: Vec<SurveyQuestion>,
    },
}

/// One question column of a wide survey export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyQuestion {
    /// The column (0-based).
    pub column: usize,
    /// The touchpoint or stage it asks about, by name.
    pub target: String,
    /// What it measures.
    pub measure: MeasureKind,
}

/// The smallest well-founded base of a project that does not say: 30 answers, the
/// usual rule of thumb of market research.
pub const DEFAULT_MIN_BASE: u32 = 30;

fn default_min_base() -> u32 {
    DEFAULT_MIN_BASE
}

fn default_csat_satisfied() -> u8 {
    4
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: default_language(),
            emotion_scale: EmotionScale::default(),
            nev: NevThresholds::default(),
            rag: RagThreshold::defaults(),
            csat_satisfied_at_least: default_csat_satisfied(),
            min_base: DEFAULT_MIN_BASE,
        }
    }
}

/// The map language of a project that does not say: English.
fn default_language() -> String {
    MAP_LANGUAGES[0].to_owned()
}

/// The inclusive range of emotion scores, e.g. -5..=5 or 1..=10.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmotionScale {
    /// The most negative score.
    pub min: i32,
    /// The most positive score.
    pub max: i32,
}

impl Default for EmotionScale {
    fn default() -> Self {
        Self { min: -5, max: 5 }
    }
}

impl EmotionScale {
    /// True if `score` lies on this scale.
    pub fn contains(&self, score: f32) -> bool {
        score.is_finite() && score >= self.min as f32 && score <= self.max as f32
    }

    /// Maps a score to 0.0 (most negative) ..= 1.0 (most positive), clamped.
    pub fn normalize(&self, score: f32) -> f32 {
        let span = (self.max - self.min).max(1) as f32;
        ((score - self.min as f32) / span).clamp(0.0, 1.0)
    }

    /// The middle of the scale: the neutral score.
    pub fn neutral(&self) -> f32 {
        (self.min + self.max) as f32 / 2.0
    }
}

/// Thresholds that turn "how did the service make you feel, 1 to 10?" answers into
/// positive, neutral or negative for Net Emotional Value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NevThresholds {
    /// A rating at or above this is positive.
    pub positive_at_least: f32,
    /// A rating at or below this is negative.
    pub negative_at_most: f32,
}

impl Default for NevThresholds {
    fn default() -> Self {
        Self {
            positive_at_least: 8.0,
            negative_at_most: 4.0,
        }
    }
}

/// The traffic-light rule for one measure kind.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagThreshold {
    /// The measure this rule applies to.
    pub measure: MeasureKind,
    /// Green from this value (or up to it, when lower is better).
    pub green: f64,
    /// Amber from this value (or up to it, when lower is better); red beyond.
    pub amber: f64,
    /// True when a higher value is better (NPS), false when lower is better (CES,
    /// complaints).
    pub higher_is_better: bool,
}

impl RagThreshold {
    /// True when the rule can be read: both thresholds are numbers and green is strictly
    /// better than amber (above it when higher is better, below it when lower is better).
    pub fn is_valid(&self) -> bool {
        self.green.is_finite()
            && self.amber.is_finite()
            && if self.higher_is_better {
                self.green > self.amber
            } else {
                self.green < self.amber
            }
    }

    /// Sensible default rules for every numeric measure kind.
    pub fn defaults() -> Vec<Self> {
        use MeasureKind as M;
        let rule = |measure, green, amber, higher_is_better| Self {
            measure,
            green,
            amber,
            higher_is_better,
        };
        vec![
            rule(M::Nps, 30.0, 0.0, true),
            rule(M::Csat, 80.0, 60.0, true),
            rule(M::Ces, 2.5, 3.5, false),
            rule(M::Nev, 20.0, 0.0, true),
            rule(M::ScoreOutOf10, 8.0, 6.0, true),
            rule(M::UnmetNeedPercent, 10.0, 25.0, false),
            rule(M::ComplaintsPer1000, 2.0, 5.0, false),
        ]
    }
}

/// One journey map: stages (columns) by lanes (rows), plus annotations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// Stable id.
    pub id: JourneyId,
    /// Title shown above the map.
    pub title: String,
    /// What this journey covers and why it was mapped.
    #[serde(default)]
    pub description: String,
    /// The persona this map is designed for, if any.
    #[serde(default)]
    pub persona: Option<PersonaId>,
    /// For a micro journey: the macro journey and stage it zooms into.
    #[serde(default)]
    pub parent: Option<JourneyLink>,
    /// The columns, left to right.
    pub stages: Vec<Stage>,
    /// The rows, top to bottom.
    pub lanes: Vec<Lane>,
    /// Accelerators and blockers pinned to stages or cards.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// How the columns of each survey imported into this journey became answers, so
    /// that the next export of the same survey (the same header row) imports without
    /// asking again (format version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey_mappings: Vec<SurveyMapping>,
    /// The accessible title of the map, for screen readers (Mermaid's `accTitle`).
    /// Format version 6; empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub acc_title: String,
    /// The accessible description of the map, for screen readers (Mermaid's
    /// `accDescr`); may be several lines. Format version 6; empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub acc_descr: String,
}

/// A link from a micro journey to the stage of the macro journey it details.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyLink {
    /// The macro journey.
    pub journey: JourneyId,
    /// The stage of that journey.
    pub stage: StageId,
}

/// A column of the map: one step of the customer's journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Stable id.
    pub id: StageId,
    /// Short name shown in the header.
    pub name: String,
    /// Longer description.
    #[serde(default)]
    pub description: String,
    /// Column width in document units (points at 100% zoom).
    pub width: f32,
}

/// A row of the map: one aspect of the experience.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    /// Stable id.
    pub id: LaneId,
    /// Title shown in the lane header.
    pub title: String,
    /// What the lane holds; decides how its cards are drawn and edited.
    pub kind: LaneKind,
    /// Minimum row height in document units; cards may make the row taller.
    pub height: f32,
    /// Collapsed lanes show only their header.
    #[serde(default)]
    pub collapsed: bool,
    /// The cards of this lane, each in the column of its stage.
    #[serde(default)]
    pub cards: Vec<Card>,
}

/// What a lane holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LaneKind {
    /// Free text notes of a given role (actions, thoughts, pain points, ...).
    Text(TextRole),
    /// Touchpoints with their channel and class.
    Touchpoints,
    /// An emotion curve from card scores; optionally the emotions of one persona.
    Emotion {
        /// The persona whose feelings this curve shows, for comparing personas.
        persona: Option<PersonaId>,
        /// Other emotion lanes whose curves are drawn over this one, to compare personas.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        compare: Vec<LaneId>,
    },
    /// Verbatim customer quotes, tagged positive or negative.
    Quotes,
    /// One measure per stage or touchpoint.
    Measures(MeasureKind),
    /// Front stage: what the customer sees (staff, store, website).
    FrontStage,
    /// Back stage: what the customer does not see (IT, HR, finance, logistics).
    BackStage,
    /// The perspective of one department (marketing, sales, service...).
    Department(String),
}

/// The role of a free-text lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextRole {
    /// What the customer does.
    Actions,
    /// What the customer thinks.
    Thoughts,
    /// What the customer wants to achieve.
    Goals,
    /// Where it hurts.
    PainPoints,
    /// Ideas for improvement.
    Opportunities,
    /// Support processes behind the back stage.
    SupportProcesses,
    /// Anything else.
    Notes,
}

impl TextRole {
    /// Every role, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Actions,
        Self::Thoughts,
        Self::Goals,
        Self::PainPoints,
        Self::Opportunities,
        Self::SupportProcesses,
        Self::Notes,
    ];
}

/// The measures a measures lane can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureKind {
    /// Net Promoter Score, -100..=100.
    Nps,
    /// Customer satisfaction, % satisfied, 0..=100.
    Csat,
    /// Customer effort score: mean effort rating (lower is easier).
    Ces,
    /// Net Emotional Value: % positive minus % negative, -100..=100.
    Nev,
    /// A score out of 10.
    ScoreOutOf10,
    /// A red / amber / green status.
    Rag,
    /// Share of customers with an unmet emotional need, 0..=100 %.
    UnmetNeedPercent,
    /// Complaints per 1,000 interactions.
    ComplaintsPer1000,
}

impl MeasureKind {
    /// Every measure kind, in menu order.
    pub const ALL: [Self; 8] = [
        Self::Nps,
        Self::Csat,
        Self::Ces,
        Self::Nev,
        Self::ScoreOutOf10,
        Self::Rag,
        Self::UnmetNeedPercent,
        Self::ComplaintsPer1000,
    ];

    /// The English name, for messages of the layers below the interface (validation
    /// problems, import reports). What people see on a map or in a panel comes from
    /// `i18n::labels::measure_kind`, in their language.
    pub fn label(self) -> &'static str {
        match self {
            Self::Nps => "NPS",
            Self::Csat => "CSAT",
            Self::Ces => "CES",
            Self::Nev => "NEV",
            Self::ScoreOutOf10 => "Score /10",
            Self::Rag => "RAG",
            Self::UnmetNeedPercent => "% unmet need",
            Self::ComplaintsPer1000 => "Complaints /1,000",
        }
    }

    /// The valid range of a numeric value of this measure, if it has one.
    pub fn range(self) -> Option<(f64, f64)> {
        match self {
            Self::Nps | Self::Nev => Some((-100.0, 100.0)),
            Self::Csat | Self::UnmetNeedPercent => Some((0.0, 100.0)),
            Self::Ces => Some((1.0, 7.0)),
            Self::ScoreOutOf10 => Some((0.0, 10.0)),
            Self::Rag => None,
            Self::ComplaintsPer1000 => Some((0.0, 1000.0)),
        }
    }

    /// The scale of one survey answer of this measure, for the measures computed from
    /// answers (NPS 0-10, NEV 1-10, CES 1-7, CSAT 1-5); `None` for the others.
    pub fn answer_scale(self) -> Option<(u8, u8)> {
        match self {
            Self::Nps => Some((0, 10)),
            Self::Nev => Some((1, 10)),
            Self::Ces => Some((1, 7)),
            Self::Csat => Some((1, 5)),
            _ => None,
        }
    }
}

/// A traffic-light status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rag {
    /// Performing well.
    Green,
    /// Needs watching.
    Amber,
    /// Failing.
    Red,
}

impl Rag {
    /// The English word, for the reasons of the priority analysis. Maps and panels use
    /// `i18n::labels::rag`, in their language.
    pub fn label(self) -> &'static str {
        match self {
            Self::Green => "Green",
            Self::Amber => "Amber",
            Self::Red => "Red",
        }
    }
}

/// The value of a measure card.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum MeasureValue {
    /// A number on the lane's measure scale.
    Number(f64),
    /// A status set directly.
    Status(Rag),
}

/// A sticky note in one cell of the map (its lane, its stage's column).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id.
    pub id: CardId,
    /// The stage (column) the card sits in.
    pub stage: StageId,
    /// The card's text; may be several lines.
    pub text: String,
    /// Colour token from the theme.
    #[serde(default)]
    pub color: ColorToken,
    /// Touchpoint details, for cards in touchpoint lanes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<Touchpoint>,
    /// Emotion score on the project's scale, for cards in emotion lanes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<f32>,
    /// Positive or negative, for quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// The measured value, for cards in measures lanes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<MeasureValue>,
    /// For a measure card: the touchpoint card (of the same stage) it measures; `None`
    /// when it measures the whole stage. Bound by id, so renaming the touchpoint keeps
    /// its measures (format version 3; older files are bound once by name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<CardId>,
    /// For a measure card filled by a survey import: the answers its value is computed
    /// from. While they exist the value is derived from them (and recomputed when the
    /// project's NEV thresholds or CSAT rule change). Format version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Answers>,
    /// Dot votes the card received in a workshop (format version 5); not written
    /// while 0, so a map nobody voted on saves as before.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    /// The people taking part in this step (Mermaid's task actors), in order, shown on
    /// the card as chips. Format version 6; usually on touchpoint cards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// For an emotion card imported from a Mermaid `journey` diagram: the task's score
    /// as it was written there (1 to 5, or any other number Mermaid accepted). While
    /// the card's emotion is still the value that score was mapped to on the project's
    /// scale, exporting to Mermaid gives back exactly this score; once the emotion is
    /// changed, the export maps the emotion back instead. Format version 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mermaid_score: Option<f64>,
}

// Reason: serde's `skip_serializing_if` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The raw answers behind a measure card, kept compactly: one byte per answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// Every answer's score in file order. Scores are whole numbers 0..=10 (the import
    /// refuses anything else), written in the file as one character each: `0`-`9`, and
    /// `A` for 10 ("9A36" is 9, 10, 3, 6), so 100,000 answers take 100 kB.
    #[serde(with = "score_digits")]
    pub scores: Vec<u8>,
    /// The day of the last import that set or added to them, `YYYY-MM-DD` (UTC).
    pub imported: String,
}

/// `Answers::scores` as a string of one character per score.
mod score_digits {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(scores: &[u8], s: S) -> Result<S::Ok, S::Error> {
        let text: String = scores
            .iter()
            .map(|&v| match v {
                0..=9 => char::from(b'0' + v),
                _ => 'A',
            })
            .collect();
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        text.chars()
            .map(|c| match c {
                '0'..='9' => Ok(c as u8 - b'0'),
                'A' => Ok(10),
                _ => Err(D::Error::custom(format!(
                    "answer \"{c}\" is not a score (0-9 or A for 10)"
                ))),
            })
            .collect()
    }
}

impl Card {
    /// A plain card with text and nothing else.
    pub fn new(id: CardId, stage: StageId, text: impl Into<String>) -> Self {
        Self {
            id,
            stage,
            text: text.into(),
            color: ColorToken::default(),
            touchpoint: None,
            emotion: None,
            sentiment: None,
            measure: None,
            about: None,
            answers: None,
            votes: 0,
            actors: Vec::new(),
            mermaid_score: None,
        }
    }
}

/// Named card colours; the theme maps them to real colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColorToken {
    /// The lane kind's own colour.
    #[default]
    Auto,
    /// Sticky-note yellow.
    Yellow,
    /// Blue.
    Blue,
    /// Green.
    Green,
    /// Red.
    Red,
    /// Purple.
    Purple,
    /// Orange.
    Orange,
    /// Grey.
    Grey,
}

impl ColorToken {
    /// Every token, in palette order.
    pub const ALL: [Self; 8] = [
        Self::Auto,
        Self::Yellow,
        Self::Blue,
        Self::Green,
        Self::Red,
        Self::Purple,
        Self::Orange,
        Self::Grey,
    ];
}

/// Details of a touchpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    /// Where the interaction happens; `None` until the user picks a channel (a touchpoint
    /// is never given a channel nobody chose). Written as the bare channel (`channel:
    /// Web`) and left out when there is none, so files with a channel read as before.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "bare_channel"
    )]
    pub channel: Option<Channel>,
    /// How the touchpoint affects perception, once classified.
    #[serde(default)]
    pub class: Option<TouchpointClass>,
    /// Who in the organisation owns it.
    #[serde(default)]
    pub owner: String,
}

/// Reads and writes an optional channel as the bare channel: `channel: Web`, the form
/// files had when every touchpoint had one. A missing field is no channel.
mod bare_channel {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Channel;

    #[allow(
        clippy::ref_option,
        reason = "the signature serde's `with` calls for an Option field"
    )]
    pub fn serialize<S: Serializer>(value: &Option<Channel>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(channel) => channel.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Channel>, D::Error> {
        Channel::deserialize(d).map(Some)
    }
}

impl Touchpoint {}

/// A channel of interaction.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// A website.
    Web,
    /// A mobile app.
    App,
    /// A phone call.
    Phone,
    /// A store or branch.
    Store,
    /// E-mail.
    Email,
    /// Live chat or messaging.
    Chat,
    /// Social media.
    Social,
    /// Paper mail.
    Letter,
    /// Face to face, at the customer's home or elsewhere.
    InPerson,
    /// Text message.
    Sms,
    /// Anything else, named.
    Other(String),
}

impl Channel {
    /// The fixed vocabulary, in menu order (without [`Channel::Other`]).
    pub const VOCABULARY: [Self; 10] = [
        Self::Web,
        Self::App,
        Self::Phone,
        Self::Store,
        Self::Email,
        Self::Chat,
        Self::Social,
        Self::Letter,
        Self::InPerson,
        Self::Sms,
    ];
}

/// How a touchpoint affects the perception of the whole journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TouchpointClass {
    /// Disproportionate effect on how the whole journey is perceived.
    MomentOfTruth,
    /// Must simply work, every time; high downside.
    Hygiene,
    /// Satisfaction moves with performance; even risk.
    Core,
    /// Unexpected and pleasing; high upside.
    Delight,
}

impl TouchpointClass {
    /// Every class, in priority order.
    pub const ALL: [Self; 4] = [
        Self::MomentOfTruth,
        Self::Hygiene,
        Self::Core,
        Self::Delight,
    ];

    /// The English name, for the reasons of the priority analysis. Maps and panels use
    /// `i18n::labels::touchpoint_class`, in their language.
    pub fn label(self) -> &'static str {
        match self {
            Self::MomentOfTruth => "Moment of truth",
            Self::Hygiene => "Hygiene factor",
            Self::Core => "Core interaction",
            Self::Delight => "Delightful innovation",
        }
    }
}

/// Whether a quote is positive or negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sentiment {
    /// The customer is pleased.
    Positive,
    /// Neither.
    Neutral,
    /// The customer is unhappy.
    Negative,
}

/// A persona: the customer a map is designed for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Stable id.
    pub id: PersonaId,
    /// Name, e.g. "Mei, the busy parent".
    pub name: String,
    /// Age in years.
    #[serde(default)]
    pub age: Option<u32>,
    /// Where they live.
    #[serde(default)]
    pub location: String,
    /// Customer segment.
    #[serde(default)]
    pub segment: String,
    /// A quote in their own words.
    #[serde(default)]
    pub quote: String,
    /// Brands they love.
    #[serde(default)]
    pub favourite_brands: Vec<String>,
    /// What draws them to a brand.
    #[serde(default)]
    pub brand_turn_ons: Vec<String>,
    /// What puts them off a brand.
    #[serde(default)]
    pub brand_turn_offs: Vec<String>,
    /// Channels they prefer, most preferred first.
    #[serde(default)]
    pub channel_preferences: Vec<Channel>,
    /// Devices and how they use them.
    #[serde(default)]
    pub devices: Vec<DeviceUsage>,
    /// Behaviours, such as spending habits.
    #[serde(default)]
    pub behaviours: Vec<String>,
    /// What they want to achieve.
    #[serde(default)]
    pub goals: Vec<String>,
    /// What they need from the service (to be heard, known, appreciated...).
    #[serde(default)]
    pub needs: Vec<String>,
    /// What they want to feel (engaged, empowered, delighted...).
    #[serde(default)]
    pub desired_feelings: Vec<String>,
    /// Avatar image, relative to the project file.
    #[serde(default)]
    pub avatar: Option<String>,
}

impl Persona {
    /// Every piece of text a person typed into the persona: name, location, segment,
    /// quote, every list item and every device with its usage.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let fields = [&self.name, &self.location, &self.segment, &self.quote];
        let lists = [
            &self.favourite_brands,
            &self.brand_turn_ons,
            &self.brand_turn_offs,
            &self.behaviours,
            &self.goals,
            &self.needs,
            &self.desired_feelings,
        ];
        fields
            .into_iter()
            .map(String::as_str)
            .chain(lists.into_iter().flatten().map(String::as_str))
            .chain(
                self.devices
                    .iter()
                    .flat_map(|d| [d.device.as_str(), d.usage.as_str()]),
            )
    }
}

/// A device and how the persona uses it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceUsage {
    /// The device, e.g. "iPhone 15".
    pub device: String,
    /// How it is used, e.g. "banking on the commute".
    pub usage: String,
}

/// An accelerator (improves the experience) or a blocker (gets in its way).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable id.
    pub id: AnnotationId,
    /// Accelerator or blocker.
    pub kind: AnnotationKind,
    /// Short title.
    pub title: String,
    /// Longer note.
    #[serde(default)]
    pub note: String,
    /// What the annotation is pinned to.
    pub anchor: Anchor,
    /// Measures before the change.
    #[serde(default)]
    pub before: Effect,
    /// Measures after the change.
    #[serde(default)]
    pub after: Effect,
}

/// Whether an annotation helps or hinders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnnotationKind {
    /// Improves the experience.
    Accelerator,
    /// Gets in the way of the experience.
    Blocker,
}

/// What an annotation is pinned to.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Anchor {
    /// A whole stage.
    Stage(StageId),
    /// One card.
    Card(CardId),
}

/// A set of measures, each optional, used before and after an annotation's change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Net Emotional Value.
    pub nev: Option<f64>,
    /// Customer effort score.
    pub ces: Option<f64>,
    /// Net Promoter Score.
    pub nps: Option<f64>,
}

impl Project {
    /// An empty project with default settings.
    pub fn empty(title: impl Into<String>) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: title.into(),
            settings: Settings::default(),
            personas: Vec::new(),
            journeys: Vec::new(),
        }
    }

    /// The largest id of any kind in use; fresh ids are allocated above it so that
    /// ids are unique across the whole project.
    pub fn max_id(&self) -> u64 {
        let mut max = 0;
        for p in &self.personas {
            max = max.max(p.id.0);
        }
        for j in &self.journeys {
            max = max.max(j.id.0);
            for s in &j.stages {
                max = max.max(s.id.0);
            }
            for l in &j.lanes {
                max = max.max(l.id.0);
                for c in &l.cards {
                    max = max.max(c.id.0);
                }
            }
            for a in &j.annotations {
                max = max.max(a.id.0);
            }
        }
        max
    }

    /// Looks up a journey by id.
    pub fn journey(&self, id: JourneyId) -> Option<&Journey> {
        self.journeys.iter().find(|j| j.id == id)
    }

    /// Looks up a persona by id.
    pub fn persona(&self, id: PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The micro journeys linked to one stage of a journey, in list order.
    pub fn micro_journeys(
        &self,
        journey: JourneyId,
        stage: StageId,
    ) -> impl Iterator<Item = &Journey> + '_ {
        self.journeys.iter().filter(move |j| {
            j.parent
                .is_some_and(|p| p.journey == journey && p.stage == stage)
        })
    }

    /// The micro journeys linked to any stage of a journey, in list order.
    pub fn children(&self, journey: JourneyId) -> impl Iterator<Item = &Journey> + '_ {
        self.journeys
            .iter()
            .filter(move |j| j.parent.is_some_and(|p| p.journey == journey) && j.id != journey)
    }

    /// Every journey below `journey`: its micro journeys, theirs, and so on, each once
    /// (a cycle in a broken file never loops), breadth first.
    pub fn descendants(&self, journey: JourneyId) -> Vec<JourneyId> {
        let mut found: Vec<JourneyId> = Vec::new();
        let mut next = 0;
        let mut frontier = vec![journey];
        while let Some(&current) = frontier.get(next) {
            next += 1;
            for child in self.children(current) {
                if child.id != journey && !found.contains(&child.id) {
                    found.push(child.id);
                    frontier.push(child.id);
                }
            }
        }
        found
    }

    /// The chain of macro journeys above `journey`, nearest first, stopping before a
    /// journey seen twice (a cycle) or a link to nothing.
    pub fn ancestors(&self, journey: JourneyId) -> Vec<JourneyId> {
        let mut chain = Vec::new();
        let mut current = self.journey(journey).and_then(|j| j.parent);
        while let Some(link) = current {
            if link.journey == journey || chain.contains(&link.journey) {
                break;
            }
            let Some(parent) = self.journey(link.journey) else {
                break;
            };
            chain.push(parent.id);
            current = parent.parent;
        }
        chain
    }

    /// True if `journey` is among its own ancestors: its parent links lead back to it.
    pub fn is_own_ancestor(&self, journey: JourneyId) -> bool {
        let mut seen: Vec<JourneyId> = Vec::new();
        let mut current = self.journey(journey).and_then(|j| j.parent);
        while let Some(link) = current {
            if link.journey == journey {
                return true;
            }
            if seen.contains(&link.journey) {
                return false;
            }
            seen.push(link.journey);
            current = self.journey(link.journey).and_then(|j| j.parent);
        }
        false
    }

    /// True if linking `journey` under `parent` would make it its own ancestor.
    pub fn link_would_cycle(&self, journey: JourneyId, parent: JourneyId) -> bool {
        parent == journey || self.descendants(journey).contains(&parent)
    }

    /// Counts of the things in a project, for summaries.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            journeys: self.journeys.len(),
            personas: self.personas.len(),
            micro_journeys: self.journeys.iter().filter(|j| j.parent.is_some()).count(),
            ..Counts::default()
        };
        for j in &self.journeys {
            c.stages += j.stages.len();
            c.lanes += j.lanes.len();
            c.cards += j.lanes.iter().map(|l| l.cards.len()).sum::<usize>();
            c.annotations += j.annotations.len();
        }
        c
    }
}

/// How many of each thing a project holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Journeys.
    pub journeys: usize,
    /// Stages, over all journeys.
    pub stages: usize,
    /// Lanes, over all journeys.
    pub lanes: usize,
    /// Cards, over all journeys.
    pub cards: usize,
    /// Personas.
    pub personas: usize,
    /// Annotations, over all journeys.
    pub annotations: usize,
    /// Journeys linked to a stage of another journey (included in `journeys`).
    pub micro_journeys: usize,
}

impl Journey {
    /// Looks up a stage by id.
    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The touchpoint cards of the journey (the cards of its touchpoints lanes).
    pub fn touchpoints(&self) -> impl Iterator<Item = &Card> {
        self.lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Touchpoints)
            .flat_map(|l| &l.cards)
    }

    /// Finds a card anywhere in the journey, with its lane.
    pub fn card(&self, id: CardId) -> Option<(&Lane, &Card)> {
        self.lanes
            .iter()
            .find_map(|l| l.cards.iter().find(|c| c.id == id).map(|c| (l, c)))
    }

    /// The cards of one cell, in their stored order.
    pub fn cell_cards<'a>(
        &'a self,
        lane: &'a Lane,
        stage: StageId,
    ) -> impl Iterator<Item = &'a Card> + 'a {
        lane.cards.iter().filter(move |c| c.stage == stage)
    }
}
