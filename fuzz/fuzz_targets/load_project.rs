//! Any bytes as a project file: loading never panics, hangs or runs out of memory, and
//! whatever loads is valid and saves to text that loads back to the same text.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use waymark::io;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    let Ok(project) = io::from_bytes(bytes, path) else {
        return;
    };
    assert_eq!(project.validate(), vec![], "a loaded project is valid");
    let text = io::to_ron_string(&project).expect("a loaded project saves");
    let back = io::from_ron_str(&text, path).expect("a saved project loads");
    let again = io::to_ron_string(&back).expect("a saved project saves again");
    assert_eq!(text, again, "save, load, save gives the same text");
});
