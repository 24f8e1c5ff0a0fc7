//! The template gallery (File > New from template…, and on first launch): a thumbnail
//! of each template painted by the same render code as the canvas, its name, description
//! and language, a search box and a language filter. A template starts a new project or
//! is inserted into the open one; the user's own templates can be deleted.

use crate::t;
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{ColorImage, Id, Modal, TextureHandle, TextureOptions};

use crate::app::files::{BrokenTemplate, TemplateList};
use crate::export::{ExportOptions, Exporter};
use crate::io::templates::{self, Source, Template};
use crate::model::{Persona, Project};

/// Width of a thumbnail in pixels.
const THUMB_WIDTH: u32 = 480;

/// Width of one template's card in the gallery, in points.
const CARD_WIDTH: f32 = 270.0;

/// What the user chose in the gallery.
pub enum Choice {
    /// Start a new project from this template.
    NewProject(Box<Project>),
    /// Add the template's journey, with every persona it refers to, to the open project.
    Insert(Box<crate::model::Journey>, Vec<Persona>),
    /// Delete this user template file.
    Delete(std::path::PathBuf),
}

/// The gallery's state while it is open.
pub struct Gallery {
    templates: Vec<Template>,
    broken: Vec<BrokenTemplate>,
    search: String,
    language: Option<String>,
    thumbs: HashMap<String, TextureHandle>,
    receiver: Option<Receiver<(String, ColorImage)>>,
    /// Why there are no thumbnails, if the painter could not start.
    message: Option<String>,
}

impl Gallery {
    /// Shows `list` and starts painting the thumbnails in the background.
    pub fn open(list: &TemplateList) -> Self {
        let templates = list.templates.clone();
        let broken = list.broken.clone();
        let jobs: Vec<(String, Project)> = templates
            .iter()
            .map(|t| (t.id.clone(), t.project.clone()))
            .collect();
        let (sender, receiver) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("waymark-thumbnails".into())
            .spawn(move || {
                let exporter = Exporter::new();
                for (id, project) in jobs {
                    let Some(image) = thumbnail(&exporter, &project) else {
                        continue;
                    };
                    if sender.send((id, image)).is_err() {
                        return; // The gallery was closed.
                    }
                }
            });
        // Without the thread the gallery still works, with no thumbnails.
        let (receiver, message) = match spawned {
            Ok(_) => (Some(receiver), None),
            Err(e) => (
                None,
                Some(t!("gallery-no-thumbnails", error = e.to_string())),
            ),
        };
        Self {
            templates,
            broken,
            search: String::new(),
            language: None,
            thumbs: HashMap::new(),
            receiver,
            message,
        }
    }

    fn receive_thumbnails(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.receiver else { return };
        loop {
            match rx.try_recv() {
                Ok((id, image)) => {
                    let texture =
                        ctx.load_texture(format!("thumb-{id}"), image, TextureOptions::LINEAR);
                    self.thumbs.insert(id, texture);
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(50));
                    break;
                }
                Err(TryRecvError::Disconnected) => {
                    self.receiver = None;
                    break;
                }
            }
        }
    }

    /// Shows the gallery. Sets `close` when it should close.
    /// `list` is the app's current list of templates (it changes when one is deleted).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        list: Option<&TemplateList>,
        close: &mut bool,
    ) -> Option<Choice> {
        if let Some(list) = list
            && (list.templates.len() != self.templates.len() || list.broken != self.broken)
        {
            self.templates.clone_from(&list.templates);
            self.broken.clone_from(&list.broken);
        }
        self.receive_thumbnails(ctx);
        let mut choice = None;
        let mut delete = None;
        let screen = ctx.content_rect().size();
        let width = (screen.x - 120.0).clamp(320.0, 1240.0);
        let height = (screen.y - 120.0).max(260.0);
        Modal::new(Id::unique("template_gallery")).show(ctx, |ui| {
            ui.set_width(width);
            ui.horizontal(|ui| {
                ui.heading(t!("gallery-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(t!("gallery-close")).clicked() {
                        *close = true;
                    }
                });
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(t!("gallery-search"));
                let search = ui
                    .add(egui::TextEdit::singleline(&mut self.search).desired_width(220.0))
                    .labelled_by(l.id);
                super::focus::take(ui, super::focus::Window::Gallery, &search);
                ui.separator();
                ui.selectable_value(&mut self.language, None, t!("gallery-all-languages"));
                let mut languages: Vec<String> =
                    self.templates.iter().map(|t| t.language.clone()).collect();
                languages.sort();
                languages.dedup();
                for lang in languages {
                    let name = templates::language_name(&lang).to_owned();
                    ui.selectable_value(&mut self.language, Some(lang), name);
                }
            });
            // A template that cannot be loaded is listed with what is wrong; the user's
            // own can be deleted here.
            for b in &self.broken {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, &b.message);
                    if let Some(path) = &b.path {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        let r = ui.button(t!("gallery-delete"));
                        let label = t!("gallery-delete-broken", name = &name);
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        if r.clicked() {
                            delete = Some(path.clone());
                        }
                    }
                });
            }
            if let Some(m) = &self.message {
                ui.label(m);
            }
            ui.separator();
            let query = self.search.trim().to_lowercase();
            let shown: Vec<&Template> = self
                .templates
                .iter()
                .filter(|t| self.language.as_ref().is_none_or(|l| &t.language == l))
                .filter(|t| {
                    query.is_empty()
                        || t.name.to_lowercase().contains(&query)
                        || t.description.to_lowercase().contains(&query)
                })
                .collect();
            if shown.is_empty() {
                ui.weak(t!("gallery-none"));
            }
            let columns = ((width + 12.0) / (CARD_WIDTH + 12.0)).floor().max(1.0) as usize;
            egui::ScrollArea::vertical()
                .max_height(height - 140.0)
                .min_scrolled_height(height - 160.0)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for row in shown.chunks(columns) {
                        ui.horizontal_top(|ui| {
                            for t in row {
                                ui.allocate_ui_with_layout(
                                    egui::vec2(CARD_WIDTH, 0.0),
                                    egui::Layout::top_down(egui::Align::Min),
                                    |ui| {
                                        ui.set_width(CARD_WIDTH);
                                        self.card_ui(ui, t, &mut choice, &mut delete, close);
                                    },
                                );
                            }
                        });
                        ui.add_space(8.0);
                    }
                    super::scroll_focus::follow_focus(ui);
                });
        });
        if let Some(path) = delete {
            choice = Some(Choice::Delete(path));
        }
        choice
    }
}

impl Gallery {
    /// One template: thumbnail, name, language, description and its buttons.
    fn card_ui(
        &self,
        ui: &mut egui::Ui,
        t: &Template,
        choice: &mut Option<Choice>,
        delete: &mut Option<std::path::PathBuf>,
        close: &mut bool,
    ) {
        ui.group(|ui| {
            ui.set_width(CARD_WIDTH - 14.0);
            let thumb = egui::vec2(CARD_WIDTH - 14.0, 150.0);
            match self.thumbs.get(&t.id) {
                Some(tex) => {
                    ui.add(
                        egui::Image::new(tex)
                            .fit_to_exact_size(thumb)
                            .maintain_aspect_ratio(true),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Image,
                            true,
                            t!("gallery-thumbnail", name = &t.name),
                        )
                    });
                }
                None => {
                    ui.add_sized(thumb, egui::Spinner::new());
                }
            }
            ui.strong(&t.name);
            ui.weak(if matches!(t.source, Source::User(_)) {
                t!("gallery-yours", language = t.language_name())
            } else {
                t.language_name().to_owned()
            });
            ui.add(egui::Label::new(egui::RichText::new(&t.description).small()).wrap());
            ui.horizontal_wrapped(|ui| {
                let named = |r: egui::Response, verb: String| {
                    let label = t!("gallery-named", verb = verb, name = &t.name);
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                    r
                };
                if named(
                    ui.button(t!("gallery-new-project")),
                    t!("gallery-new-project"),
                )
                .clicked()
                {
                    *choice = Some(Choice::NewProject(Box::new(t.project.clone())));
                    *close = true;
                }
                if named(ui.button(t!("gallery-insert")), t!("gallery-insert-short")).clicked()
                    && let Some(j) = t.project.journeys.first()
                {
                    let personas = templates::personas_of(&t.project, j);
                    *choice = Some(Choice::Insert(Box::new(j.clone()), personas));
                    *close = true;
                }
                if let Source::User(path) = &t.source
                    && named(ui.button(t!("gallery-delete")), t!("gallery-delete")).clicked()
                {
                    *delete = Some(path.clone());
                }
            });
        });
    }
}

/// Paints a template's journey with the export renderer and shrinks it to a thumbnail.
fn thumbnail(exporter: &Exporter, project: &Project) -> Option<ColorImage> {
    let journey = project.journeys.first()?;
    let options = ExportOptions {
        legend: false,
        ..ExportOptions::default()
    };
    let image = exporter.render(project, journey, &options).ok()?;
    let h = (image.height() * THUMB_WIDTH / image.width().max(1)).max(1);
    let small = image::imageops::resize(
        &image,
        THUMB_WIDTH,
        h,
        image::imageops::FilterType::Triangle,
    );
    Some(ColorImage::from_rgba_unmultiplied(
        [small.width() as usize, small.height() as usize],
        small.as_raw(),
    ))
}

/// The "Save journey as template" dialog: asks for a name.
pub struct SaveTemplateDialog {
    /// The template's name.
    pub name: String,
}

impl SaveTemplateDialog {
    /// Shows it; returns the name when the user saves. Sets `close` when done.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        config_dir: Option<&std::path::Path>,
        close: &mut bool,
    ) -> Option<String> {
        let mut chosen = None;
        Modal::new(Id::unique("save_template")).show(ctx, |ui| {
            ui.heading(t!("save-template-title"));
            if let Some(dir) = config_dir {
                ui.weak(t!(
                    "save-template-where",
                    path = dir.join("templates").display()
                ));
            }
            let l = ui.label(t!("save-template-name"));
            ui.add(egui::TextEdit::singleline(&mut self.name))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        !self.name.trim().is_empty(),
                        egui::Button::new(t!("save-template-save")),
                    )
                    .clicked()
                {
                    chosen = Some(self.name.trim().to_owned());
                    *close = true;
                }
                if ui.button(t!("button-cancel")).clicked() {
                    *close = true;
                }
            });
        });
        chosen
    }
}
