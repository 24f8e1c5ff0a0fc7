//! The words of a project's consistency problems ([`Problem`]): the model describes
//! them as data, this module says them in a language. Numbers are written as Rust writes
//! them (`-5`, `NaN`, `2.5`), the same in every language.

use std::fmt;

use crate::model::{MAP_LANGUAGES, Place, Problem, ProblemKind};
use crate::tm;

use super::{Language, interface};

/// A problem in `language`: `journey "X" › lane "Y" › card 17: stage 9 does not exist`.
pub fn problem_text(language: Language, problem: &Problem) -> String {
    let location = problem
        .location
        .iter()
        .map(|place| place_text(language, place))
        .collect::<Vec<_>>()
        .join(" › ");
    let message = kind_text(language, &problem.kind);
    tm!(
        language,
        "err-problem",
        location = location,
        message = message
    )
}

/// One step of a problem's location in `language`.
pub fn place_text(language: Language, place: &Place) -> String {
    match place {
        Place::Settings => tm!(language, "err-at-settings"),
        Place::Persona(name) => tm!(language, "err-at-persona", name = name),
        Place::Journey(title) => tm!(language, "err-at-journey", title = title),
        Place::Stage(name) => tm!(language, "err-at-stage", name = name),
        Place::Lane(title) => tm!(language, "err-at-lane", title = title),
        Place::Card(id) => tm!(language, "err-at-card", id = id.to_string()),
        Place::Annotation(title) => tm!(language, "err-at-annotation", title = title),
    }
}

/// What is wrong, in `language`.
pub fn kind_text(language: Language, kind: &ProblemKind) -> String {
    let l = language;
    match kind {
        ProblemKind::DuplicateId(id) => tm!(l, "err-problem-duplicate-id", id = id.to_string()),
        ProblemKind::UnknownMapLanguage(tag) => tm!(
            l,
            "err-problem-map-language",
            language = tag,
            known = MAP_LANGUAGES.map(|t| format!("\"{t}\"")).join(", ")
        ),
        ProblemKind::EmotionScale { min, max } => tm!(
            l,
            "err-problem-emotion-scale",
            min = min.to_string(),
            max = max.to_string()
        ),
        ProblemKind::NevThresholds { negative, positive } => tm!(
            l,
            "err-problem-nev",
            negative = negative.to_string(),
            positive = positive.to_string()
        ),
        ProblemKind::SurveyRules { min_base, csat } => tm!(
            l,
            "err-problem-survey-rules",
            min_base = *min_base,
            csat = u32::from(*csat)
        ),
        ProblemKind::RagNotNumbers(measure) => tm!(
            l,
            "err-problem-rag-numbers",
            measure = crate::i18n::labels::measure_kind(l, *measure)
        ),
        ProblemKind::RagOrder {
            measure,
            green,
            amber,
            higher_is_better,
        } => {
            let measure = crate::i18n::labels::measure_kind(l, *measure);
            let (green, amber) = (green.to_string(), amber.to_string());
            if *higher_is_better {
                tm!(
                    l,
                    "err-problem-rag-higher",
                    measure = measure,
                    green = green,
                    amber = amber
                )
            } else {
                tm!(
                    l,
                    "err-problem-rag-lower",
                    measure = measure,
                    green = green,
                    amber = amber
                )
            }
        }
        ProblemKind::Age(age) => tm!(l, "err-problem-age", age = age.to_string()),
        ProblemKind::NoPersona(id) => tm!(l, "err-problem-no-persona", id = id.to_string()),
        ProblemKind::NoParentJourney(id) => {
            tm!(l, "err-problem-no-parent", id = id.to_string())
        }
        ProblemKind::NoParentStage { stage, journey } => tm!(
            l,
            "err-problem-no-parent-stage",
            stage = stage.to_string(),
            journey = journey
        ),
        ProblemKind::OwnParent => tm!(l, "err-problem-own-parent"),
        ProblemKind::ParentCycle(titles) => {
            tm!(l, "err-problem-parent-cycle", chain = titles.join(" › "))
        }
        ProblemKind::Width(width) => tm!(l, "err-problem-width", width = width.to_string()),
        ProblemKind::Height(height) => {
            tm!(l, "err-problem-height", height = height.to_string())
        }
        ProblemKind::ComparedLane(lane) => {
            tm!(l, "err-problem-compared-lane", lane = lane.to_string())
        }
        ProblemKind::NoStage(id) => tm!(l, "err-problem-no-stage", id = id.to_string()),
        ProblemKind::EmotionOffScale { score, min, max } => tm!(
            l,
            "err-problem-emotion-off-scale",
            score = score.to_string(),
            min = min.to_string(),
            max = max.to_string()
        ),
        ProblemKind::BadAnswers { measure } => {
            tm!(l, "err-problem-bad-answers", measure = *measure)
        }
        ProblemKind::MeasureRange { measure, value } => tm!(
            l,
            "err-problem-measure-range",
            measure = *measure,
            value = value.to_string()
        ),
        ProblemKind::NoAnchorStage(id) => {
            tm!(l, "err-problem-no-anchor-stage", id = id.to_string())
        }
        ProblemKind::NoAnchorCard(id) => {
            tm!(l, "err-problem-no-anchor-card", id = id.to_string())
        }
        ProblemKind::NoMeasuredTouchpoint(id) => {
            tm!(l, "err-problem-no-measured-touchpoint", id = id.to_string())
        }
    }
}

/// A problem in the interface language.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_text(interface(), self))
    }
}
