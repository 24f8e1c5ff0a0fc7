//! Drags: moving stages, lanes and cards, resizing stages and lanes, setting an emotion
//! score, and the rubber band. While a drag runs the canvas keeps the edit it would make
//! (`drag_edit`, a pure function of the document, its layout and the pointer) and
//! emits it once, on release.

use crate::t;
use egui::{FontId, Key, Pos2, Rect, Response, Stroke, StrokeKind, pos2, vec2};

use super::items::stage_header_rect;
use super::{CanvasView, Ctx};
use crate::app::{Command, Edit, Selection, lane_family};
use crate::layout::{CurveGeom, Hit, MapLayout};
use crate::model::{CardId, EmotionScale, Journey, LaneId, StageId};
use crate::theme::{color, size};

/// Largest width of a stage and height of a lane a drag can set, in document units.
const MAX_DRAGGED_SIZE: f32 = 2000.0;

/// How much one press of Ctrl+Alt+arrow widens or narrows a stage, or makes a lane
/// taller or shorter, in document units.
pub(super) const KEY_RESIZE_STEP: f32 = 20.0;

/// The edit Ctrl+Alt+arrow (or Shift+Alt+arrow) makes on the selection: Left/Right
/// narrow or widen a selected stage, Up/Down shorten or heighten a selected lane, by
/// [`KEY_RESIZE_STEP`], within the limits of a resize by the mouse (the same edits).
pub(super) fn key_resize_edit(
    journey: &Journey,
    base: &MapLayout,
    selection: Option<Selection>,
    (dx, dy): (i32, i32),
) -> Option<Edit> {
    match selection? {
        Selection::Stage(id) if dx != 0 => {
            let stage = journey.stage(id)?;
            let geom = base.stages.iter().find(|g| g.id == id)?;
            let width = (geom.header.width() + dx as f32 * KEY_RESIZE_STEP)
                .round()
                .clamp(size::MIN_STAGE_WIDTH, MAX_DRAGGED_SIZE);
            if (width - geom.header.width()).abs() < 0.5 {
                return None;
            }
            let mut s = stage.clone();
            s.width = width;
            Some(Edit::SetStage {
                journey: journey.id,
                stage: s,
            })
        }
        Selection::Lane(id) if dy != 0 => {
            let lane = journey.lanes.iter().find(|l| l.id == id)?;
            let geom = base.lanes.iter().find(|g| g.id == id)?;
            let height = (geom.row.height() + dy as f32 * KEY_RESIZE_STEP)
                .round()
                .clamp(size::MIN_LANE_HEIGHT, MAX_DRAGGED_SIZE);
            if (height - geom.row.height()).abs() < 0.5 {
                return None;
            }
            Some(Edit::SetLane {
                journey: journey.id,
                lane: id,
                title: lane.title.clone(),
                height,
                collapsed: lane.collapsed,
            })
        }
        _ => None,
    }
}

/// What is being dragged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum DragKind {
    /// A stage header: moves the stage.
    Stage(StageId),
    /// A stage's right edge: sets its width.
    StageEdge(StageId),
    /// A lane header: moves the lane.
    Lane(LaneId),
    /// A lane's bottom edge: sets its height.
    LaneEdge(LaneId),
    /// A card: moves it to another cell.
    Card(CardId),
    /// An emotion point: sets the card's score.
    Emotion(CardId),
    /// A rubber band from this point (document units): selects what it touches.
    RubberBand(Pos2),
}

/// A drag in progress.
#[derive(Clone, Debug)]
pub(super) struct Drag {
    /// What is dragged.
    pub(super) kind: DragKind,
    /// The last known pointer position in document units (the pointer may be gone
    /// by the frame that ends the drag).
    pub(super) last: Option<Pos2>,
    /// The edit the drag would make if released now.
    pub(super) edit: Option<Edit>,
    /// Value shown beside the pointer (emotion score, width...).
    pub(super) label: Option<String>,
}

impl Drag {
    /// A drag that has not moved yet.
    fn new(kind: DragKind) -> Self {
        Self {
            kind,
            last: None,
            edit: None,
            label: None,
        }
    }
}

impl Ctx<'_> {
    /// Starts, updates and finishes a drag of an item.
    pub(super) fn drag_item(
        &self,
        r: &Response,
        kind: DragKind,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
    ) {
        if r.drag_started_by(egui::PointerButton::Primary)
            && !self.ui.input(|i| i.key_down(Key::Space))
        {
            view.drag = Some(Drag::new(kind));
            view.editing = None;
        }
        let Some(drag) = &view.drag else {
            return;
        };
        if drag.kind != kind {
            return;
        }
        if r.dragged() {
            // With the pointer gone there is nothing to drop on: no edit.
            let scale = self.state.project().settings.emotion_scale;
            let (edit, label) = self.pointer_doc().map_or((None, None), |p| {
                drag_edit(self.journey, scale, self.base, &kind, p)
            });
            if let Some(d) = &mut view.drag {
                d.edit = edit;
                d.label = label;
            }
        }
        if r.drag_stopped()
            && let Some(edit) = view.drag.take().and_then(|d| d.edit)
        {
            out.push(Command::Edit {
                edit,
                gesture: None,
            });
        }
    }

    /// Shift+drag on the background: a rubber band that selects the cards and emotion
    /// points it touches when released.
    pub(super) fn rubber_band(
        &self,
        background: &Response,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
    ) {
        let shift = self.ui.input(|i| i.modifiers.shift);
        if background.drag_started_by(egui::PointerButton::Primary)
            && shift
            && let Some(p) = background.interact_pointer_pos()
        {
            view.drag = Some(Drag::new(DragKind::RubberBand(self.to_doc(p))));
        }
        let pointer = self.pointer_doc();
        if let Some(drag) = &mut view.drag
            && let DragKind::RubberBand(start) = drag.kind
        {
            if pointer.is_some() {
                drag.last = pointer;
            }
            let released =
                background.drag_stopped() || !self.ui.input(|i| i.pointer.primary_down());
            if released {
                let band = Rect::from_two_pos(start, drag.last.unwrap_or(start));
                let mut cards: Vec<CardId> = self
                    .base
                    .cards
                    .iter()
                    .filter(|g| band.intersects(g.rect))
                    .map(|g| g.id)
                    .collect();
                for curve in &self.base.curves {
                    cards.extend(
                        curve
                            .points
                            .iter()
                            .filter(|p| band.contains(p.pos))
                            .map(|p| p.card_id),
                    );
                }
                out.push(Command::SelectCards(cards));
                view.drag = None;
            }
        }
    }

    /// The drop indicator, the rubber band and the value beside the pointer.
    pub(super) fn drag_feedback(&self, painter: &egui::Painter, view: &CanvasView) {
        let Some(drag) = &view.drag else {
            return;
        };
        let stroke = Stroke::new(3.0, color::SELECTION);
        match &drag.kind {
            DragKind::Stage(id) => {
                if let Some(g) = self.shown.stages.iter().find(|g| g.id == *id) {
                    let x = g.header.left() - 1.0;
                    let a = self.xf.mul_pos(pos2(x, g.header.top()));
                    let b = self.xf.mul_pos(pos2(x, g.column.bottom()));
                    painter.line_segment([a, b], stroke);
                    painter.rect_stroke(
                        self.xf.mul_rect(stage_header_rect(g.header)),
                        4.0,
                        stroke,
                        StrokeKind::Outside,
                    );
                }
            }
            DragKind::Lane(id) => {
                if let Some(g) = self.shown.lanes.iter().find(|g| g.id == *id) {
                    let y = g.row.top() - 1.0;
                    let a = self.xf.mul_pos(pos2(g.header.left(), y));
                    let b = self.xf.mul_pos(pos2(g.row.right(), y));
                    painter.line_segment([a, b], stroke);
                    painter.rect_stroke(
                        self.xf.mul_rect(g.header),
                        4.0,
                        stroke,
                        StrokeKind::Outside,
                    );
                }
            }
            DragKind::Card(id) => {
                if let Some(g) = self.shown.cards.iter().find(|g| g.id == *id) {
                    painter.rect_stroke(self.xf.mul_rect(g.rect), 4.0, stroke, StrokeKind::Outside);
                }
            }
            DragKind::RubberBand(start) => {
                if let Some(now) = self.pointer_doc() {
                    let band = self.xf.mul_rect(Rect::from_two_pos(*start, now));
                    painter.rect_filled(band, 0.0, color::SELECTION.gamma_multiply(0.12));
                    painter.rect_stroke(
                        band,
                        0.0,
                        Stroke::new(1.0, color::SELECTION),
                        StrokeKind::Inside,
                    );
                }
            }
            DragKind::StageEdge(_) | DragKind::LaneEdge(_) | DragKind::Emotion(_) => {}
        }
        if let (Some(label), Some(p)) = (&drag.label, self.ui.input(|i| i.pointer.hover_pos())) {
            let galley = painter.layout_no_wrap(
                label.clone(),
                FontId::proportional(14.0),
                egui::Color32::WHITE,
            );
            let r = Rect::from_min_size(p + vec2(14.0, -26.0), galley.size() + vec2(12.0, 6.0));
            painter.rect_filled(r, 4.0, color::TEXT);
            painter.galley(r.min + vec2(6.0, 3.0), galley, egui::Color32::WHITE);
        }
    }
}

/// The edit a drag of `kind` would make with the pointer at `pointer` (document units),
/// and the value to show beside the pointer. Drop targets are found in `base`, the
/// layout of `journey` as it is in the document (not the preview the drag paints);
/// `scale` is the project's emotion scale. `(None, None)` when the drag would change
/// nothing.
pub(crate) fn drag_edit(
    journey: &Journey,
    scale: EmotionScale,
    base: &MapLayout,
    kind: &DragKind,
    pointer: Pos2,
) -> (Option<Edit>, Option<String>) {
    try_drag_edit(journey, scale, base, kind, pointer).unwrap_or((None, None))
}

/// `drag_edit`, with `None` where the dragged item or its geometry is missing.
fn try_drag_edit(
    journey: &Journey,
    scale: EmotionScale,
    base: &MapLayout,
    kind: &DragKind,
    p: Pos2,
) -> Option<(Option<Edit>, Option<String>)> {
    let jid = journey.id;
    Some(match kind {
        DragKind::Stage(id) => {
            let from = journey.stages.iter().position(|s| s.id == *id)?;
            let centres = base.stages.iter().map(|g| g.header.center().x);
            let to = insertion_index(centres, from, p.x);
            let edit = (to != from).then_some(Edit::MoveStage {
                journey: jid,
                stage: *id,
                to_index: to,
            });
            (edit, None)
        }
        DragKind::Lane(id) => {
            let from = journey.lanes.iter().position(|l| l.id == *id)?;
            let centres = base.lanes.iter().map(|g| g.header.center().y);
            let to = insertion_index(centres, from, p.y);
            let edit = (to != from).then_some(Edit::MoveLane {
                journey: jid,
                lane: *id,
                to_index: to,
            });
            (edit, None)
        }
        DragKind::StageEdge(id) => {
            let stage = journey.stage(*id)?;
            let geom = base.stages.iter().find(|g| g.id == *id)?;
            let width = (p.x - geom.header.left())
                .round()
                .clamp(size::MIN_STAGE_WIDTH, MAX_DRAGGED_SIZE);
            let mut s = stage.clone();
            s.width = width;
            (
                Some(Edit::SetStage {
                    journey: jid,
                    stage: s,
                }),
                Some(t!("canvas-points", value = format!("{width:.0}"))),
            )
        }
        DragKind::LaneEdge(id) => {
            let lane = journey.lanes.iter().find(|l| l.id == *id)?;
            let geom = base.lanes.iter().find(|g| g.id == *id)?;
            let height = (p.y - geom.row.top())
                .round()
                .clamp(size::MIN_LANE_HEIGHT, MAX_DRAGGED_SIZE);
            let edit = Edit::SetLane {
                journey: jid,
                lane: *id,
                title: lane.title.clone(),
                height,
                collapsed: lane.collapsed,
            };
            (
                Some(edit),
                Some(t!("canvas-points", value = format!("{height:.0}"))),
            )
        }
        DragKind::Card(id) => {
            let (from_lane, card) = journey.card(*id)?;
            let (lane, stage) = match base.hit(p)? {
                Hit::Cell { lane, stage } => (lane, stage),
                Hit::Card(other) => {
                    let (l, c) = journey.card(other)?;
                    (l.id, c.stage)
                }
                _ => return Some((None, None)),
            };
            let target = journey.lanes.iter().find(|l| l.id == lane)?;
            let same_cell = from_lane.id == lane && card.stage == stage;
            if same_cell || lane_family(&from_lane.kind) != lane_family(&target.kind) {
                let label = (!same_cell).then(|| t!("canvas-cannot-drop"));
                return Some((None, label));
            }
            (
                Some(Edit::MoveCard {
                    journey: jid,
                    card: *id,
                    lane,
                    stage,
                }),
                None,
            )
        }
        DragKind::Emotion(id) => {
            let (_, card) = journey.card(*id)?;
            // The curve the point is dragged in: the one holding this card in the lane
            // under the pointer (a compared curve is drawn in another lane).
            let holds = |c: &&CurveGeom| c.points.iter().any(|q| q.card_id == *id);
            let curve = base
                .curves
                .iter()
                .filter(holds)
                .find(|c| base.lanes[c.lane].row.y_range().contains(p.y))
                .or_else(|| base.curves.iter().find(holds))?;
            let (top, bottom) = curve.y_range;
            let t = ((bottom - p.y) / (bottom - top).max(1.0)).clamp(0.0, 1.0);
            let score = (scale.min as f32 + t * (scale.max - scale.min) as f32).round();
            let mut c = card.clone();
            c.emotion = Some(score);
            (
                Some(Edit::SetCard {
                    journey: jid,
                    card: Box::new(c),
                }),
                Some(format!("{score:+}")),
            )
        }
        DragKind::RubberBand(_) => (None, None),
    })
}

/// Where an item dragged from index `from` lands: the number of other items whose centre
/// (along the drag axis) lies before the pointer.
fn insertion_index(centres: impl Iterator<Item = f32>, from: usize, pointer: f32) -> usize {
    centres
        .enumerate()
        .filter(|(i, c)| *i != from && *c < pointer)
        .count()
}

#[cfg(test)]
// Reason: drags set whole numbers (rounded widths, heights and scores), so exact
// equality is what the user sees.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::app::apply_edit;
    use crate::io::sample::sample_project;
    use crate::layout::{ApproxText, layout_journey};
    use crate::model::{LaneKind, Project, TextRole};

    /// The sample project and the layout of its first journey.
    fn sample() -> (Project, MapLayout) {
        let project = sample_project();
        let map = layout_journey(&project, &project.journeys[0], &ApproxText);
        (project, map)
    }

    fn journey(project: &Project) -> &Journey {
        &project.journeys[0]
    }

    fn drag(
        project: &Project,
        map: &MapLayout,
        kind: DragKind,
        pointer: Pos2,
    ) -> (Option<Edit>, Option<String>) {
        let scale = project.settings.emotion_scale;
        drag_edit(journey(project), scale, map, &kind, pointer)
    }

    /// The first lane of a kind.
    fn lane_of(project: &Project, kind: &LaneKind) -> LaneId {
        journey(project)
            .lanes
            .iter()
            .find(|l| l.kind == *kind)
            .map(|l| l.id)
            .unwrap()
    }

    /// A point in the empty part of a cell: the pointer there hits the cell itself.
    fn empty_spot(map: &MapLayout, lane: LaneId, stage: StageId) -> Pos2 {
        let row = map.lanes.iter().find(|l| l.id == lane).unwrap().row;
        let column = map.stages.iter().find(|s| s.id == stage).unwrap().column;
        let cell = row.intersect(column);
        (0..=20)
            .flat_map(|i| (0..=20).map(move |j| (i, j)))
            .map(|(i, j)| {
                pos2(
                    cell.left() + cell.width() * (0.02 + 0.048 * i as f32),
                    cell.top() + cell.height() * (0.02 + 0.048 * j as f32),
                )
            })
            .find(|p| map.hit(*p) == Some(Hit::Cell { lane, stage }))
            .unwrap()
    }

    fn stage_order(project: &Project) -> Vec<StageId> {
        journey(project).stages.iter().map(|s| s.id).collect()
    }

    #[test]
    fn stage_dragged_past_a_later_stage_centre_lands_after_that_stage() {
        let (project, map) = sample();
        let before = stage_order(&project);
        let first = before[0];
        let past_third = pos2(
            map.stages[2].header.center().x + 1.0,
            map.stages[2].header.center().y,
        );
        let (edit, label) = drag(&project, &map, DragKind::Stage(first), past_third);
        let Some(edit) = edit else {
            panic!("no edit for a stage dragged past another")
        };
        assert_eq!(
            edit,
            Edit::MoveStage {
                journey: journey(&project).id,
                stage: first,
                to_index: 2,
            }
        );
        assert_eq!(label, None);
        // The user sees the second and third stages first, then the dragged one.
        let mut moved = project.clone();
        apply_edit(&mut moved, &edit).unwrap();
        let after = stage_order(&moved);
        assert_eq!(&after[..3], &[before[1], before[2], first]);

        // Just short of the third stage's centre it lands between the second and third.
        let short = pos2(map.stages[2].header.center().x - 1.0, past_third.y);
        let (edit, _) = drag(&project, &map, DragKind::Stage(first), short);
        assert!(matches!(edit, Some(Edit::MoveStage { to_index: 1, .. })));

        // Over its own header it stays where it is: nothing to undo.
        let home = map.stages[0].header.center();
        assert_eq!(
            drag(&project, &map, DragKind::Stage(first), home),
            (None, None)
        );
    }

    #[test]
    fn lane_dragged_past_a_later_lane_centre_lands_after_that_lane() {
        let (project, map) = sample();
        let first = journey(&project).lanes[0].id;
        let target = map.lanes[2].header.center() + vec2(0.0, 1.0);
        let (edit, _) = drag(&project, &map, DragKind::Lane(first), target);
        assert_eq!(
            edit,
            Some(Edit::MoveLane {
                journey: journey(&project).id,
                lane: first,
                to_index: 2,
            })
        );
    }

    #[test]
    fn keyboard_resize_steps_a_stage_and_a_lane_within_the_mouse_limits() {
        let project = sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let stage = journey.stages[1].id;
        let width = map.stages[1].header.width();
        let edit = key_resize_edit(journey, &map, Some(Selection::Stage(stage)), (1, 0));
        assert!(
            matches!(&edit, Some(Edit::SetStage { stage: s, .. }) if s.width == (width + KEY_RESIZE_STEP).round())
        );
        // Up/Down do nothing to a stage; Left/Right nothing to a lane.
        assert_eq!(
            key_resize_edit(journey, &map, Some(Selection::Stage(stage)), (0, 1)),
            None
        );
        let lane = journey.lanes[0].id;
        assert_eq!(
            key_resize_edit(journey, &map, Some(Selection::Lane(lane)), (1, 0)),
            None
        );
        let height = map.lanes[0].row.height();
        let edit = key_resize_edit(journey, &map, Some(Selection::Lane(lane)), (0, -1));
        let expected = (height - KEY_RESIZE_STEP)
            .round()
            .max(size::MIN_LANE_HEIGHT);
        assert!(
            matches!(edit, Some(Edit::SetLane { height: h, .. }) if h == expected),
            "{edit:?}"
        );
        // A stage at its minimum width gets no narrower: no edit at all.
        let mut narrow = project.clone();
        narrow.journeys[0].stages[1].width = size::MIN_STAGE_WIDTH;
        let map = layout_journey(&narrow, &narrow.journeys[0], &ApproxText);
        assert_eq!(
            key_resize_edit(
                &narrow.journeys[0],
                &map,
                Some(Selection::Stage(stage)),
                (-1, 0)
            ),
            None
        );
    }

    #[test]
    fn stage_edge_drag_sets_the_width_to_the_pointer_rounded_and_clamped() {
        let (project, map) = sample();
        let stage = &journey(&project).stages[1];
        let header = map.stages[1].header;
        let wanted = header.width() + 37.3;
        let pointer = pos2(header.left() + wanted, header.center().y);
        let (edit, label) = drag(&project, &map, DragKind::StageEdge(stage.id), pointer);
        let Some(Edit::SetStage { stage: changed, .. }) = edit else {
            panic!("expected SetStage, got {edit:?}")
        };
        assert_eq!(changed.width, wanted.round());
        assert_eq!(changed.name, stage.name, "only the width changes");
        assert_eq!(label, Some(format!("{} pt", wanted.round())));

        // Dragged almost onto its left edge, the stage keeps its minimum width.
        let narrow = pos2(header.left() + 10.0, header.center().y);
        let (edit, label) = drag(&project, &map, DragKind::StageEdge(stage.id), narrow);
        let Some(Edit::SetStage { stage: changed, .. }) = edit else {
            panic!("expected SetStage, got {edit:?}")
        };
        assert_eq!(changed.width, size::MIN_STAGE_WIDTH);
        assert_eq!(label, Some(format!("{} pt", size::MIN_STAGE_WIDTH)));
    }

    #[test]
    fn lane_edge_drag_sets_the_height_to_the_pointer_rounded_and_clamped() {
        let (project, map) = sample();
        let lane = &journey(&project).lanes[0];
        let row = map.lanes[0].row;
        let wanted = row.height() + 25.6;
        let pointer = pos2(row.center().x, row.top() + wanted);
        let (edit, label) = drag(&project, &map, DragKind::LaneEdge(lane.id), pointer);
        assert_eq!(
            edit,
            Some(Edit::SetLane {
                journey: journey(&project).id,
                lane: lane.id,
                title: lane.title.clone(),
                height: wanted.round(),
                collapsed: lane.collapsed,
            })
        );
        assert_eq!(label, Some(format!("{} pt", wanted.round())));

        let flat = pos2(row.center().x, row.top() + 5.0);
        let (edit, _) = drag(&project, &map, DragKind::LaneEdge(lane.id), flat);
        assert!(
            matches!(edit, Some(Edit::SetLane { height, .. }) if height == size::MIN_LANE_HEIGHT)
        );
    }

    #[test]
    fn notes_card_cannot_be_dropped_on_the_emotion_lane() {
        let (project, map) = sample();
        let actions = lane_of(&project, &LaneKind::Text(TextRole::Actions));
        let emotions = journey(&project)
            .lanes
            .iter()
            .find(|l| matches!(l.kind, LaneKind::Emotion { .. }))
            .unwrap()
            .id;
        let (lane, card) = journey(&project).card(map.cards[0].id).unwrap();
        assert_eq!(lane.id, actions, "the first card is a customer action");
        let target = empty_spot(&map, emotions, journey(&project).stages[1].id);
        let (edit, label) = drag(&project, &map, DragKind::Card(card.id), target);
        assert_eq!(edit, None);
        assert_eq!(label.as_deref(), Some("Cannot drop here"));
    }

    #[test]
    fn card_dropped_on_a_compatible_cell_moves_there() {
        let (project, map) = sample();
        let thoughts = lane_of(&project, &LaneKind::Text(TextRole::Thoughts));
        let card = map.cards[0].id;
        let (_, c) = journey(&project).card(card).unwrap();
        let stage = journey(&project)
            .stages
            .iter()
            .find(|s| s.id != c.stage)
            .unwrap()
            .id;
        let target = empty_spot(&map, thoughts, stage);
        let (edit, label) = drag(&project, &map, DragKind::Card(card), target);
        assert_eq!(
            edit,
            Some(Edit::MoveCard {
                journey: journey(&project).id,
                card,
                lane: thoughts,
                stage,
            })
        );
        assert_eq!(label, None);

        // Back over its own cell it changes nothing and says nothing.
        let home = map.cards[0].rect.center();
        assert_eq!(
            drag(&project, &map, DragKind::Card(card), home),
            (None, None)
        );
    }

    #[test]
    fn card_dropped_on_another_card_moves_into_that_cards_cell() {
        let (project, map) = sample();
        let j = journey(&project);
        let card = map.cards[0].id;
        let (from_lane, c) = j.card(card).unwrap();
        let family = lane_family(&from_lane.kind);
        // A card of the same family in another cell.
        let other = map
            .cards
            .iter()
            .find(|g| {
                let (l, o) = j.card(g.id).unwrap();
                lane_family(&l.kind) == family && (l.id != from_lane.id || o.stage != c.stage)
            })
            .unwrap();
        let (other_lane, other_card) = j.card(other.id).unwrap();
        let (edit, _) = drag(&project, &map, DragKind::Card(card), other.rect.center());
        assert_eq!(
            edit,
            Some(Edit::MoveCard {
                journey: j.id,
                card,
                lane: other_lane.id,
                stage: other_card.stage,
            })
        );
    }

    /// The score an emotion drag sets with the pointer at `y`.
    fn emotion_score(project: &Project, map: &MapLayout, y: f32) -> (f32, Option<String>) {
        let curve = map.curves.iter().find(|c| c.series == 0).unwrap();
        let point = &curve.points[0];
        let kind = DragKind::Emotion(point.card_id);
        let (edit, label) = drag(project, map, kind, pos2(point.pos.x, y));
        let Some(Edit::SetCard { card, .. }) = edit else {
            panic!("expected SetCard, got {edit:?}")
        };
        (card.emotion.unwrap(), label)
    }

    #[test]
    fn emotion_drag_spans_the_scale_from_the_bottom_of_the_curve_to_its_top() {
        let (project, map) = sample();
        let scale = project.settings.emotion_scale;
        let curve = map.curves.iter().find(|c| c.series == 0).unwrap();
        let (top, bottom) = curve.y_range;
        let (max, label) = emotion_score(&project, &map, top);
        assert_eq!(max, scale.max as f32);
        assert_eq!(label, Some(format!("{:+}", scale.max as f32)));
        let (min, label) = emotion_score(&project, &map, bottom);
        assert_eq!(min, scale.min as f32);
        assert_eq!(label, Some(format!("{:+}", scale.min as f32)));
        // Beyond the curve's range the score stays on the scale.
        assert_eq!(
            emotion_score(&project, &map, top - 15.0).0,
            scale.max as f32
        );
        assert_eq!(
            emotion_score(&project, &map, bottom + 15.0).0,
            scale.min as f32
        );
        // Halfway is the middle of the scale.
        let middle = ((scale.min + scale.max) as f32 / 2.0).round();
        assert_eq!(
            emotion_score(&project, &map, f32::midpoint(top, bottom)).0,
            middle
        );
    }

    #[test]
    fn emotion_drag_follows_the_projects_scale() {
        let mut project = sample_project();
        project.settings.emotion_scale = EmotionScale { min: 1, max: 10 };
        let map = layout_journey(&project, &project.journeys[0], &ApproxText);
        let curve = map.curves.iter().find(|c| c.series == 0).unwrap();
        let (top, bottom) = curve.y_range;
        assert_eq!(emotion_score(&project, &map, top).0, 10.0);
        assert_eq!(emotion_score(&project, &map, bottom).0, 1.0);
    }

    #[test]
    fn rubber_band_makes_no_edit() {
        let (project, map) = sample();
        let kind = DragKind::RubberBand(Pos2::ZERO);
        assert_eq!(
            drag(&project, &map, kind, map.stages[0].header.center()),
            (None, None)
        );
    }
}
