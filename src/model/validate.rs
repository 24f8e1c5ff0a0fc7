//! Checks that a project is internally consistent: every reference resolves, every id is
//! unique, every size is positive and every score is on its scale.

use std::collections::HashSet as StdHashSet;
use std::hash::Hasher;

/// Hashes the u64 ids validation looks up: multiply-shift with a per-process random key,
/// much faster than `SipHash` on integers (validation runs on every edit over every card)
/// while a hostile file still cannot choose ids that all fall into one bucket.
#[derive(Clone, Copy)]
struct IdHashes(u64);

impl IdHashes {
    fn new() -> Self {
        use std::hash::BuildHasher as _;
        static KEY: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        Self(*KEY.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(0u64)))
    }
}

impl Default for IdHashes {
    fn default() -> Self {
        Self::new()
    }
}

impl std::hash::BuildHasher for IdHashes {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher(self.0)
    }
}

struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, id: u64) {
        // The high half of the product depends on every bit of the key and the id.
        self.0 = (self.0 ^ id)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(32);
    }
}

type HashSet<T> = StdHashSet<T, IdHashes>;

use super::{Anchor, LaneKind, MAP_LANGUAGES, MeasureValue, Project};

/// One thing wrong with a project: where it is and what is wrong, as data.
///
/// The model does not depend on the interface, so a problem carries no text: its words
/// are chosen in one place, `src/i18n/problems.rs`, which implements `Display` in the
/// interface language (and `i18n::problem_text` for any language). This keeps
/// validation testable on values, and lets the same problem read in English in a log and
/// in Chinese in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where the problem is, outermost first, e.g. journey "Broadband", lane
    /// "Touchpoints", card 17.
    pub location: Vec<Place>,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// One step of the location of a [`Problem`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The project settings.
    Settings,
    /// A persona, by name.
    Persona(String),
    /// A journey, by title.
    Journey(String),
    /// A stage, by name.
    Stage(String),
    /// A lane, by title.
    Lane(String),
    /// A card, by id.
    Card(u64),
    /// An annotation, by title.
    Annotation(String),
}

/// What is wrong, with the values involved (numbers as the model holds them).
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Two things share an id.
    DuplicateId(u64),
    /// The map language is not one Waymark has labels for.
    UnknownMapLanguage(String),
    /// The emotion scale's minimum is not below its maximum.
    EmotionScale {
        /// The minimum.
        min: i32,
        /// The maximum.
        max: i32,
    },
    /// The NEV thresholds are in the wrong order.
    NevThresholds {
        /// The negative threshold.
        negative: f32,
        /// The positive threshold.
        positive: f32,
    },
    /// The minimum base is 0, or the CSAT "satisfied from" rule is outside 1..=5.
    SurveyRules {
        /// The fewest answers of a well-founded measure.
        min_base: u32,
        /// The lowest satisfied CSAT answer.
        csat: u8,
    },
    /// A RAG threshold is not a number.
    RagNotNumbers(crate::model::MeasureKind),
    /// A RAG rule's green is not better than its amber.
    RagOrder {
        /// The measure.
        measure: crate::model::MeasureKind,
        /// The green threshold.
        green: f64,
        /// The amber threshold.
        amber: f64,
        /// True if higher values are better.
        higher_is_better: bool,
    },
    /// A persona's age is not plausible.
    Age(u32),
    /// A referenced persona does not exist.
    NoPersona(u64),
    /// A parent journey does not exist.
    NoParentJourney(u64),
    /// A parent stage does not exist in its journey.
    NoParentStage {
        /// The stage id.
        stage: u64,
        /// The parent journey's title.
        journey: String,
    },
    /// A journey is its own parent.
    OwnParent,
    /// A journey is its own ancestor through other journeys: the titles along the
    /// loop, starting and ending with it.
    ParentCycle(Vec<String>),
    /// A stage width is not a positive number.
    Width(f32),
    /// A lane height is not a positive number.
    Height(f32),
    /// A compared lane is not another emotion lane.
    ComparedLane(u64),
    /// A card's stage does not exist.
    NoStage(u64),
    /// An emotion score is off the scale.
    EmotionOffScale {
        /// The score.
        score: f32,
        /// The scale's minimum.
        min: i32,
        /// The scale's maximum.
        max: i32,
    },
    /// A measure value is out of its range.
    MeasureRange {
        /// The measure's label (NPS, CES...).
        measure: &'static str,
        /// The value.
        value: f64,
    },
    /// Kept survey answers that this measure is not computed from, or a score off
    /// the measure's answer scale (an empty list of answers included).
    BadAnswers {
        /// The measure's label (NPS, CES...).
        measure: &'static str,
    },
    /// An annotation's stage does not exist.
    NoAnchorStage(u64),
    /// An annotation's card does not exist.
    NoAnchorCard(u64),
    /// A measure card is bound to a touchpoint that does not exist in its journey.
    NoMeasuredTouchpoint(u64),
}

impl Project {
    /// Lists every consistency problem; an empty list means the project is valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut push = |location: Vec<Place>, kind: ProblemKind| {
            problems.push(Problem { location, kind });
        };
        let counts = self.counts();
        let mut seen = HashSet::with_capacity_and_hasher(
            counts.journeys
                + counts.stages
                + counts.lanes
                + counts.cards
                + counts.personas
                + counts.annotations,
            IdHashes::new(),
        );
        // Locations are only formatted when there is a problem: validation runs on every
        // load and every edit, over thousands of cards.
        let mut check_id =
            |id: u64,
             location: &dyn Fn() -> Vec<Place>,
             push: &mut dyn FnMut(Vec<Place>, ProblemKind)| {
                if !seen.insert(id) {
                    push(location(), ProblemKind::DuplicateId(id));
                }
            };

        let language = &self.settings.language;
        if !MAP_LANGUAGES.contains(&language.as_str()) {
            push(
                vec![Place::Settings],
                ProblemKind::UnknownMapLanguage(language.clone()),
            );
        }
        let scale = self.settings.emotion_scale;
        if scale.min >= scale.max {
            push(
                vec![Place::Settings],
                ProblemKind::EmotionScale {
                    min: scale.min,
                    max: scale.max,
                },
            );
        }
        let nev = self.settings.nev;
        if nev.negative_at_most.partial_cmp(&nev.positive_at_least)
            != Some(std::cmp::Ordering::Less)
        {
            push(
                vec![Place::Settings],
                ProblemKind::NevThresholds {
                    negative: nev.negative_at_most,
                    positive: nev.positive_at_least,
                },
            );
        }
        if self.settings.min_base == 0 || !(1..=5).contains(&self.settings.csat_satisfied_at_least)
        {
            push(
                vec![Place::Settings],
                ProblemKind::SurveyRules {
                    min_base: self.settings.min_base,
                    csat: self.settings.csat_satisfied_at_least,
                },
            );
        }
        for rule in &self.settings.rag {
            if !rule.is_valid() {
                let (green, amber) = (rule.green, rule.amber);
                push(
                    vec![Place::Settings],
                    if !green.is_finite() || !amber.is_finite() {
                        ProblemKind::RagNotNumbers(rule.measure)
                    } else {
                        ProblemKind::RagOrder {
                            measure: rule.measure,
                            green,
                            amber,
                            higher_is_better: rule.higher_is_better,
                        }
                    },
                );
            }
        }

        let persona_ids: HashSet<_> = self.personas.iter().map(|p| p.id).collect();
        for p in &self.personas {
            let loc = || vec![Place::Persona(p.name.clone())];
            check_id(p.id.0, &loc, &mut push);
            if let Some(age) = p.age
                && age > 150
            {
                push(loc(), ProblemKind::Age(age));
            }
        }

        for j in &self.journeys {
            let jloc = || vec![Place::Journey(j.title.clone())];
            check_id(j.id.0, &jloc, &mut push);
            if let Some(p) = j.persona
                && !persona_ids.contains(&p)
            {
                push(jloc(), ProblemKind::NoPersona(p.0));
            }
            if let Some(link) = j.parent {
                match self.journey(link.journey) {
                    None => push(jloc(), ProblemKind::NoParentJourney(link.journey.0)),
                    Some(parent) if parent.stage(link.stage).is_none() => push(
                        jloc(),
                        ProblemKind::NoParentStage {
                            stage: link.stage.0,
                            journey: parent.title.clone(),
                        },
                    ),
                    Some(_) => {}
                }
                if link.journey == j.id {
                    push(jloc(), ProblemKind::OwnParent);
                } else if self.is_own_ancestor(j.id) {
                    // Read from the macro journey down, as the breadcrumb does.
                    let mut titles = vec![j.title.clone()];
                    titles.extend(
                        self.ancestors(j.id)
                            .iter()
                            .rev()
                            .filter_map(|&a| self.journey(a))
                            .map(|a| a.title.clone()),
                    );
                    titles.push(j.title.clone());
                    push(jloc(), ProblemKind::ParentCycle(titles));
                }
            }
            let stage_ids: HashSet<_> = j.stages.iter().map(|s| s.id).collect();
            for s in &j.stages {
                let loc = || [jloc(), vec![Place::Stage(s.name.clone())]].concat();
                check_id(s.id.0, &loc, &mut push);
                if !(s.width.is_finite() && s.width > 0.0) {
                    push(loc(), ProblemKind::Width(s.width));
                }
            }
            let mut card_ids = HashSet::with_capacity_and_hasher(
                j.lanes.iter().map(|l| l.cards.len()).sum(),
                IdHashes::new(),
            );
            for l in &j.lanes {
                let lloc = || [jloc(), vec![Place::Lane(l.title.clone())]].concat();
                check_id(l.id.0, &lloc, &mut push);
                if !(l.height.is_finite() && l.height > 0.0) {
                    push(lloc(), ProblemKind::Height(l.height));
                }
                if let LaneKind::Emotion { persona, compare } = &l.kind {
                    if let Some(p) = persona
                        && !persona_ids.contains(p)
                    {
                        push(lloc(), ProblemKind::NoPersona(p.0));
                    }
                    for other in compare {
                        let ok = j.lanes.iter().any(|x| {
                            x.id == *other
                                && x.id != l.id
                                && matches!(x.kind, LaneKind::Emotion { .. })
                        });
                        if !ok {
                            push(lloc(), ProblemKind::ComparedLane(other.0));
                        }
                    }
                }
                for c in &l.cards {
                    let loc = || [lloc(), vec![Place::Card(c.id.0)]].concat();
                    check_id(c.id.0, &loc, &mut push);
                    card_ids.insert(c.id);
                    if !stage_ids.contains(&c.stage) {
                        push(loc(), ProblemKind::NoStage(c.stage.0));
                    }
                    if let Some(score) = c.emotion
                        && !scale.contains(score)
                    {
                        push(
                            loc(),
                            ProblemKind::EmotionOffScale {
                                score,
                                min: scale.min,
                                max: scale.max,
                            },
                        );
                    }
                    if let (LaneKind::Measures(kind), Some(MeasureValue::Number(v))) =
                        (&l.kind, c.measure)
                    {
                        let ok =
                            v.is_finite() && kind.range().is_none_or(|(lo, hi)| v >= lo && v <= hi);
                        if !ok {
                            push(
                                loc(),
                                ProblemKind::MeasureRange {
                                    measure: kind.label(),
                                    value: v,
                                },
                            );
                        }
                    }
                    if let Some(answers) = &c.answers {
                        let scale = match l.kind {
                            LaneKind::Measures(kind) => kind.answer_scale().map(|s| (kind, s)),
                            _ => None,
                        };
                        let ok = scale.is_some_and(|(_, (lo, hi))| {
                            !answers.scores.is_empty()
                                && answers.scores.iter().all(|s| (lo..=hi).contains(s))
                        });
                        if !ok {
                            push(
                                loc(),
                                ProblemKind::BadAnswers {
                                    measure: scale.map_or("", |(k, _)| k.label()),
                                },
                            );
                        }
                    }
                }
            }
            let touchpoints: HashSet<_> = j.touchpoints().map(|c| c.id).collect();
            for l in &j.lanes {
                for c in &l.cards {
                    if let Some(tp) = c.about
                        && !touchpoints.contains(&tp)
                    {
                        let loc = [
                            jloc(),
                            vec![Place::Lane(l.title.clone()), Place::Card(c.id.0)],
                        ]
                        .concat();
                        push(loc, ProblemKind::NoMeasuredTouchpoint(tp.0));
                    }
                }
            }
            for a in &j.annotations {
                let loc = || [jloc(), vec![Place::Annotation(a.title.clone())]].concat();
                check_id(a.id.0, &loc, &mut push);
                match a.anchor {
                    Anchor::Stage(s) if !stage_ids.contains(&s) => {
                        push(loc(), ProblemKind::NoAnchorStage(s.0));
                    }
                    Anchor::Card(c) if !card_ids.contains(&c) => {
                        push(loc(), ProblemKind::NoAnchorCard(c.0));
                    }
                    _ => {}
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{JourneyId, JourneyLink, StageId};

    /// The sample with three more journeys, B, C and D, copies of its first.
    fn four_journeys() -> crate::model::Project {
        let mut p = crate::io::sample::sample_project();
        let base = p.journeys[0].clone();
        for (i, title) in ["B", "C", "D"].into_iter().enumerate() {
            let mut j = base.clone();
            let offset = 10_000 * (i as u64 + 1);
            j.id = JourneyId(j.id.0 + offset);
            j.title = title.to_owned();
            for s in &mut j.stages {
                s.id = StageId(s.id.0 + offset);
            }
            for l in &mut j.lanes {
                l.id.0 += offset;
                for c in &mut l.cards {
                    c.id.0 += offset;
                    c.stage.0 += offset;
                    c.about = c.about.map(|a| crate::model::CardId(a.0 + offset));
                }
                if let crate::model::LaneKind::Emotion { compare, .. } = &mut l.kind {
                    for x in compare {
                        x.0 += offset;
                    }
                }
            }
            for a in &mut j.annotations {
                a.id.0 += offset;
                a.anchor = match a.anchor {
                    crate::model::Anchor::Stage(s) => {
                        crate::model::Anchor::Stage(StageId(s.0 + offset))
                    }
                    crate::model::Anchor::Card(c) => {
                        crate::model::Anchor::Card(crate::model::CardId(c.0 + offset))
                    }
                };
            }
            p.journeys.push(j);
        }
        assert_eq!(p.validate(), vec![]);
        p
    }

    fn link(p: &crate::model::Project, parent: usize) -> JourneyLink {
        JourneyLink {
            journey: p.journeys[parent].id,
            stage: p.journeys[parent].stages[1].id,
        }
    }

    #[test]
    fn a_chain_of_micro_journeys_is_valid_and_a_loop_of_any_length_is_refused() {
        let mut p = four_journeys();
        // A > B > C > D: a tree, valid.
        for i in 1..4 {
            p.journeys[i].parent = Some(link(&p, i - 1));
        }
        assert_eq!(p.validate(), vec![]);
        assert_eq!(p.ancestors(p.journeys[3].id).len(), 3);
        assert_eq!(p.descendants(p.journeys[0].id).len(), 3);
        // A under D closes a loop of four.
        p.journeys[0].parent = Some(link(&p, 3));
        let problems = p.validate();
        assert_eq!(
            problems.len(),
            4,
            "every journey on the loop is named: {problems:?}"
        );
        let text = problems[0].to_string();
        assert!(text.contains("cannot be its own ancestor"), "{text}");
        assert!(text.contains("› B › C › D ›"), "{text}");
        // A loop of two.
        let mut p = four_journeys();
        p.journeys[1].parent = Some(link(&p, 0));
        p.journeys[0].parent = Some(link(&p, 1));
        assert_eq!(p.validate().len(), 2);
        // A journey its own parent: the existing message, not a second one.
        let mut p = four_journeys();
        p.journeys[2].parent = Some(link(&p, 2));
        let problems = p.validate();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].to_string().contains("its own parent"));
        // Descendants and ancestors never loop on a broken file.
        let mut p = four_journeys();
        p.journeys[1].parent = Some(link(&p, 0));
        p.journeys[0].parent = Some(link(&p, 1));
        assert_eq!(p.descendants(p.journeys[0].id), vec![p.journeys[1].id]);
        assert!(p.is_own_ancestor(p.journeys[0].id));
        assert!(p.link_would_cycle(p.journeys[2].id, p.journeys[2].id));
    }

    #[test]
    fn a_link_to_a_missing_journey_or_stage_is_refused_with_its_message() {
        let mut p = four_journeys();
        p.journeys[1].parent = Some(JourneyLink {
            journey: JourneyId(999_999),
            stage: p.journeys[0].stages[0].id,
        });
        let problems = p.validate();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .contains("parent journey 999999 does not exist"),
            "{problems:?}"
        );
        p.journeys[1].parent = Some(JourneyLink {
            journey: p.journeys[0].id,
            stage: StageId(888_888),
        });
        let problems = p.validate();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().contains("parent stage 888888"),
            "{problems:?}"
        );
        // In Chinese too.
        let zh = crate::i18n::problems::problem_text(crate::i18n::Language::ZhHans, &problems[0]);
        assert!(zh.contains("888888") && zh.contains("上级阶段"), "{zh}");
    }

    #[test]
    fn rag_thresholds_must_be_numbers_with_green_better_than_amber() {
        let mut p = crate::io::sample::sample_project();
        assert_eq!(p.validate(), vec![]);
        let nps = p
            .settings
            .rag
            .iter()
            .position(|r| r.measure == crate::model::MeasureKind::Nps)
            .unwrap_or(0);
        p.settings.rag[nps].green = -10.0;
        let problems = p.validate();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .contains("NPS green threshold -10 must be above amber 0"),
            "{problems:?}"
        );
        p.settings.rag[nps].green = f64::NAN;
        assert!(p.validate()[0].to_string().contains("must be numbers"));
        p.settings.rag[nps].green = 30.0;
        p.settings.rag[nps].higher_is_better = false;
        assert!(
            p.validate()[0]
                .to_string()
                .contains("must be below amber 0 when lower is better")
        );
        p.settings.rag[nps].higher_is_better = true;
        p.settings.nev.positive_at_least = f32::NAN;
        assert!(p.validate()[0].to_string().contains("NEV"));
        p.settings.nev.positive_at_least = 8.0;
        p.settings.min_base = 0;
        assert!(
            p.validate()[0]
                .to_string()
                .contains("(0) must be at least 1"),
            "{:?}",
            p.validate()
        );
        p.settings.min_base = 30;
        p.settings.csat_satisfied_at_least = 6;
        assert!(p.validate()[0].to_string().contains("(6) must be 1 to 5"));
        p.settings.csat_satisfied_at_least = 4;
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn kept_answers_must_fit_their_measure() {
        use crate::model::{Answers, LaneKind, MeasureKind};
        let mut p = crate::io::sample::sample_project();
        let nps = p.journeys[0]
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
            .unwrap();
        let rag = p.journeys[0]
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Measures(MeasureKind::Rag))
            .unwrap();
        let answers = |scores: Vec<u8>| {
            Some(Answers {
                scores,
                imported: "2026-11-24".into(),
            })
        };
        p.journeys[0].lanes[nps].cards[0].answers = answers(vec![0, 10, 7]);
        assert_eq!(p.validate(), vec![]);
        // 11 is off the 0-10 NPS scale.
        p.journeys[0].lanes[nps].cards[0].answers = answers(vec![0, 11]);
        assert!(
            p.validate()[0].to_string().contains("NPS"),
            "{:?}",
            p.validate()
        );
        p.journeys[0].lanes[nps].cards[0].answers = answers(vec![]);
        assert_eq!(p.validate().len(), 1);
        p.journeys[0].lanes[nps].cards[0].answers = None;
        // A RAG status is not computed from answers.
        p.journeys[0].lanes[rag].cards[0].answers = answers(vec![5]);
        assert_eq!(p.validate().len(), 1);
    }
}
