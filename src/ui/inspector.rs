//! The inspector side panel: edits the selected stage, lane or card, or the journey.
//! It edits copies and emits [`Edit`] commands; it never touches the document itself.

use egui::{DragValue, Id, Ui};

use crate::app::{AppState, Command, Edit, Selection};
use crate::model::{
    Anchor, Annotation, AnnotationKind, Card, Channel, Journey, LaneKind, MeasureValue, Rag,
    Sentiment, Touchpoint, TouchpointClass,
};
use crate::t;
use crate::theme::size;

/// Shows the inspector for the current selection.
pub fn inspector_ui(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    ui.ctx().data_mut(|d| d.remove::<Id>(first_field_key()));
    let Some(journey) = state.current_journey() else {
        ui.label(t!("inspector-no-journey"));
        return;
    };
    let edit = |out: &mut Vec<Command>, id: Id, edit: Edit| {
        out.push(Command::Edit {
            edit,
            gesture: Some(id.value()),
        });
    };
    match state.selection {
        None | Some(Selection::Cell { .. }) => journey_ui(ui, state, journey, out, edit),
        Some(Selection::Stage(id)) => {
            let Some(stage) = journey.stage(id) else {
                return;
            };
            ui.heading(t!("inspector-stage"));
            let mut s = stage.clone();
            text_field(ui, &t!("inspector-name"), &mut s.name, false);
            text_field(ui, &t!("inspector-description"), &mut s.description, true);
            ui.horizontal(|ui| {
                let label = ui.label(t!("inspector-width"));
                ui.add(
                    DragValue::new(&mut s.width)
                        .range(size::MIN_STAGE_WIDTH..=2000.0)
                        .suffix(t!("inspector-points-suffix")),
                )
                .labelled_by(label.id);
            });
            if &s != stage {
                edit(
                    out,
                    ui.scope_id().with(("stage", id)),
                    Edit::SetStage {
                        journey: journey.id,
                        stage: s,
                    },
                );
            }
            super::micro::stage_micro_ui(ui, state, journey.id, id, out);
        }
        Some(Selection::Lane(id)) => {
            let Some(lane) = journey.lanes.iter().find(|l| l.id == id) else {
                return;
            };
            ui.heading(t!("inspector-lane"));
            ui.label(t!(
                "inspector-lane-kind",
                kind = crate::i18n::labels::lane_kind(crate::i18n::interface(), &lane.kind)
            ));
            let (mut title, mut height, mut collapsed) =
                (lane.title.clone(), lane.height, lane.collapsed);
            text_field(ui, &t!("inspector-title"), &mut title, false);
            ui.horizontal(|ui| {
                let label = ui.label(t!("inspector-height"));
                ui.add(
                    DragValue::new(&mut height)
                        .range(size::MIN_LANE_HEIGHT..=2000.0)
                        .suffix(t!("inspector-points-suffix")),
                )
                .labelled_by(label.id);
            });
            ui.checkbox(&mut collapsed, t!("inspector-collapsed"));
            if let LaneKind::Emotion { persona, compare } = &lane.kind {
                emotion_lane_ui(ui, state, journey, lane.id, *persona, compare, out);
            }
            if (title.as_str(), height, collapsed)
                != (lane.title.as_str(), lane.height, lane.collapsed)
            {
                edit(
                    out,
                    ui.scope_id().with(("lane", id)),
                    Edit::SetLane {
                        journey: journey.id,
                        lane: id,
                        title,
                        height,
                        collapsed,
                    },
                );
            }
        }
        Some(Selection::Annotation(id)) => {
            let Some(a) = journey.annotations.iter().find(|a| a.id == id) else {
                return;
            };
            let mut copy = a.clone();
            annotation_ui(ui, journey, &mut copy);
            if &copy != a {
                edit(
                    out,
                    ui.scope_id().with(("annotation", id)),
                    Edit::SetAnnotation {
                        journey: journey.id,
                        annotation: copy,
                    },
                );
            }
        }
        Some(Selection::Card(id)) => {
            let Some((lane, card)) = journey.card(id) else {
                return;
            };
            ui.heading(t!("inspector-card"));
            ui.label(t!("inspector-in-lane", lane = &lane.title));
            let mut c = card.clone();
            card_fields_ui(ui, state, &lane.kind, &mut c);
            if &c != card {
                edit(
                    out,
                    ui.scope_id().with(("card", id)),
                    Edit::SetCard {
                        journey: journey.id,
                        card: Box::new(c),
                    },
                );
            }
        }
    }
}

fn journey_ui(
    ui: &mut Ui,
    state: &AppState,
    journey: &Journey,
    out: &mut Vec<Command>,
    edit: impl Fn(&mut Vec<Command>, Id, Edit),
) {
    ui.heading(t!("inspector-journey"));
    let (mut title, mut description) = (journey.title.clone(), journey.description.clone());
    text_field(ui, &t!("inspector-title"), &mut title, false);
    text_field(ui, &t!("inspector-description"), &mut description, true);
    if title != journey.title || description != journey.description {
        edit(
            out,
            ui.scope_id().with(("journey", journey.id)),
            Edit::SetJourneyInfo {
                journey: journey.id,
                title,
                description,
            },
        );
    }
    // The persona this map is designed for (its card is painted on the map).
    let current = journey.persona.and_then(|id| state.project().persona(id));
    let mut chosen = journey.persona;
    let none = t!("inspector-none");
    egui::ComboBox::from_label(t!("inspector-persona"))
        .selected_text(current.map_or(none.as_str(), |p| p.name.as_str()))
        .show_ui(ui, |ui| {
            crate::ui::popups::close_on_keyboard_choice(ui);
            ui.selectable_value(&mut chosen, None, none.as_str());
            for p in &state.project().personas {
                ui.selectable_value(&mut chosen, Some(p.id), &p.name);
            }
        });
    if chosen != journey.persona {
        out.push(Command::Edit {
            edit: Edit::SetJourneyPersona {
                journey: journey.id,
                persona: chosen,
            },
            gesture: None,
        });
    }
    // What screen readers say of the map (Mermaid's accTitle and accDescr).
    let (mut acc_title, mut acc_descr) = (journey.acc_title.clone(), journey.acc_descr.clone());
    text_field(ui, &t!("inspector-acc-title"), &mut acc_title, false);
    text_field(ui, &t!("inspector-acc-descr"), &mut acc_descr, true);
    if acc_title != journey.acc_title || acc_descr != journey.acc_descr {
        let mut changed = journey.clone();
        changed.acc_title = acc_title;
        changed.acc_descr = acc_descr;
        edit(
            out,
            ui.scope_id().with(("journey-acc", journey.id)),
            Edit::SetJourney {
                journey: Box::new(changed),
            },
        );
    }
    ui.separator();
    super::micro::parent_picker_ui(ui, state, journey, out);
    ui.separator();
    ui.weak(t!("inspector-click-to-edit"));
}

fn card_fields_ui(ui: &mut Ui, state: &AppState, kind: &LaneKind, c: &mut Card) {
    let lang = crate::i18n::interface();
    text_field(ui, &t!("inspector-text"), &mut c.text, true);
    if !matches!(kind, LaneKind::Emotion { .. }) {
        actors_field(ui, c);
    }
    egui::ComboBox::from_label(t!("inspector-colour"))
        .selected_text(crate::i18n::labels::color_token(lang, c.color))
        .show_ui(ui, |ui| {
            crate::ui::popups::close_on_keyboard_choice(ui);
            for token in crate::model::ColorToken::ALL {
                ui.selectable_value(
                    &mut c.color,
                    token,
                    crate::i18n::labels::color_token(lang, token),
                );
            }
        });
    match kind {
        LaneKind::Touchpoints => {
            let empty = Touchpoint {
                channel: None,
                class: None,
                owner: String::new(),
            };
            let mut tp_value = c.touchpoint.clone().unwrap_or_else(|| empty.clone());
            let tp = &mut tp_value;
            egui::ComboBox::from_label(t!("inspector-channel"))
                .selected_text(crate::i18n::labels::channel_or_none(
                    lang,
                    tp.channel.as_ref(),
                ))
                .show_ui(ui, |ui| {
                    crate::ui::popups::close_on_keyboard_choice(ui);
                    ui.selectable_value(
                        &mut tp.channel,
                        None,
                        crate::i18n::labels::channel_or_none(lang, None),
                    );
                    for ch in Channel::VOCABULARY {
                        let label = crate::i18n::labels::channel(lang, &ch);
                        ui.selectable_value(&mut tp.channel, Some(ch), label);
                    }
                });
            egui::ComboBox::from_label(t!("inspector-class"))
                .selected_text(crate::i18n::labels::touchpoint_class_or_none(
                    lang, tp.class,
                ))
                .show_ui(ui, |ui| {
                    crate::ui::popups::close_on_keyboard_choice(ui);
                    let none = crate::i18n::labels::touchpoint_class_or_none(lang, None);
                    ui.selectable_value(&mut tp.class, None, none);
                    for class in TouchpointClass::ALL {
                        let label = crate::i18n::labels::touchpoint_class(lang, class);
                        ui.selectable_value(&mut tp.class, Some(class), label);
                    }
                });
            text_field(ui, &t!("inspector-owner"), &mut tp.owner, false);
            // Only a real change gives a card touchpoint details.
            if c.touchpoint.as_ref() != Some(&tp_value)
                && (c.touchpoint.is_some() || tp_value != empty)
            {
                c.touchpoint = Some(tp_value);
            }
        }
        LaneKind::Emotion { .. } => {
            let scale = state.project().settings.emotion_scale;
            let mut score = c.emotion.unwrap_or_else(|| scale.neutral());
            let slider = egui::Slider::new(&mut score, scale.min as f32..=scale.max as f32)
                .step_by(1.0)
                .text(t!("inspector-emotion"));
            if ui.add(slider).changed() {
                c.emotion = Some(score);
            }
        }
        LaneKind::Quotes => {
            ui.horizontal(|ui| {
                for s in [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative] {
                    let label = crate::i18n::labels::sentiment(lang, s);
                    ui.selectable_value(&mut c.sentiment, Some(s), label);
                }
            });
        }
        LaneKind::Measures(m) => {
            if *m == crate::model::MeasureKind::Rag {
                ui.horizontal(|ui| {
                    for rag in [Rag::Green, Rag::Amber, Rag::Red] {
                        ui.selectable_value(
                            &mut c.measure,
                            Some(MeasureValue::Status(rag)),
                            crate::i18n::labels::rag(lang, rag),
                        );
                    }
                });
            } else {
                let (lo, hi) = m.range().unwrap_or((f64::MIN, f64::MAX));
                let mut v = match c.measure {
                    Some(MeasureValue::Number(v)) => v,
                    _ => lo.max(0.0),
                };
                let changed = ui
                    .horizontal(|ui| {
                        let label = ui.label(crate::i18n::labels::measure_kind(lang, *m));
                        ui.add(DragValue::new(&mut v).range(lo..=hi).speed(0.5))
                            .labelled_by(label.id)
                            .changed()
                    })
                    .inner;
                if changed {
                    c.measure = Some(MeasureValue::Number(v));
                    // A value set by hand is no longer derived from the imported
                    // answers: they would overwrite it at the next settings change.
                    c.answers = None;
                }
                if let Some(a) = &c.answers {
                    ui.weak(t!(
                        "inspector-answers",
                        count = a.scores.len(),
                        date = &a.imported
                    ));
                }
            }
            measured_touchpoint(ui, state, c);
        }
        _ => {}
    }
}

/// Which touchpoint of its stage a measure card measures, or the stage as a whole.
fn measured_touchpoint(ui: &mut Ui, state: &AppState, c: &mut crate::model::Card) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    let touchpoints: Vec<(crate::model::CardId, String)> = journey
        .touchpoints()
        .filter(|t| t.stage == c.stage || c.about == Some(t.id))
        .map(|t| (t.id, t.text.lines().next().unwrap_or_default().to_owned()))
        .collect();
    let whole = t!("inspector-measures-whole-stage");
    let selected = c
        .about
        .and_then(|id| touchpoints.iter().find(|(t, _)| *t == id))
        .map_or_else(|| whole.clone(), |(_, name)| name.clone());
    egui::ComboBox::from_label(t!("inspector-measures-touchpoint"))
        .selected_text(selected)
        .show_ui(ui, |ui| {
            crate::ui::popups::close_on_keyboard_choice(ui);
            ui.selectable_value(&mut c.about, None, whole);
            for (id, name) in touchpoints {
                ui.selectable_value(&mut c.about, Some(id), name);
            }
        });
}

/// The people taking part in a card's step, comma-separated. Each name keeps its inner
/// and trailing spaces while being typed (only leading ones go), so "Jo Do, " can be
/// typed letter by letter; the chips and exports trim them.
fn actors_field(ui: &mut Ui, c: &mut Card) {
    let mut text = c.actors.join(", ");
    let before = text.clone();
    text_field(ui, &t!("inspector-actors"), &mut text, false);
    if text != before {
        c.actors = if text.trim().is_empty() {
            Vec::new()
        } else {
            text.split(',').map(|a| a.trim_start().to_owned()).collect()
        };
    }
}

/// A labelled text field; the label names the field for screen readers and tests. The
/// first one of a frame is remembered, for Tab from the canvas (see [`first_field`]).
fn text_field(ui: &mut Ui, label: &str, text: &mut String, multiline: bool) -> egui::Response {
    let label = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(text)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.ctx().data_mut(|d| {
        if d.get_temp::<Id>(first_field_key()).is_none() {
            d.insert_temp(first_field_key(), response.id);
        }
    });
    response
}

fn first_field_key() -> Id {
    Id::unique("inspector_first_field")
}

/// The inspector's first text field as last drawn: where Tab from the canvas goes.
pub fn first_field(ctx: &egui::Context) -> Option<Id> {
    ctx.data(|d| d.get_temp::<Id>(first_field_key()))
}

fn annotation_ui(ui: &mut Ui, journey: &Journey, a: &mut Annotation) {
    let lang = crate::i18n::interface();
    ui.heading(crate::i18n::labels::annotation_kind(lang, a.kind));
    ui.horizontal(|ui| {
        for kind in [AnnotationKind::Accelerator, AnnotationKind::Blocker] {
            let label = crate::i18n::labels::annotation_kind(lang, kind);
            ui.radio_value(&mut a.kind, kind, label);
        }
    });
    let pinned = match a.anchor {
        Anchor::Stage(s) => journey
            .stage(s)
            .map(|s| t!("inspector-pinned-to-stage", stage = &s.name)),
        Anchor::Card(c) => journey
            .card(c)
            .map(|(_, c)| t!("inspector-pinned-to-card", card = &c.text)),
    };
    // A dangling anchor (validation reports it) has nothing to name.
    if let Some(pinned) = pinned {
        ui.weak(pinned);
    }
    text_field(ui, &t!("inspector-title"), &mut a.title, false);
    text_field(ui, &t!("inspector-note"), &mut a.note, true);
    ui.add_space(4.0);
    ui.strong(t!("inspector-effect"));
    egui::Grid::new("effect_grid").show(ui, |ui| {
        ui.label("");
        ui.label(t!("inspector-before"));
        ui.label(t!("inspector-after"));
        ui.label(t!("inspector-change"));
        ui.end_row();
        effect_row(
            ui,
            &t!("map-abbr-nev"),
            &mut a.before.nev,
            &mut a.after.nev,
            -100.0..=100.0,
            true,
        );
        effect_row(
            ui,
            &t!("map-abbr-ces"),
            &mut a.before.ces,
            &mut a.after.ces,
            1.0..=7.0,
            false,
        );
        effect_row(
            ui,
            &t!("map-abbr-nps"),
            &mut a.before.nps,
            &mut a.after.nps,
            -100.0..=100.0,
            true,
        );
    });
}

/// One measure's before and after values, each optional, and the change.
fn effect_row(
    ui: &mut Ui,
    name: &str,
    before: &mut Option<f64>,
    after: &mut Option<f64>,
    range: std::ops::RangeInclusive<f64>,
    higher_is_better: bool,
) {
    ui.label(name);
    let names = [
        (
            t!("inspector-measured-before", measure = name),
            t!("inspector-value-before", measure = name),
        ),
        (
            t!("inspector-measured-after", measure = name),
            t!("inspector-value-after", measure = name),
        ),
    ];
    for ((label, value_name), value) in names.into_iter().zip([&mut *before, &mut *after]) {
        ui.horizontal(|ui| {
            // A fixed width, with the value box always there (greyed while the measure
            // is off): switching a measure on never moves the next control.
            ui.set_min_width(effect_cell_width(ui));
            let mut on = value.is_some();
            let check = ui.checkbox(&mut on, "").on_hover_text(&label);
            check
                .widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &label));
            if check.changed() {
                *value = on.then_some(range.start().max(0.0));
            }
            // Greyed while off, showing no number that could be read as a measurement.
            let mut shown = value.unwrap_or_default();
            let mut drag = DragValue::new(&mut shown).range(range.clone()).speed(0.5);
            if value.is_none() {
                drag = drag.custom_formatter(|_, _| "—".to_owned());
            }
            ui.add_enabled(value.is_some(), drag).widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &value_name)
            });
            if let Some(v) = value {
                *v = shown;
            }
        });
    }
    match (before, after) {
        (Some(b), Some(a)) => {
            let d = *a - *b;
            let good = if higher_is_better { d > 0.0 } else { d < 0.0 };
            let color = if d == 0.0 {
                ui.visuals().weak_text_color()
            } else if good {
                crate::theme::color::EMOTION_POSITIVE
            } else {
                crate::theme::color::EMOTION_NEGATIVE
            };
            ui.colored_label(color, format!("{d:+.1}"));
        }
        _ => {
            ui.weak("—");
        }
    }
    ui.end_row();
}

/// The width of a before or after cell: the checkbox and room for the widest value
/// (such as -99.5), so that the grid's columns never change width.
fn effect_cell_width(ui: &Ui) -> f32 {
    let s = ui.spacing();
    s.icon_width + s.icon_spacing + s.item_spacing.x + 1.5 * s.interact_size.x
}

/// An emotion lane's persona, and the other emotion lanes compared in it.
fn emotion_lane_ui(
    ui: &mut Ui,
    state: &AppState,
    journey: &Journey,
    lane: crate::model::LaneId,
    persona: Option<crate::model::PersonaId>,
    compare: &[crate::model::LaneId],
    out: &mut Vec<Command>,
) {
    let mut chosen = persona;
    let none = t!("inspector-none");
    let name = persona
        .and_then(|p| state.project().persona(p))
        .map_or(none.as_str(), |p| p.name.as_str());
    egui::ComboBox::from_label(t!("inspector-feelings-of"))
        .selected_text(name)
        .show_ui(ui, |ui| {
            crate::ui::popups::close_on_keyboard_choice(ui);
            ui.selectable_value(&mut chosen, None, none.as_str());
            for p in &state.project().personas {
                ui.selectable_value(&mut chosen, Some(p.id), &p.name);
            }
        });
    let mut list = compare.to_vec();
    let others: Vec<_> = journey
        .lanes
        .iter()
        .filter(|l| l.id != lane && matches!(l.kind, LaneKind::Emotion { .. }))
        .collect();
    if !others.is_empty() {
        ui.label(t!("inspector-compare-heading"));
        for other in others {
            let mut on = list.contains(&other.id);
            if ui
                .checkbox(&mut on, t!("inspector-compare-with", lane = &other.title))
                .changed()
            {
                if on {
                    list.push(other.id);
                } else {
                    list.retain(|x| *x != other.id);
                }
            }
        }
    }
    if chosen != persona || list != compare {
        out.push(Command::Edit {
            edit: Edit::SetEmotionLane {
                journey: journey.id,
                lane,
                persona: chosen,
                compare: list,
            },
            gesture: None,
        });
    }
}
