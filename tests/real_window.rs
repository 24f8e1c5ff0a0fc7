//! Real-window tests: the built `waymark` binary in a real X11 window under Xvfb, driven
//! by xdotool as a person would (pointer, keyboard, the platform clipboard), so what
//! passes through winit (Ctrl+C / Ctrl+V become clipboard events there) is tested as
//! users meet it. Needs `Xvfb`, `xdotool` and `ImageMagick`'s `import`: without them the
//! tests print a skip notice and pass, except under `CI`, where `.ci/run` installs them
//! and they must run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use waymark::app::{LaneFamily, lane_family};
use waymark::io;
use waymark::layout::{LayoutOptions, MapLayout, layout_journey_with};
use waymark::model::Project;
use waymark::render::EguiText;
use waymark::theme::color;

/// True if a program is on the PATH.
fn has(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// True if the tools are here; otherwise prints a skip notice (and fails under CI).
fn tools_available() -> bool {
    let missing: Vec<&str> = ["Xvfb", "xdotool", "import"]
        .into_iter()
        .filter(|p| !has(p))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "missing on this CI machine: {missing:?} (.ci/run should install xvfb, xdotool, imagemagick)"
    );
    eprintln!(
        "skipped: real-window tests need {} (apt-get install xvfb xdotool imagemagick)",
        missing.join(", ")
    );
    false
}

/// A child process killed when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        // SIGTERM first, so Xvfb removes its lock file and socket.
        let terminated = Command::new("kill")
            .arg(self.0.id().to_string())
            .status()
            .is_ok_and(|s| s.success());
        let start = Instant::now();
        while terminated && start.elapsed() < Duration::from_secs(5) {
            if matches!(self.0.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An Xvfb server on a free display and the app running in it.
struct Session {
    // Fields drop in order: the app first, then its display, then the folder, and last
    // the turn of the next test.
    app: Killed,
    _xvfb: Killed,
    display: String,
    dir: tempfile::TempDir,
    window: String,
    _turn: std::sync::MutexGuard<'static, ()>,
}

/// One session at a time: two Xvfb servers started at once with `-displayfd` can race
/// for a display (the loser exits after printing its number, and its app finds no X
/// server), and two software-rendered windows on a 2-core machine starve each other.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Session {
    /// Starts Xvfb and `waymark` (in-app path entry, its own config folder and home).
    fn start() -> Self {
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let mut line = String::new();
        let stdout = xvfb.stdout.take().expect("Xvfb's stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("Xvfb prints its display number");
        let display = format!(":{}", line.trim());
        let xvfb = Killed(xvfb);

        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::create_dir_all(&config).unwrap();
        // Not a first launch: no template gallery over the map.
        std::fs::write(config.join("launched"), "1\n").unwrap();
        let app = Self::spawn_app(&display, dir.path());
        let mut session = Self {
            app: Killed(app),
            _xvfb: xvfb,
            display,
            dir,
            window: String::new(),
            _turn: turn,
        };
        session.window = session.wait_for_window();
        session.focus();
        Self::settle();
        session
    }

    /// Starts `waymark` on `display` with the configuration folder and home in `dir`.
    fn spawn_app(display: &str, dir: &Path) -> Child {
        let home = dir.join("home");
        std::fs::create_dir_all(&home).unwrap();
        Command::new(env!("CARGO_BIN_EXE_waymark"))
            .current_dir(dir)
            .env("DISPLAY", display)
            .env_remove("WAYLAND_DISPLAY")
            .env("WAYMARK_INAPP_DIALOGS", "1")
            .env("WAYMARK_CONFIG_DIR", dir.join("config"))
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .stdout(Stdio::null())
            // Kept, so that a window that never appears says why.
            .stderr(
                std::fs::File::create(dir.join("app-stderr.log"))
                    .map_or_else(|_| Stdio::null(), Stdio::from),
            )
            .spawn()
            .expect("waymark starts")
    }

    /// Kills the app with SIGKILL, as a crash or a power cut would end it (no chance to
    /// clean up), and starts it again with the same configuration folder.
    fn kill_and_relaunch(&mut self) {
        let status = Command::new("kill")
            .args(["-KILL", &self.app.0.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        self.app.0.wait().expect("the killed app is reaped");
        self.app = Killed(Self::spawn_app(&self.display, self.dir.path()));
        self.window = self.wait_for_window();
        self.focus();
        Self::settle();
    }

    /// A key pressed while a modifier is held, with a pause around it as a person's
    /// fingers leave one (xdotool's "shift+F10" is so quick that winit may see the
    /// key before the modifier).
    fn chord(&self, modifier: &str, key: &str) {
        self.xdotool(&["keydown", modifier]);
        std::thread::sleep(Duration::from_millis(300));
        self.xdotool(&["key", key]);
        std::thread::sleep(Duration::from_millis(300));
        self.xdotool(&["keyup", modifier]);
        Self::settle();
    }

    /// The window's title.
    fn title(&self) -> String {
        let out = Command::new("xdotool")
            .args(["getwindowname", &self.window])
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool runs");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn wait_for_window(&mut self) -> String {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(90) {
            if let Ok(Some(status)) = self.app.0.try_wait() {
                let log = std::fs::read_to_string(self.dir.path().join("app-stderr.log"))
                    .unwrap_or_default();
                panic!("the app exited ({status}) before its window appeared:\n{log}");
            }
            let out = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", "Waymark"])
                .env("DISPLAY", &self.display)
                .output()
                .expect("xdotool runs");
            if let Some(id) = String::from_utf8_lossy(&out.stdout).lines().next() {
                return id.to_owned();
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        let log =
            std::fs::read_to_string(self.dir.path().join("app-stderr.log")).unwrap_or_default();
        panic!("the Waymark window did not appear within 90 s; the app said:\n{log}");
    }

    /// Gives the window the keyboard (there is no window manager to do it). A window
    /// that was just mapped may refuse for a moment: try again.
    fn focus(&self) {
        let start = Instant::now();
        loop {
            let ok = Command::new("xdotool")
                .args(["windowfocus", "--sync", &self.window])
                .env("DISPLAY", &self.display)
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the Waymark window never took the keyboard"
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn xdotool(&self, args: &[&str]) {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?} failed");
    }

    /// Lets the app draw a few frames after input (software GL in a debug build).
    fn settle() {
        std::thread::sleep(Duration::from_millis(1200));
    }

    fn key(&self, keys: &str) {
        self.xdotool(&["key", "--clearmodifiers", keys]);
        Self::settle();
    }

    fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "60", text]);
        Self::settle();
    }

    fn click(&self, (x, y): (f32, f32), repeat: u32) {
        let (x, y) = (format!("{x:.0}"), format!("{y:.0}"));
        let repeat = repeat.to_string();
        self.xdotool(&["mousemove", &x, &y]);
        std::thread::sleep(Duration::from_millis(200));
        self.xdotool(&["click", "--repeat", &repeat, "--delay", "90", "1"]);
        Self::settle();
    }

    /// The screen as an image.
    fn screenshot(&self) -> image::RgbaImage {
        let path = self.dir.path().join("screen.png");
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .env("DISPLAY", &self.display)
            .status()
            .expect("import runs");
        assert!(status.success(), "import could not take a screenshot");
        image::open(&path).expect("a PNG screenshot").to_rgba8()
    }
}

/// Where the map's document coordinates land on the screen: found from the stage
/// header band in a screenshot (the exact header colour), so the test does not guess
/// panel widths or the fitted zoom.
struct Placement {
    origin_doc: egui::Pos2,
    origin_px: egui::Pos2,
    zoom: f32,
}

impl Placement {
    fn find(screen: &image::RgbaImage, map: &MapLayout) -> Self {
        let c = color::STAGE_HEADER;
        let mut min = (u32::MAX, u32::MAX);
        let mut max = (0, 0);
        for (x, y, p) in screen.enumerate_pixels() {
            if p.0[0] == c.r() && p.0[1] == c.g() && p.0[2] == c.b() {
                min = (min.0.min(x), min.1.min(y));
                max = (max.0.max(x), max.1.max(y));
            }
        }
        assert!(min.0 < max.0, "no stage header on the screen");
        let first = map.stages.first().expect("a stage").header;
        let last = map.stages.last().expect("a stage").header;
        let zoom = (max.0 + 1 - min.0) as f32 / (last.right() - first.left());
        Self {
            origin_doc: first.min,
            origin_px: egui::pos2(min.0 as f32, min.1 as f32),
            zoom,
        }
    }

    fn to_screen(&self, doc: egui::Pos2) -> (f32, f32) {
        let p = self.origin_px + (doc - self.origin_doc) * self.zoom;
        (p.x, p.y)
    }
}

fn layout_of(project: &Project) -> MapLayout {
    let ctx = egui::Context::default();
    // One pass loads the fonts the layout measures text with.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let options = LayoutOptions {
        annotations: true,
        ..LayoutOptions::default()
    };
    layout_journey_with(project, &project.journeys[0], &EguiText(&ctx), &options)
}

/// Waits for a file to appear (a save is quick, but the window runs at its own pace).
fn wait_for_file(path: &Path) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if path.is_file() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

#[test]
fn add_copy_paste_undo_and_save_in_the_real_window() {
    if !tools_available() {
        return;
    }
    let session = Session::start();
    // Ctrl+N: a new blank map (the sample is unchanged, so nothing is asked).
    session.key("ctrl+n");
    let project = io::sample::blank_project();
    let map = layout_of(&project);
    let journey = &project.journeys[0];
    let lane = journey
        .lanes
        .iter()
        .position(|l| lane_family(&l.kind) == LaneFamily::Notes)
        .expect("a notes lane");
    let at = Placement::find(&session.screenshot(), &map);
    let cell = |stage: usize| {
        let x = map.stages[stage].column.center().x;
        let y = map.lanes[lane].row.center().y;
        at.to_screen(egui::pos2(x, y))
    };

    // Double-click an empty cell, type, Enter.
    session.click(cell(0), 2);
    session.type_text("Sign up online");
    session.key("Return");
    // The new card is selected: copy it with the keyboard, paste it into two cells.
    session.key("ctrl+c");
    session.click(cell(1), 1);
    session.key("ctrl+v");
    session.click(cell(2), 1);
    session.key("ctrl+v");
    // Undo the last paste only.
    session.key("ctrl+z");
    // Ctrl+S on an untitled map opens the in-app path entry.
    session.key("ctrl+s");
    let path: PathBuf = session.dir.path().join("saved.ron");
    session.key("ctrl+a");
    session.type_text(&path.display().to_string());
    session.key("Return");
    assert!(
        wait_for_file(&path),
        "Ctrl+S did not save {}",
        path.display()
    );

    let saved = io::load_file(&path).expect("the saved file loads");
    let j = &saved.journeys[0];
    let texts: Vec<(usize, &str)> = j.lanes[lane]
        .cards
        .iter()
        .map(|c| {
            let stage = j.stages.iter().position(|s| s.id == c.stage).unwrap();
            (stage, c.text.as_str())
        })
        .collect();
    assert_eq!(
        texts,
        vec![(0, "Sign up online"), (1, "Sign up online")],
        "typed card, one paste kept, the second undone"
    );
    let others: usize = j
        .lanes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != lane)
        .map(|(_, l)| l.cards.len())
        .sum();
    assert_eq!(others, 0, "nothing landed in another lane");
}

/// Waits until a recovery file in `config/recovery` holds `text`.
fn wait_for_recovery_copy(config: &Path, text: &str) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        let found = std::fs::read_dir(config.join("recovery"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
            .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(text)));
        if found {
            return true;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    false
}

#[test]
fn work_survives_a_kill_and_is_recovered_at_the_next_launch() {
    if !tools_available() {
        return;
    }
    let mut session = Session::start();
    session.key("ctrl+n");
    let project = io::sample::blank_project();
    let map = layout_of(&project);
    let lane = project.journeys[0]
        .lanes
        .iter()
        .position(|l| lane_family(&l.kind) == LaneFamily::Notes)
        .expect("a notes lane");
    let at = Placement::find(&session.screenshot(), &map);
    let cell = at.to_screen(egui::pos2(
        map.stages[0].column.center().x,
        map.lanes[lane].row.center().y,
    ));
    session.click(cell, 2);
    session.type_text("Written before the crash");
    session.key("Return");
    // Autosave copies it within seconds, without being asked.
    let config = session.dir.path().join("config");
    assert!(
        wait_for_recovery_copy(&config, "Written before the crash"),
        "no recovery copy was written"
    );

    session.kill_and_relaunch();
    // The recovery question has the focus: Tab reaches Recover, Enter chooses it.
    session.key("Tab");
    session.key("Return");
    // The recovered map, never saved before, is saved through the in-app path entry.
    session.key("ctrl+s");
    let path: PathBuf = session.dir.path().join("recovered.ron");
    session.key("ctrl+a");
    session.type_text(&path.display().to_string());
    session.key("Return");
    assert!(wait_for_file(&path), "the recovered map was not saved");
    let saved = io::load_file(&path).expect("the saved file loads");
    let texts: Vec<&str> = saved.journeys[0].lanes[lane]
        .cards
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["Written before the crash"]);
}

/// The box (min x, min y, max x, max y) of the pixels of exactly colour `c`, if any.
fn colour_box(screen: &image::RgbaImage, c: egui::Color32) -> Option<(u32, u32, u32, u32)> {
    let mut found = None;
    for (x, y, p) in screen.enumerate_pixels() {
        if p.0[0] == c.r() && p.0[1] == c.g() && p.0[2] == c.b() {
            let (x0, y0, x1, y1) = found.unwrap_or((x, y, x, y));
            found = Some((x0.min(x), y0.min(y), x1.max(x), y1.max(y)));
        }
    }
    found
}

/// True while a window named `name` is shown on the session's display.
fn window_shown(session: &Session, name: &str) -> bool {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", name])
        .env("DISPLAY", &session.display)
        .output()
        .expect("xdotool runs");
    !String::from_utf8_lossy(&out.stdout).trim().is_empty()
}

#[test]
fn f5_presents_right_steps_and_escape_leaves_in_the_real_window() {
    if !tools_available() {
        return;
    }
    let session = Session::start();
    let header = waymark::theme::PROJECTOR.stage_header;
    let screen = session.screenshot();
    assert!(
        colour_box(&screen, header).is_none(),
        "the editor uses its own palette"
    );
    // F5: the overview in the projector palette, every stage header in its colour, and
    // the presenter console in a window of its own.
    session.key("F5");
    let overview = colour_box(&session.screenshot(), header).expect("the projector's headers");
    let overview_width = overview.2 - overview.0;
    assert!(
        overview_width > screen.width() / 2,
        "the overview spans the screen: {overview:?}"
    );
    assert!(window_shown(&session, "Presenter console"));
    // With no window manager both windows open at the top-left corner: the console is
    // moved off the projector view, as a facilitator drags it to the laptop's screen.
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "Presenter console"])
        .env("DISPLAY", &session.display)
        .output()
        .expect("xdotool runs");
    let console = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    session.xdotool(&["windowmove", &console, "1590", "990"]);
    // Right (a clicker's key): the first stage in the spotlight, the others veiled.
    session.focus();
    session.key("Right");
    let spot = colour_box(&session.screenshot(), header).expect("the spotlit header");
    // One header in the spotlight, enlarged for 24 px text (wider than in the
    // overview), with no neighbour in the same colour beside it.
    let spot_width = spot.2 - spot.0;
    assert!(
        spot_width * 2 < screen.width() && spot_width > overview_width / 7,
        "one header in the spotlight: {spot:?}, overview {overview:?}"
    );
    assert!(
        spot.0 < screen.width() / 2,
        "the first stage is on the left: {spot:?}"
    );
    // Escape: back in the editor, console closed.
    session.key("Escape");
    let back = session.screenshot();
    assert!(colour_box(&back, header).is_none(), "the editor is back");
    assert!(colour_box(&back, color::STAGE_HEADER).is_some());
    assert!(!window_shown(&session, "Presenter console"));
}

#[test]
fn copy_as_mermaid_then_ctrl_v_on_the_canvas_adds_the_journey_in_the_real_window() {
    if !tools_available() {
        return;
    }
    let session = Session::start();
    session.key("ctrl+n");
    let project = io::sample::blank_project();
    let map = layout_of(&project);
    let journey = &project.journeys[0];
    let lane = journey
        .lanes
        .iter()
        .position(|l| l.kind == waymark::model::LaneKind::Text(waymark::model::TextRole::Actions))
        .expect("an actions lane");
    let at = Placement::find(&session.screenshot(), &map);
    let cell = |stage: usize| {
        let x = map.stages[stage].column.center().x;
        let y = map.lanes[lane].row.center().y;
        at.to_screen(egui::pos2(x, y))
    };
    // A task to carry over: an action card (the stage has no touchpoint).
    session.click(cell(0), 2);
    session.type_text("Sign up online");
    session.key("Return");
    // Map > Copy as Mermaid, through the command palette: the platform's clipboard.
    session.key("ctrl+k");
    session.type_text("copy as mermaid");
    session.key("Return");
    // Ctrl+V on the canvas: the Mermaid text becomes a new journey.
    session.click(cell(1), 1);
    session.key("ctrl+v");
    session.key("ctrl+s");
    let path: PathBuf = session.dir.path().join("saved.ron");
    session.key("ctrl+a");
    session.type_text(&path.display().to_string());
    session.key("Return");
    assert!(
        wait_for_file(&path),
        "Ctrl+S did not save {}",
        path.display()
    );
    let saved = io::load_file(&path).expect("the saved file loads");
    assert_eq!(saved.journeys.len(), 2, "the pasted journey was added");
    let pasted = &saved.journeys[1];
    assert_eq!(pasted.title, saved.journeys[0].title);
    let stages: Vec<&str> = pasted.stages.iter().map(|s| s.name.as_str()).collect();
    let original: Vec<&str> = journey.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, original);
    let tasks: Vec<(&str, usize)> = pasted
        .touchpoints()
        .map(|c| {
            let stage = pasted.stages.iter().position(|s| s.id == c.stage).unwrap();
            (c.text.as_str(), stage)
        })
        .collect();
    assert_eq!(tasks, [("Sign up online", 0)]);
}

/// How many pixels of `area` (x0, y0, x1, y1) are within 12 of colour `c` in every
/// channel.
fn near_colour_count(
    screen: &image::RgbaImage,
    c: egui::Color32,
    area: (u32, u32, u32, u32),
) -> usize {
    let near = |a: u8, b: u8| a.abs_diff(b) <= 12;
    screen
        .enumerate_pixels()
        .filter(|(x, y, p)| {
            (area.0..=area.2).contains(x)
                && (area.1..=area.3).contains(y)
                && near(p.0[0], c.r())
                && near(p.0[1], c.g())
                && near(p.0[2], c.b())
        })
        .count()
}

#[test]
fn alt_arrows_shift_f10_and_f10_work_through_the_real_window() {
    if !tools_available() {
        return;
    }
    let session = Session::start();
    let header = color::STAGE_HEADER;
    let band = colour_box(&session.screenshot(), header).expect("the stage headers");
    // Click the first stage's header: it is selected, with the focus ring around it.
    // (The band's top may be the persona's badge, drawn in the same colour: the
    // headers are at its bottom.)
    let around = (
        band.0.saturating_sub(12),
        band.3.saturating_sub(40),
        band.0 + 120,
        band.3 + 12,
    );
    let before = near_colour_count(&session.screenshot(), color::FOCUS_RING, around);
    session.click((band.0 as f32 + 25.0, band.3 as f32 - 8.0), 1);
    let after = near_colour_count(&session.screenshot(), color::FOCUS_RING, around);
    assert!(
        after > before + 100,
        "no focus ring around the selected stage {band:?}: {before} then {after} pixels"
    );
    // Alt+Right pans the map: the header band moves left.
    session.chord("Alt_L", "Right");
    let panned = colour_box(&session.screenshot(), header).unwrap();
    assert!(
        panned.2 + 60 < band.2,
        "Alt+Right did not pan: {band:?} then {panned:?}"
    );
    // Shift+F10: the stage's menu, first item focused; Down, Enter: "Add stage before"
    // (the window's title then marks the document changed).
    assert!(!session.title().starts_with('●'), "{}", session.title());
    session.chord("Shift_L", "F10");
    session.key("Down");
    session.key("Return");
    session.key("Escape");
    assert!(
        session.title().starts_with('●'),
        "no stage was added from the keyboard menu: {}",
        session.title()
    );
    // F10 opens File; Right opens Edit, whose first item (Undo) Enter runs: the
    // document is back as it was.
    session.key("F10");
    session.key("Right");
    session.key("Return");
    assert!(
        !session.title().starts_with('●'),
        "F10, Right, Enter did not undo the new stage: {}",
        session.title()
    );
}

#[test]
fn alt_and_a_letter_and_alt_alone_open_the_menus_through_the_real_window() {
    if !tools_available() {
        return;
    }
    let session = Session::start();
    assert!(!session.title().starts_with('●'), "{}", session.title());
    // Alt+M opens the Map menu, its first item ("Add stage at end") focused: Enter adds
    // a stage (the window's title then marks the document changed).
    session.chord("Alt_L", "m");
    session.key("Return");
    session.key("Escape");
    assert!(
        session.title().starts_with('●'),
        "Alt+M, Enter did not add a stage: {}",
        session.title()
    );
    // Alt pressed and released alone opens File (as F10 does); Right opens Edit, whose
    // first item (Undo) Enter runs: the document is back as it was.
    session.xdotool(&["keydown", "Alt_L"]);
    std::thread::sleep(Duration::from_millis(300));
    session.xdotool(&["keyup", "Alt_L"]);
    Session::settle();
    session.key("Right");
    session.key("Return");
    assert!(
        !session.title().starts_with('●'),
        "Alt, Right, Enter did not undo the new stage: {}",
        session.title()
    );
}
