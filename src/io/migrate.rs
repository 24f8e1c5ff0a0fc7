//! Brings a project written by an older Waymark up to [`FORMAT_VERSION`], one step per
//! version, so that each step only knows the difference between two neighbours.
//!
//! Every older format so far parses into today's [`Project`] (new fields have serde
//! defaults), so the steps work on the typed document; a future change that renames or
//! removes a field would migrate the RON value before parsing instead.

use crate::model::{CardId, FORMAT_VERSION, LaneKind, Project};

/// Runs every step from the project's version up to [`FORMAT_VERSION`]. The caller has
/// already refused version 0 and versions newer than this build's.
pub fn migrate(mut project: Project) -> Project {
    while project.format_version < FORMAT_VERSION {
        // One step per version; a version with nothing to change has no step.
        match project.format_version {
            1 => v1_to_v2(&mut project),
            2 => v2_to_v3(&mut project),
            // Version 4 added the remembered survey column mappings, empty before.
            4 => v4_to_v5(&mut project),
            5 => v5_to_v6(&mut project),
            _ => {}
        }
        project.format_version += 1;
    }
    project
}

/// Version 2 added the map's own language. A version 1 map is in whatever language its
/// text is written in: guess it, so that its legend and captions match its cards.
fn v1_to_v2(project: &mut Project) {
    project.settings.language = guess_language(project).to_owned();
}

/// Version 3 binds each measure card to the touchpoint it measures by id. Before, a
/// measure belonged to a touchpoint of its stage when its text began with the
/// touchpoint's name: that rule is applied once here (the longest matching name wins),
/// and a measure that names no touchpoint measures its whole stage.
fn v2_to_v3(project: &mut Project) {
    for journey in &mut project.journeys {
        let touchpoints: Vec<(crate::model::StageId, CardId, String)> = journey
            .touchpoints()
            .map(|c| (c.stage, c.id, c.text.trim().to_lowercase()))
            .filter(|(_, _, name)| !name.is_empty())
            .collect();
        for lane in &mut journey.lanes {
            if !matches!(lane.kind, LaneKind::Measures(_)) {
                continue;
            }
            for card in &mut lane.cards {
                let text = card.text.to_lowercase();
                card.about = touchpoints
                    .iter()
                    .filter(|(stage, _, name)| *stage == card.stage && text.starts_with(name))
                    .max_by_key(|(_, _, name)| name.len())
                    .map(|(_, id, _)| *id);
            }
        }
    }
}

/// Version 5 added dot votes on cards. A version 4 file has none: every card starts
/// with no votes (a `votes` field in a version 4 file is not Waymark's and is dropped).
fn v4_to_v5(project: &mut Project) {
    for card in project
        .journeys
        .iter_mut()
        .flat_map(|j| &mut j.lanes)
        .flat_map(|l| &mut l.cards)
    {
        card.votes = 0;
    }
}

/// Version 6 added actors on cards, a journey's accessible title and description, and
/// the Mermaid score of imported emotion cards. A version 5 file has none of them: each
/// starts empty (its serde default). Nothing a version 5 file says changes meaning, so
/// the step only makes that explicit: no card of an older file claims a Mermaid score.
fn v5_to_v6(project: &mut Project) {
    for journey in &mut project.journeys {
        for card in journey.lanes.iter_mut().flat_map(|l| &mut l.cards) {
            card.mermaid_score = None;
        }
    }
}

/// Common characters that differ between Traditional and Simplified Chinese, as
/// (traditional, simplified) pairs. Text with more of the traditional forms than the
/// simplified ones is Traditional Chinese.
const TRADITIONAL_SIMPLIFIED: &[(char, char)] = &[
    ('們', '们'),
    ('這', '这'),
    ('個', '个'),
    ('說', '说'),
    ('時', '时'),
    ('會', '会'),
    ('來', '来'),
    ('對', '对'),
    ('點', '点'),
    ('與', '与'),
    ('務', '务'),
    ('體', '体'),
    ('驗', '验'),
    ('關', '关'),
    ('戶', '户'),
    ('觸', '触'),
    ('據', '据'),
    ('問', '问'),
    ('題', '题'),
    ('單', '单'),
    ('車', '车'),
    ('買', '买'),
    ('賣', '卖'),
    ('價', '价'),
    ('錢', '钱'),
    ('銀', '银'),
    ('網', '网'),
    ('頁', '页'),
    ('訂', '订'),
    ('貨', '货'),
    ('運', '运'),
    ('遞', '递'),
    ('發', '发'),
    ('當', '当'),
    ('從', '从'),
    ('還', '还'),
    ('讓', '让'),
    ('應', '应'),
    ('種', '种'),
    ('動', '动'),
    ('員', '员'),
    ('線', '线'),
    ('過', '过'),
    ('後', '后'),
    ('開', '开'),
    ('間', '间'),
    ('為', '为'),
    ('實', '实'),
    ('經', '经'),
    ('區', '区'),
    ('號', '号'),
    ('認', '认'),
    ('證', '证'),
    ('資', '资'),
    ('訊', '讯'),
    ('費', '费'),
    ('熱', '热'),
    ('滿', '满'),
];

/// The language of a project's own text: `"en"` with no Chinese character, else
/// `"zh-Hant"` if Traditional-only characters outnumber Simplified-only ones, else
/// `"zh-Hans"`.
pub fn guess_language(project: &Project) -> &'static str {
    let (mut han, mut traditional, mut simplified) = (0usize, 0usize, 0usize);
    for text in project_texts(project) {
        for c in text.chars() {
            if is_han(c) {
                han += 1;
            }
            for &(t, s) in TRADITIONAL_SIMPLIFIED {
                if c == t {
                    traditional += 1;
                } else if c == s {
                    simplified += 1;
                }
            }
        }
    }
    if han == 0 {
        "en"
    } else if traditional > simplified {
        "zh-Hant"
    } else {
        "zh-Hans"
    }
}

/// A CJK unified ideograph (the basic block and the extensions).
fn is_han(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
    )
}

/// Every piece of text a person wrote in a project.
fn project_texts(project: &Project) -> Vec<&str> {
    let mut texts = vec![project.title.as_str()];
    for p in &project.personas {
        texts.extend(p.texts());
    }
    for j in &project.journeys {
        texts.extend([j.title.as_str(), j.description.as_str()]);
        for s in &j.stages {
            texts.extend([s.name.as_str(), s.description.as_str()]);
        }
        for l in &j.lanes {
            texts.push(&l.title);
            texts.extend(l.cards.iter().map(|c| c.text.as_str()));
        }
        for a in &j.annotations {
            texts.extend([a.title.as_str(), a.note.as_str()]);
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_with(text: &str) -> Project {
        let mut p = Project::empty(text);
        p.format_version = 1;
        p
    }

    #[test]
    fn the_language_of_a_version_1_file_is_guessed_from_its_text() {
        assert_eq!(guess_language(&project_with("Broadband repair")), "en");
        assert_eq!(
            guess_language(&project_with("宽带报修：客户旅程地图")),
            "zh-Hans"
        );
        assert_eq!(
            guess_language(&project_with("寬頻報修：客戶旅程地圖")),
            "zh-Hant"
        );
        // Characters common to both scripts say nothing either way: Simplified.
        assert_eq!(guess_language(&project_with("旅程")), "zh-Hans");
        let p = migrate(project_with("網購退貨的體驗"));
        assert_eq!(p.format_version, FORMAT_VERSION);
        assert_eq!(p.settings.language, "zh-Hant");
    }

    #[test]
    fn the_table_pairs_distinct_characters_once() {
        let mut seen = std::collections::HashSet::new();
        for &(t, s) in TRADITIONAL_SIMPLIFIED {
            assert!(is_han(t) && is_han(s));
            assert!(t != s && seen.insert(t) && seen.insert(s), "{t}{s}");
        }
    }

    #[test]
    fn version_2_measures_are_bound_to_the_touchpoint_their_text_names_once() {
        use crate::model::{Card, CardId, LaneKind, MeasureKind, MeasureValue};
        let mut p = crate::io::sample::sample_project();
        p.format_version = 2;
        let j = &mut p.journeys[0];
        let stage = j.stages[1].id;
        let tp_lane = j
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Touchpoints)
            .unwrap_or_else(|| panic!("touchpoints lane"));
        j.lanes[tp_lane].cards.retain(|c| c.stage != stage);
        for (id, text) in [(7001, "Order"), (7002, "Order online")] {
            j.lanes[tp_lane]
                .cards
                .push(Card::new(CardId(id), stage, text));
        }
        let nps = j
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
            .unwrap_or_else(|| panic!("NPS lane"));
        j.lanes[nps].cards.retain(|c| c.stage != stage);
        for (id, text) in [
            (7101, "Order online NPS (n=15)"),
            (7102, "order: phone"),
            (7103, "Post-visit survey"),
        ] {
            j.lanes[nps].cards.push(Card {
                measure: Some(MeasureValue::Number(10.0)),
                ..Card::new(CardId(id), stage, text)
            });
        }
        let p = migrate(p);
        let about = |id: u64| {
            p.journeys[0]
                .lanes
                .iter()
                .flat_map(|l| &l.cards)
                .find(|c| c.id == CardId(id))
                .and_then(|c| c.about)
        };
        // The longest name that the text starts with wins; no name, the whole stage.
        assert_eq!(about(7101), Some(CardId(7002)));
        assert_eq!(about(7102), Some(CardId(7001)));
        assert_eq!(about(7103), None);
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn a_version_3_file_loads_with_no_remembered_survey_mappings() {
        let mut p = crate::io::sample::sample_project();
        p.format_version = FORMAT_VERSION;
        let text = crate::io::project_file::to_ron_string(&p)
            .unwrap_or_else(|e| panic!("{e}"))
            .replacen(
                &format!("format_version: {FORMAT_VERSION},"),
                "format_version: 3,",
                1,
            );
        assert!(!text.contains("survey_mappings"));
        let loaded = crate::io::project_file::from_ron_str(&text, std::path::Path::new("v3.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.format_version, FORMAT_VERSION);
        assert!(loaded.journeys.iter().all(|j| j.survey_mappings.is_empty()));
        assert_eq!(loaded.journeys, p.journeys);
    }

    #[test]
    fn version_4_cards_have_no_votes_and_version_5_keeps_them() {
        let mut p = crate::io::sample::sample_project();
        p.journeys[0].lanes[0].cards[0].votes = 3;
        let text = crate::io::to_ron_string(&p).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains("votes: 3"), "votes are written");
        // Cards without votes write no field: the file reads as before.
        assert_eq!(text.matches("votes:").count(), 1);
        let back = crate::io::from_ron_str(&text, std::path::Path::new("v5.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.journeys[0].lanes[0].cards[0].votes, 3);
        // The same document as version 4 migrates to version 5 without votes.
        let v4 = text
            .replacen(
                &format!("format_version: {FORMAT_VERSION},"),
                "format_version: 4,",
                1,
            )
            .replace("votes: 3", "votes: 0");
        let migrated = crate::io::from_ron_str(&v4, std::path::Path::new("v4.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(migrated.format_version, FORMAT_VERSION);
        assert!(
            migrated.journeys[0]
                .lanes
                .iter()
                .flat_map(|l| &l.cards)
                .all(|c| c.votes == 0)
        );
        let mut with_votes = migrated.clone();
        with_votes.format_version = 4;
        with_votes.journeys[0].lanes[0].cards[0].votes = 9;
        assert_eq!(migrate(with_votes), migrated);
    }

    #[test]
    fn a_version_5_file_reads_as_version_6_with_no_actors_and_no_accessible_text() {
        let mut p = crate::io::sample::sample_project();
        p.format_version = 5;
        let text = crate::io::to_ron_string(&p).unwrap_or_default();
        assert!(
            !text.contains("actors") && !text.contains("acc_title"),
            "a version 5 file has none of the new fields"
        );
        let loaded = crate::io::from_ron_str(&text, std::path::Path::new("v5.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.format_version, 6);
        let j = &loaded.journeys[0];
        assert!(j.acc_title.is_empty() && j.acc_descr.is_empty());
        assert!(
            j.lanes
                .iter()
                .flat_map(|l| &l.cards)
                .all(|c| c.actors.is_empty() && c.mermaid_score.is_none())
        );
        // A version 6 file keeps them.
        let mut v6 = loaded.clone();
        v6.journeys[0].acc_title = "Buying broadband".to_owned();
        v6.journeys[0].acc_descr = "Two lines\nof description".to_owned();
        v6.journeys[0].lanes[1].cards[0].actors = vec!["Me".to_owned(), "Cat".to_owned()];
        let text = crate::io::to_ron_string(&v6).unwrap_or_default();
        assert!(text.contains("actors:"), "{text}");
        assert_eq!(
            crate::io::from_ron_str(&text, std::path::Path::new("v6.ron")).ok(),
            Some(v6)
        );
    }
}
