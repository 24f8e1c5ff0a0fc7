//! Typed ids. Every addressable thing in a project carries one; they survive reordering
//! and are never reused within a project.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

typed_id!(
    /// Identifies a [`crate::model::Journey`] within a project.
    JourneyId
);
typed_id!(
    /// Identifies a [`crate::model::Stage`] (a column) within a project.
    StageId
);
typed_id!(
    /// Identifies a [`crate::model::Lane`] (a row) within a project.
    LaneId
);
typed_id!(
    /// Identifies a [`crate::model::Card`] within a project.
    CardId
);
typed_id!(
    /// Identifies a [`crate::model::Persona`] within a project.
    PersonaId
);
typed_id!(
    /// Identifies an [`crate::model::Annotation`] within a project.
    AnnotationId
);
