//! Find (Ctrl+F): every place in the project whose text contains what the user typed:
//! cards, stage names and descriptions, lane titles, accelerators and blockers, journey
//! titles and personas, in document order across journeys.

use crate::model::{AnnotationKind, JourneyId, PersonaId, Project};
use crate::t;

use super::Selection;

/// Where a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Something on a journey's map (or the journey itself, with no selection).
    Map {
        /// The journey.
        journey: JourneyId,
        /// What to select on its canvas.
        selection: Option<Selection>,
    },
    /// A persona, shown in the persona editor.
    Persona(PersonaId),
}

/// What kind of thing a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// A journey's title.
    Journey,
    /// A journey's description.
    JourneyDescription,
    /// A stage's name.
    Stage,
    /// A stage's description.
    StageDescription,
    /// A lane's title.
    Lane,
    /// A card's text.
    Card,
    /// A touchpoint's owner.
    Owner,
    /// An accelerator's title or note.
    Accelerator,
    /// A blocker's title or note.
    Blocker,
    /// Any field of a persona.
    Persona,
}

impl What {
    /// Its name in the interface language.
    pub fn label(self) -> String {
        match self {
            Self::Journey => t!("find-what-journey"),
            Self::JourneyDescription => t!("find-what-journey-description"),
            Self::Stage => t!("find-what-stage"),
            Self::StageDescription => t!("find-what-stage-description"),
            Self::Lane => t!("find-what-lane"),
            Self::Card => t!("find-what-card"),
            Self::Owner => t!("find-what-owner"),
            Self::Accelerator => t!("find-what-accelerator"),
            Self::Blocker => t!("find-what-blocker"),
            Self::Persona => t!("find-what-persona"),
        }
    }
}

/// One match: where it is and the text it was found in (for the list of results).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Where it is.
    pub place: Place,
    /// What kind of thing it is, for the results list.
    pub what: What,
    /// The text that matched, on one line.
    pub text: String,
}

/// Every match of `query` in `project`, ignoring case; nothing for an empty query.
pub fn find(project: &Project, query: &str) -> Vec<Match> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let hit = |text: &str| text.to_lowercase().contains(&needle);
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut push = |place, what, text: &str| {
        if hit(text) {
            out.push(Match {
                place,
                what,
                text: one_line(text),
            });
        }
    };
    for j in &project.journeys {
        let on_map = |selection| Place::Map {
            journey: j.id,
            selection,
        };
        push(on_map(None), What::Journey, &j.title);
        push(on_map(None), What::JourneyDescription, &j.description);
        for s in &j.stages {
            let at = on_map(Some(Selection::Stage(s.id)));
            push(at, What::Stage, &s.name);
            push(at, What::StageDescription, &s.description);
        }
        for l in &j.lanes {
            push(on_map(Some(Selection::Lane(l.id))), What::Lane, &l.title);
        }
        // Cards in reading order: stage by stage, lane by lane.
        for s in &j.stages {
            for l in &j.lanes {
                for c in l.cards.iter().filter(|c| c.stage == s.id) {
                    let at = on_map(Some(Selection::Card(c.id)));
                    push(at, What::Card, &c.text);
                    if let Some(t) = &c.touchpoint {
                        push(at, What::Owner, &t.owner);
                    }
                }
            }
        }
        for a in &j.annotations {
            let at = on_map(Some(Selection::Annotation(a.id)));
            let what = match a.kind {
                AnnotationKind::Accelerator => What::Accelerator,
                AnnotationKind::Blocker => What::Blocker,
            };
            push(at, what, &a.title);
            push(at, what, &a.note);
        }
    }
    for p in &project.personas {
        if p.texts().any(hit) {
            out.push(Match {
                place: Place::Persona(p.id),
                what: What::Persona,
                text: one_line(&p.name),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;

    #[test]
    fn finds_cards_stages_and_personas_ignoring_case() {
        let project = sample_project();
        let j = &project.journeys[0];
        let card = j
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .find(|c| c.text.len() > 8);
        let card = card.expect("the sample has cards with text");
        let word: String = card.text.split_whitespace().next().unwrap().to_uppercase();
        let matches = find(&project, &word);
        assert!(
            matches.iter().any(|m| m.place
                == Place::Map {
                    journey: j.id,
                    selection: Some(Selection::Card(card.id))
                }),
            "{word}: {matches:?}"
        );
        let stage = &j.stages[1];
        assert!(find(&project, &stage.name).iter().any(|m| m.place
            == Place::Map {
                journey: j.id,
                selection: Some(Selection::Stage(stage.id))
            }));
        let persona = &project.personas[0];
        assert!(
            find(&project, &persona.name.to_lowercase())
                .iter()
                .any(|m| m.place == Place::Persona(persona.id))
        );
    }

    #[test]
    fn an_empty_or_absent_query_finds_nothing() {
        let project = sample_project();
        assert!(find(&project, "  ").is_empty());
        assert!(find(&project, "zzqx-not-in-the-sample").is_empty());
    }

    #[test]
    fn matches_come_in_reading_order_across_journeys() {
        let mut project = sample_project();
        let mut second = project.journeys[0].clone();
        second.id = JourneyId(9_000_001);
        second.title = "Second".to_owned();
        project.journeys.push(second);
        let first = &project.journeys[0];
        let name = &first.stages[0].name;
        let matches: Vec<_> = find(&project, name)
            .into_iter()
            .filter(|m| m.what == What::Stage)
            .collect();
        assert_eq!(matches.len(), 2, "{matches:?}");
        assert!(matches!(matches[0].place, Place::Map { journey, .. } if journey == first.id));
    }
}
