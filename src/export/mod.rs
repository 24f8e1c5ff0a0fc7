//! PNG export: the same paint code as the canvas, run in a headless egui context and
//! rasterised on the CPU.
