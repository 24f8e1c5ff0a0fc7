//! Exporting the sample map to PNG: render (layout, paint, tessellate, rasterise) plus
//! PNG encoding, at poster size and at screen size.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails must stop"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::export::{ExportOptions, Exporter, raster};
use waymark::io::sample::sample_project;

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

criterion_group!(benches, export_benches);
criterion_main!(benches);
