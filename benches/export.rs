//! Exporting the sample map to PNG: render (layout, paint, tessellate, rasterise) plus
//! PNG encoding, at poster size and at screen size. Exporting the sample and a
//! 100-stage map to PDF and SVG (shapes, fonts subset and embedded).

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails must stop"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::export::{self, ExportOptions, Exporter, raster};
use waymark::io::sample::{generated_project, sample_project};

fn export_benches(c: &mut Criterion) {
    let project = sample_project();
    let journey = &project.journeys[0];
    let exporter = Exporter::new();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for scale in [1.0f32, 4.0] {
        let options = ExportOptions {
            scale,
            ..ExportOptions::default()
        };
        let image = exporter
            .render(&project, journey, &options)
            .expect("render");
        let name = format!(
            "sample {}x{} px (render + PNG)",
            image.width(),
            image.height()
        );
        group.bench_function(&name, |b| {
            b.iter(|| {
                let image = exporter
                    .render(black_box(&project), journey, &options)
                    .expect("render");
                raster::encode_png(&image).expect("encode")
            });
        });
        let name = format!(
            "sample {}x{} px (render only)",
            image.width(),
            image.height()
        );
        group.bench_function(&name, |b| {
            b.iter(|| {
                exporter
                    .render(black_box(&project), journey, &options)
                    .expect("render")
            });
        });
    }
    group.finish();
}

fn vector_benches(c: &mut Criterion) {
    let exporter = Exporter::new();
    let options = ExportOptions::default();
    let mut group = c.benchmark_group("vector export");
    group.sample_size(10);
    let mut chinese = sample_project();
    if let Some(t) = waymark::io::templates::find(
        &waymark::io::templates::builtin().0,
        "classic-journey.zh-Hans",
    ) {
        chinese = t.project.clone();
    }
    for (name, project) in [
        ("sample", sample_project()),
        ("Chinese template", chinese),
        ("100 stages, 1,200 cards", generated_project(100, 12, 1_200)),
    ] {
        let journey = &project.journeys[0];
        let (pdf, _) =
            export::pdf_bytes(&exporter, &project, journey, &options, None).expect("pdf");
        let svg = export::svg_string(&exporter, &project, journey, &options, None).expect("svg");
        eprintln!("{name}: PDF {} bytes, SVG {} bytes", pdf.len(), svg.len());
        group.bench_function(format!("{name}: PDF"), |b| {
            b.iter(|| {
                export::pdf_bytes(&exporter, black_box(&project), journey, &options, None)
                    .expect("pdf")
            });
        });
        group.bench_function(format!("{name}: SVG"), |b| {
            b.iter(|| {
                export::svg_string(&exporter, black_box(&project), journey, &options, None)
                    .expect("svg")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, export_benches, vector_benches);
criterion_main!(benches);
