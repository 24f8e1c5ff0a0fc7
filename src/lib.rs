//! Waymark: a native desktop journey-map designer.
//!
//! Layers, from the bottom: [`model`] (the document), [`analysis`] (pure measures),
//! [`io`] (files), [`layout`] (geometry), [`render`] (painting), [`export`] (PNG),
//! [`app`] (state, commands, undo) and [`ui`] (panels). A layer uses only those below it.

pub mod analysis;
pub mod app;
pub mod export;
pub mod i18n;
pub mod io;
pub mod layout;
pub mod model;
pub mod render;
pub mod theme;
pub mod ui;
