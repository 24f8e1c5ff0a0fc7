//! Any bytes as a `.persona.ron` file: reading never panics, hangs or runs out of
//! memory, and a persona that loads can be added to a project (the app's Import
//! persona) without breaking it.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use waymark::app::{AppState, Command, Edit};
use waymark::io;

fuzz_target!(|bytes: &[u8]| {
    let Ok(persona) = io::persona_file::persona_from_bytes(bytes, Path::new("fuzz.persona.ron"))
    else {
        return;
    };
    let mut state = AppState::new(io::sample::blank_project(), None);
    state.apply(
        Command::Edit {
            edit: Edit::AddPersona {
                persona: Box::new(persona),
            },
            gesture: None,
        },
        0.0,
    );
    assert_eq!(
        state.project().validate(),
        vec![],
        "the project stays valid"
    );
});
