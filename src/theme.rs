//! Design tokens: every colour, size and font of the map in one place.

// Reason: this is the one module allowed to construct colours; `clippy.toml` bans the
// `Color32` constructors everywhere else so that no colour is hard-coded in a widget.
#![allow(
    clippy::disallowed_methods,
    reason = "the design tokens are where colours are made"
)]

use egui::Color32;

use crate::model::{
    AnnotationKind, ColorToken, LaneKind, Rag, Sentiment, TextRole, TouchpointClass,
};

/// Sizes of the map, in document units (points at 100% zoom).
pub mod size {
    /// Margin around the whole map.
    pub const MARGIN: f32 = 24.0;
    /// Height of the title block above the stage headers.
    pub const TITLE_BLOCK: f32 = 84.0;
    /// Width of the lane header column.
    pub const LANE_HEADER: f32 = 170.0;
    /// Height of the stage header row.
    pub const STAGE_HEADER: f32 = 52.0;
    /// Height of a collapsed lane.
    pub const COLLAPSED_LANE: f32 = 28.0;
    /// Padding inside a cell.
    pub const CELL_PAD: f32 = 8.0;
    /// Gap between stacked cards.
    pub const CARD_GAP: f32 = 6.0;
    /// Padding inside a card.
    pub const CARD_PAD: f32 = 7.0;
    /// Height of the chip row of a touchpoint card.
    pub const CHIP_ROW: f32 = 18.0;
    /// Height of the big value of a measure card.
    pub const MEASURE_VALUE: f32 = 24.0;
    /// Vertical padding of the emotion curve inside its lane.
    pub const EMOTION_PAD: f32 = 22.0;
    /// Radius of an emotion point.
    pub const EMOTION_POINT: f32 = 6.0;
    /// Corner radius of cards.
    pub const CARD_ROUNDING: f32 = 5.0;
    /// Width of the keyboard focus ring, in screen points.
    pub const FOCUS_RING: f32 = 2.0;
    /// Gap between the selection outline and the focus ring around it, in points.
    pub const FOCUS_RING_GAP: f32 = 3.0;
    /// How far Alt+arrow pans the map, in screen points.
    pub const KEY_PAN_STEP: f32 = 120.0;
    /// Smallest allowed stage width.
    pub const MIN_STAGE_WIDTH: f32 = 80.0;
    /// Smallest allowed lane height.
    pub const MIN_LANE_HEIGHT: f32 = 40.0;
}

/// Font sizes in document units.
pub mod font {
    /// Journey title.
    pub const TITLE: f32 = 22.0;
    /// Subtitle lines in the title block.
    pub const SUBTITLE: f32 = 13.0;
    /// Stage names.
    pub const STAGE: f32 = 15.0;
    /// Lane titles.
    pub const LANE: f32 = 14.0;
    /// Card text.
    pub const CARD: f32 = 12.5;
    /// Small labels: chips, badges, emotion labels.
    pub const SMALL: f32 = 10.5;
    /// The big value of a measure card.
    pub const MEASURE: f32 = 20.0;
}

/// The map's colours.
pub mod color {
    use egui::Color32;

    /// Map background.
    pub const BACKGROUND: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    /// Main text.
    pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x25, 0x2B);
    /// Secondary text.
    pub const TEXT_MUTED: Color32 = Color32::from_rgb(0x5F, 0x66, 0x70);
    /// Grid lines between cells.
    pub const GRID: Color32 = Color32::from_rgb(0xDD, 0xDF, 0xE3);
    /// Stage header fill.
    pub const STAGE_HEADER: Color32 = Color32::from_rgb(0x2F, 0x4B, 0x7C);
    /// Stage header text.
    pub const STAGE_TEXT: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    /// Lane header fill.
    pub const LANE_HEADER: Color32 = Color32::from_rgb(0xEC, 0xEF, 0xF4);
    /// Alternate row tint.
    pub const ROW_TINT: Color32 = Color32::from_rgb(0xF3, 0xF4, 0xF1);
    /// The line of visibility between front and back stage.
    pub const VISIBILITY_LINE: Color32 = Color32::from_rgb(0x8A, 0x4F, 0xB8);
    /// Card outline.
    pub const CARD_STROKE: Color32 = Color32::from_rgba_premultiplied(0, 0, 0, 28);
    /// Selection highlight.
    pub const SELECTION: Color32 = Color32::from_rgb(0x1E, 0x88, 0xE5);
    /// The keyboard focus ring around the canvas's keyboard selection: a dark orange
    /// that stands out from the blue selection outline and from every card colour.
    pub const FOCUS_RING: Color32 = Color32::from_rgb(0xE6, 0x51, 0x00);
    /// The minimap's paper.
    pub const MINIMAP_BACKGROUND: Color32 = Color32::from_rgba_premultiplied(250, 250, 248, 235);
    /// The minimap's cards.
    pub const MINIMAP_CARD: Color32 = Color32::from_rgb(0xB8, 0xC4, 0xD6);
    /// The minimap's frame.
    pub const MINIMAP_FRAME: Color32 = Color32::from_rgb(0x8A, 0x93, 0xA3);
    /// The most negative emotion.
    pub const EMOTION_NEGATIVE: Color32 = Color32::from_rgb(0xD6, 0x3B, 0x30);
    /// Neutral emotion.
    pub const EMOTION_NEUTRAL: Color32 = Color32::from_rgb(0xE8, 0xA3, 0x17);
    /// The most positive emotion.
    pub const EMOTION_POSITIVE: Color32 = Color32::from_rgb(0x2E, 0x9E, 0x5B);
    /// The neutral line of the emotion lane.
    pub const EMOTION_BASELINE: Color32 = Color32::from_rgb(0xC8, 0xCB, 0xD0);
    /// Traffic light: green.
    pub const RAG_GREEN: Color32 = Color32::from_rgb(0x2E, 0x9E, 0x5B);
    /// Traffic light: amber.
    pub const RAG_AMBER: Color32 = Color32::from_rgb(0xF0, 0xA2, 0x02);
    /// Traffic light: red.
    pub const RAG_RED: Color32 = Color32::from_rgb(0xD6, 0x3B, 0x30);
    /// The badge counting a stage's micro journeys, on its header.
    pub const MICRO_BADGE: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    /// The badge's text.
    pub const MICRO_BADGE_TEXT: Color32 = Color32::from_rgb(0x2F, 0x4B, 0x7C);
    /// A stage's roll-up of its micro journeys: fill.
    pub const ROLLUP_FILL: Color32 = Color32::from_rgb(0xF3, 0xF5, 0xF9);
    /// Its border (and its stripe when no measure has a status).
    pub const ROLLUP_STROKE: Color32 = Color32::from_rgb(0xB8, 0xC2, 0xD3);
    /// Accelerator marker.
    pub const ACCELERATOR: Color32 = Color32::from_rgb(0x1B, 0x8A, 0x4C);
    /// Blocker marker.
    pub const BLOCKER: Color32 = Color32::from_rgb(0xC6, 0x28, 0x28);
    /// Title-block persona card fill.
    pub const PERSONA_CARD: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    /// Fill of the series legend inside an emotion lane: white, slightly see-through
    /// so the curve beneath stays visible.
    pub const LEGEND_FILL: Color32 = Color32::from_rgba_unmultiplied_const(255, 255, 255, 220);
}

/// The colours of the map's paper, text and rules: the editor's, or the projector's
/// (higher contrast for a wall screen seen from the back of a room). Everything else
/// (card fills, emotion, traffic lights) is the same in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Map background.
    pub background: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub text_muted: Color32,
    /// Grid lines between cells.
    pub grid: Color32,
    /// Stage header fill.
    pub stage_header: Color32,
    /// Stage header text.
    pub stage_text: Color32,
    /// Lane header fill.
    pub lane_header: Color32,
    /// Alternate row tint.
    pub row_tint: Color32,
    /// Card outline.
    pub card_stroke: Color32,
    /// The veil over the stages that are not in the spotlight: dimmed, still visible.
    pub dim: Color32,
}

/// The editor's palette (the canvas and ordinary exports).
pub const STANDARD: Palette = Palette {
    background: color::BACKGROUND,
    text: color::TEXT,
    text_muted: color::TEXT_MUTED,
    grid: color::GRID,
    stage_header: color::STAGE_HEADER,
    stage_text: color::STAGE_TEXT,
    lane_header: color::LANE_HEADER,
    row_tint: color::ROW_TINT,
    card_stroke: color::CARD_STROKE,
    dim: Color32::from_rgba_unmultiplied_const(255, 255, 255, 175),
};

/// The projector's palette: white paper, black text, darker rules and headers.
pub const PROJECTOR: Palette = Palette {
    background: Color32::from_rgb(0xFF, 0xFF, 0xFF),
    text: Color32::from_rgb(0x00, 0x00, 0x00),
    text_muted: Color32::from_rgb(0x33, 0x38, 0x40),
    grid: Color32::from_rgb(0x9A, 0xA0, 0xA8),
    stage_header: Color32::from_rgb(0x1A, 0x2F, 0x55),
    stage_text: Color32::from_rgb(0xFF, 0xFF, 0xFF),
    lane_header: Color32::from_rgb(0xE0, 0xE5, 0xEE),
    row_tint: Color32::from_rgb(0xF4, 0xF5, 0xF2),
    card_stroke: Color32::from_rgba_premultiplied(0, 0, 0, 90),
    dim: Color32::from_rgba_unmultiplied_const(255, 255, 255, 175),
};

/// Dot votes and the workshop timer.
pub mod workshop {
    use egui::Color32;

    /// A dot vote on a card: a saturated magenta sticker, unlike any card fill.
    pub const VOTE: Color32 = Color32::from_rgb(0xC2, 0x18, 0x5B);
    /// The white ring around a vote dot, so dots stay apart on any card colour.
    pub const VOTE_RING: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    /// A timer within its time box.
    pub const TIMER_OK: Color32 = Color32::from_rgb(0x2E, 0x9E, 0x5B);
    /// A timer in the last fifth of its time box.
    pub const TIMER_AMBER: Color32 = Color32::from_rgb(0xF0, 0xA2, 0x02);
    /// A timer past its time box.
    pub const TIMER_RED: Color32 = Color32::from_rgb(0xD6, 0x3B, 0x30);
    /// A legibility warning in the presenter console.
    pub const WARNING: Color32 = Color32::from_rgb(0xB2, 0x5E, 0x00);
}

/// The fill of a card with a given colour token in a lane of a given kind.
pub fn card_fill(token: ColorToken, lane: &LaneKind) -> Color32 {
    match token {
        ColorToken::Auto => lane_card_fill(lane),
        ColorToken::Yellow => Color32::from_rgb(0xFF, 0xF1, 0xA8),
        ColorToken::Blue => Color32::from_rgb(0xD6, 0xE8, 0xFF),
        ColorToken::Green => Color32::from_rgb(0xD4, 0xF2, 0xDC),
        ColorToken::Red => Color32::from_rgb(0xFF, 0xD9, 0xD6),
        ColorToken::Purple => Color32::from_rgb(0xE8, 0xDD, 0xFA),
        ColorToken::Orange => Color32::from_rgb(0xFF, 0xE2, 0xC2),
        ColorToken::Grey => Color32::from_rgb(0xE6, 0xE7, 0xE9),
    }
}

fn lane_card_fill(lane: &LaneKind) -> Color32 {
    match lane {
        LaneKind::Text(TextRole::Actions) => Color32::from_rgb(0xD6, 0xE8, 0xFF),
        LaneKind::Text(TextRole::Thoughts) => Color32::from_rgb(0xFF, 0xF1, 0xA8),
        LaneKind::Text(TextRole::PainPoints) => Color32::from_rgb(0xFF, 0xD9, 0xD6),
        LaneKind::Text(TextRole::Opportunities | TextRole::Goals) => {
            Color32::from_rgb(0xD4, 0xF2, 0xDC)
        }
        LaneKind::Text(_) | LaneKind::Department(_) => Color32::from_rgb(0xF1, 0xF2, 0xF4),
        LaneKind::Emotion { .. } => Color32::TRANSPARENT,
        LaneKind::Quotes => Color32::from_rgb(0xFF, 0xFB, 0xF0),
        LaneKind::Touchpoints | LaneKind::Measures(_) => Color32::from_rgb(0xFF, 0xFF, 0xFF),
        LaneKind::FrontStage => Color32::from_rgb(0xE8, 0xDD, 0xFA),
        LaneKind::BackStage => Color32::from_rgb(0xE6, 0xE7, 0xE9),
    }
}

/// The colour of a touchpoint class badge.
pub fn class_color(class: TouchpointClass) -> Color32 {
    match class {
        TouchpointClass::MomentOfTruth => Color32::from_rgb(0x7B, 0x1F, 0xA2),
        TouchpointClass::Hygiene => Color32::from_rgb(0x45, 0x5A, 0x64),
        TouchpointClass::Core => Color32::from_rgb(0x15, 0x65, 0xC0),
        TouchpointClass::Delight => Color32::from_rgb(0xE6, 0x51, 0x00),
    }
}

/// The colour of a quote's sentiment bar.
pub fn sentiment_color(sentiment: Sentiment) -> Color32 {
    match sentiment {
        Sentiment::Positive => color::EMOTION_POSITIVE,
        Sentiment::Neutral => color::TEXT_MUTED,
        Sentiment::Negative => color::EMOTION_NEGATIVE,
    }
}

/// The colour of a traffic-light status.
pub fn rag_color(rag: Rag) -> Color32 {
    match rag {
        Rag::Green => color::RAG_GREEN,
        Rag::Amber => color::RAG_AMBER,
        Rag::Red => color::RAG_RED,
    }
}

/// The colour of an annotation marker.
pub fn annotation_color(kind: AnnotationKind) -> Color32 {
    match kind {
        AnnotationKind::Accelerator => color::ACCELERATOR,
        AnnotationKind::Blocker => color::BLOCKER,
    }
}

/// The colour of an emotion value normalised to 0 (most negative) ..= 1 (most positive):
/// red through amber to green.
pub fn emotion_color(t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        lerp_color(color::EMOTION_NEGATIVE, color::EMOTION_NEUTRAL, t * 2.0)
    } else {
        lerp_color(
            color::EMOTION_NEUTRAL,
            color::EMOTION_POSITIVE,
            (t - 0.5) * 2.0,
        )
    }
}

fn lerp_color(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// The colour of a compared persona's emotion curve (series 1, 2, ...).
pub fn series_color(series: usize) -> Color32 {
    const PALETTE: [Color32; 4] = [
        Color32::from_rgb(0x5E, 0x35, 0xB1),
        Color32::from_rgb(0x00, 0x83, 0x8F),
        Color32::from_rgb(0xC2, 0x18, 0x5B),
        Color32::from_rgb(0x37, 0x47, 0x4F),
    ];
    PALETTE[series.saturating_sub(1) % PALETTE.len()]
}
