//! What the selection becomes after an edit, so that the keyboard never loses its
//! place: the neighbour of a deleted card, stage or lane; the item a move moved; the
//! item an undo or a redo changed.

use super::{Edit, Selection};
use crate::model::{CardId, Journey, JourneyId};

/// What to select once the selection is deleted: for cards, the next card left in the
/// primary card's cell, else the previous one, else the cell itself; for a stage or a
/// lane, the next one, else the previous one.
pub(super) fn after_delete(
    journey: &Journey,
    selection: Option<Selection>,
    cards: &[CardId],
) -> Option<Selection> {
    if !cards.is_empty() {
        let primary = match selection {
            Some(Selection::Card(c)) if cards.contains(&c) => c,
            _ => *cards.first()?,
        };
        let (lane, card) = journey.card(primary)?;
        let cell: Vec<CardId> = journey.cell_cards(lane, card.stage).map(|c| c.id).collect();
        let at = cell.iter().position(|c| *c == primary)?;
        let kept = |c: &&CardId| !cards.contains(c);
        let next = cell[at + 1..]
            .iter()
            .find(kept)
            .or_else(|| cell[..at].iter().rev().find(kept));
        return Some(next.map_or(
            Selection::Cell {
                lane: lane.id,
                stage: card.stage,
            },
            |c| Selection::Card(*c),
        ));
    }
    match selection? {
        Selection::Stage(s) => {
            let ids: Vec<_> = journey.stages.iter().map(|x| x.id).collect();
            neighbour(&ids, s).map(Selection::Stage)
        }
        Selection::Lane(l) => {
            let ids: Vec<_> = journey.lanes.iter().map(|x| x.id).collect();
            neighbour(&ids, l).map(Selection::Lane)
        }
        _ => None,
    }
}

/// The item after `id` in `ids`, else the one before it.
fn neighbour<T: Copy + PartialEq>(ids: &[T], id: T) -> Option<T> {
    let at = ids.iter().position(|x| *x == id)?;
    ids.get(at + 1)
        .or_else(|| at.checked_sub(1).and_then(|i| ids.get(i)))
        .copied()
}

/// The item a move moved: it stays selected (and the keyboard goes on from it).
pub(super) fn moved(edit: &Edit) -> Option<(JourneyId, Selection)> {
    match edit {
        Edit::MoveStage { journey, stage, .. } => Some((*journey, Selection::Stage(*stage))),
        Edit::MoveLane { journey, lane, .. } => Some((*journey, Selection::Lane(*lane))),
        Edit::MoveCard { journey, card, .. } => Some((*journey, Selection::Card(*card))),
        _ => None,
    }
}

/// The journey an undo or a redo changed (the current one first) and the item in it
/// to select: a card added or changed; else the cell of a card removed; else a stage,
/// then a lane, added, changed or moved; else an accelerator or blocker; else the
/// neighbour of a stage or lane removed.
pub(super) fn changed(
    before: &[Journey],
    after: &[Journey],
    current: Option<JourneyId>,
) -> Option<(JourneyId, Option<Selection>)> {
    let old = |id: JourneyId| before.iter().find(|j| j.id == id);
    let differs = |j: &&Journey| old(j.id) != Some(*j);
    let journey = after
        .iter()
        .filter(differs)
        .find(|j| Some(j.id) == current)
        .or_else(|| after.iter().find(differs))?;
    let Some(was) = old(journey.id) else {
        return Some((journey.id, None));
    };
    Some((journey.id, item_changed(was, journey)))
}

/// The item to select in `now` that differs from `was` (see [`changed`]).
fn item_changed(was: &Journey, now: &Journey) -> Option<Selection> {
    // A card added, changed or moved.
    for lane in &now.lanes {
        for card in &lane.cards {
            let same = was
                .card(card.id)
                .is_some_and(|(l, c)| l.id == lane.id && c == card);
            if !same {
                return Some(Selection::Card(card.id));
            }
        }
    }
    // A card removed: its cell, if it is still there.
    for lane in &was.lanes {
        for card in &lane.cards {
            if now.card(card.id).is_none()
                && now.stage(card.stage).is_some()
                && now.lanes.iter().any(|l| l.id == lane.id)
            {
                return Some(Selection::Cell {
                    lane: lane.id,
                    stage: card.stage,
                });
            }
        }
    }
    // A stage added, changed or moved.
    for (i, stage) in now.stages.iter().enumerate() {
        // (A stage removed here leaves the one now in its place selected.)
        if was.stages.get(i) != Some(stage) {
            return Some(Selection::Stage(stage.id));
        }
    }
    // A lane added, changed or moved (its cards are the same by now).
    for (i, lane) in now.lanes.iter().enumerate() {
        let same = was
            .lanes
            .get(i)
            .is_some_and(|l| l.id == lane.id && l == lane);
        if !same {
            return Some(Selection::Lane(lane.id));
        }
    }
    if let Some(a) = now
        .annotations
        .iter()
        .find(|a| !was.annotations.contains(a))
    {
        return Some(Selection::Annotation(a.id));
    }
    // The last stage or lane removed: the one before it.
    if now.stages.len() < was.stages.len() {
        return now.stages.last().map(|s| Selection::Stage(s.id));
    }
    if now.lanes.len() < was.lanes.len() {
        return now.lanes.last().map(|l| Selection::Lane(l.id));
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test stops at the first failure")]

    use super::*;
    use crate::io::sample::sample_project;

    fn journey() -> Journey {
        sample_project().journeys[0].clone()
    }

    /// A cell of the sample with at least two cards: (lane index, its cards' ids).
    fn full_cell(j: &Journey) -> (usize, Vec<CardId>) {
        for (i, lane) in j.lanes.iter().enumerate() {
            for stage in &j.stages {
                let ids: Vec<_> = j.cell_cards(lane, stage.id).map(|c| c.id).collect();
                if ids.len() >= 2 {
                    return (i, ids);
                }
            }
        }
        panic!("the sample has a cell with two cards");
    }

    #[test]
    fn a_deleted_card_hands_the_selection_to_the_next_then_the_previous_then_the_cell() {
        let j = journey();
        let (lane, ids) = full_cell(&j);
        let first = Selection::Card(ids[0]);
        assert_eq!(
            after_delete(&j, Some(first), &[ids[0]]),
            Some(Selection::Card(ids[1]))
        );
        let last = *ids.last().unwrap();
        assert_eq!(
            after_delete(&j, Some(Selection::Card(last)), &[last]),
            Some(Selection::Card(ids[ids.len() - 2]))
        );
        let stage = j.card(ids[0]).unwrap().1.stage;
        assert_eq!(
            after_delete(&j, Some(first), &ids),
            Some(Selection::Cell {
                lane: j.lanes[lane].id,
                stage
            })
        );
    }

    #[test]
    fn a_deleted_stage_or_lane_hands_the_selection_to_its_neighbour() {
        let j = journey();
        let n = j.stages.len();
        assert_eq!(
            after_delete(&j, Some(Selection::Stage(j.stages[0].id)), &[]),
            Some(Selection::Stage(j.stages[1].id))
        );
        assert_eq!(
            after_delete(&j, Some(Selection::Stage(j.stages[n - 1].id)), &[]),
            Some(Selection::Stage(j.stages[n - 2].id))
        );
        assert_eq!(
            after_delete(&j, Some(Selection::Lane(j.lanes[1].id)), &[]),
            Some(Selection::Lane(j.lanes[2].id))
        );
    }

    #[test]
    fn an_undo_selects_what_it_changed() {
        let was = journey();
        // A card's text changed.
        let mut now = was.clone();
        now.lanes[1].cards[0].text.push_str(" (edited)");
        let id = now.lanes[1].cards[0].id;
        assert_eq!(
            changed(
                std::slice::from_ref(&was),
                std::slice::from_ref(&now),
                Some(was.id)
            ),
            Some((was.id, Some(Selection::Card(id))))
        );
        // A card removed: its cell.
        let mut now = was.clone();
        let gone = now.lanes[1].cards.remove(0);
        assert_eq!(
            item_changed(&was, &now),
            Some(Selection::Cell {
                lane: was.lanes[1].id,
                stage: gone.stage
            })
        );
        // Two stages swapped: the one now first.
        let mut now = was.clone();
        now.stages.swap(0, 1);
        assert_eq!(
            item_changed(&was, &now),
            Some(Selection::Stage(was.stages[1].id))
        );
        // A lane renamed.
        let mut now = was.clone();
        now.lanes[2].title.push('!');
        assert_eq!(
            item_changed(&was, &now),
            Some(Selection::Lane(was.lanes[2].id))
        );
        // Nothing changed: nothing to follow.
        assert_eq!(
            changed(
                std::slice::from_ref(&was),
                std::slice::from_ref(&was),
                Some(was.id)
            ),
            None
        );
    }
}
