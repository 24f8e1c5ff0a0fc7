//! The words for the model's enums, in one place and in every language: channel names,
//! touchpoint classes and their badges, lane kind captions, measure names, traffic-light
//! words, sentiments, annotation kinds and colour names.
//!
//! The model knows no language; whoever shows one of its values picks the language: the
//! interface passes [`interface`](super::interface), a map passes its own language
//! (`Language::from_tag(&project.settings.language)`). The messages live in
//! `assets/i18n/<lang>/map.ftl`.
//!
//! Touchpoint class badges are kept short enough for a chip on a card: in English the
//! usual initials (`MoT`, `H`, `C`, `D`); in Chinese one character each, the first meaningful
//! character of the class name: 关/關 (关键时刻, moment of truth), 卫/衛 (卫生因素,
//! hygiene factor), 核 (核心交互, core interaction) and 喜 (惊喜, the delight of a
//! delightful innovation; 令 would say nothing).

use super::Language;
use crate::model::{
    AnnotationKind, Channel, ColorToken, LaneKind, MeasureKind, Rag, Sentiment, TextRole,
    TouchpointClass,
};
use crate::tm;

/// The name of a channel; a named [`Channel::Other`] keeps its own name.
pub fn channel(lang: Language, channel: &Channel) -> String {
    match channel {
        Channel::Web => tm!(lang, "map-channel-web"),
        Channel::App => tm!(lang, "map-channel-app"),
        Channel::Phone => tm!(lang, "map-channel-phone"),
        Channel::Store => tm!(lang, "map-channel-store"),
        Channel::Email => tm!(lang, "map-channel-email"),
        Channel::Chat => tm!(lang, "map-channel-chat"),
        Channel::Social => tm!(lang, "map-channel-social"),
        Channel::Letter => tm!(lang, "map-channel-letter"),
        Channel::InPerson => tm!(lang, "map-channel-in-person"),
        Channel::Sms => tm!(lang, "map-channel-sms"),
        Channel::Other(name) => name.clone(),
    }
}

/// The name of a touchpoint's channel, or "No channel" while nobody chose one.
pub fn channel_or_none(lang: Language, channel: Option<&Channel>) -> String {
    channel.map_or_else(|| tm!(lang, "map-channel-none"), |c| self::channel(lang, c))
}

/// The name of a touchpoint class, e.g. "Moment of truth", 关键时刻.
pub fn touchpoint_class(lang: Language, class: TouchpointClass) -> String {
    match class {
        TouchpointClass::MomentOfTruth => tm!(lang, "map-class-moment-of-truth"),
        TouchpointClass::Hygiene => tm!(lang, "map-class-hygiene"),
        TouchpointClass::Core => tm!(lang, "map-class-core"),
        TouchpointClass::Delight => tm!(lang, "map-class-delight"),
    }
}

/// The name of a touchpoint class, or "Unclassified" for none.
pub fn touchpoint_class_or_none(lang: Language, class: Option<TouchpointClass>) -> String {
    class.map_or_else(
        || tm!(lang, "map-class-unclassified"),
        |c| touchpoint_class(lang, c),
    )
}

/// The short badge of a touchpoint class on cards and in the legend: MoT/H/C/D in
/// English, one character in Chinese (see the module documentation).
pub fn class_badge(lang: Language, class: TouchpointClass) -> String {
    match class {
        TouchpointClass::MomentOfTruth => tm!(lang, "map-badge-moment-of-truth"),
        TouchpointClass::Hygiene => tm!(lang, "map-badge-hygiene"),
        TouchpointClass::Core => tm!(lang, "map-badge-core"),
        TouchpointClass::Delight => tm!(lang, "map-badge-delight"),
    }
}

/// The name of a text lane's role, e.g. "Pain points", 痛点.
pub fn text_role(lang: Language, role: TextRole) -> String {
    match role {
        TextRole::Actions => tm!(lang, "map-role-actions"),
        TextRole::Thoughts => tm!(lang, "map-role-thoughts"),
        TextRole::Goals => tm!(lang, "map-role-goals"),
        TextRole::PainPoints => tm!(lang, "map-role-pain-points"),
        TextRole::Opportunities => tm!(lang, "map-role-opportunities"),
        TextRole::SupportProcesses => tm!(lang, "map-role-support-processes"),
        TextRole::Notes => tm!(lang, "map-role-notes"),
    }
}

/// The caption of a lane kind, shown under a lane's title: "Touchpoints",
/// "Measure: NPS", "Department: Sales".
pub fn lane_kind(lang: Language, kind: &LaneKind) -> String {
    match kind {
        LaneKind::Text(role) => text_role(lang, *role),
        LaneKind::Touchpoints => tm!(lang, "map-lane-kind-touchpoints"),
        LaneKind::Emotion { .. } => tm!(lang, "map-lane-kind-emotion"),
        LaneKind::Quotes => tm!(lang, "map-lane-kind-quotes"),
        LaneKind::Measures(m) => {
            tm!(
                lang,
                "map-lane-kind-measures",
                measure = measure_kind(lang, *m)
            )
        }
        LaneKind::FrontStage => tm!(lang, "map-lane-kind-front-stage"),
        LaneKind::BackStage => tm!(lang, "map-lane-kind-back-stage"),
        LaneKind::Department(name) => tm!(lang, "map-lane-kind-department", name = name),
    }
}

/// The title a new lane of `kind` starts with (document text, so in the map's language).
pub fn default_lane_title(lang: Language, kind: &LaneKind) -> String {
    match kind {
        LaneKind::Text(role) => text_role(lang, *role),
        LaneKind::Emotion { .. } => tm!(lang, "map-lane-title-emotions"),
        LaneKind::Quotes => tm!(lang, "map-lane-title-quotes"),
        LaneKind::Measures(m) => measure_kind(lang, *m),
        LaneKind::Department(_) => tm!(lang, "map-lane-title-department"),
        LaneKind::Touchpoints | LaneKind::FrontStage | LaneKind::BackStage => lane_kind(lang, kind),
    }
}

/// The department a new department lane starts with.
pub fn default_department(lang: Language) -> String {
    tm!(lang, "map-department-customer-service")
}

/// The name of a measure kind, e.g. "NPS", "Score /10", 净推荐值 (NPS).
pub fn measure_kind(lang: Language, kind: MeasureKind) -> String {
    match kind {
        MeasureKind::Nps => tm!(lang, "map-measure-nps"),
        MeasureKind::Csat => tm!(lang, "map-measure-csat"),
        MeasureKind::Ces => tm!(lang, "map-measure-ces"),
        MeasureKind::Nev => tm!(lang, "map-measure-nev"),
        MeasureKind::ScoreOutOf10 => tm!(lang, "map-measure-score-out-of-10"),
        MeasureKind::Rag => tm!(lang, "map-measure-rag"),
        MeasureKind::UnmetNeedPercent => tm!(lang, "map-measure-unmet-need"),
        MeasureKind::ComplaintsPer1000 => tm!(lang, "map-measure-complaints"),
    }
}

/// A traffic-light status word: "Green", 绿灯.
pub fn rag(lang: Language, rag: Rag) -> String {
    match rag {
        Rag::Green => tm!(lang, "map-rag-green"),
        Rag::Amber => tm!(lang, "map-rag-amber"),
        Rag::Red => tm!(lang, "map-rag-red"),
    }
}

/// A quote's sentiment: "Positive", 正面.
pub fn sentiment(lang: Language, sentiment: Sentiment) -> String {
    match sentiment {
        Sentiment::Positive => tm!(lang, "map-sentiment-positive"),
        Sentiment::Neutral => tm!(lang, "map-sentiment-neutral"),
        Sentiment::Negative => tm!(lang, "map-sentiment-negative"),
    }
}

/// An annotation kind: "Accelerator", 加速器.
pub fn annotation_kind(lang: Language, kind: AnnotationKind) -> String {
    match kind {
        AnnotationKind::Accelerator => tm!(lang, "map-annotation-accelerator"),
        AnnotationKind::Blocker => tm!(lang, "map-annotation-blocker"),
    }
}

/// The name of a card colour token: "Lane colour", "Yellow", 黄色.
pub fn color_token(lang: Language, token: ColorToken) -> String {
    match token {
        ColorToken::Auto => tm!(lang, "map-color-auto"),
        ColorToken::Yellow => tm!(lang, "map-color-yellow"),
        ColorToken::Blue => tm!(lang, "map-color-blue"),
        ColorToken::Green => tm!(lang, "map-color-green"),
        ColorToken::Red => tm!(lang, "map-color-red"),
        ColorToken::Purple => tm!(lang, "map-color-purple"),
        ColorToken::Orange => tm!(lang, "map-color-orange"),
        ColorToken::Grey => tm!(lang, "map-color-grey"),
    }
}

/// The measured change of an annotation, e.g. "NEV +30, CES -1.2": after minus before
/// for each measure with both values; empty when none has both.
pub fn effect_summary(lang: Language, a: &crate::model::Annotation) -> String {
    let mut parts = Vec::new();
    for (name, before, after) in [
        (tm!(lang, "map-abbr-nev"), a.before.nev, a.after.nev),
        (tm!(lang, "map-abbr-ces"), a.before.ces, a.after.ces),
        (tm!(lang, "map-abbr-nps"), a.before.nps, a.after.nps),
    ] {
        if let (Some(b), Some(x)) = (before, after) {
            let d = x - b;
            let change = if d.fract().abs() < 1e-9 {
                format!("{d:+.0}")
            } else {
                format!("{d:+.1}")
            };
            parts.push(tm!(lang, "map-effect", measure = name, change = change));
        }
    }
    parts.join(&tm!(lang, "map-effect-separator"))
}

/// The text of an annotation pill: the measured change first (so that it survives when
/// a long title is cut), then the title.
pub fn annotation_summary(lang: Language, a: &crate::model::Annotation) -> String {
    let change = effect_summary(lang, a);
    if change.is_empty() {
        a.title.clone()
    } else {
        tm!(
            lang,
            "map-annotation-summary",
            change = change,
            title = &a.title
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, Annotation, AnnotationId, Effect, StageId};

    fn every_lane_kind() -> Vec<LaneKind> {
        let mut kinds: Vec<LaneKind> = TextRole::ALL.map(LaneKind::Text).to_vec();
        kinds.extend(MeasureKind::ALL.map(LaneKind::Measures));
        kinds.extend([
            LaneKind::Touchpoints,
            LaneKind::Emotion {
                persona: None,
                compare: Vec::new(),
            },
            LaneKind::Quotes,
            LaneKind::FrontStage,
            LaneKind::BackStage,
            LaneKind::Department("Sales".to_owned()),
        ]);
        kinds
    }

    #[test]
    fn every_enum_value_has_a_label_in_every_language() {
        for lang in Language::ALL {
            let mut words: Vec<String> = Vec::new();
            words.extend(Channel::VOCABULARY.iter().map(|c| channel(lang, c)));
            words.extend(TouchpointClass::ALL.map(|c| touchpoint_class(lang, c)));
            words.extend(TouchpointClass::ALL.map(|c| class_badge(lang, c)));
            words.push(touchpoint_class_or_none(lang, None));
            words.extend(TextRole::ALL.map(|r| text_role(lang, r)));
            words.extend(every_lane_kind().iter().map(|k| lane_kind(lang, k)));
            words.extend(
                every_lane_kind()
                    .iter()
                    .map(|k| default_lane_title(lang, k)),
            );
            words.push(default_department(lang));
            words.extend(MeasureKind::ALL.map(|m| measure_kind(lang, m)));
            words.extend([Rag::Green, Rag::Amber, Rag::Red].map(|r| rag(lang, r)));
            words.extend(
                [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative]
                    .map(|s| sentiment(lang, s)),
            );
            words.extend(
                [AnnotationKind::Accelerator, AnnotationKind::Blocker]
                    .map(|k| annotation_kind(lang, k)),
            );
            words.extend(ColorToken::ALL.map(|t| color_token(lang, t)));
            for w in &words {
                assert!(!w.trim().is_empty(), "{}: an empty label", lang.tag());
                // A missing message comes back as its id.
                assert!(!w.starts_with("map-"), "{}: {w} is missing", lang.tag());
            }
        }
    }

    #[test]
    fn chinese_labels_are_chinese_and_badges_are_one_character() {
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for lang in [Language::ZhHans, Language::ZhHant] {
            for class in TouchpointClass::ALL {
                let badge = class_badge(lang, class);
                assert_eq!(badge.chars().count(), 1, "{badge}");
                assert!(han(&badge) && han(&touchpoint_class(lang, class)));
            }
            assert!(han(&lane_kind(lang, &LaneKind::FrontStage)));
            assert!(han(&rag(lang, Rag::Amber)));
        }
        assert_eq!(
            touchpoint_class(Language::ZhHans, TouchpointClass::MomentOfTruth),
            "关键时刻"
        );
        assert_eq!(
            touchpoint_class(Language::ZhHant, TouchpointClass::Core),
            "核心互動"
        );
        assert_eq!(
            lane_kind(Language::En, &LaneKind::Measures(MeasureKind::Nps)),
            "Measure: NPS"
        );
        assert_eq!(
            lane_kind(Language::ZhHans, &LaneKind::Department("销售".to_owned())),
            "部门：销售"
        );
        assert_eq!(
            channel(Language::En, &Channel::Other("LINE".to_owned())),
            "LINE"
        );
        assert_eq!(
            class_badge(Language::En, TouchpointClass::MomentOfTruth),
            "MoT"
        );
    }

    #[test]
    fn annotation_summaries_put_the_change_first_in_the_maps_language() {
        let a = Annotation {
            id: AnnotationId(1),
            kind: AnnotationKind::Accelerator,
            title: "Clear fault number".to_owned(),
            note: String::new(),
            anchor: Anchor::Stage(StageId(2)),
            before: Effect {
                nev: Some(-10.0),
                ces: Some(4.5),
                nps: None,
            },
            after: Effect {
                nev: Some(20.0),
                ces: Some(3.3),
                nps: Some(5.0),
            },
        };
        assert_eq!(
            annotation_summary(Language::En, &a),
            "NEV +30, CES -1.2 · Clear fault number"
        );
        assert_eq!(
            annotation_summary(Language::ZhHans, &a),
            "NEV +30，CES -1.2 · Clear fault number"
        );
        let plain = Annotation {
            before: Effect::default(),
            ..a
        };
        assert_eq!(annotation_summary(Language::ZhHant, &plain), plain.title);
    }
}
