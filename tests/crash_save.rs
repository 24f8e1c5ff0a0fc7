//! Crash test of saving: a process saves a large project over and over and is killed
//! with SIGKILL at random moments. After every kill the project file must load and be
//! exactly one whole version the process wrote (never a mixture of two), versions only
//! go forward, and the backup (`map.ron.bak`) must load too and be the version before
//! (or the same one, when the kill fell between writing the backup and the file).
//!
//! The saving process is this very test binary, started again with
//! `WAYMARK_CRASH_SAVER` set: the test `saver_process` then saves until it is killed
//! (run normally, it does nothing). 200 kills run in `cargo test`; more with
//!
//! ```text
//! WAYMARK_CRASH_KILLS=1000 cargo test --test crash_save -- --nocapture
//! ```
//!
//! `WAYMARK_CRASH_SEED` repeats the kill times of an earlier run (the seed is printed).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use waymark::io;
use waymark::model::Project;

/// The file the saving process writes, inside the test's temporary folder.
const SAVER_PATH: &str = "WAYMARK_CRASH_SAVER";
/// The first version the saving process writes.
const SAVER_FROM: &str = "WAYMARK_CRASH_FROM";
/// What the saving process prints once it is about to start saving.
const READY: &str = "waymark-crash-saver-ready";

/// The project saved as version `n`: a 3,000-card map (1 MB of RON) whose title
/// names the version, so that every version's text is known exactly.
fn version(base: &Project, n: u64) -> Project {
    let mut p = base.clone();
    p.title = format!("Crash test, version {n}");
    p
}

fn base() -> Project {
    io::sample::generated_project(60, 12, 3_000)
}

/// The version a project file holds, read from its title.
fn version_of(p: &Project) -> u64 {
    p.title
        .strip_prefix("Crash test, version ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a crash test version: {:?}", p.title))
}

/// Not a test of its own: the saving process, when this binary is started by
/// `saving_survives_being_killed_at_any_moment` with `WAYMARK_CRASH_SAVER` set. Saves
/// versions `WAYMARK_CRASH_FROM`, +1, +2... until it is killed.
#[test]
fn saver_process() {
    let Some(path) = std::env::var_os(SAVER_PATH).map(PathBuf::from) else {
        return;
    };
    let from: u64 = std::env::var(SAVER_FROM).unwrap().parse().unwrap();
    let base = base();
    println!("{READY}");
    for n in from.. {
        io::save_file(&version(&base, n), &path).unwrap();
    }
}

/// A small random number generator (xorshift): the kill times need no more.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The exact text of every version: the text of version 0 with its title changed
/// (serialising 1 MB for every check would make the test slow).
struct Texts(String);

impl Texts {
    fn new(base: &Project) -> Self {
        Self(io::to_ron_string(&version(base, 0)).unwrap())
    }
    fn of(&self, n: u64) -> String {
        let text = self.0.replacen(
            "\"Crash test, version 0\"",
            &format!("\"Crash test, version {n}\""),
            1,
        );
        debug_assert_eq!(n > 0, text != self.0);
        text
    }
}

/// What the files on disk were after one kill.
struct Found {
    version: u64,
    backup_is_same: bool,
    temporary_files: usize,
}

/// Checks the project file and its backup after a kill, removes temporary files left
/// by the killed write, and tells what was found.
fn check_after_kill(dir: &Path, path: &Path, texts: &Texts, last: u64) -> Found {
    let bytes = std::fs::read(path).unwrap();
    let project = io::load_file(path).unwrap_or_else(|e| panic!("the file does not load: {e}"));
    let n = version_of(&project);
    assert!(n >= last, "version {n} on disk after version {last}");
    // Exactly the text of version n: whole, not a mixture of two versions.
    assert!(
        bytes == texts.of(n).as_bytes(),
        "the file is not exactly version {n}"
    );
    let backup = io::backup_path(path);
    let backup_bytes = std::fs::read(&backup).unwrap();
    let previous =
        io::load_file(&backup).unwrap_or_else(|e| panic!("the backup does not load: {e}"));
    let b = version_of(&previous);
    assert!(
        b == n || b + 1 == n,
        "backup holds version {b}, the file version {n}"
    );
    assert!(
        backup_bytes == texts.of(b).as_bytes(),
        "the backup is not exactly version {b}"
    );
    // A write cut short leaves its hidden temporary file (never the target): count
    // them, then tidy up so that a thousand kills do not fill the disk.
    let mut temporary_files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if Path::new(&name).extension().is_some_and(|e| e == "tmp") {
            temporary_files += 1;
            std::fs::remove_file(entry.path()).unwrap();
        } else {
            assert!(
                name == "map.ron" || name == "map.ron.bak",
                "unexpected {name}"
            );
        }
    }
    Found {
        version: n,
        backup_is_same: b == n,
        temporary_files,
    }
}

#[cfg(unix)]
#[test]
fn saving_survives_being_killed_at_any_moment() {
    let kills: u32 = std::env::var("WAYMARK_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("WAYMARK_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            u64::from(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .subsec_nanos(),
            ) | 1
        });
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let base = base();
    let texts = Texts::new(&base);
    // Versions 0 to 3 are saved before the first kill: 3 in the file, 2 its backup.
    io::save_file(&version(&base, 0), &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), texts.of(0));
    // When to kill: most of a save is serialising the project (a debug build); the
    // writes come last. Kills fall at random from half-way through the first
    // serialisation to the end of the third save, so that many land during a write.
    // Timed three times (versions 1 to 3), the quickest counting: other processes
    // share the machine.
    let (mut serialise, mut save) = (u64::MAX, u64::MAX);
    for n in 1..=3 {
        let timer = Instant::now();
        io::to_ron_string(&version(&base, n)).unwrap();
        serialise = serialise.min(timer.elapsed().as_micros() as u64);
        let timer = Instant::now();
        io::save_file(&version(&base, n), &path).unwrap();
        save = save.min(timer.elapsed().as_micros() as u64);
    }
    let (earliest, latest) = (serialise / 2, (3 * save).max(serialise / 2 + 1_000));
    let size = std::fs::metadata(&path).unwrap().len();

    let started = Instant::now();
    let mut last = 3;
    let (mut mid_write, mut between, mut saves) = (0, 0, 0);
    for _ in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "saver_process",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(SAVER_PATH, &path)
            .env(SAVER_FROM, (last + 1).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until it is about to save, then kill it during its first two saves.
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        // libtest prints "test saver_process ... " before it, on the same line.
        while !line.contains(READY) {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "the saver stopped");
        }
        std::thread::sleep(Duration::from_micros(
            earliest + rng.below(latest - earliest),
        ));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(!status.success(), "the saver ended on its own: {status}");

        let found = check_after_kill(dir.path(), &path, &texts, last);
        saves += found.version - last;
        last = found.version;
        if found.temporary_files > 0 {
            mid_write += 1;
        } else if found.backup_is_same {
            between += 1;
        }
    }
    println!(
        "crash test: {kills} kills (seed {seed}) of a process saving a {:.1} MB project \
         (one save: {} ms, serialising {} ms; kills {}-{} ms after it starts) in {:.1} s: {saves} saves completed, {mid_write} kills landed while a file was \
         being written, {between} between writing the backup and the file; every time \
         the file and its backup loaded and were whole versions",
        size as f64 / 1e6,
        save / 1000,
        serialise / 1000,
        earliest / 1000,
        latest / 1000,
        started.elapsed().as_secs_f64()
    );
}
