//! Checks that a project is internally consistent: every reference resolves, every id is
//! unique, every size is positive and every score is on its scale.

use std::collections::HashSet;

use super::{Anchor, LaneKind, MAP_LANGUAGES, MeasureValue, Project};

/// One thing wrong with a project, described for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is, e.g. `journey "Broadband" › lane "Touchpoints" › card 17`.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl Project {
    /// Lists every consistency problem; an empty list means the project is valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut push = |location: String, message: String| {
            problems.push(Problem { location, message });
        };
        let mut seen = HashSet::new();
        // Locations are only formatted when there is a problem: validation runs on every
        // load and every edit, over thousands of cards.
        let mut check_id =
            |id: u64, location: &dyn Fn() -> String, push: &mut dyn FnMut(String, String)| {
                if !seen.insert(id) {
                    push(location(), format!("duplicate id {id}"));
                }
            };

        let language = &self.settings.language;
        if !MAP_LANGUAGES.contains(&language.as_str()) {
            push(
                "settings".into(),
                format!(
                    "map language \"{language}\" is not one Waymark has labels for; use one of {}",
                    MAP_LANGUAGES.map(|t| format!("\"{t}\"")).join(", ")
                ),
            );
        }
        let scale = self.settings.emotion_scale;
        if scale.min >= scale.max {
            push(
                "settings".into(),
                format!(
                    "emotion scale minimum {} must be below its maximum {}",
                    scale.min, scale.max
                ),
            );
        }
        let nev = self.settings.nev;
        if nev.negative_at_most.partial_cmp(&nev.positive_at_least)
            != Some(std::cmp::Ordering::Less)
        {
            push(
                "settings".into(),
                format!(
                    "NEV negative threshold {} must be below the positive threshold {}",
                    nev.negative_at_most, nev.positive_at_least
                ),
            );
        }
        for rule in &self.settings.rag {
            if !rule.is_valid() {
                let (green, amber) = (rule.green, rule.amber);
                push(
                    "settings".into(),
                    if !green.is_finite() || !amber.is_finite() {
                        format!("{} thresholds must be numbers", rule.measure.label())
                    } else if rule.higher_is_better {
                        format!(
                            "{} green threshold {green} must be above amber {amber} when higher is better",
                            rule.measure.label()
                        )
                    } else {
                        format!(
                            "{} green threshold {green} must be below amber {amber} when lower is better",
                            rule.measure.label()
                        )
                    },
                );
            }
        }

        let persona_ids: HashSet<_> = self.personas.iter().map(|p| p.id).collect();
        for p in &self.personas {
            let loc = || format!("persona \"{}\"", p.name);
            check_id(p.id.0, &loc, &mut push);
            if let Some(age) = p.age
                && age > 150
            {
                push(loc(), format!("age {age} is not a plausible age"));
            }
        }

        for j in &self.journeys {
            let jloc = || format!("journey \"{}\"", j.title);
            check_id(j.id.0, &jloc, &mut push);
            if let Some(p) = j.persona
                && !persona_ids.contains(&p)
            {
                push(jloc(), format!("persona {p} does not exist"));
            }
            if let Some(link) = j.parent {
                match self.journey(link.journey) {
                    None => push(
                        jloc(),
                        format!("parent journey {} does not exist", link.journey),
                    ),
                    Some(parent) if parent.stage(link.stage).is_none() => push(
                        jloc(),
                        format!(
                            "parent stage {} does not exist in journey \"{}\"",
                            link.stage, parent.title
                        ),
                    ),
                    Some(_) => {}
                }
                if link.journey == j.id {
                    push(jloc(), "a journey cannot be its own parent".into());
                }
            }
            let stage_ids: HashSet<_> = j.stages.iter().map(|s| s.id).collect();
            for s in &j.stages {
                let loc = || format!("{} › stage \"{}\"", jloc(), s.name);
                check_id(s.id.0, &loc, &mut push);
                if !(s.width.is_finite() && s.width > 0.0) {
                    push(
                        loc(),
                        format!("width {} must be a positive number", s.width),
                    );
                }
            }
            let mut card_ids = HashSet::new();
            for l in &j.lanes {
                let lloc = || format!("{} › lane \"{}\"", jloc(), l.title);
                check_id(l.id.0, &lloc, &mut push);
                if !(l.height.is_finite() && l.height > 0.0) {
                    push(
                        lloc(),
                        format!("height {} must be a positive number", l.height),
                    );
                }
                if let LaneKind::Emotion { persona, compare } = &l.kind {
                    if let Some(p) = persona
                        && !persona_ids.contains(p)
                    {
                        push(lloc(), format!("persona {p} does not exist"));
                    }
                    for other in compare {
                        let ok = j.lanes.iter().any(|x| {
                            x.id == *other
                                && x.id != l.id
                                && matches!(x.kind, LaneKind::Emotion { .. })
                        });
                        if !ok {
                            push(
                                lloc(),
                                format!("compared lane {other} is not another emotion lane"),
                            );
                        }
                    }
                }
                for c in &l.cards {
                    let loc = || format!("{} › card {}", lloc(), c.id);
                    check_id(c.id.0, &loc, &mut push);
                    card_ids.insert(c.id);
                    if !stage_ids.contains(&c.stage) {
                        push(loc(), format!("stage {} does not exist", c.stage));
                    }
                    if let Some(score) = c.emotion
                        && !scale.contains(score)
                    {
                        push(
                            loc(),
                            format!(
                                "emotion score {score} is off the scale {}..{}",
                                scale.min, scale.max
                            ),
                        );
                    }
                    if let (LaneKind::Measures(kind), Some(MeasureValue::Number(v))) =
                        (&l.kind, c.measure)
                    {
                        let ok =
                            v.is_finite() && kind.range().is_none_or(|(lo, hi)| v >= lo && v <= hi);
                        if !ok {
                            push(loc(), format!("{} value {v} is out of range", kind.label()));
                        }
                    }
                }
            }
            for a in &j.annotations {
                let loc = || format!("{} › annotation \"{}\"", jloc(), a.title);
                check_id(a.id.0, &loc, &mut push);
                match a.anchor {
                    Anchor::Stage(s) if !stage_ids.contains(&s) => {
                        push(loc(), format!("anchor stage {s} does not exist"));
                    }
                    Anchor::Card(c) if !card_ids.contains(&c) => {
                        push(loc(), format!("anchor card {c} does not exist"));
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
                .message
                .contains("NPS green threshold -10 must be above amber 0"),
            "{problems:?}"
        );
        p.settings.rag[nps].green = f64::NAN;
        assert!(p.validate()[0].message.contains("must be numbers"));
        p.settings.rag[nps].green = 30.0;
        p.settings.rag[nps].higher_is_better = false;
        assert!(
            p.validate()[0]
                .message
                .contains("must be below amber 0 when lower is better")
        );
        p.settings.rag[nps].higher_is_better = true;
        p.settings.nev.positive_at_least = f32::NAN;
        assert!(p.validate()[0].message.contains("NEV"));
    }
}
